import { describe, expect, it } from "vitest";
import { isNewer } from "@/lib/billing/webhooks/apply";
import { eventFacts, stateKey } from "@/lib/billing/webhooks/facts";
import { parseWebhookEvent } from "@/lib/creem";
import {
  checkoutCompleted,
  customer,
  envelope,
  PRODUCTS,
  disputeCreated,
  refundCreated,
  subscription,
} from "../../../support/creem-payloads";

function facts(payload: unknown) {
  const parsed = parseWebhookEvent(payload);
  if (!parsed.ok) throw new Error(parsed.reason);
  return eventFacts(parsed.event);
}

const cust = customer("cust_1", "Buyer@Example.com");

describe("eventFacts", () => {
  it("reads a subscription event: product and seats from the item, email lower-cased, user from metadata", () => {
    const sub = subscription(
      {
        id: "sub_1",
        status: "active",
        productId: PRODUCTS.teamMonthly,
        units: 4,
        periodStart: 0,
        periodEnd: 1000,
        metadata: { userId: "u_1" },
      },
      cust,
      500,
    );
    const f = facts(envelope("evt_1", "subscription.update", 1234, sub));
    expect(f).toMatchObject({
      at: new Date(1234),
      source: "event:evt_1",
      hints: { userId: "u_1", customerId: "cust_1", email: "buyer@example.com" },
      subscription: {
        id: "sub_1",
        productId: PRODUCTS.teamMonthly,
        units: 4,
        status: "active",
        currentPeriodEnd: new Date(1000),
      },
    });
  });

  it("reads the workspace the checkout metadata names; a missing, empty, non-string or over-200-character one is no hint", () => {
    const withMetadata = (metadata: Record<string, unknown>) =>
      facts(
        envelope(
          "evt_w",
          "subscription.active",
          1234,
          subscription(
            { id: "sub_w", status: "active", periodStart: 0, periodEnd: 1000, metadata },
            cust,
            500,
          ),
        ),
      ).hints.workspaceId;
    expect(withMetadata({ userId: "u_1", workspaceId: "wsp_1" })).toBe("wsp_1");
    expect(withMetadata({ userId: "u_1" })).toBeUndefined();
    expect(withMetadata({ workspaceId: "" })).toBeUndefined();
    expect(withMetadata({ workspaceId: 42 })).toBeUndefined();
    expect(withMetadata({ workspaceId: "w".repeat(200) })).toBe("w".repeat(200));
    expect(withMetadata({ workspaceId: "w".repeat(201) })).toBeUndefined();
  });

  it("reads a one-time checkout as a purchase with its license keys", () => {
    const f = facts(
      checkoutCompleted({
        eventId: "evt_2",
        at: 99,
        checkoutId: "ch_1",
        requestId: "req_1",
        customer: cust,
        productId: PRODUCTS.lifetime,
        orderId: "ord_1",
        licenseKey: "KEY-1",
      }),
    );
    expect(f.subscription).toBeUndefined();
    expect(f.purchase).toMatchObject({
      id: "ord_1",
      checkoutId: "ch_1",
      productId: PRODUCTS.lifetime,
      amount: 29900,
      currency: "USD",
    });
    expect(f.licenses).toEqual([
      expect.objectContaining({ key: "KEY-1", activationLimit: 3, customerId: "cust_1" }),
    ]);
    expect(f.hints.requestId).toBe("req_1");
  });

  it("reads a subscription checkout whose nested product and customer are ids", () => {
    const f = facts(
      checkoutCompleted({
        eventId: "evt_3",
        at: 5,
        checkoutId: "ch_2",
        customer: cust,
        productId: PRODUCTS.proMonthly,
        orderId: "ord_2",
        subscription: { id: "sub_2", status: "active", periodStart: 0, periodEnd: 10 },
      }),
    );
    expect(f.purchase).toBeUndefined();
    expect(f.subscription).toMatchObject({
      id: "sub_2",
      customerId: "cust_1",
      customerEmail: "buyer@example.com",
      productId: PRODUCTS.proMonthly,
    });
  });

  it("a refund is stored as told, of a one-time order or of a subscription payment", () => {
    expect(facts(refundCreated("evt_4", 7, "ord_1", cust)).reversal).toEqual({
      id: "ref_evt_4",
      kind: "refund",
      status: "succeeded",
      amount: 29900,
      currency: "USD",
      orderId: "ord_1",
      transactionId: "tran_ord_1",
      transactionPaid: 29900,
      paidAt: new Date(1_700_000_000_000),
      customerId: "cust_1",
    });
    const partial = refundCreated("evt_5", 7, "ord_9", cust, {
      subscriptionId: "sub_1",
      status: "failed",
      amount: 1900,
      refundAmount: 100,
      periodStart: 1000,
      periodEnd: 2000,
    });
    expect(facts(partial).reversal).toMatchObject({
      kind: "refund",
      status: "failed",
      amount: 100,
      transactionPaid: 1900,
      subscriptionId: "sub_1",
      periodStart: new Date(1000),
      periodEnd: new Date(2000),
    });
  });

  it("a dispute is stored as an open reversal of its payment", () => {
    expect(facts(disputeCreated("evt_d", 9, "ord_2", cust)).reversal).toMatchObject({
      id: "disp_evt_d",
      kind: "dispute",
      status: "open",
      amount: 29900,
      orderId: "ord_2",
    });
  });

  it("unhandled events carry no facts", () => {
    const f = facts(envelope("evt_6", "credits.granted", 1, { id: "x" }));
    expect(f.subscription ?? f.purchase ?? f.reversal).toBeUndefined();
    expect(f.licenses).toEqual([]);
  });
});

describe("isNewer and stateKey", () => {
  it("orders by CREEM time, then by key so ties resolve the same way in any order", () => {
    const a = { at: new Date(2), key: "event:evt_a" };
    const b = { at: new Date(1), key: "event:evt_z" };
    expect(isNewer(a, b)).toBe(true);
    expect(isNewer(b, a)).toBe(false);
    const c = { at: new Date(2), key: "event:evt_b" };
    expect(isNewer(c, a)).toBe(true);
    expect(isNewer(a, c)).toBe(false);
    expect(isNewer(a, a)).toBe(false);
  });

  it("within one time, a later object version wins, then the later lifecycle status", () => {
    const at = new Date(5);
    const fact = (status: string, updatedAt: number) => ({
      id: "sub_1",
      customerId: "c",
      productId: "p",
      status,
      units: 1,
      updatedAt: new Date(updatedAt),
    });
    const key = (status: string, updatedAt: number, source: string) => ({
      at,
      key: stateKey(fact(status, updatedAt), source),
    });
    // Same time and version: canceled beats unpaid whatever the event ids.
    expect(isNewer(key("canceled", 1, "event:evt_a"), key("unpaid", 1, "event:evt_z"))).toBe(true);
    expect(isNewer(key("unpaid", 1, "event:evt_z"), key("canceled", 1, "event:evt_a"))).toBe(false);
    expect(isNewer(key("unpaid", 1, "event:evt_a"), key("active", 1, "event:evt_z"))).toBe(true);
    // A later object version beats any status.
    expect(isNewer(key("active", 2, "event:evt_a"), key("canceled", 1, "event:evt_z"))).toBe(true);
  });
});
