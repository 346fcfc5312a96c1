import pg from "pg";
import { ADMIN_DATABASE_URL } from "../../../scripts/lib/test-database";

// The e2e server's database (created by scripts/e2e-server.ts with a random name), found by a user only
// this test run created: for setup the UI does not offer yet. Several e2e servers may share the
// PostgreSQL server, so the name alone cannot tell which is ours.

export async function databaseOfUser(email: string): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'starter_e2e_%' ORDER BY datname DESC",
  );
  await admin.end();
  for (const { datname } of rows) {
    const url = new URL(ADMIN_DATABASE_URL);
    url.pathname = `/${datname}`;
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      await client.connect();
      const found = await client.query('SELECT 1 FROM "User" WHERE "email" = $1', [email]);
      if (found.rowCount) return client;
    } catch {
      // A database being created or dropped by another run.
    }
    await client.end().catch(() => {});
  }
  throw new Error(`no e2e database has the user ${email}`);
}
