import { FEATURES, type BillingInterval, type Plan, type PlanKey } from "@/lib/billing/plans";
import type { ToggleInterval } from "@/lib/billing/checkout/selection";

// What the browser needs to show a plan: no CREEM product ids (the server resolves those at checkout),
// so the static pricing page does not depend on the deployment's configuration.

export type PriceView = { interval: BillingInterval; amount: number; currency: string };

export type PlanView = {
  key: PlanKey;
  name: string;
  description: string;
  features: string[];
  prices: PriceView[];
  perSeat: boolean;
  trialDays: number;
  highlighted: boolean;
  /** Sold once (the Lifetime deal): shown on its own wide card. */
  oneTime: boolean;
  /** Most seats a checkout may ask for (1 unless per-seat). */
  maxSeats: number;
};

export function toPlanView(plan: Plan): PlanView {
  return {
    key: plan.key,
    name: plan.name,
    description: plan.description,
    features: plan.features.map((feature) => FEATURES[feature]),
    prices: plan.prices.map(({ interval, amount, currency }) => ({ interval, amount, currency })),
    perSeat: plan.perSeat,
    trialDays: plan.trialDays,
    highlighted: plan.highlighted,
    oneTime: plan.oneTime,
    maxSeats: plan.seats.max,
  };
}

/** The price shown for the toggle's interval; a plan sold one way only shows that price. */
export function priceFor(plan: PlanView, interval: ToggleInterval): PriceView | undefined {
  return plan.prices.find((price) => price.interval === interval) ?? plan.prices[0];
}

/** How much cheaper a year is than twelve months, in whole percent, for the toggle's label. */
export function yearlySavingsPercent(plans: readonly PlanView[]): number {
  let best = 0;
  for (const plan of plans) {
    const month = plan.prices.find((p) => p.interval === "month");
    const year = plan.prices.find((p) => p.interval === "year");
    if (month && year) best = Math.max(best, Math.round((1 - year.amount / (month.amount * 12)) * 100));
  }
  return best;
}
