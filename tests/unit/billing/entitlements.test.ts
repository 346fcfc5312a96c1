import { describe, expect, it } from "vitest";
import {
  graceStart,
  hasFeature,
  purchaseAccess,
  resolveEntitlements,
  subscriptionAccess,
  type BillingState,
  type PurchaseRecord,
  type SubscriptionRecord,
} from "@/lib/billing/entitlements";
import type { ReversalRecord } from "@/lib/billing/reversals";
import { STALE_AFTER_DAYS, STATUS, SUBSCRIPTION_STATUSES } from "@/lib/billing/subscription-status";
import { testCatalog } from "../../support/catalog";

const catalog = testCatalog;
const DAY = 86_400_000;
const now = new Date("2026-06-15T00:00:00Z");
const periodStart = new Date(now.getTime() - 20 * DAY);
const periodEnd = new Date(now.getTime() + 10 * DAY);

const sub = (status: string, overrides: Partial<SubscriptionRecord> = {}): SubscriptionRecord => ({
  id: "sub_1",
  productId: "prod_pro_m",
  status,
  units: 1,
  currentPeriodStart: periodStart,
  currentPeriodEnd: periodEnd,
  pastDueSince: null,
  coveredThrough: null,
  cancelIntent: null,
  trialStartedAt: null,
  ...overrides,
});

const purchase = (overrides: Partial<PurchaseRecord> = {}): PurchaseRecord => ({
  id: "ord_1",
  productId: "prod_life",
  status: "paid",
  amount: 29900,
  transactionId: "tran_1",
  ...overrides,
});

const reversal = (overrides: Partial<ReversalRecord>): ReversalRecord => ({
  id: "ref_1",
  kind: "refund",
  status: "succeeded",
  amount: null,
  transactionId: null,
  transactionPaid: null,
  periodStart: null,
  periodEnd: null,
  paidAt: null,
  orderId: null,
  subscriptionId: null,
  createdAt: now,
  ...overrides,
});

describe("subscriptionAccess: the status table", () => {
  it.each([
    ["active", true, "active"],
    ["trialing", true, "trialing"],
    ["scheduled_cancel", true, "scheduled_cancel"],
    ["paused", false, "paused"],
    ["canceled", false, "canceled"],
    ["unpaid", false, "unpaid"],
    ["incomplete", false, "unknown_status"],
    ["constructor", false, "unknown_status"],
    ["a_status_from_the_future", false, "unknown_status"],
  ])("%s grants: %s (%s)", (status, granted, reason) => {
    expect(subscriptionAccess(sub(status), now, 7)).toMatchObject({ granted, reason });
  });

  it("has one row per status, and every row has an access rule", () => {
    expect(Object.keys(STATUS).sort()).toEqual([...SUBSCRIPTION_STATUSES].sort());
    for (const status of SUBSCRIPTION_STATUSES) expect(STATUS[status].access).toBeTruthy();
  });

  it("scheduled_cancel ends at the period end", () => {
    const ended = sub("scheduled_cancel", { currentPeriodEnd: new Date(now.getTime() - 1) });
    expect(subscriptionAccess(ended, now, 7)).toEqual({ granted: false, reason: "period_ended" });
    expect(subscriptionAccess(sub("scheduled_cancel", { currentPeriodEnd: null }), now, 7).granted).toBe(
      false,
    );
  });

  it.each(["past_due", "expired"])("%s grants through the grace period from the failed renewal", (status) => {
    const failedAt = new Date(now.getTime() - 3 * DAY);
    expect(subscriptionAccess(sub(status, { pastDueSince: failedAt }), now, 7)).toEqual({
      granted: true,
      reason: "grace_period",
      until: new Date(failedAt.getTime() + 7 * DAY),
    });
    expect(subscriptionAccess(sub(status, { pastDueSince: failedAt }), now, 2)).toEqual({
      granted: false,
      reason: "grace_period_over",
    });
    expect(subscriptionAccess(sub(status, { pastDueSince: failedAt }), now, 0).granted).toBe(false);
    expect(
      subscriptionAccess(sub(status, { currentPeriodEnd: null, pastDueSince: null }), now, 7).granted,
    ).toBe(false);
  });

  it("expired never outlasts the past_due grace, whatever its period says", () => {
    const failedAt = new Date(now.getTime() - 9 * DAY);
    const lapsed = sub("expired", {
      pastDueSince: failedAt,
      currentPeriodEnd: new Date(now.getTime() + 20 * DAY),
    });
    expect(subscriptionAccess(lapsed, now, 7)).toEqual({ granted: false, reason: "grace_period_over" });
  });

  describe("the grace of an unpaid run", () => {
    const firstFailure = new Date(now.getTime() - 40 * DAY);
    const laterFailure = new Date(now.getTime() - 10 * DAY);

    it.each(["past_due", "expired"])(
      "%s of a later period does not restart the grace of the run's first failed renewal",
      (status) => {
        // Paid through the first failure; the renewal one period later failed too.
        const later = sub(status, { pastDueSince: laterFailure, coveredThrough: firstFailure });
        expect(graceStart(later)).toEqual(firstFailure);
        expect(subscriptionAccess(later, now, 7)).toEqual({ granted: false, reason: "grace_period_over" });
        expect(subscriptionAccess(later, new Date(firstFailure.getTime() + 6 * DAY), 7)).toEqual({
          granted: true,
          reason: "grace_period",
          until: new Date(firstFailure.getTime() + 7 * DAY),
        });
      },
    );

    it("a payment after the first failure ends the run: the next failure has its own grace", () => {
      // Paid through the later failure (the last period in good standing ended there).
      const renewedThenFailed = sub("past_due", { pastDueSince: laterFailure, coveredThrough: laterFailure });
      expect(subscriptionAccess(renewedThenFailed, now, 14)).toEqual({
        granted: true,
        reason: "grace_period",
        until: new Date(laterFailure.getTime() + 14 * DAY),
      });
    });

    it("a failure before the end of the period held (a charge mid-period) counts from the failure", () => {
      const midPeriod = sub("past_due", { pastDueSince: laterFailure, coveredThrough: periodEnd });
      expect(graceStart(midPeriod)).toEqual(laterFailure);
    });

    it("without a stored failure the grace counts from the period end, or the end held", () => {
      expect(graceStart(sub("past_due"))).toEqual(periodEnd);
      expect(graceStart(sub("past_due", { currentPeriodEnd: null, coveredThrough: firstFailure }))).toEqual(
        firstFailure,
      );
      expect(graceStart(sub("past_due", { currentPeriodEnd: null }))).toBeUndefined();
    });
  });

  describe("canceled with the period end still ahead", () => {
    it("keeps access until the period end when the cancellation was at period end", () => {
      expect(subscriptionAccess(sub("canceled", { cancelIntent: "period_end" }), now, 7)).toEqual({
        granted: true,
        reason: "canceled_at_period_end",
        until: periodEnd,
      });
    });

    it.each([["immediate"], ["none"], [null]])("ends at once for intent %s", (cancelIntent) => {
      expect(subscriptionAccess(sub("canceled", { cancelIntent }), now, 7)).toEqual({
        granted: false,
        reason: "canceled",
      });
    });

    it("ends at the period end even when it was at period end", () => {
      const over = sub("canceled", {
        cancelIntent: "period_end",
        currentPeriodEnd: new Date(now.getTime() - 1),
      });
      expect(subscriptionAccess(over, now, 7).granted).toBe(false);
    });
  });

  describe("stale rows (a lost terminating webhook)", () => {
    it.each(["active", "trialing"])(
      "%s whose period ended over 3 days ago needs a sync and grants nothing",
      (status) => {
        const old = sub(status, { currentPeriodEnd: new Date(now.getTime() - 3 * DAY - 1) });
        expect(subscriptionAccess(old, now, 7)).toEqual({ granted: false, reason: "stale", needsSync: true });
      },
    );

    it("a period that ended less than 3 days ago still grants (the renewal webhook may be in flight)", () => {
      const recent = sub("active", { currentPeriodEnd: new Date(now.getTime() - 3 * DAY + 1000) });
      expect(subscriptionAccess(recent, now, 7).granted).toBe(true);
    });
  });

  it("a dispute suspends before anything else, even an active status", () => {
    expect(
      subscriptionAccess(sub("active"), now, 7, {
        standing: { disputed: true, currentPeriodRefunded: false },
      }),
    ).toEqual({ granted: false, reason: "disputed" });
  });

  it("a refunded current period grants nothing", () => {
    expect(
      subscriptionAccess(sub("active"), now, 7, {
        standing: { disputed: false, currentPeriodRefunded: true },
      }),
    ).toEqual({ granted: false, reason: "refunded" });
  });

  it("a second trial grants nothing while trialing", () => {
    expect(subscriptionAccess(sub("trialing"), now, 7, { earlierTrial: true })).toEqual({
      granted: false,
      reason: "trial_already_used",
    });
    expect(subscriptionAccess(sub("active"), now, 7, { earlierTrial: true }).granted).toBe(true);
  });
});

describe("purchaseAccess", () => {
  it("paid grants; a full refund or a dispute revokes; a partial refund does not", () => {
    expect(purchaseAccess(purchase()).granted).toBe(true);
    expect(purchaseAccess(purchase(), { disputed: false, refunded: "full", refundedAmount: 29900 })).toEqual({
      granted: false,
      reason: "refunded",
    });
    expect(purchaseAccess(purchase(), { disputed: true, refunded: null, refundedAmount: 0 }).reason).toBe(
      "disputed",
    );
    expect(
      purchaseAccess(purchase(), { disputed: false, refunded: "partial", refundedAmount: 100 }).granted,
    ).toBe(true);
    expect(purchaseAccess(purchase({ status: "pending" }))).toEqual({
      granted: false,
      reason: "unknown_status",
    });
  });
});

describe("where access ends, to the millisecond", () => {
  const at = (d: Date, ms = 0) => new Date(d.getTime() + ms);

  it("a period ends at its end: scheduled_cancel and a cancellation at period end grant before, not at it", () => {
    for (const s of [sub("scheduled_cancel"), sub("canceled", { cancelIntent: "period_end" })]) {
      expect(subscriptionAccess(s, at(periodEnd, -1), 7).granted).toBe(true);
      expect(subscriptionAccess(s, periodEnd, 7).granted).toBe(false);
    }
  });

  it("the grace ends at its last instant", () => {
    const failedAt = at(now, -7 * DAY);
    expect(subscriptionAccess(sub("past_due", { pastDueSince: failedAt }), at(now, -1), 7).granted).toBe(
      true,
    );
    expect(subscriptionAccess(sub("past_due", { pastDueSince: failedAt }), now, 7).granted).toBe(false);
  });

  it("an active row is re-synced only once its period ended more than STALE_AFTER_DAYS ago", () => {
    const ended = sub("active", { currentPeriodEnd: at(now, -STALE_AFTER_DAYS * DAY) });
    expect(subscriptionAccess(ended, now, 7)).toMatchObject({ granted: true, reason: "active" });
    expect(subscriptionAccess(ended, at(now, 1), 7)).toEqual({
      granted: false,
      reason: "stale",
      needsSync: true,
    });
  });
});

describe("resolveEntitlements", () => {
  const resolve = (state: Partial<BillingState>) =>
    resolveEntitlements({ subscriptions: [], purchases: [], reversals: [], ...state }, catalog, {
      now,
      graceDays: 7,
    });

  it("is the free plan without anything paid", () => {
    const e = resolve({});
    expect(e.plan.key).toBe("free");
    expect(e.source).toBeUndefined();
    expect(hasFeature(e, "dashboard")).toBe(true);
    expect(hasFeature(e, "reports")).toBe(false);
    expect(e.disputed).toBe(false);
  });

  it("picks the highest-ranked granted plan and unions the features", () => {
    const e = resolve({
      subscriptions: [sub("active", { id: "sub_team", productId: "prod_team_m", units: 4 })],
      purchases: [purchase()],
    });
    expect(e.plan.key).toBe("team");
    expect(e.source).toMatchObject({ kind: "subscription", id: "sub_team", seats: 4 });
    expect(hasFeature(e, "team")).toBe(true);
    expect(hasFeature(e, "license")).toBe(true);
  });

  it("ignores products the app does not sell and revoked sources", () => {
    const e = resolve({
      subscriptions: [sub("active", { productId: "prod_unknown" }), sub("canceled", { id: "sub_2" })],
      purchases: [purchase(), purchase({ id: "ord_2", productId: null, transactionId: null })],
      reversals: [reversal({ orderId: "ord_1", amount: 29900 })],
    });
    expect(e.plan.key).toBe("free");
    expect(e.decisions.get("ord_1")).toEqual({ granted: false, reason: "refunded" });
  });

  describe("refunds and disputes", () => {
    it("a failed refund of $1 on a $299 purchase changes nothing", () => {
      const e = resolve({
        purchases: [purchase()],
        reversals: [reversal({ orderId: "ord_1", status: "failed", amount: 100 })],
      });
      expect(e.plan.key).toBe("lifetime");
    });

    it("a partial refund is recorded only; partial refunds adding up to the whole revoke", () => {
      const partial = reversal({ id: "ref_a", orderId: "ord_1", amount: 10000 });
      expect(resolve({ purchases: [purchase()], reversals: [partial] }).plan.key).toBe("lifetime");
      const rest = reversal({ id: "ref_b", transactionId: "tran_1", amount: 19900 });
      expect(resolve({ purchases: [purchase()], reversals: [partial, rest] }).plan.key).toBe("free");
    });

    it("a refund that arrived before the purchase still revokes it", () => {
      const early = reversal({ orderId: "ord_1", amount: 29900, createdAt: new Date(now.getTime() - DAY) });
      expect(resolve({ purchases: [purchase()], reversals: [early] }).plan.key).toBe("free");
    });

    it("a dispute on a subscription payment suspends it at once and marks the account", () => {
      const e = resolve({
        subscriptions: [sub("active")],
        reversals: [reversal({ id: "disp_1", kind: "dispute", status: "open", subscriptionId: "sub_1" })],
      });
      expect(e.plan.key).toBe("free");
      expect(e.disputed).toBe(true);
      expect(e.decisions.get("sub_1")?.reason).toBe("disputed");
    });

    it("a full refund of the payment for the current period revokes the subscription", () => {
      const refund = reversal({
        subscriptionId: "sub_1",
        transactionId: "tran_p",
        amount: 1900,
        transactionPaid: 1900,
        periodStart,
        periodEnd,
      });
      expect(resolve({ subscriptions: [sub("active")], reversals: [refund] }).plan.key).toBe("free");
    });

    it("a full refund of a proration charge (a part of the period) does not", () => {
      const refund = reversal({
        subscriptionId: "sub_1",
        transactionId: "tran_proration",
        amount: 500,
        transactionPaid: 500,
        periodStart: new Date(periodStart.getTime() + 10 * DAY),
        periodEnd,
      });
      expect(resolve({ subscriptions: [sub("active")], reversals: [refund] }).plan.key).toBe("pro");
    });

    it("a full refund of last period's payment does not revoke the period paid since", () => {
      const refund = reversal({
        subscriptionId: "sub_1",
        amount: 1900,
        transactionPaid: 1900,
        periodStart: new Date(periodStart.getTime() - 30 * DAY),
        periodEnd: periodStart,
      });
      expect(resolve({ subscriptions: [sub("active")], reversals: [refund] }).plan.key).toBe("pro");
    });

    it("a partial refund of the current period is recorded only", () => {
      const refund = reversal({
        subscriptionId: "sub_1",
        amount: 500,
        transactionPaid: 1900,
        periodStart,
        periodEnd,
      });
      expect(resolve({ subscriptions: [sub("active")], reversals: [refund] }).plan.key).toBe("pro");
    });
  });

  describe("a trial is once per account", () => {
    const trialing = (id: string, overrides: Partial<SubscriptionRecord> = {}) =>
      sub("trialing", { id, productId: "prod_starter", ...overrides });
    const granted = (e: ReturnType<typeof resolve>, id: string) => e.decisions.get(id)?.granted;

    it("a subscription that never trialed does not use up the trial", () => {
      const paidBefore = sub("canceled", {
        id: "sub_a",
        currentPeriodStart: new Date(now.getTime() - 90 * DAY),
      });
      expect(granted(resolve({ subscriptions: [paidBefore, trialing("sub_b")] }), "sub_b")).toBe(true);
      const active = sub("active", { id: "sub_a", currentPeriodStart: new Date(now.getTime() - 90 * DAY) });
      expect(granted(resolve({ subscriptions: [active, trialing("sub_b")] }), "sub_b")).toBe(true);
      // ...nor hides the trial that came first.
      const second = trialing("sub_c", { trialStartedAt: now });
      const both = resolve({ subscriptions: [active, trialing("sub_b"), second] });
      expect([granted(both, "sub_b"), granted(both, "sub_c")]).toEqual([true, false]);
    });

    it("a trialing row without a recorded trial start counts from its period start, or from the start of time", () => {
      const earlier = trialing("sub_b", { currentPeriodStart: new Date(now.getTime() - 5 * DAY) });
      const later = trialing("sub_a", { currentPeriodStart: now });
      const e = resolve({ subscriptions: [later, earlier] });
      expect([granted(e, "sub_b"), granted(e, "sub_a")]).toEqual([true, false]);
      const unknownStart = trialing("sub_z", { currentPeriodStart: null });
      const recorded = trialing("sub_a", { trialStartedAt: new Date(now.getTime() - DAY) });
      const f = resolve({ subscriptions: [recorded, unknownStart] });
      expect([granted(f, "sub_z"), granted(f, "sub_a")]).toEqual([true, false]);
    });

    it("trials of the same moment: the lower id is the first, whatever the order given", () => {
      const same = { trialStartedAt: new Date(now.getTime() - DAY) };
      for (const order of [
        [trialing("sub_b", same), trialing("sub_a", same), trialing("sub_c", same)],
        [trialing("sub_a", same), trialing("sub_c", same), trialing("sub_b", same)],
        [trialing("sub_c", same), trialing("sub_b", same), trialing("sub_a", same)],
      ]) {
        const e = resolve({ subscriptions: order });
        expect(["sub_a", "sub_b", "sub_c"].map((id) => granted(e, id))).toEqual([true, false, false]);
      }
    });
  });

  it("the subscription is the source over a purchase of the same rank (it is what bills and can be managed)", () => {
    const e = resolve({ subscriptions: [sub("active")], purchases: [purchase()] });
    expect(e.plan.rank).toBe(catalog.byKey("lifetime").rank);
    expect(e.source).toMatchObject({ kind: "subscription", id: "sub_1" });
  });

  it("a purchase alone is the source of its plan; a disputed one marks the account", () => {
    expect(resolve({ purchases: [purchase()] }).source).toEqual({ kind: "purchase", id: "ord_1" });
    const disputed = resolve({
      purchases: [purchase()],
      reversals: [reversal({ id: "disp_1", kind: "dispute", status: "open", orderId: "ord_1" })],
    });
    expect(disputed.disputed).toBe(true);
    expect(disputed.plan.key).toBe("free");
  });

  it("a paid purchase of a product the app does not sell grants nothing", () => {
    const e = resolve({ purchases: [purchase({ productId: "prod_unknown" })] });
    expect(e.plan.key).toBe("free");
    expect(e.source).toBeUndefined();
  });

  it("only the account's first trial grants", () => {
    const first = sub("canceled", {
      id: "sub_a",
      productId: "prod_starter",
      trialStartedAt: new Date(now.getTime() - 60 * DAY),
    });
    const second = sub("trialing", { id: "sub_b", productId: "prod_starter", trialStartedAt: now });
    const e = resolve({ subscriptions: [first, second] });
    expect(e.plan.key).toBe("free");
    expect(e.decisions.get("sub_b")?.reason).toBe("trial_already_used");
    expect(resolve({ subscriptions: [second] }).plan.key).toBe("starter");
  });

  it("lists stale subscriptions for a re-sync", () => {
    const stale = sub("active", { currentPeriodEnd: new Date(now.getTime() - 10 * DAY) });
    const e = resolve({ subscriptions: [stale] });
    expect(e.needsSync).toEqual(["sub_1"]);
    expect(resolve({ subscriptions: [sub("active", { id: "sub_fresh" }), stale] }).needsSync).toEqual([
      "sub_1",
    ]);
    expect(e.plan.key).toBe("free");
  });
});

describe("plan catalog", () => {
  it("maps every configured product id to its plan and price", () => {
    expect(catalog.byProductId("prod_pro_y")).toMatchObject({
      plan: { key: "pro" },
      price: { interval: "year", amount: 19000 },
    });
    expect(catalog.byProductId("prod_team_m")?.plan.perSeat).toBe(true);
    expect(catalog.byProductId("prod_starter")).toMatchObject({ plan: { key: "starter" }, trialDays: 14 });
    expect(catalog.byProductId("prod_starter_nt")).toMatchObject({ plan: { key: "starter" }, trialDays: 0 });
    expect(catalog.byProductId("prod_starter_nt")?.price).toBe(catalog.byProductId("prod_starter")?.price);
    expect(catalog.byProductId("prod_life")?.price.interval).toBe("once");
    expect(catalog.byProductId("prod_nope")).toBeUndefined();
    expect(catalog.byKey("pro").highlighted).toBe(true);
    expect(catalog.byKey("team").seats).toEqual({ min: 1, max: 100 });
    expect(catalog.byKey("pro").seats).toEqual({ min: 1, max: 1 });
    expect(catalog.byKey("lifetime")).toMatchObject({ oneTime: true, licenseActivations: 3 });
  });
});
