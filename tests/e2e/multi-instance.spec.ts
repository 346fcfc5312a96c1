import { expect, test } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { createServer } from "node:net";
import pg from "pg";
import { e2eEnv, E2E_CREEM_WEBHOOK_SECRET } from "../../scripts/lib/e2e-env";
import { stopProcessGroup } from "../../scripts/lib/process-group";
import { startStandalone } from "../../scripts/lib/standalone";
import { copyTestDatabase, createTestDatabase } from "../../scripts/lib/test-database";
import {
  checkoutCompleted,
  customer,
  envelope,
  refundCreated,
  subscription,
  type SubState,
} from "../support/creem-payloads";

// Many instances on one database: two production servers (the same build as the other e2e tests) receive
// the same CREEM webhooks, each event several times, concurrently and in shuffled order. Every event must
// take effect exactly once, and the final state must equal that of one server receiving each event once,
// in order. No browser: this is about the servers and the database.

const USERS = 4;
const CONCURRENCY = 8;
const DAY = 86_400_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// A small deterministic PRNG, so a failing order can be replayed from its seed.
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const uid = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;

type User = { id: string; email: string };

/** A subscription's life (paid, seats, cancel scheduled and undone, dunning, ended) and a refunded one-time buy. */
function eventsFor(user: User): object[] {
  const cust = customer(uid("cust"), user.email);
  const start = Date.UTC(2026, 0, 1);
  const base: SubState = {
    id: uid("sub"),
    status: "active",
    periodStart: start,
    periodEnd: start + 30 * DAY,
    metadata: { userId: user.id },
  };
  const renewed = { periodStart: start + 30 * DAY, periodEnd: start + 60 * DAY };
  const steps: Array<[string, number, Partial<SubState>]> = [
    ["subscription.active", 0, {}],
    ["subscription.paid", 1, {}],
    ["subscription.update", 2, { units: 3 }],
    ["subscription.scheduled_cancel", 3, { units: 3, status: "scheduled_cancel" }],
    ["subscription.active", 4, { units: 3 }],
    ["subscription.paid", 5, { units: 3, ...renewed }],
    ["subscription.past_due", 6, { units: 3, ...renewed, status: "past_due" }],
    ["subscription.unpaid", 7, { units: 3, ...renewed, status: "unpaid" }],
    ["subscription.canceled", 7, { units: 3, ...renewed, status: "canceled", canceledAt: start + 40 * DAY }],
  ];
  const orderId = uid("ord");
  return [
    checkoutCompleted({
      eventId: uid("evt"),
      at: start,
      checkoutId: uid("ch"),
      userId: user.id,
      customer: cust,
      productId: "prod_local_pro_monthly",
      orderId: uid("ord"),
      subscription: base,
    }),
    ...steps.map(([type, minute, patch]) => {
      const at = start + minute * 60_000;
      return envelope(uid("evt"), type, at, subscription({ ...base, ...patch }, cust, at));
    }),
    checkoutCompleted({
      eventId: uid("evt"),
      at: start + 10 * 60_000,
      checkoutId: uid("ch"),
      userId: user.id,
      customer: cust,
      productId: "prod_local_lifetime",
      orderId,
      licenseKey: `KEY-${uid("lic")}`,
    }),
    refundCreated(uid("evt"), start + 11 * 60_000, orderId, cust),
  ];
}

type Delivery = { status: number; outcome?: string };

async function deliver(base: string, event: object): Promise<Delivery> {
  const body = JSON.stringify(event);
  const response = await fetch(`${base}/api/webhooks/creem`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "creem-signature": createHmac("sha256", E2E_CREEM_WEBHOOK_SECRET).update(body).digest("hex"),
    },
    body,
  });
  const json = (await response.json().catch(() => ({}))) as { outcome?: string };
  return { status: response.status, outcome: json.outcome };
}

async function inParallel<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}

async function waitUntilUp(base: string, server: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${base} did not come up`);
}

/** The billing state of a database, without row timestamps (which differ between any two runs). */
async function snapshot(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows;
    return {
      subscriptions:
        await q(`SELECT id, "userId", "customerId", "productId", status, units, "currentPeriodStart",
        "currentPeriodEnd", "cancelAtPeriodEnd", "canceledAt", "pastDueSince", "stateAt", "stateSource"
        FROM "Subscription" ORDER BY id`),
      purchases: await q(`SELECT id, "checkoutId", "userId", "productId", amount, status, "purchasedAt"
        FROM "Purchase" ORDER BY id`),
      reversals: await q(`SELECT id, kind, status, amount, "orderId", "subscriptionId", "createdAt"
        FROM "PaymentReversal" ORDER BY id`),
      licenses: await q(`SELECT id, "userId", "orderId", key, status FROM "LicenseKey" ORDER BY id`),
      // Not the outcome: an event arriving after a newer one is "stale" instead of "applied", by design.
      events: await q(`SELECT id, type, attempts, "processedAt" IS NOT NULL AS processed, "lastError"
        FROM "WebhookEvent" ORDER BY id`),
      // Workspace ids are random per database: the personal workspace's customer, by its owner.
      users: await q(`SELECT u.id, u.email, w."creemCustomerId" FROM "User" u
        JOIN "Workspace" w ON w."personalOwnerId" = u.id ORDER BY u.id`),
    };
  } finally {
    await client.end();
  }
}

async function createUsers(url: string, users: User[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const user of users) {
      await client.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [
        user.id,
        user.email,
      ]);
    }
  } finally {
    await client.end();
  }
}

test("two instances on one database apply each webhook exactly once, as one instance would", async () => {
  test.setTimeout(180_000);
  // A new order every run; MULTI_INSTANCE_SEED=<seed> replays one (the seed is in the report).
  const seed = Number(process.env.MULTI_INSTANCE_SEED ?? Math.floor(Math.random() * 1_000_000));
  test.info().annotations.push({ type: "seed", description: String(seed) });
  console.log(`multi-instance shuffle seed ${seed}`);
  const random = mulberry32(seed);
  const users = Array.from({ length: USERS }, (_, i) => ({
    id: uid("user"),
    email: `multi-${i}-${uid("m")}@example.com`,
  }));
  const events = users.flatMap(eventsFor);

  const shared = await createTestDatabase("starter_multi");
  // A copy of the freshly migrated database: the same schema without a second `prisma migrate deploy`.
  const single = await copyTestDatabase(shared, `${shared.name}_single`);
  const servers: ChildProcess[] = [];
  try {
    await createUsers(shared.url, users);
    await createUsers(single.url, users);
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    const env = e2eEnv();
    ports.forEach((port, i) => {
      const url = i < 2 ? shared.url : single.url;
      servers.push(startStandalone({ port, env: { ...env, DATABASE_URL: url }, stdio: "ignore" }));
    });
    await Promise.all(bases.map((base, i) => waitUntilUp(base, servers[i]!)));
    const [a, b, one] = bases as [string, string, string];

    // Reference: one instance, each event once, in the order CREEM sent them.
    for (const event of events) expect((await deliver(one, event)).status).toBe(200);

    // Each event to both instances and once more to either, all shuffled, 8 requests in flight.
    const deliveries = shuffle(
      events.flatMap((event) => [
        { event, base: a },
        { event, base: b },
        { event, base: random() < 0.5 ? a : b },
      ]),
      random,
    );
    const answers = await inParallel(
      deliveries.map((d) => async () => ({
        id: (d.event as { id: string }).id,
        ...(await deliver(d.base, d.event)),
      })),
      CONCURRENCY,
    );

    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    // Exactly one delivery of each event did something; the others saw it done.
    for (const event of events as Array<{ id: string }>) {
      const effective = answers.filter((answer) => answer.id === event.id && answer.outcome !== "duplicate");
      expect(effective, event.id).toHaveLength(1);
    }

    const [many, reference] = await Promise.all([snapshot(shared.url), snapshot(single.url)]);
    expect(many.events).toHaveLength(events.length);
    expect(many.events.every((e) => e.processed && e.attempts === 1 && e.lastError === null)).toBe(true);
    expect(many.subscriptions).toHaveLength(USERS);
    expect(many.purchases).toHaveLength(USERS);
    expect(many).toEqual(reference);
    // And that state is the end of each story: canceled subscriptions, each purchase refunded once.
    expect(new Set(many.subscriptions.map((s) => s.status))).toEqual(new Set(["canceled"]));
    expect(many.reversals).toHaveLength(USERS);
    expect(many.reversals.map((r) => r.orderId).sort()).toEqual(many.purchases.map((p) => p.id).sort());
  } finally {
    await Promise.all(servers.map((server) => stopProcessGroup(server)));
    await Promise.all([shared.drop(), single.drop()]);
  }
});
