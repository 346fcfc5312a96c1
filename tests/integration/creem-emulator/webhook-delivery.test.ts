import { afterEach, describe, expect, it } from "vitest";
import { PRODUCT_IDS, webhookSignature } from "../../../creem-emulator/src/index";
import {
  buy,
  control,
  startReceiver,
  startTestEmulator,
  WEBHOOK_SECRET,
  type Emulator,
  type ReceiverReply,
} from "./helpers";

interface DeliveryRow {
  event_id: string;
  attempt: number;
  trigger: string;
  status_code: number | null;
  error: string | null;
  ok: boolean;
  final: boolean;
  sent_at: string;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An emulator with one active subscription, and a receiver that only then starts receiving. */
async function setup(respond: (n: number, body: string) => ReceiverReply, options = {}) {
  const emulator: Emulator = await startTestEmulator(options);
  const receiver = await startReceiver(respond);
  cleanups.push(
    () => emulator.close(),
    () => receiver.close(),
  );
  const purchase = await buy(emulator, PRODUCT_IDS.proMonthly, "hooks@example.com");
  await control(emulator, "POST", "/webhook", { url: receiver.url });
  return { emulator, receiver, subscriptionId: purchase.subscriptionId };
}

async function advanceOnce(emulator: Emulator, subscriptionId: string): Promise<string> {
  const result = await control<{ events: Array<{ id: string }> }>(
    emulator,
    "POST",
    `/subscriptions/${subscriptionId}/advance`,
    {},
  );
  return result.body.events[0]?.id ?? "";
}

const deliveriesOf = async (emulator: Emulator, eventId: string) =>
  (await control<{ items: DeliveryRow[] }>(emulator, "GET", `/deliveries?event_id=${eventId}`)).body.items;

describe("webhook delivery", () => {
  it("retries a failing receiver on the configured delays and logs every attempt", async () => {
    const { emulator, receiver, subscriptionId } = await setup((n) => (n < 2 ? 500 : 200));
    const eventId = await advanceOnce(emulator, subscriptionId);
    await emulator.webhooks.idle();

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    const log = await deliveriesOf(emulator, eventId);
    expect(log.map((d) => [d.attempt, d.trigger, d.status_code, d.ok, d.final])).toEqual([
      [1, "initial", 500, false, false],
      [2, "retry", 500, false, false],
      [3, "retry", 200, true, true],
    ]);
    expect(log[0]?.error).toBe("HTTP 500: nope");
    const gap = Date.parse(log[1]?.sent_at ?? "") - Date.parse(log[0]?.sent_at ?? "");
    expect(gap).toBeGreaterThanOrEqual(45);
    const event = await control<{ delivery_status: string }>(emulator, "GET", `/events/${eventId}`);
    expect(event.body.delivery_status).toBe("delivered");
  });

  it("gives up after 5 attempts and marks the event failed", async () => {
    const { emulator, subscriptionId } = await setup(() => 503);
    const eventId = await advanceOnce(emulator, subscriptionId);
    await emulator.webhooks.idle();
    const log = await deliveriesOf(emulator, eventId);
    expect(log.map((d) => d.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(log.map((d) => d.final)).toEqual([false, false, false, false, true]);
    expect(
      (await control<{ delivery_status: string }>(emulator, "GET", `/events/${eventId}`)).body
        .delivery_status,
    ).toBe("failed");
  });

  it("times out a receiver that does not answer and retries", async () => {
    const { emulator, subscriptionId } = await setup((n) => (n === 0 ? "hang" : 204), {
      webhookTimeoutMs: 150,
    });
    const eventId = await advanceOnce(emulator, subscriptionId);
    await emulator.webhooks.idle();
    const log = await deliveriesOf(emulator, eventId);
    expect(log.map((d) => [d.status_code, d.error, d.ok])).toEqual([
      [null, "Timed out after 150 ms", false],
      [204, null, true],
    ]);
  });

  it("sends one subscription's events in creation order even when the receiver is slow", async () => {
    const emulator = await startTestEmulator();
    const receiver = await startReceiver((n) => ({ status: 200, delayMs: n === 0 ? 80 : 0 }));
    cleanups.push(
      () => emulator.close(),
      () => receiver.close(),
    );
    await control(emulator, "POST", "/webhook", { url: receiver.url });
    await buy(emulator, PRODUCT_IDS.proMonthly, "order@example.com");
    await emulator.webhooks.idle();
    expect(receiver.events().map((e) => e.eventType)).toEqual([
      "checkout.completed",
      "subscription.active",
      "subscription.paid",
    ]);
    // The second event waited for the receiver's slow answer to the first.
    const [first, second] = receiver.received;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(75);
    for (const delivery of receiver.received) {
      expect(delivery.signature).toBe(webhookSignature(delivery.body, WEBHOOK_SECRET));
    }
  });

  it("resends a past event with the same id and body, once or twice", async () => {
    const { emulator, receiver, subscriptionId } = await setup(() => 200);
    const eventId = await advanceOnce(emulator, subscriptionId);
    await emulator.webhooks.idle();
    const resent = await control<{ deliveries: DeliveryRow[] }>(
      emulator,
      "POST",
      `/events/${eventId}/resend`,
      { times: 2 },
    );
    expect(resent.body.deliveries.map((d) => [d.event_id, d.trigger, d.ok])).toEqual([
      [eventId, "resend", true],
      [eventId, "resend", true],
    ]);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.signature)).size).toBe(1);
    expect(receiver.events()[2]?.id).toBe(eventId);
  });

  it("sends chosen events in reversed order, and holds then releases new ones reversed", async () => {
    const { emulator, receiver } = await setup(() => 200);
    const listed = await control<{ items: Array<{ id: string; eventType: string }> }>(
      emulator,
      "GET",
      "/events",
    );
    const ids = listed.body.items.map((e) => e.id);
    await control(emulator, "POST", "/events/send", { event_ids: ids, order: "reversed" });
    expect(receiver.events().map((e) => e.id)).toEqual([...ids].reverse());

    await control(emulator, "POST", "/webhook/hold");
    await buy(emulator, PRODUCT_IDS.proYearly, "held@example.com");
    expect(receiver.received).toHaveLength(3);
    await control(emulator, "POST", "/webhook/release", { order: "reversed" });
    expect(
      receiver
        .events()
        .slice(3)
        .map((e) => e.eventType),
    ).toEqual(["subscription.paid", "subscription.active", "checkout.completed"]);
  });

  it("only records events while no webhook URL is set", async () => {
    const emulator = await startTestEmulator();
    cleanups.push(() => emulator.close());
    await buy(emulator, PRODUCT_IDS.proMonthly, "quiet@example.com");
    const events = await control<{ items: Array<{ delivery_status: string }> }>(emulator, "GET", "/events");
    expect(events.body.items.map((e) => e.delivery_status)).toEqual(["not_sent", "not_sent", "not_sent"]);
    expect((await control<{ items: unknown[] }>(emulator, "GET", "/deliveries")).body.items).toEqual([]);
    const resend = await control(
      emulator,
      "POST",
      `/events/${emulator.store.state.events[0]?.id ?? ""}/resend`,
      {},
    );
    expect(resend.status).toBe(409);
  });
});
