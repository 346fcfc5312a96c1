import { describe, expect, it } from "vitest";
import { revenueReport } from "@/lib/admin/revenue";
import { testCatalog } from "../../support/catalog";
import { customer, envelope, subscription } from "../../support/creem-payloads";
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

  it("churn falls in the month access ends: at period end for a cancellation at period end, at once otherwise", async () => {
    // Prices: Pro $19, Starter $9, Team $12 per seat (monthly). Each subscription's stored states as
    // webhook events (time it was stored, type, status, period); its row holds the final state.
    const NOW_DEC = new Date("2026-12-20T12:00:00Z");
    const t = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
    type Step = [at: string, type: string, status: string, periodStart: string, periodEnd: string];
    const subs: Array<{
      key: string;
      productId: string;
      units?: number;
      steps: Step[];
      intent?: [intent: string, at: string];
    }> = [
      {
        // Pro: cancellation scheduled Nov 20 for Nov 30 18:00; CREEM's `canceled` only stored Dec 1 09:00.
        // Churn: November (access ended Nov 30), not December (the event).
        key: "A",
        productId: "prod_pro_m",
        steps: [
          ["2026-10-01", "subscription.active", "active", "2026-10-01", "2026-10-31T18:00:00"],
          [
            "2026-10-31T18:00:00",
            "subscription.paid",
            "active",
            "2026-10-31T18:00:00",
            "2026-11-30T18:00:00",
          ],
          [
            "2026-11-20",
            "subscription.scheduled_cancel",
            "scheduled_cancel",
            "2026-10-31T18:00:00",
            "2026-11-30T18:00:00",
          ],
          [
            "2026-12-01T09:00:00",
            "subscription.canceled",
            "canceled",
            "2026-10-31T18:00:00",
            "2026-11-30T18:00:00",
          ],
        ],
        intent: ["period_end", "2026-11-20"],
      },
      {
        // Team 2 seats (2400): the customer clicked "cancel at period end" Nov 25; CREEM reported it as
        // `canceled` at once with the period still running to Dec 10 (the app recorded the intent).
        // Churn: December (Dec 10), not November (the click).
        key: "B",
        productId: "prod_team_m",
        units: 2,
        steps: [
          ["2026-10-10", "subscription.active", "active", "2026-10-10", "2026-11-10"],
          ["2026-11-10", "subscription.paid", "active", "2026-11-10", "2026-12-10"],
          ["2026-11-25", "subscription.canceled", "canceled", "2026-11-10", "2026-12-10"],
        ],
        intent: ["period_end", "2026-11-25T00:01:00"],
      },
      {
        // Starter (900) canceled immediately Nov 28 (period would have run to Dec 5): churn November.
        key: "C",
        productId: "prod_starter",
        steps: [
          ["2026-10-05", "subscription.active", "active", "2026-10-05", "2026-11-05"],
          ["2026-11-05", "subscription.paid", "active", "2026-11-05", "2026-12-05"],
          ["2026-11-28", "subscription.canceled", "canceled", "2026-11-05", "2026-12-05"],
        ],
        intent: ["immediate", "2026-11-28T00:01:00"],
      },
      {
        // Team 3 seats (3600): renewal failed Dec 2 (still paying, at risk), expired Dec 9: churn December.
        key: "D",
        productId: "prod_team_m",
        units: 3,
        steps: [
          ["2026-11-02", "subscription.active", "active", "2026-11-02", "2026-12-02"],
          ["2026-12-02", "subscription.past_due", "past_due", "2026-11-02", "2026-12-02"],
          ["2026-12-09", "subscription.expired", "expired", "2026-11-02", "2026-12-02"],
        ],
      },
      {
        // Pro, cancellation scheduled Dec 5 for Jan 1: still paying now, no churn yet.
        key: "E",
        productId: "prod_pro_m",
        steps: [
          ["2026-12-01", "subscription.active", "active", "2026-12-01", "2027-01-01"],
          ["2026-12-05", "subscription.scheduled_cancel", "scheduled_cancel", "2026-12-01", "2027-01-01"],
        ],
        intent: ["period_end", "2026-12-05"],
      },
      {
        // Pro, cancellation scheduled Nov 30 for Dec 12; CREEM's `canceled` has not arrived by Dec 20:
        // access ended Dec 12, so it churned in December and is not in today's MRR.
        key: "F",
        productId: "prod_pro_m",
        steps: [
          ["2026-11-12", "subscription.active", "active", "2026-11-12", "2026-12-12"],
          ["2026-11-30", "subscription.scheduled_cancel", "scheduled_cancel", "2026-11-12", "2026-12-12"],
        ],
        intent: ["period_end", "2026-11-30"],
      },
    ];
    const ids: string[] = [];
    for (const sub of subs) {
      const id = uid(`sub${sub.key}`);
      ids.push(id);
      const cust = customer(uid("cust"), `${uid("rev")}@example.com`);
      for (const [at, type, status, periodStart, periodEnd] of sub.steps) {
        const ms = t(at).getTime();
        const state = {
          id,
          status,
          productId: sub.productId,
          units: sub.units,
          periodStart: t(periodStart).getTime(),
          periodEnd: t(periodEnd).getTime(),
        };
        await db.webhookEvent.create({
          data: {
            id: uid("evt"),
            type,
            createdAt: t(at),
            payload: JSON.parse(
              JSON.stringify(envelope(uid("evt"), type, ms, subscription(state, cust, ms))),
            ) as object,
            processedAt: t(at),
            outcome: "applied",
            subscriptionId: id,
          },
        });
      }
      const [, , status, periodStart, periodEnd] = sub.steps.at(-1)!;
      await db.subscription.create({
        data: {
          id,
          customerId: cust.id,
          productId: sub.productId,
          units: sub.units ?? 1,
          status,
          currentPeriodStart: t(periodStart),
          currentPeriodEnd: t(periodEnd),
          startedAt: t(sub.steps[0]![0]),
          cancelIntent: sub.intent?.[0] ?? null,
          cancelIntentAt: sub.intent ? t(sub.intent[1]) : null,
          stateAt: t(sub.steps.at(-1)![0]),
          stateSource: "test",
        },
      });
    }

    const report = await revenueReport(db, testCatalog, NOW_DEC, { only: ids, monthsBack: 3 });
    expect(report.months).toEqual([
      // new: A 1900 + B 2400 + C 900
      { month: "2026-10", new: 5200, expansion: 0, contraction: 0, churn: 0 },
      // new: D 3600 + F 1900; churn: A 1900 (access ended Nov 30) + C 900 (canceled at once Nov 28)
      { month: "2026-11", new: 5500, expansion: 0, contraction: 0, churn: 2800 },
      // new: E 1900; churn: B 2400 (Dec 10) + D 3600 (expired Dec 9) + F 1900 (Dec 12)
      { month: "2026-12", new: 1900, expansion: 0, contraction: 0, churn: 7900 },
    ]);
    // MRR at the end of November: 5200 + 5500 - 2800 = 7900 = B 2400 + D 3600 + F 1900. Today's MRR is
    // what the movements add up to: 7900 + 1900 - 7900 = 1900, E alone (F's access ended Dec 12).
    expect(report.mrr).toBe(1900);
    expect(report.paying).toBe(1);
    expect(report.byPlan).toEqual([{ plan: "Pro", subscriptions: 1, mrr: 1900 }]);
    expect(report.atRisk).toEqual({ subscriptions: 0, mrr: 0 });
  });
});
