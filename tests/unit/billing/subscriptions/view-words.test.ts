import { describe, expect, it } from "vitest";
import {
  describeChangeCost,
  describeDiscount,
  describeSubscription,
  type SubscriptionRow,
} from "@/lib/billing/subscriptions/view";
import { testCatalog as catalog } from "../../../support/catalog";

// The billing page's words for money and suspended access: a discount, what a change costs today, and a
// subscription whose payment was disputed or refunded.

describe("describeDiscount", () => {
  it.each([
    [
      { code: "LAUNCH20", type: "percentage", percentage: 20, duration: "forever" },
      "LAUNCH20: 20% off every payment",
      "USD",
    ],
    [{ type: "percentage", duration: "once" }, "0% off the first payment", "USD"],
    [{ type: "fixed", amount: 500, duration: "repeating", months: 3 }, "$5 off the first 3 months", "USD"],
    [{ type: "fixed", duration: "repeating" }, "$0 off the first month", "USD"],
    [{ code: "EU5", type: "fixed", amount: 500, duration: "forever" }, "EU5: €5 off every payment", "EUR"],
  ] as const)("%o reads %s", (discount, words, currency) => {
    expect(describeDiscount(discount, currency)).toBe(words);
  });
});

describe("describeChangeCost", () => {
  const renewal = { subtotal: 1900, discount: 0, total: 1900, date: new Date("2026-07-01T00:00:00Z") };
  it.each([
    [533, "$5.33 charged today"],
    [-320, "$3.20 refunded today to your original payment method"],
    [0, "Nothing charged or refunded today"],
  ])("%i: %s", (dueNow, today) => {
    expect(describeChangeCost({ dueNow, renewal, periodRestarts: false }, "USD", "month")).toEqual({
      today,
      dueNow,
      renews: "then $19 / month from Jul 1, 2026",
      periodRestarts: false,
    });
  });
});

describe("describeSubscription of a suspended subscription", () => {
  const row: SubscriptionRow = {
    id: "sub_1",
    productId: "prod_pro_m",
    status: "active",
    units: 1,
    currentPeriodStart: new Date("2026-06-01T00:00:00Z"),
    currentPeriodEnd: new Date("2026-07-01T00:00:00Z"),
    canceledAt: null,
    trialEnd: null,
    stateAt: new Date("2026-06-05T00:00:00Z"),
    startedAt: new Date("2026-06-01T00:00:00Z"),
    discount: null,
  };

  it.each([
    ["disputed", "Payment disputed", "Access is suspended: a payment of this subscription is disputed."],
    ["refunded", "Refunded", "Access is suspended: the payment for this period was refunded."],
  ] as const)("%s: says so, offers no changes and no next payment", (reason, statusLabel, note) => {
    const view = describeSubscription(row, catalog, { granted: false, reason });
    expect(view).toMatchObject({
      statusLabel,
      statusTone: "danger",
      summary: note,
      nextPayment: null,
      canChange: false,
      canPause: false,
      access: { granted: false, note },
    });
  });

  it("access refused for a reason without a note falls back to the status summary", () => {
    const view = describeSubscription({ ...row, status: "paused" }, catalog, {
      granted: false,
      reason: "paused",
    });
    expect(view.access).toEqual({ granted: false, note: null });
    expect(view.statusTone).toBe("neutral");
  });
});
