import { FEATURES, type BillingInterval, type Plan, type PlanKey } from "@/lib/billing/plans";
import type { ToggleInterval } from "@/lib/billing/checkout/selection";
import type { DiscountOffer } from "@/lib/billing/checkout/discount";
import { charge, periodSubtotal, type DiscountTerms } from "@/lib/billing/money";

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

/** A card's price once a discount code is applied: what CREEM charges (money.ts), or why it does not apply. */
export type DiscountedPrice =
  | {
      applies: true;
      code: string;
      /** The headline: per seat on per-seat plans (percentage codes), else the whole payment. */
      unit: number;
      /** What the chosen seats cost per period before and after the code. */
      listTotal: number;
      total: number;
      /** The code takes a fixed amount off a per-seat plan's payment: the headline stays per seat at list. */
      perPayment: boolean;
      /** "every payment", "the first payment", "the first 3 months". */
      duration: string;
    }
  | { applies: false; code: string; reason: string };

function durationWords(terms: DiscountTerms): string {
  if (terms.duration === "once") return "the first payment";
  if (terms.duration === "repeating") {
    const months = terms.months ?? 1;
    return months === 1 ? "the first month" : `the first ${months} months`;
  }
  return "every payment";
}

function restrictionWords(offer: DiscountOffer, plans: readonly PlanView[]): string {
  const names = (offer.appliesTo ?? []).map(({ plan, interval }) => {
    const view = plans.find((p) => p.key === plan);
    const name = view?.name ?? plan;
    return interval === "once" || (view && view.prices.length === 1)
      ? name
      : `${name} ${interval === "year" ? "yearly" : "monthly"}`;
  });
  return names.length > 0 ? `${offer.code} applies to ${[...new Set(names)].join(", ")} only.` : "";
}

export function discountedPrice(
  plan: PlanView,
  price: PriceView,
  seats: number,
  offer: DiscountOffer,
  plans: readonly PlanView[] = [plan],
): DiscountedPrice {
  const { code, terms } = offer;
  if (offer.appliesTo && !offer.appliesTo.some((a) => a.plan === plan.key && a.interval === price.interval)) {
    return {
      applies: false,
      code,
      reason: restrictionWords(offer, plans) || `${code} does not apply to this plan.`,
    };
  }
  if (terms.type === "fixed" && offer.currency && offer.currency !== price.currency.toUpperCase()) {
    return {
      applies: false,
      code,
      reason: `${code} is an amount in ${offer.currency}; this price is in ${price.currency}.`,
    };
  }
  const listTotal = periodSubtotal(price, plan.perSeat, seats);
  const total = charge(listTotal, terms, true).total;
  const perPayment = plan.perSeat && terms.type === "fixed";
  const unit = plan.perSeat ? (perPayment ? price.amount : charge(price.amount, terms, true).total) : total;
  return { applies: true, code, unit, listTotal, total, perPayment, duration: durationWords(terms) };
}
