import { describe, expect, it, vi } from "vitest";
import { getEntitlements } from "@/lib/billing/access";
import { linkOrphans } from "@/lib/billing/webhooks/link-workspace";
import {
  checkoutCompleted,
  customer,
  disputeCreated,
  envelope,
  PRODUCTS,
  refundCreated,
  subscription,
  type SubState,
} from "../../support/creem-payloads";
import { testDb } from "../support/db";
import { personalWorkspaceId } from "../support/workspaces";
import { deliver, uid } from "./support";

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));

const db = testDb();
const DAY = 86_400_000;

async function newUser() {
  const email = `${uid("user")}@example.com`;
  return db.user.create({ data: { email } });
}

// The app's own read of access (lib/billing/access.ts), not a copy of it.
/** What the user's personal workspace (where a purchase without a workspace hint goes) may use. */
async function entitlementsOf(userId: string, now = new Date()) {
  return getEntitlements(await personalWorkspaceId(db, userId), now);
}

async function planOf(userId: string, now = new Date()) {
  return (await entitlementsOf(userId, now)).plan.key;
}

function subscriptionSetup(user: { id: string; email: string }) {
  const cust = customer(uid("cust"), user.email);
  const now = Date.now();
  const base: SubState = {
    id: uid("sub"),
    status: "active",
    periodStart: now,
    periodEnd: now + 30 * DAY,
    metadata: { userId: user.id },
  };
  let t = now;
  const event = (type: string, patch: Partial<SubState> = {}) => {
    t += 1000;
    return envelope(uid("evt"), type, t, subscription({ ...base, ...patch }, cust, t));
  };
  return { cust, base, event };
}

describe("subscription events", () => {
  it.each([
    ["subscription.active", "active", "pro"],
    ["subscription.trialing", "trialing", "pro"],
    ["subscription.paid", "active", "pro"],
    ["subscription.update", "active", "pro"],
    ["subscription.scheduled_cancel", "scheduled_cancel", "pro"],
    ["subscription.past_due", "past_due", "pro"],
    ["subscription.paused", "paused", "free"],
    ["subscription.canceled", "canceled", "free"],
    ["subscription.unpaid", "unpaid", "free"],
    // Within the past_due grace (counted from the start of the unpaid period CREEM moved on to).
    ["subscription.expired", "expired", "pro"],
  ])("%s stores status %s and gives plan %s", async (type, status, plan) => {
    const user = await newUser();
    const { base, event } = subscriptionSetup(user);
    const result = await deliver(db, event(type, { status }));
    expect(result.status).toBe(200);
    const stored = await db.subscription.findUniqueOrThrow({ where: { id: base.id } });
    expect(stored).toMatchObject({ status, userId: user.id, productId: PRODUCTS.proMonthly });
    expect(stored.cancelAtPeriodEnd).toBe(status === "scheduled_cancel");
    expect(await planOf(user.id)).toBe(plan);
  });

  it("an update changes seats and product; an update for an unseen subscription creates it", async () => {
    const user = await newUser();
    const { base, event } = subscriptionSetup(user);
    await deliver(db, event("subscription.update", { productId: PRODUCTS.teamMonthly, units: 5 }));
    const stored = await db.subscription.findUniqueOrThrow({ where: { id: base.id } });
    expect(stored).toMatchObject({ units: 5, productId: PRODUCTS.teamMonthly, status: "active" });
    expect(await planOf(user.id)).toBe("team");
  });

  it("past_due keeps access through the grace period after the failed renewal only", async () => {
    const user = await newUser();
    const { event } = subscriptionSetup(user);
    // The renewal at the end of a period that is now behind us failed.
    const end = Date.now() - DAY;
    await deliver(
      db,
      event("subscription.past_due", { status: "past_due", periodStart: end - 30 * DAY, periodEnd: end }),
    );
    expect(await planOf(user.id, new Date(end + 6 * DAY))).toBe("pro");
    expect(await planOf(user.id, new Date(end + 8 * DAY))).toBe("free");
  });

  it("a signed subscription.expired whose object says active, after a lapsed past_due, grants nothing", async () => {
    const user = await newUser();
    const { base, event } = subscriptionSetup(user);
    const end = Date.now() - 10 * DAY;
    const lapsed = { periodStart: end - 30 * DAY, periodEnd: end };
    await deliver(db, event("subscription.past_due", { status: "past_due", ...lapsed }));
    expect(await planOf(user.id)).toBe("free");
    // Exactly as CREEM's documented sample of subscription.expired: "status": "active".
    await deliver(db, event("subscription.expired", { status: "active", ...lapsed }));
    const stored = await db.subscription.findUniqueOrThrow({ where: { id: base.id } });
    expect(stored.status).toBe("expired");
    expect(await planOf(user.id)).toBe("free");
    // The same with CREEM having moved the period on: the grace still counts from the failed renewal.
    await deliver(
      db,
      event("subscription.expired", { status: "active", periodStart: end, periodEnd: end + 30 * DAY }),
    );
    expect(await planOf(user.id)).toBe("free");
  });

  it("scheduled_cancel keeps access until the period ends", async () => {
    const user = await newUser();
    const { base, event } = subscriptionSetup(user);
    await deliver(db, event("subscription.scheduled_cancel", { status: "scheduled_cancel" }));
    expect(await planOf(user.id, new Date(base.periodEnd - 1000))).toBe("pro");
    expect(await planOf(user.id, new Date(base.periodEnd + 1000))).toBe("free");
  });

  it("a late older event never overwrites newer state", async () => {
    const user = await newUser();
    const { base, event } = subscriptionSetup(user);
    const older = event("subscription.active");
    const newer = event("subscription.canceled", { status: "canceled" });
    await deliver(db, newer);
    expect((await deliver(db, older)).body.outcome).toBe("stale");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: base.id } })).status).toBe("canceled");
  });

  it("tolerates CREEM's payload quirks: mode local, image_url null, unknown fields; records an unknown status as invalid", async () => {
    const user = await newUser();
    const { base, event } = subscriptionSetup(user);
    const payload = event("subscription.update") as { object: Record<string, unknown> };
    payload.object.mode = "local";
    (payload.object.product as Record<string, unknown>).image_url = null;
    payload.object.brand_new_field = { nested: true };
    expect((await deliver(db, payload)).body.outcome).toBe("applied");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: base.id } })).status).toBe("active");
    // A status missing from the status table changes nothing; it is kept for replay once the table has it.
    const unknown = await deliver(db, event("subscription.update", { status: "some_future_status" }));
    expect(unknown).toMatchObject({ status: 200, body: { outcome: "invalid" } });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: base.id } })).status).toBe("active");
    expect(await planOf(user.id)).toBe("pro");
  });
});

describe("checkout, refund and dispute events", () => {
  it("checkout.completed for a subscription links the user by metadata and stores the customer id", async () => {
    const user = await newUser();
    const cust = customer(uid("cust"), `other-${user.email}`);
    const now = Date.now();
    const sub: SubState = { id: uid("sub"), status: "active", periodStart: now, periodEnd: now + 30 * DAY };
    const payload = checkoutCompleted({
      eventId: uid("evt"),
      at: now,
      checkoutId: uid("ch"),
      userId: user.id,
      customer: cust,
      productId: PRODUCTS.proMonthly,
      orderId: uid("ord"),
      subscription: sub,
    });
    expect((await deliver(db, payload)).status).toBe(200);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({
      userId: user.id,
      status: "active",
    });
    expect(
      (await db.workspace.findUniqueOrThrow({ where: { personalOwnerId: user.id } })).creemCustomerId,
    ).toBe(cust.id);
  });

  it("checkout.completed links through the stored request_id", async () => {
    const user = await newUser();
    const requestId = uid("req");
    await db.checkout.create({ data: { requestId, userId: user.id, productId: PRODUCTS.lifetime } });
    const orderId = uid("ord");
    const checkoutId = uid("ch");
    await deliver(
      db,
      checkoutCompleted({
        eventId: uid("evt"),
        at: Date.now(),
        checkoutId,
        requestId,
        customer: customer(uid("cust"), "someone@else.example"),
        productId: PRODUCTS.lifetime,
        orderId,
        licenseKey: uid("KEY"),
      }),
    );
    expect(await db.purchase.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      userId: user.id,
      status: "paid",
      amount: 29900,
    });
    expect(await db.checkout.findUniqueOrThrow({ where: { requestId } })).toMatchObject({
      status: "completed",
      creemCheckoutId: checkoutId,
    });
    expect(await db.licenseKey.count({ where: { userId: user.id } })).toBe(1);
    expect(await planOf(user.id)).toBe("lifetime");
  });

  it("a full refund and a dispute revoke a one-time purchase, whatever arrives first", async () => {
    const user = await newUser();
    const cust = customer(uid("cust"), user.email);
    const orderId = uid("ord");
    const purchase = checkoutCompleted({
      eventId: uid("evt"),
      at: 1000,
      checkoutId: uid("ch"),
      customer: cust,
      productId: PRODUCTS.lifetime,
      orderId,
    });
    // Refund first, purchase after: the refund is kept and counts.
    const refund = refundCreated(uid("evt"), 2000, orderId, cust);
    expect((await deliver(db, refund)).body.outcome).toBe("applied");
    expect((await deliver(db, purchase)).status).toBe(200);
    expect(await db.purchase.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "paid",
      productId: PRODUCTS.lifetime,
      userId: user.id,
    });
    expect(
      await db.paymentReversal.findUniqueOrThrow({ where: { id: (refund.object as { id: string }).id } }),
    ).toMatchObject({
      kind: "refund",
      status: "succeeded",
      amount: 29900,
      orderId,
    });
    expect(await planOf(user.id)).toBe("free");

    const other = await newUser();
    const cust2 = customer(uid("cust"), other.email);
    const order2 = uid("ord");
    await deliver(
      db,
      checkoutCompleted({
        eventId: uid("evt"),
        at: 1000,
        checkoutId: uid("ch"),
        customer: cust2,
        productId: PRODUCTS.lifetime,
        orderId: order2,
      }),
    );
    expect(await planOf(other.id)).toBe("lifetime");
    expect((await deliver(db, disputeCreated(uid("evt"), 3000, order2, cust2))).status).toBe(200);
    const entitlements = await entitlementsOf(other.id);
    expect(entitlements.plan.key).toBe("free");
    expect(entitlements.disputed).toBe(true);
  });

  it("a failed refund of $1 or a partial refund of a $299 purchase is recorded only", async () => {
    const user = await newUser();
    const cust = customer(uid("cust"), user.email);
    const orderId = uid("ord");
    await deliver(
      db,
      checkoutCompleted({
        eventId: uid("evt"),
        at: 1000,
        checkoutId: uid("ch"),
        customer: cust,
        productId: PRODUCTS.lifetime,
        orderId,
      }),
    );
    await deliver(
      db,
      refundCreated(uid("evt"), 2000, orderId, cust, { status: "failed", refundAmount: 100 }),
    );
    expect(await planOf(user.id)).toBe("lifetime");
    await deliver(db, refundCreated(uid("evt"), 3000, orderId, cust, { refundAmount: 5000 }));
    expect(await planOf(user.id)).toBe("lifetime");
    expect(await db.paymentReversal.count({ where: { orderId } })).toBe(2);
    // The rest of the payment refunded later: together they cover it, and access ends.
    await deliver(db, refundCreated(uid("evt"), 4000, orderId, cust, { refundAmount: 24900 }));
    expect(await planOf(user.id)).toBe("free");
  });

  it("a full refund of the current period's payment revokes the subscription; an earlier one does not", async () => {
    const user = await newUser();
    const { base, event, cust } = subscriptionSetup(user);
    await deliver(db, event("subscription.paid"));
    const lastPeriod = { periodStart: base.periodStart - 30 * DAY, periodEnd: base.periodStart };
    const payment = { subscriptionId: base.id, amount: 1900 };
    await deliver(db, refundCreated(uid("evt"), Date.now(), uid("ord"), cust, { ...payment, ...lastPeriod }));
    expect(await planOf(user.id)).toBe("pro");
    const current = { periodStart: base.periodStart, periodEnd: base.periodEnd };
    await deliver(
      db,
      refundCreated(uid("evt"), Date.now(), uid("ord"), cust, { ...payment, ...current, refundAmount: 500 }),
    );
    expect(await planOf(user.id)).toBe("pro");
    await deliver(db, refundCreated(uid("evt"), Date.now(), uid("ord"), cust, { ...payment, ...current }));
    expect(await planOf(user.id)).toBe("free");
  });

  it("a dispute of a subscription payment suspends it at once and marks the account", async () => {
    const user = await newUser();
    const { base, event, cust } = subscriptionSetup(user);
    await deliver(db, event("subscription.paid"));
    expect(await planOf(user.id)).toBe("pro");
    await deliver(db, disputeCreated(uid("evt"), Date.now(), uid("ord"), cust, { subscriptionId: base.id }));
    const entitlements = await entitlementsOf(user.id);
    expect(entitlements.plan.key).toBe("free");
    expect(entitlements.disputed).toBe(true);
    expect(entitlements.decisions.get(base.id)?.reason).toBe("disputed");
    // A later renewal does not lift a dispute.
    await deliver(db, event("subscription.paid"));
    expect(await planOf(user.id)).toBe("free");
  });

  it("keeps events for unknown users and links them when the user signs up", async () => {
    const email = `${uid("later")}@example.com`;
    const cust = customer(uid("cust"), email);
    const orderId = uid("ord");
    await deliver(
      db,
      checkoutCompleted({
        eventId: uid("evt"),
        at: Date.now(),
        checkoutId: uid("ch"),
        customer: cust,
        productId: PRODUCTS.lifetime,
        orderId,
      }),
    );
    expect((await db.purchase.findUniqueOrThrow({ where: { id: orderId } })).userId).toBeNull();
    const user = await db.user.create({ data: { email: email.toUpperCase() } });
    await db.$transaction((tx) => linkOrphans(tx, user));
    expect(await planOf(user.id)).toBe("lifetime");
  });
});
