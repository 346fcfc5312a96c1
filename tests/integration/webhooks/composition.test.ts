import { afterAll, describe, expect, it, vi } from "vitest";
import { getEntitlements } from "@/lib/billing/access";
import { replayFailedEvents } from "@/lib/billing/webhooks/reconcile";
import { checkoutCompleted, customer, envelope, PRODUCTS, subscription } from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { personalWorkspaceId, teamWorkspace } from "../support/workspaces";
import { deliver, uid } from "./support";

// The webhook pipeline as the app composes it (route inbox -> facts -> apply -> access), on the paths a
// unit test cannot reach: whom an event belongs to when its hints disagree, a failed event stored by the
// inbox and replayed later, and two transactions on one subscription that deadlock and are retried.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));

const db = testDb();
const DAY = 86_400_000;
const newUser = () => db.user.create({ data: { email: `${uid("link")}@example.com` } });
const workspace = (id: string) => db.workspace.findUniqueOrThrow({ where: { id } });

afterAll(async () => {
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_fail_sub ON "Subscription"`);
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_deadlock ON "Subscription"`);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS test_deadlock_locks`);
});

function subEvent(
  type: string,
  at: number,
  s: { id: string; status?: string; units?: number; userId?: string; workspaceId?: string },
  cust: ReturnType<typeof customer>,
) {
  return envelope(
    uid("evt"),
    type,
    at,
    subscription(
      {
        id: s.id,
        status: s.status ?? "active",
        units: s.units,
        productId: PRODUCTS.teamMonthly,
        periodStart: at,
        periodEnd: at + 30 * DAY,
        metadata: {
          ...(s.userId ? { userId: s.userId } : {}),
          ...(s.workspaceId ? { workspaceId: s.workspaceId } : {}),
        },
      },
      cust,
      at,
    ),
  );
}

describe("whose event it is, when the hints disagree", () => {
  it("the checkout's metadata user wins over the email of another user, and that user's customer id stays theirs", async () => {
    const buyer = await newUser();
    const emailOwner = await newUser();
    // The buyer paid with a CREEM customer whose email is another user's.
    const cust = customer(uid("cust"), emailOwner.email);
    const sub = {
      id: uid("sub"),
      status: "active",
      periodStart: Date.now(),
      periodEnd: Date.now() + 30 * DAY,
    };
    const result = await deliver(
      db,
      checkoutCompleted({
        eventId: uid("evt"),
        at: Date.now(),
        checkoutId: uid("ch"),
        userId: buyer.id,
        customer: cust,
        productId: PRODUCTS.proMonthly,
        orderId: uid("ord"),
        subscription: sub,
      }),
    );
    expect(result).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).userId).toBe(buyer.id);
    const buyerSpace = await personalWorkspaceId(db, buyer.id);
    const ownerSpace = await personalWorkspaceId(db, emailOwner.id);
    expect((await getEntitlements(buyerSpace)).plan.key).toBe("pro");
    expect((await getEntitlements(ownerSpace)).plan.key).toBe("free");
    expect((await workspace(buyerSpace)).creemCustomerId).toBe(cust.id);
    expect((await workspace(ownerSpace)).creemCustomerId).toBeNull();

    // A later event without metadata follows the customer id to the buyer, not the email to its owner.
    const other = { id: uid("sub") };
    await deliver(db, subEvent("subscription.active", Date.now(), other, cust));
    const stored = await db.subscription.findUniqueOrThrow({ where: { id: other.id } });
    expect(stored).toMatchObject({ userId: buyer.id, workspaceId: buyerSpace });
    expect(await db.subscription.count({ where: { userId: emailOwner.id } })).toBe(0);
    expect(await db.subscription.count({ where: { workspaceId: ownerSpace } })).toBe(0);
  });

  it("metadata naming one user while the customer id belongs to another: the metadata user's workspace gets the subscription, the customer id is not moved", async () => {
    const named = await newUser();
    const holder = await newUser();
    const cust = customer(uid("cust"), holder.email);
    const holderSpace = await personalWorkspaceId(db, holder.id);
    await db.workspace.update({ where: { id: holderSpace }, data: { creemCustomerId: cust.id } });
    const sub = { id: uid("sub"), userId: named.id };
    await deliver(db, subEvent("subscription.active", Date.now(), sub, cust));
    const namedSpace = await personalWorkspaceId(db, named.id);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({
      userId: named.id,
      workspaceId: namedSpace,
    });
    expect((await workspace(namedSpace)).creemCustomerId).toBeNull();
    expect((await workspace(holderSpace)).creemCustomerId).toBe(cust.id);
  });

  it("metadata naming workspace A while the customer belongs to workspace B: A, in every arrival order", async () => {
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
    ]) {
      const buyer = await newUser();
      const a = await teamWorkspace(db, [{ userId: buyer.id, role: "owner" }], "A");
      const b = await personalWorkspaceId(db, buyer.id);
      const cust = customer(uid("cust"), buyer.email);
      await db.workspace.update({ where: { id: b }, data: { creemCustomerId: cust.id } });
      const sub = { id: uid("sub"), userId: buyer.id, workspaceId: a };
      const t = Date.now();
      const events = [
        subEvent("subscription.active", t, sub, cust),
        subEvent("subscription.paid", t + 1000, sub, cust),
        subEvent("subscription.update", t + 2000, { ...sub, units: 3 }, cust),
      ];
      for (const i of order) expect((await deliver(db, events[i]!)).status).toBe(200);
      const stored = await db.subscription.findUniqueOrThrow({ where: { id: sub.id } });
      expect(stored, `order ${order.join(",")}`).toMatchObject({
        workspaceId: a,
        userId: buyer.id,
        units: 3,
      });
      // B keeps its customer; A cannot take it (one workspace per customer), so A has none of its own.
      expect((await workspace(b)).creemCustomerId).toBe(cust.id);
      expect((await workspace(a)).creemCustomerId).toBeNull();
      expect((await getEntitlements(a)).plan.key).toBe("team");
      expect((await getEntitlements(b)).plan.key).toBe("free");
    }
  });

  it("metadata naming a workspace that does not exist falls back to the customer's workspace", async () => {
    const owner = await newUser();
    const space = await personalWorkspaceId(db, owner.id);
    const cust = customer(uid("cust"), owner.email);
    await db.workspace.update({ where: { id: space }, data: { creemCustomerId: cust.id } });
    const sub = { id: uid("sub"), workspaceId: "wsp_that_was_deleted" };
    await deliver(db, subEvent("subscription.active", Date.now(), sub, cust));
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).workspaceId).toBe(space);
  });

  it("metadata naming a user that does not exist falls back to the customer's email", async () => {
    const owner = await newUser();
    const sub = { id: uid("sub"), userId: "user_that_was_deleted" };
    await deliver(db, subEvent("subscription.active", Date.now(), sub, customer(uid("cust"), owner.email)));
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).userId).toBe(owner.id);
  });
});

describe("replaying stored failed events", () => {
  it("an event the inbox failed on (500, recorded) is applied by the replay, once, and never over newer state", async () => {
    const user = await newUser();
    const cust = customer(uid("cust"), user.email);
    const sub = { id: uid("sub"), userId: user.id };
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_sub() RETURNS trigger AS $$
      BEGIN
        IF NEW.id = '${sub.id}' THEN RAISE EXCEPTION 'simulated outage'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_fail_sub BEFORE INSERT ON "Subscription" FOR EACH ROW EXECUTE FUNCTION test_fail_sub()`,
    );
    const t = Date.now();
    const first = subEvent("subscription.active", t, { ...sub, units: 2 }, cust);
    const later = subEvent("subscription.paused", t + 1000, { ...sub, status: "paused", units: 2 }, cust);
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await deliver(db, first)).status).toBe(500);
    expect((await deliver(db, later)).status).toBe(500);
    expect(await db.subscription.count({ where: { id: sub.id } })).toBe(0);
    await db.$executeRawUnsafe(`DROP TRIGGER test_fail_sub ON "Subscription"`);

    const log: string[] = [];
    // Only this test's events: other test files share the database and may leave failed events behind.
    const replayed = await replayFailedEvents(db, (line) => log.push(line), { ids: [first.id, later.id] });
    expect(replayed).toEqual({ pending: 2, applied: 2, failed: 0, unreadable: 0 });
    // Oldest first: active, then paused; the end state is the newer one.
    expect(log.filter((l) => l.includes(sub.id) || l.includes(first.id) || l.includes(later.id))).toEqual([
      `event ${first.id} subscription.active: applied`,
      `event ${later.id} subscription.paused: applied`,
    ]);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({
      status: "paused",
      userId: user.id,
    });
    for (const id of [first.id, later.id]) {
      expect(await db.webhookEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({
        attempts: 2,
        lastError: null,
        outcome: "applied",
      });
    }
    // Nothing left to replay for these; CREEM's own retry of the old event now is stale or a duplicate.
    expect((await replayFailedEvents(db)).applied).toBe(0);
    expect((await deliver(db, first)).body.outcome).toBe("duplicate");
    expect((await getEntitlements(await personalWorkspaceId(db, user.id))).plan.key).toBe("free");
  });
});

describe("two transactions on one subscription that deadlock", () => {
  it("the loser is retried and both events apply; the newer state wins", async () => {
    // Test-only: inserts of this subscription take two lock rows in opposite orders (units 1: A then B,
    // units 2: B then A) with a pause between, so two concurrent deliveries deadlock in PostgreSQL.
    const user = await newUser();
    const cust = customer(uid("cust"), user.email);
    const subId = `sub_dl_${uid("x")}`;
    await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS test_deadlock_locks (id int PRIMARY KEY)`);
    await db.$executeRawUnsafe(`INSERT INTO test_deadlock_locks VALUES (1), (2) ON CONFLICT DO NOTHING`);
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_deadlock() RETURNS trigger AS $$
      DECLARE a int; b int;
      BEGIN
        IF NEW.id LIKE 'sub_dl_%' THEN
          a := CASE WHEN NEW.units = 1 THEN 1 ELSE 2 END;
          b := 3 - a;
          PERFORM 1 FROM test_deadlock_locks WHERE id = a FOR UPDATE;
          PERFORM pg_sleep(0.3);
          PERFORM 1 FROM test_deadlock_locks WHERE id = b FOR UPDATE;
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_deadlock BEFORE INSERT ON "Subscription" FOR EACH ROW EXECUTE FUNCTION test_deadlock()`,
    );
    const deadlocks = async () => {
      const [row] = await db.$queryRaw<Array<{ n: bigint }>>`
        SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()`;
      return Number(row!.n);
    };
    const before = await deadlocks();
    const t = Date.now();
    const older = subEvent("subscription.active", t, { id: subId, units: 1, userId: user.id }, cust);
    const newer = subEvent("subscription.update", t + 1000, { id: subId, units: 2, userId: user.id }, cust);
    const results = await Promise.all([deliver(db, older), deliver(db, newer)]);
    await db.$executeRawUnsafe(`DROP TRIGGER test_deadlock ON "Subscription"`);

    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results[1]!.body.outcome).toBe("applied");
    // PostgreSQL saw the deadlock (its statistics are updated asynchronously: poll briefly).
    const deadline = Date.now() + 5_000;
    while ((await deadlocks()) === before && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await deadlocks()).toBeGreaterThan(before);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: subId } })).toMatchObject({
      units: 2,
      status: "active",
    });
    // Each event was processed once: the retry happened inside the same delivery, leaving no error.
    for (const event of [older, newer]) {
      expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
        attempts: 1,
        lastError: null,
      });
    }
  });
});
