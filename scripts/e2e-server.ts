import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { e2eEnv, E2E_PORT } from "./lib/e2e-env";
import { run } from "./lib/run";
import { createTestDatabase } from "./lib/test-database";

// Playwright's web server: a fresh migrated database, then `next start` on the production build
// (built first when missing). The database is dropped when Playwright stops the server.
const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const env = e2eEnv();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    await run("npx", ["next", "build"], { cwd: root, env });
  }
  const database = await createTestDatabase("starter_e2e");
  const server = spawn("npx", ["next", "start", "--port", String(E2E_PORT)], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, DATABASE_URL: database.url },
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    await database.drop().catch((error: unknown) => console.error("Could not drop e2e database", error));
    process.exit(code);
  };
  server.on("exit", (code) => void stop(code ?? 1));
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
