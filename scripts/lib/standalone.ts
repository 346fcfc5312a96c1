import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import path from "node:path";

// The production server `next build` makes with `output: "standalone"`: `<distDir>/standalone/server.js`
// plus the node_modules it needs. Next leaves public/ and the static files out (a CDN may serve them);
// copyStandaloneAssets puts them beside the server so it serves them itself, as the Docker image does.

const root = path.resolve(import.meta.dirname, "../..");

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

export function standaloneServer(): string {
  return path.join(root, distDir(), "standalone", "server.js");
}

export function hasBuild(): boolean {
  return existsSync(path.join(root, distDir(), "BUILD_ID")) && existsSync(standaloneServer());
}

export function copyStandaloneAssets(): void {
  const standalone = path.join(root, distDir(), "standalone");
  if (!existsSync(standalone)) throw new Error(`${standalone} is missing: run \`next build\` first`);
  cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
  cpSync(path.join(root, distDir(), "static"), path.join(standalone, distDir(), "static"), {
    recursive: true,
  });
}

/** Starts the standalone server on 127.0.0.1:port in its own process group (stop it with stopProcessGroup). */
export function startStandalone(options: {
  port: number;
  env: NodeJS.ProcessEnv;
  stdio?: "inherit" | "ignore" | "pipe";
}): ChildProcess {
  return spawn(process.execPath, [standaloneServer()], {
    cwd: path.dirname(standaloneServer()),
    stdio: options.stdio ?? "inherit",
    env: { ...options.env, PORT: String(options.port), HOSTNAME: "127.0.0.1" },
    detached: process.platform !== "win32",
  });
}
