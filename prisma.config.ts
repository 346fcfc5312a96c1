import "dotenv/config";
import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline machines (this repo's CI) cannot download Prisma's schema engine; a drop-in
// WebAssembly engine may sit beside the checkout. Use it only when nothing else was chosen.
const offlineEngine = path.resolve(import.meta.dirname, "../shared/prisma-offline/schema-engine");
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(offlineEngine)) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = offlineEngine;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // `prisma generate` needs no database; every other command does and fails clearly without one.
    url: process.env.DATABASE_URL ?? "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
