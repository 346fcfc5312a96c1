import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { run } from "./run";

// What the benchmark scripts (scripts/bench-*.ts) share: their production build in its own folder, a free
// port, waiting for `next start`, and percentiles of measured latencies.

const root = path.resolve(import.meta.dirname, "../..");

/** The benchmarks' build folder; BENCH_BUILD=1 adds the bare route of bench:webhooks (next.config.ts). */
export const BENCH_BUILD_ENV = { NEXT_DIST_DIR: ".next-bench", BENCH_BUILD: "1" } as const;

/** `next build` into .next-bench, unless `--no-build` was given and a build is there to reuse. */
export async function benchBuild(env: NodeJS.ProcessEnv): Promise<void> {
  const built = existsSync(path.join(root, BENCH_BUILD_ENV.NEXT_DIST_DIR, "BUILD_ID"));
  if (process.argv.includes("--no-build") && built) return;
  await run("npx", ["next", "build"], { cwd: root, env: { ...env, ...BENCH_BUILD_ENV } });
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 2xx (60 s at most). */
export async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start: ${url}`);
}

/** The sample at rank floor(p% of n) of ascending samples (p50 of an even count: the upper middle one). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
