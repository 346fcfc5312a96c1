import { describe, expect, it } from "vitest";
import { isNewer } from "@/lib/billing/webhooks/apply";
import {
  checkoutFacts,
  eventFacts,
  factsFromPayload,
  factsPayload,
  stateKey,
  subscriptionFacts,
  type BillingFacts,
  type SubscriptionFact,
} from "@/lib/billing/webhooks/facts";
import { parseWebhookEvent, type Checkout, type Subscription } from "@/lib/creem";
import { customer, envelope, refundCreated, subscription } from "../../../support/creem-payloads";

// The shapes CREEM objects arrive in, field by field: what is kept, what defaults, and a sync's stored
// facts coming back with every date.

function parsed(payload: unknown) {
  const result = parseWebhookEvent(payload);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}
const cust = customer("cust_1", "buyer@example.com");
const d = (iso: string) => new Date(iso);

describe("a stored sync's facts", () => {
  it("come back with every date restored", () => {
    const facts: BillingFacts = {
      at: d("2026-01-01T00:00:00Z"),
      source: "sync:sub_1",
      hints: { customerId: "cust_1" },
      subscription: {
        id: "sub_1",
        customerId: "cust_1",
        productId: "prod_1",
        status: "canceled",
        units: 1,
        currentPeriodStart: d("2026-01-01T00:00:00Z"),
        currentPeriodEnd: d("2026-02-01T00:00:00Z"),
        canceledAt: d("2026-01-10T00:00:00Z"),
        updatedAt: d("2026-01-10T00:00:01Z"),
        startedAt: d("2025-12-01T00:00:00Z"),
      },
      purchase: { id: "ord_1", purchasedAt: d("2026-01-02T00:00:00Z") },
      reversal: {
        id: "ref_1",
        kind: "refund",
        status: "succeeded",
        periodStart: d("2026-01-01T00:00:00Z"),
        periodEnd: d("2026-02-01T00:00:00Z"),
        paidAt: d("2026-01-01T00:00:05Z"),
      },
      licenses: [
        {
          id: "lic_1",
          key: "KEY",
          productId: "prod_1",
          customerId: "cust_1",
          status: "active",
          activations: 0,
          activationLimit: 3,
          expiresAt: d("2027-01-01T00:00:00Z"),
        },
      ],
    };
    expect(factsFromPayload(factsPayload(facts))).toEqual(facts);
  });
});

describe("subscription facts", () => {
  const sub = (patch: Record<string, unknown> = {}) =>
    parsed(
      envelope("evt_1", "subscription.update", 1000, {
        ...subscription({ id: "sub_1", status: "active", periodStart: 0, periodEnd: 1000 }, cust, 500),
        ...patch,
      }),
    ).object as Subscription;

  it("a user id in metadata counts only when it is a non-empty string", () => {
    expect(
      subscriptionFacts(sub({ metadata: { userId: "" } }), d("2026-01-01"), "s").hints.userId,
    ).toBeUndefined();
    expect(
      subscriptionFacts(sub({ metadata: { userId: 42 } }), d("2026-01-01"), "s").hints.userId,
    ).toBeUndefined();
    expect(subscriptionFacts(sub({ metadata: { user_id: "u_1" } }), d("2026-01-01"), "s").hints.userId).toBe(
      "u_1",
    );
  });

  it("keeps the cancellation time, carries no licenses, and reads a customer without an email", () => {
    const canceled = subscriptionFacts(
      sub({ canceled_at: "2026-01-10T00:00:00.000Z" }),
      d("2026-01-11"),
      "s",
    );
    expect(canceled.subscription?.canceledAt).toEqual(d("2026-01-10T00:00:00.000Z"));
    expect(canceled.licenses).toEqual([]);
    const noEmail = subscriptionFacts(sub({ customer: { ...cust, email: undefined } }), d("2026-01-11"), "s");
    expect(noEmail.hints.email).toBeUndefined();
    expect(noEmail.subscription?.customerEmail).toBeUndefined();
  });

  it("the product comes from the object when it has no items", () => {
    expect(subscriptionFacts(sub({ items: undefined }), d("2026-01-01"), "s").subscription?.units).toBe(1);
  });

  it("within one time, a version CREEM dated wins over one without a date", () => {
    const base: SubscriptionFact = {
      id: "sub_1",
      customerId: "c",
      productId: "p",
      status: "active",
      units: 1,
    };
    const at = d("2026-01-01");
    const undated = { at, key: stateKey(base, "event:a") };
    const dated = { at, key: stateKey({ ...base, updatedAt: d("2025-12-31") }, "event:b") };
    expect(isNewer(dated, undated)).toBe(true);
    expect(isNewer(undated, dated)).toBe(false);
  });
});

describe("checkout facts", () => {
  it("keep the checkout's id and request id, and license fields as CREEM states them or their defaults", () => {
    const checkout = {
      id: "ch_1",
      requestId: "req_1",
      customer: cust,
      product: "prod_life",
      order: { id: "ord_1", type: "onetime", amount: 100 },
      licenseKeys: [
        {
          id: "lic_1",
          key: "K1",
          productId: "prod_life",
          status: "inactive",
          activation: 2,
          expiresAt: d("2027-01-01"),
        },
        { id: "lic_2", key: "K2", productId: "prod_life" },
      ],
    } as unknown as Checkout;
    const facts = checkoutFacts(checkout, d("2026-01-01"), "event:e");
    expect(facts.checkout).toEqual({ id: "ch_1", requestId: "req_1" });
    expect(
      facts.licenses.map(({ status, activations, expiresAt }) => ({ status, activations, expiresAt })),
    ).toEqual([
      { status: "inactive", activations: 2, expiresAt: d("2027-01-01") },
      { status: "active", activations: 0, expiresAt: null },
    ]);
  });
});

describe("refund facts", () => {
  const refund = (patch: Record<string, unknown>) => {
    const payload = refundCreated("evt_r", 7000, "ord_1", cust);
    return eventFacts(parsed({ ...payload, object: { ...(payload.object as object), ...patch } }));
  };

  it("what the payment took is its amount paid (after discounts), else its amount", () => {
    const transaction = {
      id: "tran_1",
      object: "transaction",
      amount: 1900,
      amount_paid: 1520,
      currency: "USD",
    };
    expect(refund({ transaction }).reversal?.transactionPaid).toBe(1520);
  });

  it("a refund naming neither order nor transaction object has no order; the hints name its customer", () => {
    const facts = refund({ transaction: "tran_9", order: undefined });
    expect(facts.reversal?.orderId).toBeUndefined();
    expect(facts.hints).toEqual({ customerId: "cust_1", email: "buyer@example.com" });
    expect(facts.licenses).toEqual([]);
  });

  it("the subscription named on the refund wins over the transaction's", () => {
    const transaction = {
      id: "tran_1",
      object: "transaction",
      amount: 1900,
      subscription: "sub_t",
      currency: "USD",
    };
    expect(refund({ transaction, subscription: "sub_r" }).reversal?.subscriptionId).toBe("sub_r");
  });
});
