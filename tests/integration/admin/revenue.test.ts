import { describe, expect, it } from "vitest";
import { revenueReport } from "@/lib/admin/revenue";
import { testCatalog } from "../../support/catalog";
import { testDb } from "../support/db";
import { uid } from "./support";

// MRR on a fixture of mixed plans, intervals, seats and discounts, each amount worked out by hand below
// (prices from lib/billing/plans.ts: Starter $9/mo, Pro $19/mo or $190/yr, Team $12 or $120/yr per seat).

const db = testDb();
const NOW = new Date("2026-12-15T12:00:00Z");
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Row = {
  productId: string;
  status: string;
  units?: number;
  discount?: object;
  startedAt?: Date;
  currentPeriodStart?: Date;
  currentPeriodEnd?: Date;
  trialStartedAt?: Date;
  trialEnd?: Date;
};

const FIXTURE: Array<[Row, number, string]> = [
  // [row, its MRR in cents, why]
  [{ productId: "prod_pro_m", status: "active" }, 1900, "Pro monthly, no discount"],
  [{ productId: "prod_pro_y", status: "active" }, 19000 / 12, "Pro yearly: 19000 / 12"],
  [
    {
      productId: "prod_team_m",
      status: "active",
      units: 5,
      discount: { type: "percentage", percentage: 20, duration: "forever" },
    },
    4800,
    "Team monthly 5 seats = 6000, 20% forever off = 4800",
  ],
  [
    {
      productId: "prod_team_y",
      status: "active",
      units: 3,
      discount: { type: "fixed", amount: 5000, duration: "forever" },
    },
    31000 / 12,
    "Team yearly 3 seats = 36000, $50 off = 31000, / 12",
  ],
  [
    {
      productId: "prod_starter",
      status: "past_due",
      discount: { type: "percentage", percentage: 50, duration: "repeating", months: 3 },
      startedAt: d("2026-11-01"),
      currentPeriodStart: d("2026-11-20"),
      currentPeriodEnd: d("2026-12-20"),
    },
    450,
    "Starter past due, 50% for 3 months from Nov 1: the Dec 20 renewal is inside them = 450 (and at risk)",
  ],
  [
    {
      productId: "prod_pro_m",
      status: "active",
      discount: { type: "percentage", percentage: 100, duration: "once" },
      startedAt: d("2026-01-01"),
      currentPeriodStart: d("2026-12-01"),
      currentPeriodEnd: d("2027-01-01"),
    },
    1900,
    "Pro monthly with a used-up `once` discount: full price",
  ],
  [
    {
      productId: "prod_pro_m",
      status: "scheduled_cancel",
      discount: { type: "percentage", percentage: 50, duration: "repeating", months: 2 },
      startedAt: d("2026-06-01"),
      currentPeriodStart: d("2026-12-01"),
      currentPeriodEnd: d("2026-12-31"),
    },
    1900,
    "Pro canceling at period end still pays this period; its 2 discounted months ended in August",
  ],
  [
    {
      productId: "prod_pro_m",
      status: "trialing",
      trialStartedAt: d("2026-12-10"),
      trialEnd: d("2026-12-24"),
    },
    0,
    "a trial pays nothing yet",
  ],
  [
    {
      productId: "prod_starter",
      status: "active",
      trialStartedAt: d("2026-10-01"),
      trialEnd: d("2026-10-15"),
    },
    900,
    "Starter after a converted trial",
  ],
  [
    {
      productId: "prod_pro_m",
      status: "canceled",
      trialStartedAt: d("2026-09-01"),
      trialEnd: d("2026-09-15"),
    },
    0,
    "a trial that did not convert (canceled)",
  ],
  [{ productId: "prod_team_m", status: "paused", units: 4 }, 0, "paused"],
  [{ productId: "prod_life", status: "active" }, 0, "a one-time product is not recurring"],
];

describe("revenue report", () => {
  it("MRR after discounts, yearly / 12, by plan, at risk and trials, on a hand-computed fixture", async () => {
    const ids: string[] = [];
    for (const [row] of FIXTURE) {
      const id = uid("sub");
      ids.push(id);
      await db.subscription.create({
        data: {
          id,
          customerId: uid("cust"),
          units: 1,
          stateAt: NOW,
          stateSource: "test",
          currentPeriodStart: d("2026-12-01"),
          currentPeriodEnd: d("2027-01-01"),
          startedAt: d("2026-01-01"),
          ...row,
        },
      });
    }
    const report = await revenueReport(db, testCatalog, NOW, { only: ids });

    // 1900 + 1583.33 + 4800 + 2583.33 + 450 + 1900 + 1900 + 900 = 16016.67 -> $160.17
    const expected = FIXTURE.reduce((sum, [, mrr]) => sum + mrr, 0);
    expect(expected).toBeCloseTo(16016.6667, 3);
    expect(report.mrr).toBe(16017);
    expect(report.paying).toBe(8);
    expect(report.byPlan).toEqual(
      [
        // 1900 + 1583.33 + 1900 + 1900
        { plan: "Pro", subscriptions: 4, mrr: 7283 },
        // 4800 + 2583.33
        { plan: "Team", subscriptions: 2, mrr: 7383 },
        // 450 + 900
        { plan: "Starter", subscriptions: 2, mrr: 1350 },
      ].sort((a, b) => b.mrr - a.mrr),
    );
    expect(report.atRisk).toEqual({ subscriptions: 1, mrr: 450 });
    expect(report.trialing).toBe(1);
    expect(report.trials).toEqual({ ended: 2, converted: 1 });
    expect(report.months.map((m) => m.month)).toEqual([
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
  });
});
