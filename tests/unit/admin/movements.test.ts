import { describe, expect, it } from "vitest";
import { monthlyRevenue, movements } from "@/lib/admin/revenue";
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
});
