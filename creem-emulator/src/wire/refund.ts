import type { Store } from "../state/store";
import type { DisputeRecord, RefundRecord, TransactionRecord } from "../state/types";
import { wireCustomer } from "./customer";
import { wireOrder } from "./order";
import { wireSubscriptionRef } from "./subscription";
import { wireTransaction } from "./transaction";

/** The purchase a refund or dispute belongs to: checkout id, expanded order, subscription and customer. */
function relatedTo(store: Store, t: TransactionRecord) {
  const order = t.order_id ? store.state.orders[t.order_id] : undefined;
  const subscription = t.subscription_id ? store.state.subscriptions[t.subscription_id] : undefined;
  return {
    transaction: wireTransaction(t),
    ...(t.checkout_id === undefined ? {} : { checkout: t.checkout_id }),
    ...(order ? { order: wireOrder(order) } : {}),
    ...(subscription ? { subscription: wireSubscriptionRef(store, subscription) } : {}),
    customer: wireCustomer(store.customer(t.customer_id)),
  };
}

export function wireRefund(store: Store, r: RefundRecord) {
  return {
    id: r.id,
    mode: "test" as const,
    object: "refund" as const,
    status: r.status,
    refund_amount: r.refund_amount,
    refund_currency: r.refund_currency,
    reason: r.reason,
    ...relatedTo(store, store.transaction(r.transaction_id)),
    created_at: r.created_at,
  };
}

export function wireDispute(store: Store, d: DisputeRecord) {
  return {
    id: d.id,
    mode: "test" as const,
    object: "dispute" as const,
    amount: d.amount,
    currency: d.currency,
    ...relatedTo(store, store.transaction(d.transaction_id)),
    created_at: d.created_at,
  };
}
