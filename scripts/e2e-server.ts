import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import {
  e2eEnv,
  E2E_CREEM_PORT,
  E2E_CREEM_RETRY_DELAYS_MS,
  E2E_CREEM_URL,
  E2E_CREEM_WEBHOOK_URL,
  E2E_PORT,
} from "./lib/e2e-env";
import { startLocalCreem, type LocalCreem } from "./lib/local-creem";
import { stopProcessGroup } from "./lib/process-group";
import { run } from "./lib/run";
import { copyStandaloneAssets, hasBuild, startStandalone } from "./lib/standalone";
import { createTestDatabase } from "./lib/test-database";
import { WORKER_ARGS, WORKER_COMMAND } from "./lib/worker-process";

// Playwright's web server: the local CREEM (in memory, fast webhook retries), a fresh migrated database, then
// the standalone production server, the one the Docker image runs (built first when missing), and the job
// worker beside it, as in production (it sends lifecycle email). When Playwright stops the server: Next and
// the worker, then the emulator, then the database is dropped.
const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const env = e2eEnv();
  let creem: LocalCreem | undefined;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let server: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all([server, worker].map((child) => child && stopProcessGroup(child)));
    await creem?.stop().catch((error: unknown) => console.error("Could not stop the local CREEM", error));
    await database?.drop().catch((error: unknown) => console.error("Could not drop e2e database", error));
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));

  try {
    creem = await startLocalCreem({
      port: E2E_CREEM_PORT,
      portVariable: "E2E_CREEM_PORT",
      webhookUrl: E2E_CREEM_WEBHOOK_URL,
      retryDelaysMs: E2E_CREEM_RETRY_DELAYS_MS,
      log: (line) => console.log(`[creem] ${line}`),
    });
    if (creem.url !== E2E_CREEM_URL)
      throw new Error(`local CREEM is on ${creem.url}, expected ${E2E_CREEM_URL}`);
    if (!hasBuild()) await run("npx", ["next", "build"], { cwd: root, env });
    copyStandaloneAssets();
    database = await createTestDatabase("starter_e2e");
    server = startStandalone({ port: E2E_PORT, env: { ...env, DATABASE_URL: database.url } });
    server.on("exit", (code) => void stop(code ?? 1));
    worker = spawn(WORKER_COMMAND, WORKER_ARGS, {
      cwd: root,
      env: { ...env, DATABASE_URL: database.url },
      stdio: "inherit",
      detached: process.platform !== "win32",
    });
    worker.on("exit", (code) => void stop(code ?? 1));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
