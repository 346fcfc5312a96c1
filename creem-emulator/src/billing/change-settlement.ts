// Carries out the money side of a seat or plan change on a subscription: a proration charge now, a
// refund now, or (another billing period) a new period that starts now. The math is in proration.ts.
import type { Ctx } from "../context";
import { addPeriod, iso, nowIso } from "../core/clock";
import { newId } from "../core/ids";
import type { DiscountRecord, EventRecord, SubscriptionRecord, TransactionRecord } from "../state/types";
import { emitSubscriptionEvent } from "../webhooks/events";
import { applicableDiscount, billingPeriodOf, mainPrice } from "./pricing";
import {
  prorateChange,
  prorateRestart,
  remainingShare,
  settlesNow,
  type Proration,
  type ProrationDiscount,
  type UpdateBehavior,
} from "./proration";
import { emitRefundCreated, refundPeriodPayments } from "./refunds";

export const PRORATION_DESCRIPTION = "Proration for subscription change";

export function prorationDiscount(d: DiscountRecord | undefined): ProrationDiscount | undefined {
  if (!d) return undefined;
  return d.type === "percentage"
    ? { type: "percentage", percentage: d.percentage ?? 0 }
    : { type: "fixed", amount: d.amount ?? 0 };
}

/** What the subscription looked like before the change, as the settlement needs it. */
export interface BeforeChange {
  cycle: number;
  billingPeriod: ReturnType<typeof billingPeriodOf>;
  /** The discount applied to the current period's payment. */
  periodDiscount: DiscountRecord | undefined;
}

function chargeNow(
  ctx: Ctx,
  s: SubscriptionRecord,
  line: Extract<Proration, { kind: "charge" }>,
  now: number,
) {
  const transaction: TransactionRecord = {
    id: newId("tran"),
    amount: line.amount,
    amount_paid: line.amount,
    discount_amount: line.discount_amount,
    tax_amount: 0,
    currency: mainPrice(ctx.store, s).currency,
    type: "invoice",
    status: "paid",
    refunded_amount: 0,
    subscription_id: s.id,
    customer_id: s.customer_id,
    product_id: s.product_id,
    description: PRORATION_DESCRIPTION,
    period_start: Math.max(now, Date.parse(s.current_period_start_date)),
    period_end: Date.parse(s.current_period_end_date),
    created_at: now,
  };
  ctx.store.state.transactions[transaction.id] = transaction;
  Object.assign(s, { last_transaction_id: transaction.id, last_transaction_date: iso(now) });
  return transaction;
}

/**
 * Settles a change already applied to `s` (items, product) per `behavior`, then emits subscription.update
 * followed by subscription.paid (something was charged) or refund.created (something was refunded).
 * Nothing is settled during a trial or with `proration-none`: the new price applies from the next renewal
 * (whose length follows the new price's billing period). Nothing is ever deferred to the next renewal.
 */
export function settleAndAnnounce(
  ctx: Ctx,
  s: SubscriptionRecord,
  before: BeforeChange,
  behavior: UpdateBehavior,
  newCycle: number,
): EventRecord[] {
  const now = Date.now();
  let charged: TransactionRecord | undefined;
  let refunds: ReturnType<typeof refundPeriodPayments> = [];
  if (s.status !== "trialing" && settlesNow(behavior)) {
    const start = Date.parse(s.current_period_start_date);
    const end = Date.parse(s.current_period_end_date);
    const share = remainingShare(start, end, now);
    const periodDiscount = prorationDiscount(before.periodDiscount);
    const newPeriod = billingPeriodOf(ctx.store, s);
    if (newPeriod !== before.billingPeriod) {
      const restartAt = Math.min(Math.max(now, start), end);
      const discount = applicableDiscount(ctx.store, s, restartAt);
      const proration = prorateRestart({
        oldCycle: before.cycle,
        newCycle,
        share,
        periodDiscount,
        newPeriodDiscount: prorationDiscount(discount),
      });
      // Refunds go to the old period's payments, so they are made before the period moves.
      if (proration.kind === "refund") refunds = refundPeriodPayments(ctx, s, proration.amount, "other");
      Object.assign(s, {
        current_period_start_date: iso(restartAt),
        current_period_end_date: iso(addPeriod(restartAt, newPeriod)),
        current_period_discounted: discount !== undefined,
        discount_charges: s.discount_charges + (discount ? 1 : 0),
      } satisfies Partial<SubscriptionRecord>);
      if (proration.kind === "charge") charged = chargeNow(ctx, s, proration, restartAt);
    } else {
      const proration = prorateChange({
        oldCycle: before.cycle,
        newCycle,
        share,
        chargeDiscount: prorationDiscount(applicableDiscount(ctx.store, s, now)),
        periodDiscount,
      });
      if (proration.kind === "charge") charged = chargeNow(ctx, s, proration, now);
      if (proration.kind === "refund") refunds = refundPeriodPayments(ctx, s, proration.amount, "other");
    }
  }
  s.updated_at = nowIso();
  const events = [emitSubscriptionEvent(ctx, "subscription.update", s)];
  if (charged) events.push(emitSubscriptionEvent(ctx, "subscription.paid", s));
  for (const refund of refunds) events.push(emitRefundCreated(ctx, refund));
  return events;
}
