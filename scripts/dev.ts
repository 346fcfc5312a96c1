import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import nextEnv from "@next/env";
import { devHostname } from "./lib/dev-hostname";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { startLocalCreem } from "./lib/local-creem";
import { localSecret, localSigningKey } from "./lib/local-secret";
import { settleOldPgliteData } from "./lib/old-pglite-data";
import { stopProcessGroup } from "./lib/process-group";
import { run } from "./lib/run";
import { WORKER_ARGS, WORKER_COMMAND } from "./lib/worker-process";

// `npm run dev`: one command, zero accounts. Uses DATABASE_URL when set, else an embedded PostgreSQL kept in
// .data/postgres; without CREEM_API_KEY, starts the local CREEM (creem-emulator/) with its state in
// .data/creem-emulator.json; applies migrations and the seed; then starts `next dev` and the job worker.

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

function portFrom(variable: string, fallback: number): number {
  const raw = process.env[variable];
  const port = raw ? Number(raw) : fallback;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${variable} must be a port number, got "${raw}"`);
  }
  return port;
}

/** The embedded PostgreSQL's port: EMBEDDED_POSTGRES_PORT, or the old PGLITE_PORT with a warning. */
function embeddedPostgresPort(): number {
  if (!process.env.EMBEDDED_POSTGRES_PORT && process.env.PGLITE_PORT) {
    console.warn(
      "▲ PGLITE_PORT is deprecated (the embedded database is PostgreSQL now): use EMBEDDED_POSTGRES_PORT.",
    );
    return portFrom("PGLITE_PORT", 54329);
  }
  return portFrom("EMBEDDED_POSTGRES_PORT", 54329);
}

/** Runs a long-lived child in its own process group (except on Windows), so stopping reaches its workers. */
function startChild(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, {
    cwd: root,
    stdio: "inherit",
    env: process.env,
    detached: process.platform !== "win32",
  });
  cleanups.push(() => stopProcessGroup(child));
  child.on("exit", (code) => void shutdown(code ?? 0));
  return child;
}

async function main() {
  const port = process.env.PORT ?? "3000";
  // Only this machine can reach the dev server (and its outbox of sign-in links) unless DEV_HOSTNAME says so.
  const { hostname, warning } = devHostname(process.env);
  if (warning) console.warn(warning);
  process.env.NEXT_PUBLIC_APP_URL ??= `http://localhost:${port}`;
  process.env.AUTH_SECRET ??= localSecret(path.join(dataDir, "auth-secret"));
  // Signs offline license tokens (lib/licenses); kept so tokens issued yesterday still verify today.
  process.env.LICENSE_SIGNING_KEY ??= localSigningKey(path.join(dataDir, "license-signing-key"));
  if (!process.env.DATABASE_URL) await settleOldPgliteData(dataDir, process.argv.slice(2));

  // First, so a second `npm run dev` stops at the busy port before it touches the same database folder.
  if (!process.env.CREEM_API_KEY) {
    const creemPort = portFrom("CREEM_EMULATOR_PORT", 4010);
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

  if (!process.env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: embeddedPostgresPort(),
      portVariable: "EMBEDDED_POSTGRES_PORT",
    });
    cleanups.push(embedded.stop);
    process.env.DATABASE_URL = embedded.url;
    process.env.SHADOW_DATABASE_URL ??= embedded.shadowUrl;
    console.log(`▲ Embedded PostgreSQL on ${embedded.url} — data in .data/postgres (psql "${embedded.url}")`);
  }

  await run("npx", ["prisma", "migrate", "deploy"], { cwd: root });
  await run("npx", ["prisma", "db", "seed"], { cwd: root });

  startChild("npx", ["next", "dev", "--port", port, "--hostname", hostname]);
  // Scheduled and retried background work (lib/jobs), on the same database; stop with the app.
  startChild(WORKER_COMMAND, WORKER_ARGS);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
