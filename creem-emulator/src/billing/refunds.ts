// Money going back: full refunds (API, control), partial refunds of a period's payments (proration of a
// decrease), and chargebacks. A transaction's status follows CREEM: `partialRefund`, then `refunded`.
import type { Ctx } from "../context";
import { badRequest, conflict } from "../core/errors";
import { newId } from "../core/ids";
import type {
  DisputeRecord,
  EventRecord,
  RefundRecord,
  SubscriptionRecord,
  TransactionRecord,
} from "../state/types";
import { wireDispute, wireRefund } from "../wire/refund";

export type RefundReason = RefundRecord["reason"];

const REFUNDABLE = new Set<TransactionRecord["status"]>(["paid", "partialRefund"]);

const refundable = (t: TransactionRecord): number =>
  REFUNDABLE.has(t.status) ? Math.max(0, t.amount - t.refunded_amount) : 0;

/**
 * Takes `amount` (<= what is still refundable) off a transaction and stores the refund record. A full
 * refund of a one-time order disables its license keys, as CREEM does when the order is refunded.
 */
function recordRefund(ctx: Ctx, t: TransactionRecord, amount: number, reason: RefundReason): RefundRecord {
  const { store } = ctx;
  t.refunded_amount += amount;
  t.status = t.refunded_amount >= t.amount ? "refunded" : "partialRefund";
  if (t.status === "refunded" && t.order_id !== undefined && !t.subscription_id) {
    for (const license of Object.values(store.state.licenses)) {
      if (license.order_id === t.order_id) license.status = "disabled";
    }
  }
  const refund: RefundRecord = {
    id: newId("ref"),
    transaction_id: t.id,
    refund_amount: amount,
    refund_currency: t.currency,
    reason,
    status: "succeeded",
    created_at: Date.now(),
  };
  store.state.refunds[refund.id] = refund;
  return refund;
}

/** refund.created with the refund, its transaction, order, subscription and customer. */
export function emitRefundCreated(ctx: Ctx, refund: RefundRecord): EventRecord {
  const transaction = ctx.store.transaction(refund.transaction_id);
  return ctx.events.emit("refund.created", wireRefund(ctx.store, refund), {
    ...(transaction.subscription_id ? { subscription_id: transaction.subscription_id } : {}),
    customer_id: transaction.customer_id,
  });
}

/**
 * Refunds what is left of a paid transaction (status `refunded`) and emits refund.created. Refunding
 * does not cancel a subscription (cancel it separately, as in CREEM).
 */
export function refundTransaction(
  ctx: Ctx,
  transactionId: string,
  reason: RefundReason = "requested_by_customer",
): { refund: RefundRecord; event: EventRecord } {
  const transaction = ctx.store.transaction(transactionId);
  if (transaction.status === "refunded") throw conflict("Transaction has already been refunded");
  if (!REFUNDABLE.has(transaction.status)) {
    throw badRequest(`Only paid transactions can be refunded (status is ${transaction.status})`);
  }
  const amount = refundable(transaction);
  if (amount <= 0) throw badRequest("A transaction of 0 cannot be refunded");
  const refund = recordRefund(ctx, transaction, amount, reason);
  return { refund, event: emitRefundCreated(ctx, refund) };
}

/**
 * Refunds `amount` of the current period to the payments made for it: the period's original payment
 * first, then any proration charges of the period, never more than they still hold. Returns the refunds
 * made (events are emitted by the caller, after its own). What the period's payments cannot cover (they
 * were refunded or charged back already) is not refunded.
 */
export function refundPeriodPayments(
  ctx: Ctx,
  s: SubscriptionRecord,
  amount: number,
  reason: RefundReason,
): RefundRecord[] {
  const periodEnd = Date.parse(s.current_period_end_date);
  const payments = ctx.store
    .transactionsOf(s.id)
    .filter((t) => t.period_end === periodEnd && refundable(t) > 0)
    .sort((a, b) => a.created_at - b.created_at);
  const refunds: RefundRecord[] = [];
  let left = amount;
  for (const payment of payments) {
    if (left <= 0) break;
    const part = Math.min(left, refundable(payment));
    refunds.push(recordRefund(ctx, payment, part, reason));
    left -= part;
  }
  return refunds;
}

/** Opens a chargeback on a paid transaction (status `chargedBack`) and emits dispute.created. */
export function openDispute(ctx: Ctx, transactionId: string): { dispute: DisputeRecord; event: EventRecord } {
  const { store } = ctx;
  const transaction = store.transaction(transactionId);
  if (transaction.status === "chargedBack") throw conflict("Transaction is already disputed");
  if (!REFUNDABLE.has(transaction.status)) {
    throw badRequest(`Only paid transactions can be disputed (status is ${transaction.status})`);
  }
  const amount = refundable(transaction);
  if (amount <= 0) throw badRequest("A transaction of 0 cannot be disputed");
  transaction.status = "chargedBack";
  const dispute: DisputeRecord = {
    id: newId("disp"),
    transaction_id: transaction.id,
    amount,
    currency: transaction.currency,
    created_at: Date.now(),
  };
  store.state.disputes[dispute.id] = dispute;
  const event = ctx.events.emit("dispute.created", wireDispute(store, dispute), {
    ...(transaction.subscription_id ? { subscription_id: transaction.subscription_id } : {}),
    customer_id: transaction.customer_id,
  });
  return { dispute, event };
}
