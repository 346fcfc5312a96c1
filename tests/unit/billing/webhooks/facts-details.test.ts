import { describe, expect, it } from "vitest";
import {
  checkoutFacts,
  discountTerms,
  eventFacts,
  factsFromPayload,
  subscriptionFact,
} from "@/lib/billing/webhooks/facts";
import { parseWebhookEvent, type Checkout, type Subscription } from "@/lib/creem";
import {
  checkoutCompleted,
  customer,
  envelope,
  PRODUCTS,
  refundCreated,
  subscription,
} from "../../../support/creem-payloads";

// The less travelled paths of reading CREEM objects: discounts in their odd shapes, objects with parts
// missing, and what a stored sync payload may look like.

function parsed(payload: unknown) {
  const result = parseWebhookEvent(payload);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

const cust = customer("cust_1", "Buyer@Example.com");
const subPayload = (patch: Record<string, unknown> = {}) => ({
  ...subscription({ id: "sub_1", status: "active", periodStart: 0, periodEnd: 1000 }, cust, 500),
  ...patch,
});

describe("discountTerms", () => {
  it("reads CREEM's nested discount: the percent sits in `amount`, a `percentage` key wins, capped at 100", () => {
    expect(
      discountTerms({ discountCode: "LAUNCH20", type: "percentage", amount: 20, duration: "forever" }),
    ).toEqual({
      code: "LAUNCH20",
      type: "percentage",
      percentage: 20,
      duration: "forever",
      months: undefined,
    });
    expect(discountTerms({ type: "percentage", percentage: 30, amount: 99, duration: "once" })).toMatchObject(
      {
        percentage: 30,
        duration: "once",
      },
    );
    expect(discountTerms({ type: "percentage", amount: 250 })).toMatchObject({
      percentage: 100,
      duration: "forever",
    });
    expect(
      discountTerms({ type: "percentage", amount: 50, duration: "repeating", durationInMonths: 3 }),
    ).toMatchObject({
      duration: "repeating",
      months: 3,
    });
  });

  it("fixed amounts are rounded minor units; nothing off means no discount", () => {
    expect(discountTerms({ type: "fixed", amount: 499.6, duration: "once" })).toMatchObject({
      type: "fixed",
      amount: 500,
    });
    expect(discountTerms({ type: "fixed", amount: 0 })).toBeUndefined();
    expect(discountTerms({ type: "fixed" })).toBeUndefined();
    expect(discountTerms({ type: "percentage", amount: 0 })).toBeUndefined();
    expect(discountTerms({ type: "percentage" })).toBeUndefined();
    expect(discountTerms(undefined)).toBeUndefined();
  });
});

describe("subscriptionFact", () => {
  it("takes the customer, email and seats from the fallback when the object only has ids", () => {
    const event = parsed(
      envelope("evt_1", "subscription.active", 1000, subPayload({ customer: "cust_9", items: [] })),
    );
    const sub = event.object as Subscription;
    expect(subscriptionFact(sub, { customerId: "cust_x", email: "x@example.com", units: 7 })).toMatchObject({
      customerId: "cust_9",
      customerEmail: "x@example.com",
      productId: PRODUCTS.proMonthly,
      units: 7,
    });
    expect(subscriptionFact(sub, {})).toMatchObject({ units: 1, customerEmail: undefined });
  });

  it("without a customer or a product there is no fact to store", () => {
    const noCustomer = parsed(
      envelope("evt_1", "subscription.active", 1000, subPayload({ customer: undefined })),
    );
    expect(subscriptionFact(noCustomer.object as Subscription, {})).toBeUndefined();
    const noProduct = parsed(
      envelope("evt_1", "subscription.active", 1000, subPayload({ product: undefined, items: [] })),
    );
    expect(subscriptionFact(noProduct.object as Subscription, { customerId: "c" })).toBeUndefined();
  });

  it("a missing status reads as active; a resume clears a scheduled cancellation, other statuses say nothing", () => {
    const noStatus = parsed(
      envelope("evt_1", "subscription.update", 1000, subPayload({ status: undefined })),
    );
    expect(subscriptionFact(noStatus.object as Subscription, {})).toMatchObject({
      status: "active",
      cancelIntent: "none",
    });
    const scheduled = parsed(envelope("evt_1", "subscription.scheduled_cancel", 1000, subPayload()));
    expect(eventFacts(scheduled).subscription?.cancelIntent).toBe("period_end");
    const paused = parsed(envelope("evt_1", "subscription.paused", 1000, subPayload()));
    expect(eventFacts(paused).subscription?.cancelIntent).toBeUndefined();
    const trialing = parsed(envelope("evt_1", "subscription.trialing", 1000, subPayload()));
    expect(eventFacts(trialing).subscription).toMatchObject({ status: "trialing", cancelIntent: "none" });
  });
});

describe("checkoutFacts", () => {
  const checkout = (patch: Record<string, unknown>) => {
    const payload = checkoutCompleted({
      eventId: "evt_c",
      at: 5000,
      checkoutId: "ch_1",
      customer: cust,
      productId: PRODUCTS.lifetime,
      orderId: "ord_1",
      licenseKey: "KEY-1",
    });
    return parsed({ ...payload, object: { ...(payload.object as Record<string, unknown>), ...patch } })
      .object as Checkout;
  };

  it("a recurring order without its subscription is no purchase", () => {
    const order = { id: "ord_1", object: "order", type: "recurring", amount: 1900, currency: "USD" };
    expect(checkoutFacts(checkout({ order }), new Date(5000), "sync:x").purchase).toBeUndefined();
  });

  it("an order given by id: the purchase is kept with what the checkout says, dated by the fact", () => {
    const facts = checkoutFacts(checkout({ order: "ord_2" }), new Date(5000), "sync:x");
    expect(facts.purchase).toEqual({
      id: "ord_2",
      checkoutId: "ch_1",
      transactionId: undefined,
      customerId: "cust_1",
      customerEmail: "buyer@example.com",
      productId: PRODUCTS.lifetime,
      amount: undefined,
      currency: undefined,
      purchasedAt: new Date(5000),
    });
    expect(facts.licenses).toHaveLength(1);
  });

  it("licenses are only read with a customer to give them to, and need a key and a product", () => {
    expect(checkoutFacts(checkout({ customer: undefined }), new Date(5000), "s").licenses).toEqual([]);
    const keyless = checkout({
      license_keys: [{ id: "lic_1", object: "license", product_id: PRODUCTS.lifetime, status: "active" }],
    });
    expect(checkoutFacts(keyless, new Date(5000), "s").licenses).toEqual([]);
  });

  it("the metadata user of the subscription counts when the checkout has none", () => {
    const sub = {
      ...subPayload({ metadata: { user_id: "u_7" } }),
      product: PRODUCTS.proMonthly,
      customer: "cust_1",
    };
    const facts = checkoutFacts(checkout({ subscription: sub, metadata: {} }), new Date(5000), "s");
    expect(facts.hints.userId).toBe("u_7");
    expect(facts.purchase).toBeUndefined();
  });

  it("the workspace the checkout's metadata names wins; the subscription's counts when the checkout names none", () => {
    const sub = (workspaceId?: string) => ({
      ...subPayload({ metadata: workspaceId ? { workspaceId } : {} }),
      product: PRODUCTS.teamMonthly,
      customer: "cust_1",
    });
    const hint = (checkoutWorkspace: string | undefined, subWorkspace: string | undefined) =>
      checkoutFacts(
        checkout({
          subscription: sub(subWorkspace),
          metadata: checkoutWorkspace ? { workspaceId: checkoutWorkspace } : {},
        }),
        new Date(5000),
        "s",
      ).hints.workspaceId;
    expect(hint("wsp_checkout", "wsp_sub")).toBe("wsp_checkout");
    expect(hint("wsp_checkout", undefined)).toBe("wsp_checkout");
    expect(hint(undefined, "wsp_sub")).toBe("wsp_sub");
    expect(hint(undefined, undefined)).toBeUndefined();
  });
});

describe("reversal facts", () => {
  it("a refund whose transaction is an id, and one without a status", () => {
    const payload = refundCreated("evt_r", 7000, "ord_1", cust);
    const object = {
      ...(payload.object as Record<string, unknown>),
      transaction: "tran_9",
      status: undefined,
    };
    const facts = eventFacts(parsed({ ...payload, object }));
    expect(facts.reversal).toMatchObject({
      kind: "refund",
      status: "unknown",
      transactionId: "tran_9",
      transactionPaid: undefined,
      orderId: "ord_1",
    });
  });
});

describe("factsFromPayload", () => {
  it("is undefined for anything that is not a stored sync", () => {
    expect(factsFromPayload(null)).toBeUndefined();
    expect(factsFromPayload({})).toBeUndefined();
    expect(factsFromPayload({ facts: "text" })).toBeUndefined();
    expect(factsFromPayload({ id: "evt_1", eventType: "subscription.active" })).toBeUndefined();
  });

  it("restores dates only under date keys", () => {
    const facts = factsFromPayload({
      facts: { at: "2026-01-01T00:00:00.000Z", source: "2026-01-01T00:00:00.000Z", hints: {}, licenses: [] },
    });
    expect(facts).toEqual({
      at: new Date("2026-01-01T00:00:00.000Z"),
      source: "2026-01-01T00:00:00.000Z",
      hints: {},
      licenses: [],
    });
  });
});

describe("eventFacts", () => {
  it("an event without a time is dated at the epoch (older than anything CREEM reports)", () => {
    const event = parsed({ id: "evt_t", eventType: "subscription.active", object: subPayload() });
    expect(eventFacts(event).at).toEqual(new Date(0));
  });
});
