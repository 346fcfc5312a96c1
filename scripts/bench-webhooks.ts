import { spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { BENCH_BUILD_ENV, benchBuild, percentile, waitForServer } from "./lib/bench";
import { e2eEnv } from "./lib/e2e-env";
import { stopProcessGroup } from "./lib/process-group";
import { createTestDatabase } from "./lib/test-database";

// `npm run bench:webhooks [-- --events N --concurrency C --runs R --warmup W --known F]`: N signed CREEM events at concurrency C
// against `next start` on a fresh PostgreSQL database, through the app's route and through a bare route
// (signature check + one `pg` insert of the event id: app/api/bench/bare/route.bench.ts, in this build
// only), alternating, R runs each. Both routes are warmed up first at concurrency C (rounds of W requests,
// at least 2, until a round's p99 is within 10 % of the previous one), so the first measured run is not a
// cold one. Prints throughput, latency, errors and a loss check per run, and the ratio app/bare (goal: >= 0.8,
// p99 <= 50 ms). By default every customer is new to the app; `--known F` signs up the buyers of that fraction
// of the subscriptions before each run (0..1), so their events also resolve and link a user and a workspace.
// A benchmark, not a test: exits 1 only on errors or lost events.

const root = path.resolve(import.meta.dirname, "..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("events", 3000);
const RUNS = arg("runs", 3);
const C = arg("concurrency", 8);
const PORT = arg("port", 3210);
const WARMUP_ROUND = arg("warmup", 500);
const KNOWN = Math.min(1, Math.max(0, arg("known", 0)));
const WARMUP_MAX_ROUNDS = 8;
const SECRET = "whsec_bench_secret";
const DAY = 86_400_000;

function events(count: number, tag: string): string[] {
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
    const sub = `sub_bench_${tag}_${i}`;
    const customer = {
      id: `cust_bench_${tag}_${i}`,
      object: "customer",
      mode: "test",
      email: `bench-${tag}-${i}@example.com`,
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

type BenchEvent = { id: string; object: { customer: { email: string } } };

type Measurement = {
  route: string;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  lost: number;
  /** CPU milliseconds per event of the server's processes and of PostgreSQL's (Linux only, else NaN). */
  serverCpu: number;
  dbCpu: number;
};

/** CPU seconds (user + system) of each process so far, by pid, from /proc; empty where there is none. */
function cpuByProcess(): Map<number, { cpu: number; group: number; postgres: boolean }> {
  const ticks = 100; // USER_HZ: 100 on every Linux a benchmark runs on
  const processes = new Map<number, { cpu: number; group: number; postgres: boolean }>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    // no /proc
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      processes.set(Number(pid), {
        cpu: (Number(fields[11]) + Number(fields[12])) / ticks,
        group: Number(fields[2]),
        postgres: comm === "postgres",
      });
    } catch {
      // ended meanwhile
    }
  }
  return processes;
}

/**
 * CPU seconds used between two readings by the processes of process group `group` (the server) and by
 * PostgreSQL's: where the work goes on 2 cores, the route's own code or the database. A process that ended
 * in between is left out; NaN where there is no /proc.
 */
function cpuUsed(
  before: ReturnType<typeof cpuByProcess>,
  after: ReturnType<typeof cpuByProcess>,
  group: number,
): { server: number; db: number } {
  if (after.size === 0) return { server: NaN, db: NaN };
  let server = 0;
  let db = 0;
  for (const [pid, now] of after) {
    const used = now.cpu - (before.get(pid)?.cpu ?? 0);
    if (now.group === group) server += used;
    else if (now.postgres) db += used;
  }
  return { server, db };
}

type Route = "app" | "bare";

const routeUrl = (base: string, route: Route) =>
  `${base}${route === "app" ? "/api/webhooks/creem" : "/api/bench/bare"}`;

async function send(url: string, body: string) {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "creem-signature": createHmac("sha256", SECRET).update(body).digest("hex"),
    },
    body,
  });
  await res.arrayBuffer();
  return { ms: performance.now() - t0, ok: res.status === 200 };
}

/** Sends every body at concurrency C; latencies sorted, errors counted, wall time in seconds. */
async function load(url: string, bodies: string[]) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next < bodies.length) {
        const result = await send(url, bodies[next++]!);
        latencies.push(result.ms);
        if (!result.ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, errors, seconds };
}

/**
 * Warms both routes the way they are measured (same concurrency, same event shapes, distinct ids), in
 * alternating rounds, until each route's p99 has settled: JIT, the database's caches and plans, the
 * connection pools. A route that never settles is reported, and measured anyway.
 */
async function warmUp(base: string) {
  const previous: Partial<Record<Route, number>> = {};
  const settled = new Set<Route>();
  for (let round = 1; round <= WARMUP_MAX_ROUNDS && settled.size < 2; round++) {
    const line: string[] = [];
    for (const route of ["app", "bare"] as const) {
      if (settled.has(route)) continue;
      const { latencies, errors } = await load(
        routeUrl(base, route),
        events(WARMUP_ROUND, `warm${round}${route}`),
      );
      const p99 = percentile(latencies, 99);
      const before = previous[route];
      if (round >= 2 && before !== undefined && Math.abs(p99 - before) <= 0.1 * before) settled.add(route);
      previous[route] = p99;
      line.push(`${route} p99 ${p99.toFixed(1)} ms${errors ? ` (${errors} errors)` : ""}`);
    }
    console.log(`warm-up round ${round} (${WARMUP_ROUND} requests per route): ${line.join(", ")}`);
  }
  for (const route of ["app", "bare"] as const) {
    if (!settled.has(route))
      console.log(`⚠ ${route}: p99 still moving after ${WARMUP_MAX_ROUNDS} warm-up rounds (a busy machine?)`);
  }
}

async function measure(
  base: string,
  databaseUrl: string,
  route: Route,
  tag: string,
  group: number,
): Promise<Measurement> {
  const bodies = events(N, tag);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  if (KNOWN > 0) {
    // The buyers of the first KNOWN of the subscriptions have accounts (each gets its personal workspace).
    const emails = [...new Set(bodies.map((b) => (JSON.parse(b) as BenchEvent).object.customer.email))];
    await client.query(
      `INSERT INTO "User" (id, email, "updatedAt") SELECT 'bench_' || md5(e), e, now() FROM unnest($1::text[]) AS e`,
      [emails.slice(0, Math.round(emails.length * KNOWN))],
    );
  }
  const cpuBefore = cpuByProcess();
  const { latencies, errors, seconds } = await load(routeUrl(base, route), bodies);
  const cpu = cpuUsed(cpuBefore, cpuByProcess(), group);

  const ids = bodies.map((b) => (JSON.parse(b) as BenchEvent).id);
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM "WebhookEvent" WHERE id = ANY($1) AND "processedAt" IS NOT NULL`,
    [ids],
  );
  await client.end();
  return {
    route,
    perSecond: N / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    lost: ids.length - Number(rows[0]!.n),
    serverCpu: (cpu.server * 1000) / N,
    dbCpu: (cpu.db * 1000) / N,
  };
}

async function main() {
  // Its own build folder, so a benchmark neither disturbs nor reuses a stale .next; BENCH_BUILD adds the
  // bare route. --no-build reuses the last benchmark build.
  const env = { ...e2eEnv(), CREEM_WEBHOOK_SECRET: SECRET, ...BENCH_BUILD_ENV };
  await benchBuild(env);
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
    await warmUp(base);
    const results: Measurement[][] = [];
    for (let r = 0; r < RUNS; r++) {
      // Alternating, and the first of each run alternates too, so neither route always runs warmer.
      const order: Route[] = r % 2 === 0 ? ["app", "bare"] : ["bare", "app"];
      const pair: Measurement[] = [];
      for (const route of order)
        pair.push(await measure(base, database.url, route, `${r}${route}`, server.pid!));
      results.push(pair.sort((a) => (a.route === "app" ? -1 : 1)));
    }

    console.log(
      `events ${N} per route per run, concurrency ${C}, ${Math.round(KNOWN * 100)} % of the buyers signed up`,
    );
    console.log(
      "run  route  events/s   p50 ms   p99 ms  errors  lost  server CPU ms/ev  db CPU ms/ev  ratio app/bare",
    );
    let failed = false;
    results.forEach(([app, bare], r) => {
      for (const m of [app!, bare!]) {
        failed ||= m.errors > 0 || m.lost > 0;
        console.log(
          `${String(r + 1).padEnd(4)} ${m.route.padEnd(6)} ${m.perSecond.toFixed(0).padStart(8)} ${m.p50
            .toFixed(1)
            .padStart(8)} ${m.p99.toFixed(1).padStart(8)} ${String(m.errors).padStart(7)} ${String(
            m.lost,
          ).padStart(5)} ${m.serverCpu.toFixed(2).padStart(16)} ${m.dbCpu.toFixed(2).padStart(13)}${
            m.route === "app" ? `  ${(app!.perSecond / bare!.perSecond).toFixed(2)}` : ""
          }`,
        );
      }
    });
    const ratios = results.map(([app, bare]) => app!.perSecond / bare!.perSecond).sort((a, b) => a - b);
    const appP99 = Math.max(...results.map(([app]) => app!.p99));
    console.log(
      `median ratio app/bare ${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)} (goal >= 0.8), worst app p99 ${appP99.toFixed(1)} ms (goal <= 50)`,
    );
    process.exitCode = failed ? 1 : 0;
  } finally {
    await stopProcessGroup(server);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
