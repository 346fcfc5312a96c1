import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { freePort } from "./lib/bench";
import { e2eEnv } from "./lib/e2e-env";
import { stopProcessGroup } from "./lib/process-group";
import { run } from "./lib/run";
import { createTestDatabase } from "./lib/test-database";

// `npm run bench:pages [-- --no-build]`: builds the app (e2e environment) into .next-bench, starts
// `next start` on a free port with a fresh database, and prints for each public page the JavaScript a
// first visit downloads (gzip) and the server's response time. A benchmark: it prints numbers, it does not
// pass or fail on them. --no-build reuses the last benchmark build.

const root = path.resolve(import.meta.dirname, "..");
const DIST_DIR = ".next-bench";
const PAGES = ["/", "/pricing", "/signin"];
const WARMUP = 3;
const REQUESTS = 20;

type Fetched = { status: number; body: Buffer; ms: number };

function get(url: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { headers: { "accept-encoding": "identity" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
        }),
      );
      res.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function waitUntilUp(base: string, server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    const ok = await get(`${base}/api/health`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("next start did not answer /api/health within 60 s");
}

/** Nearest-rank percentile of ascending samples. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function measure(base: string, page: string) {
  const html = await get(`${base}${page}`);
  if (html.status !== 200) throw new Error(`${page} answered ${html.status}`);
  // What a modern browser downloads: `noModule` polyfills are skipped by every browser Next supports.
  const tags = [...html.body.toString("utf8").matchAll(/<script[^>]*>/g)].map((m) => m[0]);
  const scripts = [
    ...new Set(
      tags
        .filter((tag) => !/\bnomodule\b/i.test(tag))
        .flatMap((tag) => tag.match(/\ssrc="([^"]+)"/)?.[1] ?? []),
    ),
  ];
  let jsGzip = 0;
  for (const src of scripts) {
    const asset = await get(new URL(src, base).toString());
    if (asset.status !== 200) throw new Error(`${src} answered ${asset.status}`);
    jsGzip += gzipSync(asset.body).length;
  }
  for (let i = 0; i < WARMUP; i++) await get(`${base}${page}`);
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push((await get(`${base}${page}`)).ms);
  times.sort((a, b) => a - b);
  return {
    page,
    scripts: scripts.length,
    jsKb: jsGzip / 1024,
    htmlKb: gzipSync(html.body).length / 1024,
    median: percentile(times, 50),
    p95: percentile(times, 95),
  };
}

async function main() {
  const env = { ...e2eEnv(), NEXT_DIST_DIR: DIST_DIR };
  if (!process.argv.includes("--no-build") || !existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) {
    await run("npx", ["next", "build"], { cwd: root, env });
  }
  const database = await createTestDatabase("starter_bench_pages");
  let server: ChildProcess | undefined;
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn("npx", ["next", "start", "--port", String(port)], {
      cwd: root,
      env: { ...env, DATABASE_URL: database.url },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    await waitUntilUp(base, server);
    const rows = [];
    for (const page of PAGES) rows.push(await measure(base, page));

    console.log(`\n${REQUESTS} requests per page after ${WARMUP} warm-up requests, one at a time, ${base}\n`);
    const header = ["page", "scripts", "JS gzip", "HTML gzip", "median", "p95"];
    const lines = rows.map((r) => [
      r.page,
      String(r.scripts),
      `${r.jsKb.toFixed(1)} KB`,
      `${r.htmlKb.toFixed(1)} KB`,
      `${r.median.toFixed(1)} ms`,
      `${r.p95.toFixed(1)} ms`,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
    for (const line of [header, ...lines]) {
      console.log(
        line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "),
      );
    }
  } finally {
    if (server) await stopProcessGroup(server);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
