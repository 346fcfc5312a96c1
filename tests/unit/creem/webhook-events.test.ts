import { describe, expect, it } from "vitest";
import { idOf } from "@/lib/creem/schemas/common";
import {
  CREDITS_EVENT_TYPES,
  isKnownWebhookEventType,
  KNOWN_WEBHOOK_EVENT_TYPES,
  parseWebhookBody,
  parseWebhookEvent,
  SUBSCRIPTION_EVENT_TYPES,
  type CreemWebhookEvent,
} from "@/lib/creem/webhook-events";
import {
  checkoutCompletedWire,
  customerWire,
  disputeWire,
  productWire,
  refundWire,
  subscriptionWire,
} from "./fixtures";

const CREATED_AT = 1728734325927;

function envelope(eventType: string, object: unknown, createdAt: unknown = CREATED_AT) {
  return { id: `evt_${eventType}`, eventType, created_at: createdAt, object };
}

function parsed(payload: unknown): CreemWebhookEvent {
  const result = parseWebhookEvent(payload);
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

describe("known event types", () => {
  it("lists every documented type once", () => {
    expect(new Set(KNOWN_WEBHOOK_EVENT_TYPES).size).toBe(KNOWN_WEBHOOK_EVENT_TYPES.length);
    expect(KNOWN_WEBHOOK_EVENT_TYPES).toEqual(
      expect.arrayContaining([
        "checkout.completed",
        "subscription.active",
        "subscription.trialing",
        "subscription.paid",
        "subscription.canceled",
        "subscription.scheduled_cancel",
        "subscription.expired",
        "subscription.unpaid",
        "subscription.update",
        "subscription.past_due",
        "subscription.paused",
        "refund.created",
        "dispute.created",
        "credits.granted",
        "credits.consumed",
        "credits.auto_recharged",
        "customer_credits.exhausted",
      ]),
    );
    expect(KNOWN_WEBHOOK_EVENT_TYPES).toHaveLength(17);
    expect(isKnownWebhookEventType("subscription.paid")).toBe(true);
    expect(isKnownWebhookEventType("invoice.created")).toBe(false);
  });
});

describe("parseWebhookEvent", () => {
  it("checkout.completed: checkout with order, customer, subscription (ids), product, metadata, request_id, license keys", () => {
    const event = parsed(envelope("checkout.completed", { ...checkoutCompletedWire, mode: "local" }));
    expect(event.kind).toBe("checkout");
    if (event.kind !== "checkout") return;
    expect(event.id).toBe("evt_checkout.completed");
    expect(event.eventType).toBe("checkout.completed");
    expect(event.createdAt).toEqual(new Date(CREATED_AT));
    const checkout = event.object;
    expect(checkout.mode).toBe("local");
    expect(checkout.requestId).toBe("req_123");
    expect(checkout.metadata).toEqual({ user_id: "user_42" });
    expect(typeof checkout.order === "object" && checkout.order.status).toBe("paid");
    expect(typeof checkout.customer === "object" && checkout.customer.email).toBe("buyer@example.com");
    expect(typeof checkout.product === "object" && checkout.product.billingType).toBe("recurring");
    const sub = checkout.subscription;
    expect(typeof sub === "object" && [sub.product, sub.customer, sub.status]).toEqual([
      "prod_1",
      "cust_1",
      "active",
    ]);
    expect(checkout.licenseKeys?.map((l) => l.key)).toEqual(["ABC-123"]);
  });

  for (const eventType of SUBSCRIPTION_EVENT_TYPES) {
    it(`${eventType}: subscription with product and customer expanded`, () => {
      const status =
        eventType === "subscription.update" || eventType === "subscription.paid"
          ? "active"
          : eventType.slice(13);
      const event = parsed(envelope(eventType, { ...subscriptionWire, status }));
      expect(event.kind).toBe("subscription");
      if (event.kind !== "subscription") return;
      expect(event.eventType).toBe(eventType);
      expect(event.object.status).toBe(status);
      expect(typeof event.object.product === "object" && event.object.product.name).toBe("Pro");
      expect(typeof event.object.customer === "object" && event.object.customer.email).toBe(
        "buyer@example.com",
      );
      expect(event.object.items?.[0]?.units).toBe(3);
      expect(event.object.currentPeriodEndDate).toEqual(new Date("2025-02-01T10:00:00.000Z"));
      expect(event.object.metadata).toEqual({ user_id: "user_42", plan_key: "pro" });
    });
  }

  it("subscription events tolerate ids, canceled_at, image_url: null and unknown statuses", () => {
    const event = parsed(
      envelope("subscription.canceled", {
        ...subscriptionWire,
        status: "canceled_by_admin",
        product: { ...productWire, image_url: null },
        customer: "cust_1",
        canceled_at: "2025-01-20T00:00:00.000Z",
      }),
    );
    if (event.kind !== "subscription") throw new Error("expected a subscription event");
    expect(event.object.status).toBe("canceled_by_admin");
    expect(event.object.canceledAt).toEqual(new Date("2025-01-20T00:00:00.000Z"));
    expect(idOf(event.object.customer)).toBe("cust_1");
    expect(typeof event.object.product === "object" && event.object.product.imageUrl).toBeUndefined();
  });

  it("refund.created: refund with transaction, order, subscription and customer", () => {
    const event = parsed(envelope("refund.created", refundWire));
    if (event.kind !== "refund") throw new Error("expected a refund event");
    expect(event.eventType).toBe("refund.created");
    expect(event.object.refundAmount).toBe(2261);
    expect(event.object.reason).toBe("requested_by_customer");
    expect(event.object.createdAt).toEqual(new Date(1736000000000));
    expect(typeof event.object.transaction === "object" && event.object.transaction.status).toBe("refunded");
    expect(idOf(event.object.order)).toBe("ord_1");
    expect(event.object.subscription).toBe("sub_1");
    expect(idOf(event.object.customer)).toBe(customerWire.id);
  });

  it("dispute.created: dispute with a chargeback transaction", () => {
    const event = parsed(
      envelope("dispute.created", {
        ...disputeWire,
        transaction: { ...disputeWire.transaction, status: "chargeback" },
      }),
    );
    if (event.kind !== "dispute") throw new Error("expected a dispute event");
    expect(event.object.amount).toBe(2261);
    expect(typeof event.object.transaction === "object" && event.object.transaction.status).toBe(
      "chargeback",
    );
    expect(event.object.createdAt).toEqual(new Date(1736100000000));
    expect(event.object.subscription).toBe("sub_1");
  });

  for (const eventType of CREDITS_EVENT_TYPES) {
    it(`${eventType}: known but unhandled, object passed through`, () => {
      const object = { id: "cg_1", customer_id: "cust_1", amount_minor_units: "100" };
      const event = parsed(envelope(eventType, object));
      expect(event).toEqual({
        id: `evt_${eventType}`,
        createdAt: new Date(CREATED_AT),
        kind: "unhandled",
        eventType,
        object,
      });
    });
  }

  it("an unknown event type parses as a generic envelope", () => {
    const event = parsed(envelope("invoice.finalized", { whatever: [1, 2, 3] }));
    expect(event).toEqual({
      id: "evt_invoice.finalized",
      createdAt: new Date(CREATED_AT),
      kind: "unhandled",
      eventType: "invoice.finalized",
      object: { whatever: [1, 2, 3] },
    });
    expect(parsed({ id: "evt_2", eventType: "brand.new" })).toMatchObject({
      kind: "unhandled",
      object: undefined,
    });
  });

  it("accepts an ISO created_at and tolerates a missing one", () => {
    expect(parsed(envelope("x.y", {}, "2024-10-12T11:58:45.927Z")).createdAt).toEqual(new Date(CREATED_AT));
    expect(parsed({ id: "evt_1", eventType: "x.y", object: {} }).createdAt).toBeUndefined();
  });

  it("reports, never throws, on a bad envelope", () => {
    for (const payload of [
      null,
      "text",
      42,
      [],
      {},
      { id: "evt_1" },
      { eventType: "checkout.completed" },
      { id: "", eventType: "a" },
    ]) {
      const result = parseWebhookEvent(payload);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toMatch(/invalid envelope/);
        expect(result.envelope).toBeUndefined();
      }
    }
  });

  it("reports a known event whose object is unreadable, keeping the envelope for de-duplication", () => {
    const result = parseWebhookEvent(envelope("checkout.completed", { object: "checkout" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/checkout\.completed/);
    expect(result.envelope?.id).toBe("evt_checkout.completed");
    expect(result.envelope?.eventType).toBe("checkout.completed");
  });
});

describe("parseWebhookBody", () => {
  it("parses the raw body as a string or bytes", () => {
    const raw = JSON.stringify(envelope("subscription.paid", subscriptionWire));
    const fromString = parseWebhookBody(raw);
    const fromBytes = parseWebhookBody(new TextEncoder().encode(raw));
    expect(fromString.ok && fromString.event.kind).toBe("subscription");
    expect(fromBytes).toEqual(fromString);
  });

  it("reports a body that is not JSON", () => {
    expect(parseWebhookBody("{not json")).toEqual({ ok: false, reason: "body is not JSON" });
  });
});
