import type { Ctx } from "../context";
import { addPeriod, iso, nowIso } from "../core/clock";
import { newId } from "../core/ids";
import type { SubscriptionRecord, TransactionRecord } from "../state/types";

export type UpdateBehavior = "proration-charge-immediately" | "proration-charge" | "proration-none";

/** Share of the current period still ahead, from "now" clamped into the (possibly simulated) period. */
function remainingShare(s: SubscriptionRecord, now: number): number {
  const start = Date.parse(s.current_period_start_date);
  const end = Date.parse(s.current_period_end_date);
  if (end <= start) return 0;
  const at = Math.min(Math.max(now, start), end);
  return (end - at) / (end - start);
}

function chargeNow(ctx: Ctx, s: SubscriptionRecord, amount: number, now: number): TransactionRecord {
  const transaction: TransactionRecord = {
    id: newId("tran"),
    amount,
    amount_paid: amount,
    discount_amount: 0,
    tax_amount: 0,
    currency: ctx.store.product(s.product_id).currency,
    type: "invoice",
    status: "paid",
    refunded_amount: 0,
    subscription_id: s.id,
    customer_id: s.customer_id,
    product_id: s.product_id,
    description: "Proration for subscription change",
    period_start: Math.max(now, Date.parse(s.current_period_start_date)),
    period_end: Date.parse(s.current_period_end_date),
    created_at: now,
  };
  ctx.store.state.transactions[transaction.id] = transaction;
  Object.assign(s, { last_transaction_id: transaction.id, last_transaction_date: iso(now) });
  return transaction;
}

/**
 * Settles a price change from `oldCycle` to `newCycle` (list price per period). Trials and
 * "proration-none" settle nothing; "proration-charge" carries the difference for the rest of the period to
 * the next renewal; "proration-charge-immediately" charges it now (a negative difference becomes a credit on
 * the next renewal). With `restartPeriod` (a plan with another billing period, charged immediately) a new
 * period starts now and the unused part of the old one is credited against the new price.
 * Returns the immediate charge, if any.
 */
export function settleChange(
  ctx: Ctx,
  s: SubscriptionRecord,
  oldCycle: number,
  newCycle: number,
  behavior: UpdateBehavior,
  restartPeriod = false,
): TransactionRecord | undefined {
  if (s.status === "trialing" || behavior === "proration-none") return undefined;
  const now = Date.now();
  const share = remainingShare(s, now);
  if (behavior === "proration-charge-immediately" && restartPeriod) {
    const start = Math.max(now, Date.parse(s.current_period_start_date));
    const due = newCycle - Math.round(oldCycle * share);
    const billingPeriod = ctx.store.product(s.product_id).billing_period;
    Object.assign(s, {
      current_period_start_date: iso(start),
      current_period_end_date: iso(addPeriod(start, billingPeriod)),
      updated_at: nowIso(),
    });
    if (due > 0) return chargeNow(ctx, s, due, start);
    s.pending_proration += due;
    return undefined;
  }
  const difference = Math.round(newCycle * share) - Math.round(oldCycle * share);
  if (behavior === "proration-charge-immediately" && difference > 0)
    return chargeNow(ctx, s, difference, now);
  s.pending_proration += difference;
  return undefined;
}
