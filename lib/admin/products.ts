import type { CreemClient } from "@/lib/creem";
import type { PlanCatalog } from "@/lib/billing/plans";

// The CREEM products the plan catalog points to, compared with lib/billing/plans.ts: a product CREEM does
// not have, or one whose price, currency, period or trial differs, is a mismatch the operator must fix
// (`npm run creem:push-catalog` creates missing ones).

const PERIOD = { month: "every-month", year: "every-year", once: "once" } as const;

export type ProductCheck = {
  productId: string;
  plan: string;
  expected: { amount: number; currency: string; period: string; trialDays: number };
  found: {
    name?: string;
    amount?: number;
    currency?: string;
    period?: string;
    trialDays: number;
    status?: string;
  } | null;
  problems: string[];
};

export async function checkProducts(creem: CreemClient, catalog: PlanCatalog): Promise<ProductCheck[]> {
  const wanted = catalog.plans.flatMap((plan) =>
    plan.prices.flatMap((price) => [
      { productId: price.productId, plan: plan.name, price, trialDays: price.trialDays ?? 0 },
      ...(price.productIdWithoutTrial
        ? [{ productId: price.productIdWithoutTrial, plan: `${plan.name} (no trial)`, price, trialDays: 0 }]
        : []),
    ]),
  );
  return Promise.all(
    wanted.map(async (w): Promise<ProductCheck> => {
      const expected = {
        amount: w.price.amount,
        currency: w.price.currency,
        period: PERIOD[w.price.interval],
        trialDays: w.trialDays,
      };
      try {
        const p = await creem.products.get(w.productId);
        const found = {
          name: p.name,
          amount: p.price,
          currency: p.currency?.toUpperCase(),
          period: p.billingPeriod,
          trialDays: p.trialPeriodDays ?? 0,
          status: p.status,
        };
        const problems: string[] = [];
        if (found.amount !== expected.amount) problems.push(`price ${found.amount} ≠ ${expected.amount}`);
        if (found.currency !== expected.currency)
          problems.push(`currency ${found.currency} ≠ ${expected.currency}`);
        if (found.period !== expected.period) problems.push(`period ${found.period} ≠ ${expected.period}`);
        if (found.trialDays !== expected.trialDays)
          problems.push(`trial ${found.trialDays} ≠ ${expected.trialDays} days`);
        if (found.status === "archived") problems.push("archived at CREEM");
        return { productId: w.productId, plan: w.plan, expected, found, problems };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
          productId: w.productId,
          plan: w.plan,
          expected,
          found: null,
          problems: [`missing at CREEM (${message})`],
        };
      }
    }),
  );
}
