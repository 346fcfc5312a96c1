import type { Ctx } from "../context";
import { badRequest, conflict } from "../core/errors";
import { newId } from "../core/ids";
import type { DisputeRecord, EventRecord, RefundRecord } from "../state/types";
import { wireDispute, wireRefund } from "../wire/refund";

export type RefundReason = RefundRecord["reason"];

/**
 * Refunds a paid transaction in full (transaction status `refunded`) and emits refund.created. Refunding
 * does not cancel a subscription (cancel it separately, as in CREEM); license keys of a refunded one-time
 * order are disabled, so they answer 410 afterwards.
 */
export function refundTransaction(
  ctx: Ctx,
  transactionId: string,
  reason: RefundReason = "requested_by_customer",
): { refund: RefundRecord; event: EventRecord } {
  const { store } = ctx;
  const transaction = store.transaction(transactionId);
  if (transaction.status === "refunded") throw conflict("Transaction has already been refunded");
  if (transaction.status !== "paid") {
    throw badRequest(`Only paid transactions can be refunded (status is ${transaction.status})`);
  }
  if (transaction.amount <= 0) throw badRequest("A transaction of 0 cannot be refunded");
  Object.assign(transaction, { status: "refunded", refunded_amount: transaction.amount } as const);
  for (const license of Object.values(store.state.licenses)) {
    if (
      transaction.order_id !== undefined &&
      license.order_id === transaction.order_id &&
      !transaction.subscription_id
    ) {
      license.status = "disabled";
    }
  }
  const refund: RefundRecord = {
    id: newId("ref"),
    transaction_id: transaction.id,
    refund_amount: transaction.amount,
    refund_currency: transaction.currency,
    reason,
    status: "succeeded",
    created_at: Date.now(),
  };
  store.state.refunds[refund.id] = refund;
  const event = ctx.events.emit("refund.created", wireRefund(store, refund), {
    ...(transaction.subscription_id ? { subscription_id: transaction.subscription_id } : {}),
    customer_id: transaction.customer_id,
  });
  return { refund, event };
}

/** Opens a chargeback on a paid transaction (status `chargedBack`) and emits dispute.created. */
export function openDispute(ctx: Ctx, transactionId: string): { dispute: DisputeRecord; event: EventRecord } {
  const { store } = ctx;
  const transaction = store.transaction(transactionId);
  if (transaction.status === "chargedBack") throw conflict("Transaction is already disputed");
  if (transaction.status !== "paid") {
    throw badRequest(`Only paid transactions can be disputed (status is ${transaction.status})`);
  }
  if (transaction.amount <= 0) throw badRequest("A transaction of 0 cannot be disputed");
  transaction.status = "chargedBack";
  const dispute: DisputeRecord = {
    id: newId("disp"),
    transaction_id: transaction.id,
    amount: transaction.amount,
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
