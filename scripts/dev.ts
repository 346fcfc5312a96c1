import path from "node:path";
import { spawn } from "node:child_process";
import nextEnv from "@next/env";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { localSecret } from "./lib/local-secret";
import { run } from "./lib/run";

// `npm run dev`: one command, zero accounts. Uses DATABASE_URL when set, else an embedded PostgreSQL
// (PGlite) kept in .data/; applies migrations and the seed; then starts `next dev`.

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
nextEnv.loadEnvConfig(root, true);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const cleanups: Array<() => Promise<void>> = [];
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  process.exit(code);
}

async function main() {
  const port = process.env.PORT ?? "3000";
  process.env.NEXT_PUBLIC_APP_URL ??= `http://localhost:${port}`;
  process.env.AUTH_SECRET ??= localSecret(path.join(dataDir, "auth-secret"));

  let embedded: EmbeddedPostgres | undefined;
  if (!process.env.DATABASE_URL) {
    const pgPort = Number(process.env.PGLITE_PORT ?? 54329);
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "pglite"),
      port: pgPort,
      shadowPort: pgPort + 1,
    });
    cleanups.push(embedded.stop);
    process.env.DATABASE_URL = embedded.url;
    process.env.SHADOW_DATABASE_URL ??= embedded.shadowUrl;
    console.log(`▲ Embedded PostgreSQL (PGlite) on ${embedded.url} — data in .data/pglite`);
  }

  await run("npx", ["prisma", "migrate", "deploy"], { cwd: root });
  await run("npx", ["prisma", "db", "seed"], { cwd: root });

  const next = spawn("npx", ["next", "dev", "--port", port], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  cleanups.push(async () => {
    next.kill("SIGTERM");
  });
  next.on("exit", (code) => void shutdown(code ?? 0));
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
