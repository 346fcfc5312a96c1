import { spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { e2eEnv } from "./lib/e2e-env";
import { stopProcessGroup } from "./lib/process-group";
import { run } from "./lib/run";
import { createTestDatabase } from "./lib/test-database";

// `npm run bench:webhooks [-- --events N --concurrency C]`: N signed CREEM events at concurrency C
// against `next start` on a fresh PostgreSQL database. Prints throughput, latency and a loss check.
// A benchmark, not a test: it reports numbers and exits 1 only on errors or lost events.

const root = path.resolve(import.meta.dirname, "..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("events", 5000);
const C = arg("concurrency", 8);
const PORT = arg("port", 3210);
const SECRET = "whsec_bench_secret";
const DAY = 86_400_000;

function events(count: number): string[] {
  const bodies: string[] = [];
  const start = Date.now();
  const types = [
    "subscription.active",
    "subscription.paid",
    "subscription.update",
    "subscription.paid",
    "subscription.scheduled_cancel",
  ];
  for (let i = 0; bodies.length < count; i++) {
    const sub = `sub_bench_${i}`;
    const customer = {
      id: `cust_bench_${i}`,
      object: "customer",
      mode: "test",
      email: `bench${i}@example.com`,
      country: null,
    };
    types.forEach((type, step) => {
      if (bodies.length >= count) return;
      const at = start + step * 1000;
      bodies.push(
        JSON.stringify({
          id: `evt_${randomUUID()}`,
          eventType: type,
          created_at: at,
          object: {
            id: sub,
            object: "subscription",
            mode: "test",
            status: type === "subscription.scheduled_cancel" ? "scheduled_cancel" : "active",
            product: {
              id: "prod_local_team_monthly",
              object: "product",
              name: "Team",
              price: 1200,
              currency: "USD",
            },
            customer,
            items: [{ id: `sitem_${i}`, product_id: "prod_local_team_monthly", units: 1 + step }],
            collection_method: "charge_automatically",
            current_period_start_date: new Date(start).toISOString(),
            current_period_end_date: new Date(start + 30 * DAY).toISOString(),
            canceled_at: null,
            created_at: new Date(start).toISOString(),
            updated_at: new Date(at).toISOString(),
          },
        }),
      );
    });
  }
  return bodies;
}

async function waitForServer(url: string) {
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

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  // Its own build folder, so a benchmark neither disturbs nor reuses a stale .next.
  // --no-build reuses the last benchmark build.
  const env = { ...e2eEnv(), CREEM_WEBHOOK_SECRET: SECRET, NEXT_DIST_DIR: ".next-bench" };
  if (!process.argv.includes("--no-build") || !existsSync(path.join(root, ".next-bench", "BUILD_ID"))) {
    await run("npx", ["next", "build"], { cwd: root, env });
  }
  const database = await createTestDatabase("starter_bench");
  const server = spawn("npx", ["next", "start", "--port", String(PORT)], {
    cwd: root,
    env: { ...env, DATABASE_URL: database.url, NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? "" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(`${base}/api/health`);
    const bodies = events(N);
    const send = async (body: string) => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/webhooks/creem`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "creem-signature": createHmac("sha256", SECRET).update(body).digest("hex"),
        },
        body,
      });
      await res.arrayBuffer();
      return { ms: performance.now() - t0, ok: res.status === 200 };
    };
    for (const body of bodies.slice(0, 50)) await send(body.replace(/"evt_/, '"evt_warm')); // warm-up (distinct ids)

    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: C }, async () => {
        while (next < bodies.length) {
          const result = await send(bodies[next++]!);
          latencies.push(result.ms);
          if (!result.ok) errors++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const ids = bodies.map((b) => (JSON.parse(b) as { id: string }).id);
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "WebhookEvent" WHERE id = ANY($1) AND "processedAt" IS NOT NULL`,
      [ids],
    );
    await client.end();
    const lost = ids.length - Number(rows[0]!.n);

    console.log(`events       ${N} (concurrency ${C})`);
    console.log(`throughput   ${(N / seconds).toFixed(0)} events/s`);
    console.log(
      `latency      p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    console.log(`errors       ${errors}`);
    console.log(`lost         ${lost}`);
    process.exitCode = errors > 0 || lost > 0 ? 1 : 0;
  } finally {
    await stopProcessGroup(server);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
