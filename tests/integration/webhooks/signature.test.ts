import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { customer, envelope, sign, subscription } from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { deliver, uid } from "./support";

const db = testDb();

function event() {
  const id = uid("evt");
  const sub = subscription(
    { id: uid("sub"), status: "active", periodStart: 0, periodEnd: Date.now() + 1e9 },
    customer(uid("cust"), `${uid("u")}@example.com`),
    1000,
  );
  return { id, subId: sub.id, body: JSON.stringify(envelope(id, "subscription.active", Date.now(), sub)) };
}

async function nothingWritten(eventId: string, subId: string) {
  expect(await db.webhookEvent.count({ where: { id: eventId } })).toBe(0);
  expect(await db.subscription.count({ where: { id: subId } })).toBe(0);
}

describe("webhook signature", () => {
  it("accepts a valid signature", async () => {
    const e = event();
    const result = await deliver(db, e.body);
    expect(result).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect(await db.subscription.count({ where: { id: e.subId } })).toBe(1);
  });

  it("accepts the sha256= prefix and upper-case hex", async () => {
    const e = event();
    expect((await deliver(db, e.body, { signature: `sha256=${sign(e.body).toUpperCase()}` })).status).toBe(
      200,
    );
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["wrong", "0".repeat(64)],
    ["truncated", "abc123"],
  ])("rejects a %s signature with 401 and writes nothing", async (_label, signature) => {
    const e = event();
    const result = await deliver(db, e.body, { signature });
    expect(result.status).toBe(401);
    await nothingWritten(e.id, e.subId);
  });

  it("rejects a signature made with another secret", async () => {
    const e = event();
    expect((await deliver(db, e.body, { signature: sign(e.body, "whsec_other") })).status).toBe(401);
    await nothingWritten(e.id, e.subId);
  });

  it("rejects a body altered by one byte after signing", async () => {
    const e = event();
    const signature = sign(e.body);
    const altered = e.body.replace('"active"', '"activf"');
    expect((await deliver(db, altered, { signature })).status).toBe(401);
    await nothingWritten(e.id, e.subId);
  });

  it("rejects everything when no secret is configured", async () => {
    const e = event();
    expect((await deliver(db, e.body, { secret: "" })).status).toBe(401);
    await nothingWritten(e.id, e.subId);
  });
});

describe("webhook body", () => {
  it.each([
    ["not JSON", "this is not json", /not JSON/],
    ["without id", JSON.stringify({ eventType: "subscription.active", created_at: 1, object: {} }), /id/],
    ["without eventType", JSON.stringify({ id: "evt_x", created_at: 1, object: {} }), /eventType/],
  ])("records a signed body %s as invalid and acknowledges it", async (_label, body, reason) => {
    const result = await deliver(db, body);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ received: true, outcome: "invalid" });
    expect(result.body.error).toMatch(reason);
    // Recorded under the hash of its bytes (it has no usable id), with those exact bytes.
    const id = `invalid:${createHash("sha256").update(body).digest("hex")}`;
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ outcome: "invalid", processedAt: null });
    expect(Buffer.from(stored.rawBody!).toString()).toBe(body);
    expect(stored.lastError).toMatch(reason);
  });

  it("acknowledges and records a signed event of an unknown type without an object", async () => {
    const id = uid("evt");
    const body = JSON.stringify({ id, eventType: "something.new", created_at: Date.now() });
    const result = await deliver(db, body);
    expect(result).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ type: "something.new", outcome: "ignored" });
    expect(stored.processedAt).not.toBeNull();
  });

  it("records a known event whose object is unreadable as invalid, acknowledges it and keeps it for replay", async () => {
    const id = uid("evt");
    const result = await deliver(db, envelope(id, "subscription.paid", Date.now(), { no: "id" }));
    expect(result.status).toBe(200);
    expect(result.body.outcome).toBe("invalid");
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id } });
    expect(stored.processedAt).toBeNull();
    expect(stored.outcome).toBe("invalid");
    expect(stored.lastError).toMatch(/invalid subscription.paid object/);
  });

  it("acknowledges event types it does not handle, and records them", async () => {
    const id = uid("evt");
    const result = await deliver(
      db,
      envelope(id, "credits.granted", Date.now(), { id: "cred_1", amount: 5 }),
    );
    expect(result).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id } });
    expect(stored.processedAt).not.toBeNull();
    expect(stored.type).toBe("credits.granted");
  });

  it("refuses bodies over 1 MiB", async () => {
    const result = await deliver(db, "x".repeat(1024 * 1024 + 1));
    expect(result.status).toBe(413);
  });
});
