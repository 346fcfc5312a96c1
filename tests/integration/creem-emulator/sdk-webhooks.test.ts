import * as components from "creem/models/components";
import { constructWebhookEventEntity, verifyWebhookSignature } from "creem/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENT_TYPES, PRODUCT_IDS, type EventType } from "../../../creem-emulator/src/index";
import {
  api,
  buy,
  control,
  startReceiver,
  startTestEmulator,
  WEBHOOK_SECRET,
  type Emulator,
} from "./helpers";

// Drives the emulator through flows that emit every event type it knows, then checks each delivered body
// with the SDK's own webhook helpers (`creem/webhooks`) and the event's specific SDK schema.

const SPECIFIC_PARSERS: Record<EventType, (json: string) => { ok: boolean; error?: unknown }> = {
  "checkout.completed": components.webhookCheckoutCompletedEventEntityFromJSON,
  "subscription.active": components.webhookSubscriptionActiveEventEntityFromJSON,
  "subscription.trialing": components.webhookSubscriptionTrialingEventEntityFromJSON,
  "subscription.paid": components.webhookSubscriptionPaidEventEntityFromJSON,
  "subscription.update": components.webhookSubscriptionUpdateEventEntityFromJSON,
  "subscription.scheduled_cancel": components.webhookSubscriptionScheduledCancelEventEntityFromJSON,
  "subscription.canceled": components.webhookSubscriptionCanceledEventEntityFromJSON,
  "subscription.paused": components.webhookSubscriptionPausedEventEntityFromJSON,
  "subscription.past_due": components.webhookSubscriptionPastDueEventEntityFromJSON,
  "subscription.unpaid": components.webhookSubscriptionUnpaidEventEntityFromJSON,
  "subscription.expired": components.webhookSubscriptionExpiredEventEntityFromJSON,
  "refund.created": components.webhookRefundCreatedEventEntityFromJSON,
  "dispute.created": components.webhookDisputeCreatedEventEntityFromJSON,
};

let emulator: Emulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startTestEmulator({ webhookUrl: receiver.url });

  const pro = await buy(emulator, PRODUCT_IDS.proMonthly, "hooks-pro@example.com");
  await buy(emulator, PRODUCT_IDS.starterMonthly, "hooks-trial@example.com");
  const team = await buy(emulator, PRODUCT_IDS.teamMonthly, "hooks-team@example.com", { units: 2 });
  const lifetime = await buy(emulator, PRODUCT_IDS.lifetime, "hooks-lifetime@example.com");

  await api(emulator, "POST", `/v1/subscriptions/${team.subscriptionId}`, { items: [{ units: 4 }] });
  await api(emulator, "POST", `/v1/subscriptions/${team.subscriptionId}/cancel`, { mode: "scheduled" });
  await api(emulator, "POST", `/v1/subscriptions/${team.subscriptionId}/resume`);
  await api(emulator, "POST", `/v1/subscriptions/${team.subscriptionId}/pause`);
  await api(emulator, "POST", `/v1/subscriptions/${team.subscriptionId}/cancel`, {});

  for (let i = 0; i < 3; i += 1) {
    await control(emulator, "POST", `/subscriptions/${pro.subscriptionId}/advance`, { fail: true });
  }
  const checkout = await api<{ order: { transaction: string } }>(
    emulator,
    "GET",
    `/v1/checkouts?checkout_id=${lifetime.checkoutId}`,
  );
  await api(emulator, "POST", "/v1/refunds", { transaction_id: checkout.body.order.transaction });
  await control(emulator, "POST", "/trigger", {
    event: "dispute.created",
    customer_email: "hooks-pro@example.com",
  });
  await emulator.webhooks.idle();
});

afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

describe("webhooks against the official SDK", () => {
  it("delivers every event type the emulator knows", () => {
    const types = new Set(receiver.events().map((e) => e.eventType));
    expect([...types].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it("signs every body so that the SDK's verifyWebhookSignature accepts it, and only with the right secret", async () => {
    expect(receiver.received.length).toBeGreaterThan(EVENT_TYPES.length);
    for (const delivery of receiver.received) {
      expect(delivery.signature).toMatch(/^[0-9a-f]{64}$/);
      await expect(
        verifyWebhookSignature(delivery.body, delivery.headers, WEBHOOK_SECRET),
      ).resolves.toBeUndefined();
    }
    const first = receiver.received[0];
    await expect(
      verifyWebhookSignature(first?.body ?? "", first?.headers ?? {}, "whsec_wrong"),
    ).rejects.toThrow("Invalid webhook signature");
  });

  it("parses every delivered event with constructWebhookEventEntity and the event's own SDK schema", async () => {
    for (const delivery of receiver.received) {
      const entity = await constructWebhookEventEntity(delivery.body, delivery.headers, WEBHOOK_SECRET);
      const raw = JSON.parse(delivery.body) as { id: string; eventType: EventType; created_at: number };
      expect(entity.id).toBe(raw.id);
      expect(entity.eventType).toBe(raw.eventType);
      expect(Object.keys(raw)).toEqual(["id", "eventType", "created_at", "object"]);
      expect(raw.id).toMatch(/^evt_/);
      const specific = SPECIFIC_PARSERS[raw.eventType](delivery.body);
      expect(specific.error, `${raw.eventType} ${raw.id}`).toBeUndefined();
      expect(specific.ok).toBe(true);
    }
  });

  it("expands product and customer on subscription events and uses ids inside checkout.completed", () => {
    const events = receiver.events();
    const paid = events.find((e) => e.eventType === "subscription.paid")?.object as Record<string, unknown>;
    expect(paid.product).toMatchObject({ object: "product" });
    expect(paid.customer).toMatchObject({ object: "customer" });
    const completed = events.find((e) => e.eventType === "checkout.completed")?.object as {
      order: { object: string };
      subscription: { product: unknown; customer: unknown };
    };
    expect(completed.order.object).toBe("order");
    expect(typeof completed.subscription.product).toBe("string");
    expect(typeof completed.subscription.customer).toBe("string");
  });
});
