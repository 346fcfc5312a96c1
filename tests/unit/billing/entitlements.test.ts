import { testCatalog } from "../../support/catalog";
import { describe, expect, it } from "vitest";
import {
  hasFeature,
  purchaseAccess,
  resolveEntitlements,
  subscriptionAccess,
} from "@/lib/billing/entitlements";

const catalog = testCatalog;
const DAY = 86_400_000;
const now = new Date("2026-06-15T00:00:00Z");
const periodEnd = new Date(now.getTime() + 10 * DAY);
const sub = (status: string, overrides: Partial<Parameters<typeof subscriptionAccess>[0]> = {}) => ({
  id: "sub_1",
  productId: "prod_pro_m",
  status,
  units: 1,
  currentPeriodEnd: periodEnd,
  pastDueSince: null,
  ...overrides,
});

describe("subscriptionAccess: the state table", () => {
  it.each([
    ["active", true],
    ["trialing", true],
    ["scheduled_cancel", true],
    ["paused", false],
    ["canceled", false],
    ["unpaid", false],
    ["expired", false],
    ["incomplete", false],
    ["a_status_from_the_future", false],
  ])("%s grants: %s", (status, granted) => {
    expect(subscriptionAccess(sub(status), now, 7).granted).toBe(granted);
  });

  it("scheduled_cancel ends at the period end", () => {
    const ended = sub("scheduled_cancel", { currentPeriodEnd: new Date(now.getTime() - 1) });
    expect(subscriptionAccess(ended, now, 7)).toEqual({ granted: false, reason: "period_ended" });
    expect(subscriptionAccess(sub("scheduled_cancel", { currentPeriodEnd: null }), now, 7).granted).toBe(
      false,
    );
  });

  it("past_due grants through the grace period from the failed renewal", () => {
    const failedAt = new Date(now.getTime() - 3 * DAY);
    expect(subscriptionAccess(sub("past_due", { pastDueSince: failedAt }), now, 7)).toEqual({
      granted: true,
      reason: "grace_period",
      until: new Date(failedAt.getTime() + 7 * DAY),
    });
    expect(subscriptionAccess(sub("past_due", { pastDueSince: failedAt }), now, 2).granted).toBe(false);
    expect(subscriptionAccess(sub("past_due", { pastDueSince: failedAt }), now, 0).granted).toBe(false);
    expect(subscriptionAccess(sub("past_due", { currentPeriodEnd: null }), now, 7).granted).toBe(false);
  });
});

describe("purchaseAccess", () => {
  it.each([
    ["paid", true],
    ["refunded", false],
    ["disputed", false],
  ])("%s grants: %s", (status, granted) => {
    expect(purchaseAccess({ id: "ord_1", productId: "prod_life", status }).granted).toBe(granted);
  });
});

describe("resolveEntitlements", () => {
  const resolve = (state: Parameters<typeof resolveEntitlements>[0]) =>
    resolveEntitlements(state, catalog, { now, graceDays: 7 });

  it("is the free plan without anything paid", () => {
    const e = resolve({ subscriptions: [], purchases: [] });
    expect(e.plan.key).toBe("free");
    expect(e.source).toBeUndefined();
    expect(hasFeature(e, "dashboard")).toBe(true);
    expect(hasFeature(e, "reports")).toBe(false);
  });

  it("picks the highest-ranked granted plan and unions the features", () => {
    const e = resolve({
      subscriptions: [sub("active", { id: "sub_team", productId: "prod_team_m", units: 4 })],
      purchases: [{ id: "ord_1", productId: "prod_life", status: "paid" }],
    });
    expect(e.plan.key).toBe("team");
    expect(e.source).toMatchObject({ kind: "subscription", id: "sub_team", seats: 4 });
    expect(hasFeature(e, "team")).toBe(true);
    expect(hasFeature(e, "license")).toBe(true);
  });

  it("ignores products the app does not sell and revoked sources", () => {
    const e = resolve({
      subscriptions: [sub("active", { productId: "prod_unknown" }), sub("canceled")],
      purchases: [
        { id: "ord_1", productId: "prod_life", status: "refunded" },
        { id: "ord_2", productId: null, status: "paid" },
      ],
    });
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
    expect(catalog.byProductId("prod_starter")?.plan.trialDays).toBe(14);
    expect(catalog.byProductId("prod_life")?.price.interval).toBe("once");
    expect(catalog.byProductId("prod_nope")).toBeUndefined();
    expect(catalog.byKey("pro").highlighted).toBe(true);
  });
});
