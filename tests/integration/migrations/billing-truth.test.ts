import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDatabase, type MigrationDb } from "../support/migrations";

// 20261201184103_billing_truth moves refunds and disputes from Purchase columns to PaymentReversal rows.
// A database filled with the previous schema keeps every effect: refunded and disputed purchases stay
// revoked (through their new reversal rows), paid ones stay paid, nothing else changes.

let db: MigrationDb;

beforeAll(async () => {
  db = await emptyDatabase("starter_mig_billing_truth");
  await db.migrateThrough("20261125181900_billing");
  const q = db.client.query.bind(db.client);
  await q(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('u1', 'a@example.com', now())`);
  await q(`INSERT INTO "Purchase" (id, "userId", "transactionId", "productId", amount, currency, status,
             "refundedAt", "disputedAt", "createdAt", "updatedAt") VALUES
    ('ord_paid', 'u1', 'tran_paid', 'prod_local_lifetime', 29900, 'USD', 'paid', NULL, NULL, now(), now()),
    ('ord_refunded', 'u1', 'tran_r', 'prod_local_lifetime', 29900, 'USD', 'refunded', '2026-01-02', NULL, now(), now()),
    ('ord_disputed', 'u1', 'tran_d', 'prod_local_lifetime', 29900, 'USD', 'disputed', NULL, '2026-01-03', now(), now()),
    ('ord_both', 'u1', NULL, NULL, NULL, NULL, 'refunded', '2026-01-04', '2026-01-05', now(), now())`);
  await q(`INSERT INTO "Subscription" (id, "userId", "customerId", "productId", status, "stateAt", "stateSource",
             "updatedAt") VALUES ('sub_1', 'u1', 'cust_1', 'prod_local_pro_monthly', 'active', now(), 'x', now())`);
  await db.migrateThrough("20261201184103_billing_truth");
});

afterAll(async () => {
  await db?.drop();
});

describe("billing_truth migration on a filled database", () => {
  it("every purchase keeps its CREEM order status, and its refund or dispute becomes a reversal row", async () => {
    const purchases = await db.client.query(`SELECT id, status FROM "Purchase" ORDER BY id`);
    expect(purchases.rows).toEqual([
      { id: "ord_both", status: "paid" },
      { id: "ord_disputed", status: "paid" },
      { id: "ord_paid", status: "paid" },
      { id: "ord_refunded", status: "paid" },
    ]);
    const reversals = await db.client.query(
      `SELECT id, kind, status, amount, "transactionPaid", "orderId", "transactionId", "createdAt"
       FROM "PaymentReversal" ORDER BY id`,
    );
    expect(reversals.rows).toEqual([
      expect.objectContaining({ id: "legacy_dispute_ord_both", kind: "dispute", orderId: "ord_both" }),
      expect.objectContaining({
        id: "legacy_dispute_ord_disputed",
        kind: "dispute",
        status: "open",
        amount: 29900,
        orderId: "ord_disputed",
        transactionId: "tran_d",
        createdAt: new Date("2026-01-03T00:00:00Z"),
      }),
      expect.objectContaining({
        id: "legacy_refund_ord_both",
        kind: "refund",
        status: "succeeded",
        amount: null,
      }),
      expect.objectContaining({
        id: "legacy_refund_ord_refunded",
        kind: "refund",
        status: "succeeded",
        amount: 29900,
        transactionPaid: 29900,
        orderId: "ord_refunded",
        createdAt: new Date("2026-01-02T00:00:00Z"),
      }),
    ]);
  });

  it("drops the old columns and leaves subscriptions as they were, with the new columns empty", async () => {
    const columns = await db.client.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Purchase'`,
    );
    const names = columns.rows.map((r: { column_name: string }) => r.column_name);
    expect(names).not.toContain("refundedAt");
    expect(names).not.toContain("disputedAt");
    const sub = await db.client.query(
      `SELECT status, "cancelIntent", "trialStartedAt", discount FROM "Subscription"`,
    );
    expect(sub.rows).toEqual([
      { status: "active", cancelIntent: null, trialStartedAt: null, discount: null },
    ]);
  });
});
