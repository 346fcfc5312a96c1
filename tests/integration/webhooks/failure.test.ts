import { afterAll, describe, expect, it } from "vitest";
import { checkoutCompleted, customer, PRODUCTS } from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { deliver, uid } from "./support";

const db = testDb();

// A database error in the middle of an event (after the purchase row, at the license row): a trigger
// raises for license keys that start with FAIL, standing in for a lost connection or a bug.
async function breakLicenseInserts() {
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_fail_license() RETURNS trigger AS $$
    BEGIN
      IF NEW.key LIKE 'FAIL%' THEN RAISE EXCEPTION 'simulated database failure'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER test_fail_license BEFORE INSERT ON "LicenseKey" FOR EACH ROW EXECUTE FUNCTION test_fail_license()`,
  );
}

async function repairLicenseInserts() {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_license ON "LicenseKey"`);
}

afterAll(repairLicenseInserts);

describe("failure mid-event", () => {
  it("answers 5xx, writes nothing half, records the attempt, and the retry succeeds", async () => {
    const user = await db.user.create({ data: { email: `${uid("fail")}@example.com` } });
    const orderId = uid("ord");
    const eventId = uid("evt");
    const payload = checkoutCompleted({
      eventId,
      at: Date.now(),
      checkoutId: uid("ch"),
      userId: user.id,
      customer: customer(uid("cust"), user.email),
      productId: PRODUCTS.lifetime,
      orderId,
      licenseKey: `FAIL-${uid("k")}`,
    });

    await breakLicenseInserts();
    const failed = await deliver(db, payload);
    expect(failed.status).toBe(500);
    expect(failed.body.error).not.toMatch(/simulated/); // no internals in the response
    expect(await db.purchase.count({ where: { id: orderId } })).toBe(0);
    expect(
      (await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: user.id } })).creemCustomerId,
    ).toBeNull();
    const recorded = await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(recorded).toMatchObject({ processedAt: null, attempts: 1 });
    expect(recorded.lastError).toMatch(/simulated database failure/);

    await repairLicenseInserts();
    const retried = await deliver(db, payload);
    expect(retried).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect(await db.purchase.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "paid",
      userId: user.id,
    });
    expect(await db.licenseKey.count({ where: { orderId } })).toBe(1);
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({
      attempts: 2,
      lastError: null,
      outcome: "applied",
    });

    expect((await deliver(db, payload)).body.outcome).toBe("duplicate");
  });
});
