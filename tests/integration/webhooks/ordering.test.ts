import { describe, expect, it } from "vitest";
import { customer, envelope, subscription, type SubState } from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { deliver, uid } from "./support";

const db = testDb();
const DAY = 86_400_000;

// A small deterministic PRNG so a failing seed can be replayed.
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

/** checkout -> active -> paid -> update -> scheduled_cancel -> resume -> past_due -> paid -> unpaid + canceled */
function lifecycle(userId: string, email: string) {
  const cust = customer(uid("cust"), email);
  const start = Date.UTC(2026, 0, 1);
  const base: SubState = {
    id: uid("sub"),
    status: "active",
    periodStart: start,
    periodEnd: start + 30 * DAY,
    metadata: { userId },
  };
  const renewed = { periodStart: start + 30 * DAY, periodEnd: start + 60 * DAY };
  const renewedAgain = { periodStart: start + 60 * DAY, periodEnd: start + 90 * DAY };
  const steps: Array<[string, number, Partial<SubState>]> = [
    ["checkout.completed", 0, {}],
    ["subscription.active", 0, {}],
    ["subscription.paid", 1, {}],
    ["subscription.update", 2, { units: 3 }],
    ["subscription.scheduled_cancel", 3, { units: 3, status: "scheduled_cancel" }],
    ["subscription.active", 4, { units: 3 }],
    ["subscription.paid", 5, { units: 3, ...renewed }],
    ["subscription.past_due", 6, { units: 3, ...renewed, status: "past_due" }],
    ["subscription.paid", 7, { units: 3, ...renewedAgain }],
    // CREEM (and the local CREEM) can send these two in the same millisecond: canceled must still win.
    ["subscription.unpaid", 8, { units: 3, ...renewedAgain, status: "unpaid" }],
    [
      "subscription.canceled",
      8,
      { units: 3, ...renewedAgain, status: "canceled", canceledAt: start + 70 * DAY },
    ],
  ];
  return {
    subId: base.id,
    events: steps.map(([type, minute, patch]) => {
      const at = start + minute * 60_000;
      const sub = subscription({ ...base, ...patch }, cust, at);
      if (type !== "checkout.completed") return envelope(uid("evt"), type, at, sub);
      return envelope(uid("evt"), type, at, {
        id: uid("ch"),
        object: "checkout",
        mode: "test",
        status: "completed",
        product: sub.product.id,
        customer: cust,
        subscription: { ...sub, product: sub.product.id, customer: cust.id },
        order: {
          id: uid("ord"),
          object: "order",
          mode: "test",
          amount: 1900,
          currency: "USD",
          status: "paid",
          type: "recurring",
        },
        metadata: { userId },
      });
    }),
  };
}

/** Whether each delivery of `order` should be applied: it is newer than all delivered before it. */
function expectedOutcomes(events: unknown[], order: unknown[]): string[] {
  // The lifecycle's own order is its time order, except for two pairs of one millisecond: unpaid and
  // canceled (canceled is the later step) and checkout.completed and subscription.active, which say the
  // same and are ordered by event id (README, "Order safety").
  const position = new Map(events.map((e, i) => [e, i]));
  const id = (e: unknown) => `event:${(e as { id: string }).id}`;
  const [checkout, active] = events;
  const newer = (a: unknown, b: unknown) =>
    (a === checkout && b === active) || (a === active && b === checkout)
      ? id(a) > id(b)
      : position.get(a)! > position.get(b)!;
  let newest: unknown;
  return order.map((e) => {
    if (newest !== undefined && !newer(e, newest)) return "stale";
    newest = e;
    return "applied";
  });
}

async function finalState(subId: string) {
  const s = await db.subscription.findUniqueOrThrow({ where: { id: subId } });
  return {
    status: s.status,
    units: s.units,
    productId: s.productId,
    currentPeriodStart: s.currentPeriodStart,
    currentPeriodEnd: s.currentPeriodEnd,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    canceledAt: s.canceledAt,
    pastDueSince: s.pastDueSince,
    trialEnd: s.trialEnd,
    stateAt: s.stateAt,
    userLinked: s.userId !== null,
  };
}

describe("order safety", () => {
  it("any arrival order of a whole lifecycle ends in the same state (40 seeds)", async () => {
    const user = await db.user.create({ data: { email: `${uid("life")}@example.com` } });
    const reference = lifecycle(user.id, user.email);
    // In CREEM's order each event is newer than the state before it (see expectedOutcomes for the pair
    // of one millisecond that says the same thing): applied.
    const inOrder = expectedOutcomes(reference.events, reference.events);
    for (const [i, event] of reference.events.entries()) {
      expect(await deliver(db, event)).toEqual({
        status: 200,
        body: { received: true, outcome: inOrder[i] },
      });
    }
    expect(inOrder.filter((o) => o === "stale").length).toBeLessThanOrEqual(1);
    const expected = await finalState(reference.subId);
    expect(expected).toMatchObject({ status: "canceled", units: 3, userLinked: true });

    for (let seed = 1; seed <= 40; seed++) {
      const run = lifecycle(user.id, user.email);
      const order = shuffle(run.events, mulberry32(seed));
      const outcomes: string[] = [];
      for (const event of order) {
        const result = await deliver(db, event);
        expect(result.status).toBe(200);
        outcomes.push(result.body.outcome ?? "none");
      }
      // An event is applied exactly when it is newer than every event delivered before it (CREEM time,
      // then lifecycle rank for the pair sharing a millisecond); the rest are stale. Nothing is lost.
      expect({ seed, outcomes }).toEqual({ seed, outcomes: expectedOutcomes(run.events, order) });
      expect({ seed, ...(await finalState(run.subId)) }).toEqual({ seed, ...expected });
      // Every delivery is recorded as processed, with the outcome it was answered with.
      const stored = await db.webhookEvent.findMany({
        where: { id: { in: order.map((e) => (e as { id: string }).id) } },
        select: { id: true, processedAt: true, outcome: true, attempts: true, lastError: true },
      });
      expect(stored).toHaveLength(order.length);
      for (const [i, event] of order.entries()) {
        const row = stored.find((r) => r.id === (event as { id: string }).id)!;
        expect({ seed, outcome: row.outcome, attempts: row.attempts, lastError: row.lastError }).toEqual({
          seed,
          outcome: outcomes[i],
          attempts: 1,
          lastError: null,
        });
        expect(row.processedAt).toBeInstanceOf(Date);
      }
    }
  }, 120_000);

  it("any order of the events up to past_due ends past due with the same grace start", async () => {
    const user = await db.user.create({ data: { email: `${uid("grace")}@example.com` } });
    const states = new Set<string>();
    for (let seed = 1; seed <= 10; seed++) {
      const run = lifecycle(user.id, user.email);
      const upToPastDue = run.events.slice(0, 8);
      for (const event of shuffle(upToPastDue, mulberry32(seed))) {
        expect((await deliver(db, event)).status).toBe(200);
      }
      const { status, pastDueSince, units } = await finalState(run.subId);
      states.add(JSON.stringify({ status, pastDueSince, units }));
    }
    expect([...states]).toHaveLength(1);
    expect(JSON.parse([...states][0]!)).toMatchObject({ status: "past_due", units: 3 });
  });
});

describe("duplicates", () => {
  it("50 concurrent deliveries of one event: all 2xx, exactly one applied", async () => {
    const user = await db.user.create({ data: { email: `${uid("dup")}@example.com` } });
    const run = lifecycle(user.id, user.email);
    const event = run.events[2]!;
    const results = await Promise.all(Array.from({ length: 50 }, () => deliver(db, event)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.outcome === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.body.outcome === "duplicate")).toHaveLength(49);
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id: (event as { id: string }).id } });
    expect(stored.attempts).toBe(1);
    expect(await db.subscription.count({ where: { id: run.subId } })).toBe(1);
  });

  it("concurrent different events of one subscription all apply and the newest state wins", async () => {
    const user = await db.user.create({ data: { email: `${uid("conc")}@example.com` } });
    const run = lifecycle(user.id, user.email);
    const results = await Promise.all(run.events.map((e) => deliver(db, e)));
    expect(results.map((r) => r.status)).toEqual(run.events.map(() => 200));
    // Each event is answered applied or stale (never duplicate: each was delivered once), and the newest
    // one (canceled, the last of the lifecycle) is applied whatever order the transactions committed in.
    for (const r of results) expect(["applied", "stale"]).toContain(r.body.outcome);
    expect(results.at(-1)!.body.outcome).toBe("applied");
    expect((await finalState(run.subId)).status).toBe("canceled");
  });
});
