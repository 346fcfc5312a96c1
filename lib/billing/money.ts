import type { BillingInterval, PlanPrice } from "./plans";

// Every amount the app shows, computed the way CREEM charges it: price x units, minus the subscription's
// discount when it applies to that charge, and proration as CREEM's current docs describe it (the change
// takes effect at once; an increase charges the prorated difference now, a decrease refunds the unused
// time now; see ../shared/creem/api-reference.md, "What update_behavior does"). Pure; minor units; the
// one rounding rule is Math.round (half up) on each prorated amount, as the local CREEM does.

/** A discount on a subscription, as CREEM bills it. */
export type DiscountTerms = {
  code?: string;
  type: "percentage" | "fixed";
  /** Percent off, for percentage discounts. */
  percentage?: number;
  /** Minor units off, for fixed discounts. */
  amount?: number;
  duration: "forever" | "once" | "repeating";
  months?: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export function addInterval(date: Date, interval: BillingInterval): Date {
  return interval === "year" ? addMonths(date, 12) : interval === "month" ? addMonths(date, 1) : date;
}

/** What one period costs before discounts: the price, times the seats on per-seat plans. */
export function periodSubtotal(price: Pick<PlanPrice, "amount">, perSeat: boolean, units: number): number {
  return perSeat ? price.amount * units : price.amount;
}

/** The amount a discount takes off `subtotal` (never more than the subtotal). */
export function discountOff(discount: DiscountTerms | undefined, subtotal: number): number {
  // Stryker disable next-line EqualityOperator: a zero subtotal gives 0 off either way (min(0, ...))
  if (!discount || subtotal <= 0) return 0;
  if (discount.type === "percentage") {
    return Math.min(subtotal, Math.round((subtotal * Math.min(discount.percentage ?? 0, 100)) / 100));
  }
  return Math.min(subtotal, discount.amount ?? 0);
}

/**
 * Whether the discount applies to a charge for the period starting at `periodStart`: `forever` always;
 * `once` only to the subscription's first charge; `repeating` while the period starts within `months`
 * months of the subscription's start.
 */
export function discountApplies(
  discount: DiscountTerms | undefined,
  charge: { periodStart: Date; startedAt: Date | null; first: boolean },
): boolean {
  if (!discount) return false;
  switch (discount.duration) {
    case "forever":
      return true;
    case "once":
      return charge.first;
    case "repeating":
      return !!charge.startedAt && charge.periodStart < addMonths(charge.startedAt, discount.months ?? 0);
  }
}

export type Charge = { subtotal: number; discount: number; total: number };

export function charge(subtotal: number, discount: DiscountTerms | undefined, applies: boolean): Charge {
  const off = applies ? discountOff(discount, subtotal) : 0;
  return { subtotal, discount: off, total: subtotal - off };
}

/** The subscription as the money rules need it. */
export type BilledSubscription = {
  status: string;
  units: number;
  startedAt: Date | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  discount?: DiscountTerms;
};

/** A trial has not been charged yet: CREEM's first charge comes at its end. */
const isFirstCharge = (sub: BilledSubscription) => sub.status === "trialing";

/** The next renewal: what CREEM will charge at the end of the current period (trial end for a trial). */
export function nextRenewal(
  sub: BilledSubscription,
  price: Pick<PlanPrice, "amount">,
  perSeat: boolean,
): (Charge & { date: Date }) | null {
  if (!sub.currentPeriodEnd) return null;
  const applies = discountApplies(sub.discount, {
    periodStart: sub.currentPeriodEnd,
    startedAt: sub.startedAt ?? sub.currentPeriodStart,
    first: isFirstCharge(sub),
  });
  return {
    ...charge(periodSubtotal(price, perSeat, sub.units), sub.discount, applies),
    date: sub.currentPeriodEnd,
  };
}

/** Whether the discount applied to the charge for the current period (a trial was not charged). */
function appliedToCurrentPeriod(sub: BilledSubscription): boolean {
  // Stryker disable next-line BooleanLiteral: without a period start the remaining share is 0, so what the period was charged never counts
  if (!sub.currentPeriodStart) return false;
  const startedAt = sub.startedAt ?? sub.currentPeriodStart;
  const first = Math.abs(sub.currentPeriodStart.getTime() - startedAt.getTime()) <= DAY_MS;
  return discountApplies(sub.discount, { periodStart: sub.currentPeriodStart, startedAt, first });
}

/** What the current period costs at `subtotal`, discounted as its charge was. */
function paidForCurrentPeriod(sub: BilledSubscription, subtotal: number): number {
  return charge(subtotal, sub.discount, appliedToCurrentPeriod(sub)).total;
}

/** Share of the current period still ahead at `now`, clamped to [0, 1]. */
export function remainingShare(sub: BilledSubscription, now: Date): number {
  const start = sub.currentPeriodStart?.getTime();
  const end = sub.currentPeriodEnd?.getTime();
  if (start === undefined || end === undefined || end <= start) return 0;
  const at = Math.min(Math.max(now.getTime(), start), end);
  return (end - at) / (end - start);
}

export type ChangeEstimate = {
  /** Charged now (positive) or refunded to the original payment method now (negative); 0: nothing. */
  dueNow: number;
  /** The first renewal after the change: its amount and date. */
  renewal: Charge & { date: Date };
  /** A change to another billing period starts a new period now. */
  periodRestarts: boolean;
};

/**
 * What a change of seats or plan costs, as CREEM bills `proration-charge-immediately`: the unused part of
 * what was paid for this period is credited, the new price for the rest of it is charged, the difference
 * is charged (or refunded) now. Moving to another billing period starts a new period now, charged in full
 * less the credit. During a trial nothing is charged until the trial ends (and the app refuses changes
 * there anyway). An estimate: CREEM may differ by a few cents (tax, rounding).
 */
export function estimateChange(input: {
  sub: BilledSubscription;
  from: { price: Pick<PlanPrice, "amount" | "interval">; perSeat: boolean };
  to: { price: Pick<PlanPrice, "amount" | "interval">; perSeat: boolean; units: number };
  now: Date;
}): ChangeEstimate {
  const { sub, from, to, now } = input;
  const startedAt = sub.startedAt ?? sub.currentPeriodStart;
  const oldSubtotal = periodSubtotal(from.price, from.perSeat, sub.units);
  const newSubtotal = periodSubtotal(to.price, to.perSeat, to.units);
  const periodRestarts = from.price.interval !== to.price.interval;
  const trial = isFirstCharge(sub);

  if (periodRestarts && !trial) {
    const credit = Math.round(paidForCurrentPeriod(sub, oldSubtotal) * remainingShare(sub, now));
    const applies = discountApplies(sub.discount, { periodStart: now, startedAt, first: false });
    const newPeriod = charge(newSubtotal, sub.discount, applies);
    const renewalDate = addInterval(now, to.price.interval);
    const renewsApplies = discountApplies(sub.discount, {
      periodStart: renewalDate,
      startedAt,
      first: false,
    });
    return {
      dueNow: newPeriod.total - credit,
      renewal: { ...charge(newSubtotal, sub.discount, renewsApplies), date: renewalDate },
      periodRestarts,
    };
  }

  const renewal = nextRenewal({ ...sub, units: to.units }, to.price, to.perSeat)!;
  if (trial || !sub.currentPeriodEnd) {
    return {
      dueNow: 0,
      // Stryker disable next-line BooleanLiteral: without a discount, applying it takes nothing off
      renewal: renewal ?? { ...charge(newSubtotal, undefined, false), date: now },
      periodRestarts,
    };
  }
  const share = remainingShare(sub, now);
  // The old and the new price for the rest of the period, both discounted as this period's charge was.
  const paidOld = paidForCurrentPeriod(sub, oldSubtotal);
  const paidNew = paidForCurrentPeriod(sub, newSubtotal);
  return {
    dueNow: Math.round(paidNew * share) - Math.round(paidOld * share),
    renewal,
    periodRestarts,
  };
}
