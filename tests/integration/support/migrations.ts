import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ADMIN_DATABASE_URL } from "../../../scripts/lib/test-database";

// For tests of migrations that move data: an empty database brought to the schema just before the
// migration under test (by running the committed migration files in order), filled with rows of that
// older schema, then taken through the migration under test.

const MIGRATIONS = path.resolve(import.meta.dirname, "../../../prisma/migrations");

export function migrationNames(): string[] {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const TIMESTAMP_OID = 1114;
/** Reads `timestamp(3)` columns as UTC, as Prisma does (node-postgres would read them in local time). */
const getTypeParser = ((oid: number, format?: "text" | "binary") =>
  oid === TIMESTAMP_OID
    ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
    : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

export type MigrationDb = {
  client: pg.Client;
  /** Applies every migration up to and including `name` that has not been applied yet. */
  migrateThrough: (name: string) => Promise<void>;
  drop: () => Promise<void>;
};

export async function emptyDatabase(prefix: string): Promise<MigrationDb> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString(), types: { getTypeParser } });
  await client.connect();
  const applied = new Set<string>();
  return {
    client,
    async migrateThrough(target) {
      const names = migrationNames();
      if (!names.includes(target)) throw new Error(`no migration ${target}`);
      for (const migration of names) {
        if (!applied.has(migration)) {
          await client.query(readFileSync(path.join(MIGRATIONS, migration, "migration.sql"), "utf8"));
          applied.add(migration);
        }
        if (migration === target) return;
      }
    },
    async drop() {
      await client.end();
      const dropper = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
