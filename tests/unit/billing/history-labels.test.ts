import { describe, expect, it } from "vitest";
import {
  describeTransaction,
  planSnapshots,
  transactionLabel,
  type HistoryContext,
  type PlanSnapshot,
} from "@/lib/billing/account/history-view";
import type { BillingFacts } from "@/lib/billing/webhooks/facts";
import type { Transaction } from "@/lib/creem";
import { testCatalog } from "../../support/catalog";

// Each kind of billing history row says what it was, from CREEM's transaction and the app's stored events.

const DAY = 24 * 60 * 60 * 1000;
const START = new Date("2026-11-01T00:00:00Z");
const at = (days: number, minutes = 0) => new Date(START.getTime() + days * DAY + minutes * 60_000);

const snap = (
  days: number,
  productId: string,
  units = 1,
  status = "active",
  periodEnd?: Date,
): PlanSnapshot => ({
  subscriptionId: "sub_1",
  at: at(days),
  productId,
  units,
  status,
  periodEnd,
});

function ctx(snapshots: PlanSnapshot[] = [snap(0, "prod_pro_m")], productId = "prod_pro_m"): HistoryContext {
  return {
    catalog: testCatalog,
    subscriptions: new Map([["sub_1", { productId, startedAt: START }]]),
    orders: new Map([["ord_life", "prod_life"]]),
    snapshots,
  };
}

const tx = (t: Partial<Transaction>): Transaction => ({
  id: "tran_1",
  amount: 1900,
  currency: "USD",
  type: "invoice",
  status: "paid",
  subscription: "sub_1",
  ...t,
});

describe("transactionLabel", () => {
  it("the subscription's first payment", () => {
    expect(transactionLabel(tx({ periodStart: START, createdAt: START }), ctx())).toBe(
      "First payment: Pro monthly",
    );
  });

  it("the first payment after a free trial", () => {
    const trial = [snap(0, "prod_starter", 1, "trialing", at(14))];
    const label = transactionLabel(
      tx({ periodStart: at(14), createdAt: at(14) }),
      ctx(trial, "prod_starter"),
    );
    expect(label).toBe("First payment: Starter monthly");
  });

  it("a renewal", () => {
    expect(
      transactionLabel(
        tx({ periodStart: at(30), createdAt: at(30), description: "Subscription renewal" }),
        ctx(),
      ),
    ).toBe("Renewal: Pro monthly");
  });

  it("a proration for a plan change, read from the events around it", () => {
    const snaps = [snap(0, "prod_pro_m"), snap(10, "prod_pro_m"), snap(12, "prod_pro_y")];
    const t = tx({
      description: "Proration for subscription change",
      createdAt: at(12),
      periodStart: at(12),
    });
    expect(transactionLabel(t, ctx(snaps, "prod_pro_y"))).toBe("Proration: Pro monthly → Pro yearly");
  });

  it("a seat change", () => {
    const snaps = [snap(0, "prod_team_m", 2), snap(5, "prod_team_m", 4)];
    const t = tx({ description: "Proration for subscription change", createdAt: at(5, 1) });
    expect(transactionLabel(t, ctx(snaps, "prod_team_m"))).toBe("Seats 2 → 4");
  });

  it("a plan and seat change at once", () => {
    const snaps = [snap(0, "prod_team_m", 2), snap(5, "prod_team_y", 3)];
    const t = tx({ description: "Proration for subscription change", createdAt: at(5) });
    expect(transactionLabel(t, ctx(snaps, "prod_team_y"))).toBe(
      "Proration: Team monthly → Team yearly, seats 2 → 3",
    );
  });

  it("a proration whose change is not among the stored events names the plan only", () => {
    const snaps = [snap(0, "prod_team_m", 2), snap(5, "prod_team_m", 4)];
    const t = tx({ description: "Proration for subscription change", createdAt: at(20) });
    expect(transactionLabel(t, ctx(snaps, "prod_team_m"))).toBe("Proration: Team monthly");
  });

  it("a refund (negative amount), of a subscription or not", () => {
    expect(transactionLabel(tx({ amount: -1900, createdAt: at(3) }), ctx())).toBe("Refund: Pro monthly");
    expect(transactionLabel(tx({ amount: -500, subscription: undefined, order: "ord_x" }), ctx())).toBe(
      "Refund",
    );
  });

  it("a one-time purchase", () => {
    const t = tx({ subscription: undefined, order: "ord_life", type: "payment", amount: 29900 });
    expect(transactionLabel(t, ctx())).toBe("One-time purchase: Lifetime");
  });

  it("a transaction the app knows nothing about keeps CREEM's description", () => {
    expect(transactionLabel(tx({ subscription: undefined, description: "Adjustment" }), ctx())).toBe(
      "Adjustment",
    );
    expect(transactionLabel(tx({ description: "Anything" }))).toBe("Anything");
  });

  it("describeTransaction uses the label", () => {
    expect(describeTransaction(tx({ periodStart: at(30), createdAt: at(30) }), ctx()).description).toBe(
      "Renewal: Pro monthly",
    );
  });
});

describe("planSnapshots", () => {
  it("takes the subscription facts, oldest first", () => {
    const fact = (days: number, units: number): BillingFacts => ({
      at: at(days),
      source: `e${days}`,
      hints: {},
      licenses: [],
      subscription: { id: "sub_1", customerId: "c", productId: "prod_team_m", status: "active", units },
    });
    expect(planSnapshots([fact(5, 4), undefined, fact(1, 2)]).map((s) => s.units)).toEqual([2, 4]);
  });
});
