import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDatabase, type MigrationDb } from "../support/migrations";

// 20261202011000_workspace_billing drops User.creemCustomerId. What events tied to users between the
// workspaces migration and this one (a customer, rows without a workspace) moves to the user's personal
// workspace first; a customer another workspace already has stays where it is. Run on a filled database.

let db: MigrationDb;
const q = (sql: string, params?: unknown[]) => db.client.query(sql, params);

beforeAll(async () => {
  db = await emptyDatabase("starter_mig_ws_billing");
  await db.migrateThrough("20261202005943_workspaces");
  // Users created after the workspaces migration (their personal workspace comes from the trigger), tied
  // to customers by the old hot path: one customer is free, one is already another workspace's.
  await q(`INSERT INTO "User" (id, email, "creemCustomerId", "updatedAt") VALUES
    ('u_late', 'late@example.com', 'cust_late', now()),
    ('u_clash', 'clash@example.com', 'cust_taken', now())`);
  await q(`INSERT INTO "Workspace" (id, name, "creemCustomerId", "updatedAt") VALUES
    ('wsp_team', 'Team', 'cust_taken', now())`);
  await q(`INSERT INTO "Subscription" (id, "userId", "customerId", "productId", status, "stateAt", "stateSource", "updatedAt")
    VALUES ('sub_late', 'u_late', 'cust_late', 'prod_local_pro_monthly', 'active', now(), 'x', now())`);
  await q(`INSERT INTO "Checkout" ("requestId", "userId", "productId", "updatedAt") VALUES
    ('req_late', 'u_late', 'prod_local_pro_monthly', now())`);
  await db.migrateThrough("20261202011000_workspace_billing");
});

afterAll(async () => {
  await db?.drop();
});

const personal = async (userId: string) =>
  (await q(`SELECT id, "creemCustomerId" FROM "Workspace" WHERE "personalOwnerId" = $1`, [userId]))
    .rows[0] as {
    id: string;
    creemCustomerId: string | null;
  };

describe("workspace billing migration on a filled database", () => {
  it("moves a user's customer to their personal workspace, never one another workspace has", async () => {
    expect((await personal("u_late")).creemCustomerId).toBe("cust_late");
    expect((await personal("u_clash")).creemCustomerId).toBeNull();
    expect((await q(`SELECT "creemCustomerId" FROM "Workspace" WHERE id = 'wsp_team'`)).rows).toEqual([
      { creemCustomerId: "cust_taken" },
    ]);
  });

  it("gives rows without a workspace to their buyer's personal workspace", async () => {
    const { id } = await personal("u_late");
    expect((await q(`SELECT "workspaceId" FROM "Subscription" WHERE id = 'sub_late'`)).rows).toEqual([
      { workspaceId: id },
    ]);
    expect((await q(`SELECT "workspaceId" FROM "Checkout" WHERE "requestId" = 'req_late'`)).rows).toEqual([
      { workspaceId: id },
    ]);
  });

  it("drops User.creemCustomerId", async () => {
    const { rows } = await q(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'creemCustomerId'`,
    );
    expect(rows).toEqual([]);
  });
});
