import { spawn } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { newLicenseKey } from "../creem-emulator/src/core/ids";
import { PRODUCT_IDS } from "../creem-emulator/src/index";
import { createCreemClient } from "../lib/creem";
import { BENCH_BUILD_ENV, benchBuild, freePort, percentile, waitForServer } from "./lib/bench";
import { e2eEnv } from "./lib/e2e-env";
import { startLocalCreem } from "./lib/local-creem";
import { stopProcessGroup } from "./lib/process-group";
import { bootstrapMedianDifference, mannWhitney, median } from "./lib/stats";
import { createTestDatabase } from "./lib/test-database";

// `npm run bench:licenses [-- --requests N --warmup W --no-build]`: can a brute force of the public license
// API tell "no such key" from "not even shaped like a key" by its timing (issue #13)? Builds the app like
// bench:webhooks (.next-bench), starts the local CREEM, a fresh database and `next start` with
// TRUST_PROXY=true, buys Lifetime licenses there (checkout, then CREEM's webhook stores the keys), then
// sends N validate requests one at a time, in rounds of one of each class in shuffled order:
//   (a) well-formed keys nobody sold, (b) malformed keys (wrong length or characters), (c) sold keys
//   with an unknown instance, for reference (those go on to CREEM).
// Every request comes from its own X-Forwarded-For address and every (a)/(b) key is new, so neither the
// per-IP nor the per-key limit is ever near its count; the sold keys rotate so that each is used fewer
// times than its per-key limit. Any answer other than the expected 404 is counted and makes the run fail
// (a 429 would distort the timing). Prints median, p90 and p99 per class, the ratio a/b of the medians,
// a Mann-Whitney U test of a against b and a bootstrap interval for the difference of their medians.
// A benchmark, not a test: whether a difference is detectable is printed, not turned into an exit code.

const root = path.resolve(import.meta.dirname, "..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("requests", 2000);
const WARMUP_ROUNDS = arg("warmup", 100);
/** Below the per-key limit (20 a minute, lib/licenses/api.ts), counting the whole run as one window. */
const USES_PER_SOLD_KEY = 15;
/** p below this: the difference between (a) and (b) is called detectable. */
const ALPHA = 0.01;

type Class = "a" | "b" | "c";
const CLASSES: Record<Class, { label: string; code: string }> = {
  a: { label: "(a) unknown, well-formed key", code: "license_not_found" },
  b: { label: "(b) malformed key", code: "license_not_found" },
  c: { label: "(c) sold key, wrong instance", code: "instance_not_found" },
};

/** The malformed shapes (b) cycles through; each stays under the API's 256-character limit. */
const MALFORMED: { name: string; make: () => string }[] = [
  { name: "too short (8)", make: () => randomBytes(4).toString("hex").toUpperCase() },
  {
    name: "wrong characters (29)",
    make: () =>
      Array.from({ length: 5 }, () =>
        Array.from({ length: 5 }, () => "abcdefghijklmnopqrstuvwxyz%$&*!?"[randomInt(32)]).join(""),
      ).join("-"),
  },
  { name: "too long (100)", make: () => randomBytes(50).toString("hex") },
  { name: "not ASCII (24)", make: () => `ключ-лицензии-${randomBytes(5).toString("hex")}` },
];

type Planned = { cls: Class; body: string; ip: string; shape?: string };
type Sample = Planned & { ms: number; status: number; text: string };

let requestCount = 0;
/** A distinct client address per request (10.0.0.1, 10.0.0.2, ...), read through TRUST_PROXY. */
const nextIp = () => {
  const n = ++requestCount;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** `rounds` rounds of one request per class, each round in shuffled order; all bodies made up front. */
function plan(rounds: number, soldKeys: string[], soldUses: { next: number }): Planned[] {
  const planned: Planned[] = [];
  let malformed = 0;
  for (let r = 0; r < rounds; r++) {
    const order: Class[] = ["a", "b", "c"];
    for (let i = order.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const cls of order) {
      const instanceId = `ins_${randomBytes(11).toString("hex")}`;
      let key: string;
      let shape: string | undefined;
      if (cls === "a") key = newLicenseKey();
      else if (cls === "b") {
        const m = MALFORMED[malformed++ % MALFORMED.length]!;
        key = m.make();
        shape = m.name;
      } else key = soldKeys[Math.floor(soldUses.next++ / USES_PER_SOLD_KEY)]!;
      planned.push({ cls, body: JSON.stringify({ key, instanceId }), ip: nextIp(), shape });
    }
  }
  return planned;
}

async function send(url: string, request: Planned): Promise<Sample> {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": request.ip },
    body: request.body,
  });
  const text = await res.text();
  return { ...request, ms: performance.now() - t0, status: res.status, text };
}

/** Buys `count` Lifetime licenses at the local CREEM; its checkout.completed webhooks store the keys. */
async function soldKeys(creemUrl: string, apiKey: string, databaseUrl: string, count: number) {
  const creem = createCreemClient({ apiKey, baseUrl: creemUrl, maxRetries: 0 });
  for (let i = 0; i < count; i++) {
    const email = `bench-license-${i}@example.com`;
    const checkout = await creem.checkouts.create({ productId: PRODUCT_IDS.lifetime, customer: { email } });
    const res = await fetch(`${creemUrl}/__emulator/checkouts/${checkout.id}/complete`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    });
    if (!res.ok) throw new Error(`completing checkout ${checkout.id}: ${res.status} ${await res.text()}`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < 240; i++) {
      const { rows } = await client.query<{ key: string }>(`SELECT key FROM "LicenseKey" ORDER BY key`);
      if (rows.length >= count) return rows.map((row) => row.key);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await client.end();
  }
  throw new Error(`the app did not store ${count} license keys from CREEM's webhooks within 60 s`);
}

const ms = (value: number) => value.toFixed(2).padStart(9);

function report(samples: Sample[]) {
  const byClass = (cls: Class) => samples.filter((s) => s.cls === cls);
  console.log(
    `\n${samples.length} validate requests (after ${WARMUP_ROUNDS * 3} warm-up), one at a time, ` +
      `interleaved in rounds of one per class in shuffled order; every request from its own IP\n`,
  );
  console.log(`${"class".padEnd(32)}     n  median ms    p90 ms    p99 ms  answer`);
  let unexpected = 0;
  for (const cls of ["a", "b", "c"] as const) {
    const rows = byClass(cls);
    const sorted = rows.map((s) => s.ms).sort((x, y) => x - y);
    const expected = `404 ${CLASSES[cls].code}`;
    const answers = new Map<string, number>();
    for (const s of rows) {
      const code = (JSON.parse(s.text) as { error?: { code?: string } }).error?.code ?? "-";
      const answer = `${s.status} ${code}`;
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
      if (answer !== expected) unexpected++;
    }
    console.log(
      `${CLASSES[cls].label.padEnd(32)} ${String(rows.length).padStart(5)} ${ms(median(sorted))} ${ms(
        percentile(sorted, 90),
      )} ${ms(percentile(sorted, 99))}  ${[...answers].map(([a, n]) => (a === expected ? a : `${a} ×${n}`)).join(", ")}`,
    );
  }
  for (const shape of MALFORMED) {
    const rows = byClass("b").filter((s) => s.shape === shape.name);
    console.log(
      `    (b) ${shape.name.padEnd(24)} ${String(rows.length).padStart(5)} ${ms(median(rows.map((s) => s.ms)))}`,
    );
  }

  const a = byClass("a").map((s) => s.ms);
  const b = byClass("b").map((s) => s.ms);
  const c = byClass("c").map((s) => s.ms);
  const bodies = new Set([...byClass("a"), ...byClass("b")].map((s) => s.text));
  const test = mannWhitney(a, b);
  const interval = bootstrapMedianDifference(a, b);
  console.log(
    `\nratio of medians a/b ${(median(a) / median(b)).toFixed(3)}, c/a ${(median(c) / median(a)).toFixed(3)}`,
  );
  console.log(`(a) and (b) answer bodies: ${bodies.size === 1 ? "identical" : `${bodies.size} different`}`);
  console.log(
    `Mann-Whitney U, a vs b: U ${test.u}, P(an a is slower than a b) ${test.effect.toFixed(3)}, z ${test.z.toFixed(2)}, p ${test.p.toPrecision(3)}`,
  );
  console.log(
    `bootstrap 95 % interval of median(a) - median(b): [${interval.low.toFixed(3)}, ${interval.high.toFixed(3)}] ms`,
  );
  const detectable = test.p < ALPHA;
  console.log(
    detectable
      ? `→ a difference between (a) and (b) IS detectable (p < ${ALPHA}): ${test.z > 0 ? "unknown keys are slower" : "malformed keys are slower"}`
      : `→ no difference between (a) and (b) detectable at p < ${ALPHA} with ${a.length} + ${b.length} requests`,
  );
  if (unexpected > 0) console.log(`✗ ${unexpected} unexpected answers: the timings above are not comparable`);
  return { unexpected, identicalBodies: bodies.size === 1 };
}

async function main() {
  const env = { ...e2eEnv(), ...BENCH_BUILD_ENV };
  await benchBuild(env);
  const database = await createTestDatabase("starter_bench_licenses");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const creem = await startLocalCreem({
    port: 0,
    portVariable: "none (port 0: the OS picks a free one)",
    webhookUrl: `${base}/api/webhooks/creem`,
    retryDelaysMs: [200, 500, 1000, 2000],
  });
  const server = spawn("npx", ["next", "start", "--port", String(port)], {
    cwd: root,
    env: { ...env, ...creem.env, DATABASE_URL: database.url, TRUST_PROXY: "true" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForServer(`${base}/api/health`);
    const soldUses = { next: 0 };
    const keyCount = Math.ceil((WARMUP_ROUNDS + Math.ceil(N / 3)) / USES_PER_SOLD_KEY);
    const keys = await soldKeys(creem.url, creem.env.CREEM_API_KEY, database.url, keyCount);
    const url = `${base}/api/v1/licenses/validate`;

    for (const request of plan(WARMUP_ROUNDS, keys, soldUses)) await send(url, request);
    const samples: Sample[] = [];
    for (const request of plan(Math.ceil(N / 3), keys, soldUses).slice(0, N))
      samples.push(await send(url, request));

    const { unexpected, identicalBodies } = report(samples);
    process.exitCode = unexpected > 0 || !identicalBodies ? 1 : 0;
  } finally {
    await stopProcessGroup(server);
    await creem.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
