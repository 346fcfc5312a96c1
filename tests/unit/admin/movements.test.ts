import { describe, expect, it } from "vitest";
import { monthlyRevenue, movements, mrrSeries, paysAt, type RevenueState } from "@/lib/admin/revenue";
import { testCatalog } from "../../support/catalog";

// New / expansion / contraction / churn from each subscription's MRR after each stored state.

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("MRR movements", () => {
  it("classifies each change in the month it happened", () => {
    const series = new Map([
      // new in Oct, expanded in Nov (seats), churned in Dec
      [
        "a",
        [
          { at: at("2026-10-03"), mrr: 1200 },
          { at: at("2026-11-03"), mrr: 3600 },
          { at: at("2026-12-03"), mrr: 0 },
        ],
      ],
      // new in Nov, contracted later in Nov; a renewal with the same MRR changes nothing
      [
        "b",
        [
          { at: at("2026-11-01"), mrr: 1900 },
          { at: at("2026-11-20"), mrr: 900 },
          { at: at("2026-12-20"), mrr: 900 },
        ],
      ],
      // churned in Oct, back in Dec (a comeback counts as new)
      [
        "c",
        [
          { at: at("2026-09-01"), mrr: 500 },
          { at: at("2026-10-10"), mrr: 0 },
          { at: at("2026-12-01"), mrr: 500 },
        ],
      ],
    ]);
    expect(movements(series, ["2026-10", "2026-11", "2026-12"])).toEqual([
      { month: "2026-10", new: 1200, expansion: 0, contraction: 0, churn: 500 },
      { month: "2026-11", new: 1900, expansion: 2400, contraction: 1000, churn: 0 },
      { month: "2026-12", new: 500, expansion: 0, contraction: 0, churn: 3600 },
    ]);
  });

  it("a trial, a pause or an ended subscription has no MRR; a product the app does not sell neither", () => {
    const base = { units: 1, startedAt: null, currentPeriodStart: null, currentPeriodEnd: null };
    expect(monthlyRevenue({ ...base, productId: "prod_pro_m", status: "active" }, testCatalog)).toBe(1900);
    for (const status of ["trialing", "paused", "canceled", "expired", "unpaid"])
      expect(monthlyRevenue({ ...base, productId: "prod_pro_m", status }, testCatalog)).toBe(0);
    expect(monthlyRevenue({ ...base, productId: "prod_unknown", status: "active" }, testCatalog)).toBe(0);
  });

  it("a cancellation at period end pays until its period end; an immediate one stops at once", () => {
    const end = at("2026-12-10");
    const canceled = { status: "canceled", currentPeriodEnd: end };
    expect(paysAt({ ...canceled, cancelIntent: "period_end" }, at("2026-12-09"))).toBe(true);
    expect(paysAt({ ...canceled, cancelIntent: "period_end" }, end)).toBe(false);
    expect(paysAt({ ...canceled, cancelIntent: "immediate" }, at("2026-12-09"))).toBe(false);
    expect(paysAt({ ...canceled, cancelIntent: null }, at("2026-12-09"))).toBe(false);
    expect(paysAt({ status: "scheduled_cancel", currentPeriodEnd: end }, at("2026-12-09"))).toBe(true);
    expect(paysAt({ status: "scheduled_cancel", currentPeriodEnd: end }, at("2026-12-11"))).toBe(false);
    expect(paysAt({ status: "past_due", currentPeriodEnd: end }, at("2027-03-01"))).toBe(true);
  });

  it("MRR over time: the period end is where a scheduled cancellation drops, unless resumed first or still ahead", () => {
    const pro = { productId: "prod_pro_m", units: 1, startedAt: null, currentPeriodStart: null };
    const state = (day: string, status: string, periodEnd: string, cancelIntent?: string): RevenueState => ({
      ...pro,
      at: at(day),
      status,
      currentPeriodEnd: at(periodEnd),
      cancelIntent,
    });
    const now = at("2026-12-20");
    // Scheduled, then resumed before the end: no drop.
    expect(
      mrrSeries(
        [
          state("2026-11-01", "active", "2026-12-01"),
          state("2026-11-10", "scheduled_cancel", "2026-12-01", "period_end"),
          state("2026-11-15", "active", "2026-12-01", "none"),
        ],
        testCatalog,
        now,
      ).map((p) => p.mrr),
    ).toEqual([1900, 1900, 1900]);
    // Scheduled for a period end after `now`: no churn yet.
    expect(
      mrrSeries([state("2026-12-01", "scheduled_cancel", "2027-01-01", "period_end")], testCatalog, now),
    ).toEqual([{ at: at("2026-12-01"), mrr: 1900 }]);
    // CREEM's `canceled` stored only after the period end it was scheduled for: zero at the period end.
    expect(
      mrrSeries(
        [
          state("2026-11-01", "active", "2026-11-30"),
          state("2026-12-03", "canceled", "2026-11-30", "period_end"),
        ],
        testCatalog,
        now,
      ),
    ).toEqual([
      { at: at("2026-11-01"), mrr: 1900 },
      { at: at("2026-11-30"), mrr: 0 },
    ]);
    // Canceled at once: zero when it happened, though its period had days left.
    expect(
      mrrSeries(
        [
          state("2026-11-01", "active", "2026-12-01"),
          state("2026-11-20", "canceled", "2026-12-01", "immediate"),
        ],
        testCatalog,
        now,
      ).map((p) => [p.at, p.mrr]),
    ).toEqual([
      [at("2026-11-01"), 1900],
      [at("2026-11-20"), 0],
    ]);
  });
});
