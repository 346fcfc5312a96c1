// vitest: isolate (fails when it shares a worker's modules with other files: seen with --sequence.shuffle)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDatabase, type MigrationDb } from "../support/migrations";

// 20261202005943_workspaces gives every existing user a personal workspace that owns what the user owned
// (CREEM customer, checkouts, subscriptions, purchases, license keys), and makes every later user get one
// from a trigger. Run on a database filled with the previous schema: nothing is lost or re-assigned.

let db: MigrationDb;
const q = (sql: string, params?: unknown[]) => db.client.query(sql, params);

beforeAll(async () => {
  db = await emptyDatabase("starter_mig_workspaces");
  await db.migrateThrough("20261201231823_account_settings");
  await q(`INSERT INTO "User" (id, email, name, "creemCustomerId", "createdAt", "updatedAt", "deletedAt") VALUES
    ('u_paying', 'pay@example.com', 'Pay', 'cust_1', '2026-01-01', now(), NULL),
    ('u_free', 'free@example.com', NULL, NULL, '2026-02-01', now(), NULL),
    ('u_gone', 'deleted-u_gone@deleted.invalid', NULL, 'cust_2', '2026-03-01', now(), '2026-04-01')`);
  await q(`INSERT INTO "Checkout" ("requestId", "userId", "productId", "updatedAt") VALUES
    ('req_1', 'u_paying', 'prod_local_pro_monthly', now())`);
  await q(`INSERT INTO "Subscription" (id, "userId", "customerId", "productId", status, "stateAt", "stateSource", "updatedAt")
    VALUES ('sub_1', 'u_paying', 'cust_1', 'prod_local_pro_monthly', 'active', now(), 'x', now()),
           ('sub_gone', 'u_gone', 'cust_2', 'prod_local_pro_monthly', 'canceled', now(), 'x', now()),
           ('sub_orphan', NULL, 'cust_9', 'prod_local_pro_monthly', 'active', now(), 'x', now())`);
  await q(`INSERT INTO "Purchase" (id, "userId", "customerId", status, "updatedAt") VALUES
    ('ord_1', 'u_paying', 'cust_1', 'paid', now()), ('ord_orphan', NULL, 'cust_9', 'paid', now())`);
  await q(`INSERT INTO "LicenseKey" (id, "userId", "customerId", "productId", key, status, "updatedAt") VALUES
    ('lic_1', 'u_paying', 'cust_1', 'prod_local_lifetime', 'KEY-1', 'active', now())`);
  await db.migrateThrough("20261202005943_workspaces");
});

afterAll(async () => {
  await db?.drop();
});

async function personalWorkspaceOf(userId: string) {
  const { rows } = await q(`SELECT * FROM "Workspace" WHERE "personalOwnerId" = $1`, [userId]);
  expect(rows).toHaveLength(1);
  return rows[0] as { id: string; name: string; creemCustomerId: string | null; createdAt: Date };
}

describe("workspaces migration on a filled database", () => {
  it("gives each existing user (deleted ones too) exactly one personal workspace they own", async () => {
    const { rows } = await q(
      `SELECT u.id AS "userId", m.role, w.name, w."personalOwnerId"
       FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Workspace" w ON w.id = m."workspaceId"
       ORDER BY u.id`,
    );
    expect(rows).toEqual([
      { userId: "u_free", role: "owner", name: "Personal", personalOwnerId: "u_free" },
      { userId: "u_gone", role: "owner", name: "Personal", personalOwnerId: "u_gone" },
      { userId: "u_paying", role: "owner", name: "Personal", personalOwnerId: "u_paying" },
    ]);
    expect((await personalWorkspaceOf("u_paying")).createdAt).toEqual(new Date("2026-01-01T00:00:00Z"));
  });

  it("moves each user's CREEM customer and billing rows to their personal workspace, and keeps userId", async () => {
    const paying = await personalWorkspaceOf("u_paying");
    const gone = await personalWorkspaceOf("u_gone");
    expect(paying.creemCustomerId).toBe("cust_1");
    expect(gone.creemCustomerId).toBe("cust_2");
    expect((await personalWorkspaceOf("u_free")).creemCustomerId).toBeNull();

    const owned = async (table: string, key: string) =>
      (await q(`SELECT "${key}" AS id, "userId", "workspaceId" FROM "${table}" ORDER BY "${key}"`)).rows;
    expect(await owned("Checkout", "requestId")).toEqual([
      { id: "req_1", userId: "u_paying", workspaceId: paying.id },
    ]);
    expect(await owned("Subscription", "id")).toEqual([
      { id: "sub_1", userId: "u_paying", workspaceId: paying.id },
      { id: "sub_gone", userId: "u_gone", workspaceId: gone.id },
      { id: "sub_orphan", userId: null, workspaceId: null },
    ]);
    expect(await owned("Purchase", "id")).toEqual([
      { id: "ord_1", userId: "u_paying", workspaceId: paying.id },
      { id: "ord_orphan", userId: null, workspaceId: null },
    ]);
    expect(await owned("LicenseKey", "id")).toEqual([
      { id: "lic_1", userId: "u_paying", workspaceId: paying.id },
    ]);
  });

  it("creates the personal workspace of every user inserted afterwards, in the same statement", async () => {
    await q(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('u_new', 'new@example.com', now())`);
    const ws = await personalWorkspaceOf("u_new");
    const { rows } = await q(`SELECT role FROM "Membership" WHERE "workspaceId" = $1`, [ws.id]);
    expect(rows).toEqual([{ role: "owner" }]);
  });

  it("refuses a role that does not exist", async () => {
    const ws = await personalWorkspaceOf("u_free");
    await expect(
      q(`UPDATE "Membership" SET role = 'superuser' WHERE "workspaceId" = $1`, [ws.id]),
    ).rejects.toThrow(/Membership_role_check/);
  });

  it("removes a personal workspace with its user (billing rows stay, unlinked)", async () => {
    const ws = await personalWorkspaceOf("u_paying");
    await q(`DELETE FROM "User" WHERE id = 'u_paying'`);
    expect((await q(`SELECT 1 FROM "Workspace" WHERE id = $1`, [ws.id])).rows).toEqual([]);
    const { rows } = await q(`SELECT id, "workspaceId" FROM "Subscription" WHERE id = 'sub_1'`);
    expect(rows).toEqual([{ id: "sub_1", workspaceId: null }]);
  });
});
