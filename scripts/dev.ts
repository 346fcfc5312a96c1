import path from "node:path";
import { spawn } from "node:child_process";
import nextEnv from "@next/env";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./lib/embedded-postgres";
import { startLocalCreem } from "./lib/local-creem";
import { localSecret } from "./lib/local-secret";
import { stopProcessGroup } from "./lib/process-group";
import { run } from "./lib/run";

// `npm run dev`: one command, zero accounts. Uses DATABASE_URL when set, else an embedded PostgreSQL
// (PGlite) kept in .data/; without CREEM_API_KEY, starts the local CREEM (creem-emulator/) with its state in
// .data/creem-emulator.json; applies migrations and the seed; then starts `next dev`.

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

  // First, so a second `npm run dev` stops at the busy port before it opens the same PGlite data directory.
  if (!process.env.CREEM_API_KEY) {
    const creemPort = Number(process.env.CREEM_EMULATOR_PORT || 4010);
    if (!Number.isInteger(creemPort) || creemPort < 0 || creemPort > 65535) {
      throw new Error(`CREEM_EMULATOR_PORT must be a port number, got "${process.env.CREEM_EMULATOR_PORT}"`);
    }
    const webhookUrl = `http://localhost:${port}/api/webhooks/creem`;
    const creem = await startLocalCreem({
      port: creemPort,
      portVariable: "CREEM_EMULATOR_PORT",
      portHint: "Or set CREEM_API_KEY to use CREEM's test mode instead.",
      webhookUrl,
      dataFile: path.join(dataDir, "creem-emulator.json"),
      log: (line) => console.log(`[creem] ${line}`),
    });
    cleanups.push(creem.stop);
    Object.assign(process.env, creem.env);
    const cli = creem.port === 4010 ? "npm run creem" : `CREEM_EMULATOR_URL=${creem.url} npm run creem`;
    console.log(
      `▲ Local CREEM on ${creem.url} (webhooks to ${webhookUrl}, state in .data/creem-emulator.json) — ` +
        `CLI: \`${cli} -- help\``,
    );
  }

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

  // In its own process group (except on Windows), so stopping reaches `next dev` and its workers rather
  // than only `npx`, which would leave them running.
  const next = spawn("npx", ["next", "dev", "--port", port], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
    detached: process.platform !== "win32",
  });
  cleanups.push(() => stopProcessGroup(next));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
