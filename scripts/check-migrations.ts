import path from "node:path";
import { run } from "./lib/run";
import { createEmptyDatabase } from "./lib/test-database";

// Fails when prisma/schema.prisma and the committed migrations disagree (a schema change without its
// migration). Prisma replays the migrations into a throw-away shadow database to compare; the database it
// connects to for that needs nothing in it.
const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const scratch = process.env.DATABASE_URL ? null : await createEmptyDatabase("starter_migcheck");
  const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? scratch!.url };
  try {
    await run(
      "npx",
      [
        "prisma",
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      { cwd: root, env },
    );
    console.log("✓ Migrations match prisma/schema.prisma");
  } catch {
    console.error(
      "✗ prisma/schema.prisma has changes without a migration: run `npm run db:migrate -- --name <change>`",
    );
    process.exitCode = 1;
  } finally {
    await scratch?.drop();
  }
}

void main();
