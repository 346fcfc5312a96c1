// Proration math, pure (no store, no clock): what a mid-period change of seats or plan charges now or
// refunds now, following the "What update_behavior does" table of CREEM's current docs. Every amount is
// rounded once, half up to the cent, by `roundHalfUpDiv` (core/money.ts).
import { basisPoints, percentOf, roundHalfUpDiv } from "../core/money";

export type UpdateBehavior = "proration-charge-immediately" | "proration-charge" | "proration-none";

/** `proration-charge` (deprecated) settles exactly like `proration-charge-immediately`; none settles nothing. */
export const settlesNow = (behavior: UpdateBehavior): boolean => behavior !== "proration-none";

/** A discount as proration sees it: a percentage, or a fixed amount off each billing cycle's invoice. */
export type ProrationDiscount =
  { type: "percentage"; percentage: number } | { type: "fixed"; amount: number };

/** How much of the current period is still ahead, in milliseconds. */
export interface PeriodShare {
  remainingMs: number;
  periodMs: number;
}

export type Proration =
  | { kind: "none" }
  /** `amount` = `sub_total` - `discount_amount` - `credit`, charged now. */
  | { kind: "charge"; sub_total: number; discount_amount: number; credit: number; amount: number }
  /** Refunded now to the period's original payment. */
  | { kind: "refund"; amount: number };

const NONE: Proration = { kind: "none" };

/** The share of [start, end) still ahead at `now` (clamped into the period). */
export function remainingShare(startMs: number, endMs: number, nowMs: number): PeriodShare {
  if (endMs <= startMs) return { remainingMs: 0, periodMs: 1 };
  const at = Math.min(Math.max(nowMs, startMs), endMs);
  return { remainingMs: endMs - at, periodMs: endMs - startMs };
}

/** Discounted values are exact in 1/10000 cent, so a percentage in basis points never rounds early. */
const SCALE = 10_000n;

/** One cycle's price after the discount, in 1/10000 cents. A fixed discount never goes below zero. */
function discountedCycle(cycle: number, discount: ProrationDiscount | undefined): bigint {
  if (!discount) return BigInt(cycle) * SCALE;
  if (discount.type === "percentage") {
    return BigInt(cycle) * (SCALE - BigInt(basisPoints(discount.percentage)));
  }
  return BigInt(cycle - Math.min(discount.amount, cycle)) * SCALE;
}

/** `perCycle` (1/10000 cents) for the remaining share of the period, rounded half up to a cent. */
const forRemaining = (perCycle: bigint, share: PeriodShare): number =>
  roundHalfUpDiv(perCycle * BigInt(share.remainingMs), SCALE * BigInt(share.periodMs));

export interface ChangeInput {
  /** List price of one full cycle before and after the change (all items, all units), in cents. */
  oldCycle: number;
  newCycle: number;
  share: PeriodShare;
  /** The subscription's discount if it applies to a charge made now (forever, or repeating in its months). */
  chargeDiscount?: ProrationDiscount;
  /** The discount that was applied to this period's payment (values the unused time of a decrease). */
  periodDiscount?: ProrationDiscount;
}

/**
 * A change within the same billing period (seats, or a plan with the same period).
 * - More: the prorated list difference for the rest of the period, less the charge discount, charged now.
 *   With a percentage discount (LAUNCH20) that is exactly 80 % of the undiscounted prorated amount. A fixed
 *   discount is an amount off each invoice, already taken off the period's payment: the difference of the
 *   discounted cycle prices is what is charged (usually the full list difference).
 * - Less: the unused time of what was removed, valued at what was paid for the period (after the period's
 *   discount), refunded now.
 */
export function prorateChange(input: ChangeInput): Proration {
  const { oldCycle, newCycle, share } = input;
  if (newCycle === oldCycle || share.remainingMs <= 0) return NONE;
  const increase = newCycle > oldCycle;
  const discount = increase ? input.chargeDiscount : input.periodDiscount;
  const [low, high] = increase ? [oldCycle, newCycle] : [newCycle, oldCycle];
  const amount = forRemaining(discountedCycle(high, discount) - discountedCycle(low, discount), share);
  if (amount === 0) return NONE;
  if (!increase) return { kind: "refund", amount };
  const subTotal = forRemaining(BigInt(high - low) * SCALE, share);
  return { kind: "charge", sub_total: subTotal, discount_amount: subTotal - amount, credit: 0, amount };
}

export interface RestartInput {
  oldCycle: number;
  newCycle: number;
  /** Share of the old period still ahead. */
  share: PeriodShare;
  /** The discount that was applied to the old period's payment. */
  periodDiscount?: ProrationDiscount;
  /** The subscription's discount if it applies to the new period's charge. */
  newPeriodDiscount?: ProrationDiscount;
}

/** The discount taken off one full invoice (same rule as a renewal). */
function invoiceDiscount(cycle: number, discount: ProrationDiscount | undefined): number {
  if (!discount) return 0;
  return discount.type === "percentage"
    ? percentOf(cycle, discount.percentage)
    : Math.min(discount.amount, cycle);
}

/**
 * A change to another billing period (monthly <-> yearly): a new period starts now at the new price (less
 * its discount) and the unused time of the old period is credited at what was paid for it. A positive net
 * is charged now; a negative one is refunded now.
 */
export function prorateRestart(input: RestartInput): Proration {
  const credit = forRemaining(discountedCycle(input.oldCycle, input.periodDiscount), input.share);
  const discountAmount = invoiceDiscount(input.newCycle, input.newPeriodDiscount);
  const net = input.newCycle - discountAmount - credit;
  if (net > 0)
    return {
      kind: "charge",
      sub_total: input.newCycle,
      discount_amount: discountAmount,
      credit,
      amount: net,
    };
  if (net < 0) return { kind: "refund", amount: -net };
  return NONE;
}
