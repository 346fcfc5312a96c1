import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

// Creates throw-away PostgreSQL databases with every migration applied, and drops them afterwards. Migrating
// takes seconds (a `prisma migrate deploy` process); a copy of an already migrated database made with
// `CREATE DATABASE … TEMPLATE` takes a fraction of one, so runs that need several databases migrate one and
// copy it. The admin URL points at any existing database on the server (default: the local `postgres` one).

export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function handle(name: string): TestDatabase {
  return {
    name,
    url: withDatabase(ADMIN_DATABASE_URL, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A new database named `<prefix>_<time>_<random>`, migrated. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const db = await createEmptyDatabase(prefix);
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: db.url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return db;
}

/** A new database with nothing in it (no migrations applied), dropped by its `drop()`. */
export async function createEmptyDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return handle(name);
}

/**
 * A copy of `template` named `name`, rows included. PostgreSQL refuses to copy a database someone is
 * connected to, so keep the template for copying only.
 */
export async function copyTestDatabase(template: TestDatabase, name: string): Promise<TestDatabase> {
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template.name}"`));
  return handle(name);
}
