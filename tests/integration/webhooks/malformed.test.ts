import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { replayFailedEvents } from "@/lib/billing/webhooks/reconcile";
import {
  checkoutCompleted,
  customer,
  envelope,
  PRODUCTS,
  subscription,
  type SubState,
} from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { postWebhook } from "./route-support";
import { deliver, uid } from "./support";

// Issue #9 B: signed but malformed webhooks never cost an event. Each case goes through the real route
// handler and PostgreSQL; a signed body is applied, or recorded as invalid and answered 2xx, never a 500.

const db = testDb();
const DAY = 86_400_000;
const NESTED = "__nested_5000__";

function subEvent(patch: Partial<SubState> = {}, at = Date.now(), type = "subscription.active") {
  const state: SubState = {
    id: uid("sub"),
    status: "active",
    periodStart: at,
    periodEnd: at + 30 * DAY,
    ...patch,
  };
  const cust = customer(uid("cust"), `${uid("u")}@example.com`);
  return { subId: state.id, payload: envelope(uid("evt"), type, at, subscription(state, cust, at)) };
}

type Json = Record<string, unknown>;
const objectOf = (payload: { object: unknown }) => payload.object as Json;
const itemOf = (payload: { object: unknown }) => (objectOf(payload).items as Json[])[0]!;

async function expectRecordedInvalid(id: string, result: { status: number; body: Json | null }) {
  expect(result.status).toBe(200);
  expect(result.body).toMatchObject({ received: true, outcome: "invalid" });
  const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id } });
  expect(stored).toMatchObject({ outcome: "invalid", processedAt: null });
  expect(stored.lastError).toBeTruthy();
  return stored;
}

describe("unstorable characters (NUL, lone surrogates)", () => {
  it("applies an event with NUL and a lone surrogate in its strings, storing a clean copy and the exact bytes", async () => {
    const { subId, payload } = subEvent();
    (objectOf(payload).customer as Json).name = "Ada\u0000Lovelace";
    objectOf(payload).metadata = { note: "half \ud800 pair" };
    const body = JSON.stringify(payload);
    const result = await postWebhook(body);
    expect(result).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await db.subscription.count({ where: { id: subId } })).toBe(1);
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id: payload.id } });
    expect(Buffer.from(stored.rawBody!).equals(Buffer.from(body))).toBe(true);
    const cleaned = stored.payload as { object: { customer: Json; metadata: Json } };
    expect(cleaned.object.customer.name).toBe("Ada\ufffdLovelace");
    expect(cleaned.object.metadata.note).toBe("half \ufffd pair");
  });

  it("records an unreadable event carrying a NUL (recording it used to fail with a bare 500)", async () => {
    const id = uid("evt");
    const result = await postWebhook(
      JSON.stringify(envelope(id, "subscription.paid", Date.now(), { no: "id\u0000" })),
    );
    await expectRecordedInvalid(id, result);
    expect(result.text).not.toBe("");
  });

  it("a NUL in the event id records the body under its hash", async () => {
    const body = JSON.stringify(envelope("evt_\u0000x", "subscription.paid", Date.now(), {}));
    const result = await postWebhook(body);
    await expectRecordedInvalid(`invalid:${createHash("sha256").update(body).digest("hex")}`, result);
  });
});

describe("signature over the raw bytes", () => {
  it("verifies a body with invalid UTF-8 signed over its exact bytes, then records it as invalid", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"id":"evt_bytes","name":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const result = await postWebhook(bytes);
    const id = `invalid:${createHash("sha256").update(bytes).digest("hex")}`;
    const stored = await expectRecordedInvalid(id, result);
    expect(stored.lastError).toMatch(/UTF-8/);
    expect(Buffer.from(stored.rawBody!).equals(bytes)).toBe(true);
  });

  it("still refuses those bytes with a signature of their UTF-8 decoding", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"id":"evt_bytes2","x":"'),
      Buffer.from([0xc3]),
      Buffer.from('"}'),
    ]);
    const decoded = bytes.toString("utf8");
    const { signBytes } = await import("./route-support");
    expect((await postWebhook(bytes, signBytes(decoded))).status).toBe(401);
  });
});

describe("out-of-range values are recorded as invalid, never a 500", () => {
  const cases: Array<[string, (p: ReturnType<typeof subEvent>["payload"]) => void]> = [
    [
      "a period end before year 1",
      (p) => void (objectOf(p).current_period_end_date = "-000001-01-01T00:00:00.000Z"),
    ],
    ["a period end in year 275760", (p) => void (objectOf(p).current_period_end_date = 8.64e15)],
    ["units of 1.5", (p) => void (itemOf(p).units = 1.5)],
    ["units of 3e9", (p) => void (itemOf(p).units = 3e9)],
    ["units of -5", (p) => void (itemOf(p).units = -5)],
    ["units of 0", (p) => void (itemOf(p).units = 0)],
    ["status garbage", (p) => void (objectOf(p).status = "garbage")],
    ["customer id ' '", (p) => void ((objectOf(p).customer as Json).id = " ")],
    [
      "an unparseable period end on an active subscription",
      (p) => void (objectOf(p).current_period_end_date = "soon"),
    ],
    ["an unparseable created_at", (p) => void ((p as Json).created_at = "yesterday")],
    ["a missing created_at", (p) => void delete (p as Json).created_at],
    ["created_at 8.64e15 (year 275760)", (p) => void ((p as Json).created_at = 8.64e15)],
    ["created_at an hour ahead of receipt", (p) => void ((p as Json).created_at = Date.now() + 3_600_000)],
    ["an updated_at in year 275760", (p) => void (objectOf(p).updated_at = 8.64e15)],
    ["a product id of 500,000 characters", (p) => void (itemOf(p).product_id = "p".repeat(500_000))],
    // Spliced into the text below: JSON.stringify itself overflows the stack at this depth.
    ["metadata nested 5,000 levels deep", (p) => void (objectOf(p).metadata = NESTED)],
  ];
  it.each(cases)("%s", async (_label, mutate) => {
    const { subId, payload } = subEvent();
    mutate(payload);
    const body = JSON.stringify(payload).replace(`"${NESTED}"`, "[".repeat(5000) + "]".repeat(5000));
    const result = await postWebhook(body);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ received: true, outcome: "invalid" });
    expect(await db.subscription.count({ where: { id: subId } })).toBe(0);
  });

  it("an event id of 500,000 characters is recorded under the body's hash", async () => {
    const { subId, payload } = subEvent();
    const body = JSON.stringify({ ...payload, id: `evt_${"x".repeat(500_000)}` });
    await expectRecordedInvalid(
      `invalid:${createHash("sha256").update(body).digest("hex")}`,
      await postWebhook(body),
    );
    expect(await db.subscription.count({ where: { id: subId } })).toBe(0);
  });

  it("created_at 8.64e15 does not make later genuine events stale", async () => {
    const at = Date.now();
    const first = subEvent({}, at - 60_000);
    expect((await deliver(db, first.payload)).body.outcome).toBe("applied");
    const poisoned = JSON.parse(JSON.stringify(first.payload)) as Json;
    poisoned.id = uid("evt");
    poisoned.created_at = 8.64e15;
    (poisoned.object as Json).status = "canceled";
    expect((await deliver(db, poisoned)).body.outcome).toBe("invalid");
    const later = JSON.parse(JSON.stringify(first.payload)) as Json;
    later.id = uid("evt");
    later.eventType = "subscription.scheduled_cancel";
    later.created_at = at;
    (later.object as Json).updated_at = new Date(at).toISOString();
    expect((await deliver(db, later)).body.outcome).toBe("applied");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: first.subId } })).status).toBe(
      "scheduled_cancel",
    );
  });

  it.each([
    ["amount 1e12", { amount: 1e12 }],
    ["amount -100 with currency ''", { amount: -100, currency: "" }],
    ["amount 1.5", { amount: 1.5 }],
  ])("a one-time order with %s", async (_label, order) => {
    const orderId = uid("ord");
    const payload = checkoutCompleted({
      eventId: uid("evt"),
      at: Date.now(),
      checkoutId: uid("ch"),
      customer: customer(uid("cust"), `${uid("u")}@example.com`),
      productId: PRODUCTS.lifetime,
      orderId,
    });
    Object.assign((payload.object as { order: Json }).order, order);
    await expectRecordedInvalid(payload.id, await postWebhook(JSON.stringify(payload)));
    expect(await db.purchase.count({ where: { id: orderId } })).toBe(0);
  });

  it("a license with activations -3", async () => {
    const orderId = uid("ord");
    const payload = checkoutCompleted({
      eventId: uid("evt"),
      at: Date.now(),
      checkoutId: uid("ch"),
      customer: customer(uid("cust"), `${uid("u")}@example.com`),
      productId: PRODUCTS.lifetime,
      orderId,
      licenseKey: uid("KEY"),
    });
    (payload.object as { license_keys: Json[] }).license_keys[0]!.activation = -3;
    await expectRecordedInvalid(payload.id, await postWebhook(JSON.stringify(payload)));
    expect(await db.licenseKey.count({ where: { orderId } })).toBe(0);
    expect(await db.purchase.count({ where: { id: orderId } })).toBe(0);
  });
});

describe("invalid events: inspection, redelivery and replay", () => {
  it("a redelivery counts attempts; the replay job leaves a still-invalid event as it is", async () => {
    const { subId, payload } = subEvent({ units: -5 });
    const body = JSON.stringify(payload);
    await postWebhook(body);
    await postWebhook(body);
    const replay = await replayFailedEvents(db, () => {}, { ids: [payload.id] });
    expect(replay).toEqual({ pending: 1, applied: 0, failed: 0, unreadable: 1 });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: payload.id } })).toMatchObject({
      attempts: 2,
      outcome: "invalid",
      processedAt: null,
    });
    expect(await db.subscription.count({ where: { id: subId } })).toBe(0);
  });

  it("a far-future event stays invalid on replay: it is judged against its time of receipt", async () => {
    const { subId, payload } = subEvent({}, Date.now() + 10 * 60_000);
    expect((await postWebhook(JSON.stringify(payload))).body).toMatchObject({ outcome: "invalid" });
    // Twenty minutes on, the time is no longer ahead of the clock, but it was ahead of the receipt.
    await db.webhookEvent.update({
      where: { id: payload.id },
      data: { receivedAt: new Date(Date.now() - 20 * 60_000) },
    });
    expect((await replayFailedEvents(db, () => {}, { ids: [payload.id] })).unreadable).toBe(1);
    expect(await db.subscription.count({ where: { id: subId } })).toBe(0);
  });

  it("the same event id delivered again with a readable body is applied over the invalid record", async () => {
    const { subId, payload } = subEvent();
    const broken = { ...payload, object: { ...objectOf(payload), status: "garbage" } };
    expect((await postWebhook(JSON.stringify(broken))).body).toMatchObject({ outcome: "invalid" });
    expect((await postWebhook(JSON.stringify(payload))).body).toMatchObject({ outcome: "applied" });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: payload.id } })).toMatchObject({
      outcome: "applied",
      lastError: null,
    });
    expect(await db.subscription.count({ where: { id: subId } })).toBe(1);
  });
});

describe("a database fault while recording", () => {
  afterAll(() => db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_inbox ON "WebhookEvent"`));

  it("answers 503 with a body (CREEM retries), not a bare 500", async () => {
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_inbox() RETURNS trigger AS $$
      BEGIN
        IF NEW.id LIKE 'evt_inboxdown%' THEN RAISE EXCEPTION 'simulated outage'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_fail_inbox BEFORE INSERT ON "WebhookEvent" FOR EACH ROW EXECUTE FUNCTION test_fail_inbox()`,
    );
    const id = uid("evt_inboxdown");
    const result = await postWebhook(
      JSON.stringify(envelope(id, "subscription.paid", Date.now(), { no: "id" })),
    );
    expect(result.status).toBe(503);
    expect(result.body).toMatchObject({ received: false });
    expect(JSON.stringify(result.body)).not.toMatch(/simulated/);
  });
});

describe("an event that contradicts stored state (found by the fuzz test)", () => {
  it("a license key already stored under another license id is recorded as invalid, not a 500 forever", async () => {
    const key = uid("KEY");
    const checkout = () =>
      checkoutCompleted({
        eventId: uid("evt"),
        at: Date.now(),
        checkoutId: uid("ch"),
        customer: customer(uid("cust"), `${uid("u")}@example.com`),
        productId: PRODUCTS.lifetime,
        orderId: uid("ord"),
        licenseKey: key,
      });
    expect((await postWebhook(JSON.stringify(checkout()))).body).toMatchObject({ outcome: "applied" });
    const second = checkout();
    const stored = await expectRecordedInvalid(second.id, await postWebhook(JSON.stringify(second)));
    expect(stored.lastError).toMatch(/conflicts with stored state/);
    expect(await db.licenseKey.count({ where: { key } })).toBe(1);
  });
});
