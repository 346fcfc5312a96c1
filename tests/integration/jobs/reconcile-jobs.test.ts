// vitest: isolate (fails when it shares a worker's modules with other files: seen with --sequence.shuffle)
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobNamed } from "@/lib/jobs/registry";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { createTestDatabase } from "../../../scripts/lib/test-database";
import { customer, envelope, subscription } from "../../support/creem-payloads";
import { startCreem, type TestCreem } from "../creem-client/helpers";

// The billing jobs' handlers against their own database and a local CREEM that sends no webhooks: this is
// the state after an outage longer than CREEM's retries (events failed or never arrived).

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: PrismaClient;
let creem: TestCreem;
const lines: string[] = [];
const log = (line: string) => void lines.push(line);

beforeAll(async () => {
  database = await createTestDatabase("starter_jobs");
  db = createPrismaClient(database.url);
  creem = await startCreem();
}, 60_000);
afterAll(async () => {
  await db?.$disconnect();
  await creem?.close();
  await database?.drop();
});

const replay = jobNamed("billing-replay-webhooks")!;
const reconcile = jobNamed("billing-reconcile")!;
const resyncStale = jobNamed("billing-resync-stale")!;
const uid = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;

describe("billing jobs", () => {
  it("replay applies events whose processing failed and leaves unreadable ones recorded", async () => {
    const user = await db.user.create({ data: { email: `${uid("replay")}@example.com` } });
    const at = Date.UTC(2026, 0, 1);
    const sub = subscription(
      {
        id: uid("sub"),
        status: "active",
        periodStart: at,
        periodEnd: at + 30 * 86_400_000,
        metadata: { userId: user.id },
      },
      customer(uid("cust"), user.email),
      at,
    );
    const failed = envelope(uid("evt"), "subscription.active", at, sub);
    await db.webhookEvent.create({
      data: {
        id: failed.id,
        type: failed.eventType,
        createdAt: new Date(at),
        payload: JSON.parse(JSON.stringify(failed)) as object,
        attempts: 1,
        lastError: "database down",
      },
    });
    const unreadable = {
      id: uid("evt"),
      eventType: "subscription.active",
      created_at: at,
      object: { nonsense: true },
    };
    await db.webhookEvent.create({
      data: {
        id: unreadable.id,
        type: unreadable.eventType,
        createdAt: new Date(at),
        payload: unreadable,
        attempts: 1,
        lastError: "invalid",
      },
    });

    const output = await replay.handler({ db, creem: creem.client, log });
    expect(output).toEqual({ pending: 2, applied: 1, failed: 0, unreadable: 1 });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      attempts: 2,
      lastError: null,
      outcome: "applied",
    });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({
      userId: user.id,
      status: "active",
    });
    expect(
      (await db.webhookEvent.findUniqueOrThrow({ where: { id: unreadable.id } })).processedAt,
    ).toBeNull();

    // Running it again changes nothing.
    expect(await replay.handler({ db, creem: creem.client, log })).toEqual({
      pending: 1,
      applied: 0,
      failed: 0,
      unreadable: 1,
    });
    await db.webhookEvent.delete({ where: { id: unreadable.id } });
  });

  it("reconcile recovers a purchase whose webhooks never arrived, then follows later changes", async () => {
    const user = await db.user.create({ data: { email: `${uid("lost")}@example.com` } });
    // The app started this checkout (request id and all); CREEM's checkout.completed never reached it.
    const requestId = uid("req");
    const checkout = await creem.client.checkouts.create({
      productId: "prod_local_pro_monthly",
      customer: { email: user.email },
      requestId,
    });
    await db.checkout.create({
      data: { requestId, creemCheckoutId: checkout.id, userId: user.id, productId: "prod_local_pro_monthly" },
    });
    const paid = await creem.control<{ checkout: { subscription: { id: string } } }>(
      "POST",
      `/checkouts/${checkout.id}/complete`,
      { email: user.email },
    );
    const purchase = { subscriptionId: paid.checkout.subscription.id };

    const first = await reconcile.handler({ db, creem: creem.client, log });
    // The subscription of the first test was never at this CREEM: reported as unknown, not retried.
    expect(first).toMatchObject({ sync: { checkouts: 1, subscriptions: 1, unknown: 1, failed: 0 } });
    expect(await db.subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } })).toMatchObject(
      {
        userId: user.id,
        status: "active",
        productId: "prod_local_pro_monthly",
      },
    );
    expect((await db.checkout.findFirstOrThrow({ where: { userId: user.id } })).status).toBe("completed");

    await creem.client.subscriptions.cancel(purchase.subscriptionId, { mode: "immediate" });
    const second = await reconcile.handler({ db, creem: creem.client, log });
    expect(second).toMatchObject({ sync: { checkouts: 0, subscriptions: 1, unknown: 1, failed: 0 } });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } })).status).toBe(
      "canceled",
    );
  });

  it("re-syncs a subscription still active days after its period ended (its cancel webhook was lost)", async () => {
    const user = await db.user.create({ data: { email: `${uid("stale")}@example.com` } });
    const checkout = await creem.client.checkouts.create({
      productId: "prod_local_pro_monthly",
      customer: { email: user.email },
    });
    const paid = await creem.control<{ checkout: { subscription: { id: string } } }>(
      "POST",
      `/checkouts/${checkout.id}/complete`,
      { email: user.email },
    );
    const id = paid.checkout.subscription.id;
    await creem.client.subscriptions.cancel(id, { mode: "immediate" });
    const day = 86_400_000;
    const stored = (periodEndDaysAgo: number, subId: string) =>
      db.subscription.create({
        data: {
          id: subId,
          userId: user.id,
          customerId: uid("cust"),
          productId: "prod_local_pro_monthly",
          status: "active",
          currentPeriodStart: new Date(Date.now() - (periodEndDaysAgo + 30) * day),
          currentPeriodEnd: new Date(Date.now() - periodEndDaysAgo * day),
          stateAt: new Date(Date.now() - 40 * day),
          stateSource: "event:evt_old",
        },
      });
    // What the app last heard: active, with a period that ended 10 days ago. The cancel never arrived.
    await stored(10, id);
    // Ended yesterday: its renewal webhook may still be in flight, so it is left alone.
    const recent = await stored(1, uid("sub"));

    // The first test's subscription (January, never at this CREEM) is stale too: reported as unknown.
    const output = await resyncStale.handler({ db, creem: creem.client, log });
    expect(output).toEqual({ stale: 2, synced: 1, unknown: 1, failed: 0 });
    expect((await db.subscription.findUniqueOrThrow({ where: { id } })).status).toBe("canceled");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: recent.id } })).stateSource).toBe(
      "event:evt_old",
    );
    expect(await resyncStale.handler({ db, creem: creem.client, log })).toEqual({
      stale: 1,
      synced: 0,
      unknown: 1,
      failed: 0,
    });
    await db.subscription.delete({ where: { id: recent.id } });
  });

  it("fails the run (so it is retried) when CREEM cannot be reached, after trying everything", async () => {
    const down = await startCreem();
    await down.close();
    await expect(reconcile.handler({ db, creem: down.client, log })).rejects.toThrow(
      /events or syncs failed/,
    );
    expect(lines.some((line) => line.includes("could not be synced"))).toBe(true);
  });
});
