import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";

// What load balancers and orchestrators ask: is the database reachable (liveness), and is its schema the one
// this build expects (readiness: no committed migration left unapplied). Migrations run as a release step
// (`prisma migrate deploy`), never at boot, so an instance started too early reports "not ready".

/** The migrations committed with this build (prisma/migrations, shipped in the standalone server). */
export function committedMigrations(): string[] {
  // A literal path, so the build traces only this folder into the standalone server.
  return readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export async function databaseReachable(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

export type Readiness =
  | { ready: true; migrations: number }
  | { ready: false; reason: "database unavailable" }
  | { ready: false; reason: "migrations pending"; pending: string[] };

export async function readiness(expected = committedMigrations()): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const table = await db.$queryRaw<Array<{ exists: boolean }>>`
      SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS "exists"`;
    const rows = table[0]?.exists
      ? await db.$queryRaw<Array<{ name: string }>>`
          SELECT migration_name AS name FROM "_prisma_migrations"
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
      : [];
    applied = new Set(rows.map((row) => row.name));
  } catch {
    return { ready: false, reason: "database unavailable" };
  }
  const pending = expected.filter((name) => !applied.has(name));
  if (pending.length > 0) return { ready: false, reason: "migrations pending", pending };
  return { ready: true, migrations: expected.length };
}
