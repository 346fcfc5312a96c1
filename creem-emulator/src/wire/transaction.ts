import type { TransactionRecord } from "../state/types";

/** Transactions carry epoch-millisecond numbers (`created_at`, `period_start`, `period_end`), not ISO strings. */
export function wireTransaction(t: TransactionRecord) {
  return {
    id: t.id,
    mode: "test" as const,
    object: "transaction" as const,
    amount: t.amount,
    amount_paid: t.amount_paid,
    discount_amount: t.discount_amount,
    currency: t.currency,
    type: t.type,
    tax_amount: t.tax_amount,
    status: t.status,
    refunded_amount: t.refunded_amount,
    ...(t.order_id === undefined ? {} : { order: t.order_id }),
    ...(t.subscription_id === undefined ? {} : { subscription: t.subscription_id }),
    customer: t.customer_id,
    description: t.description,
    ...(t.period_start === undefined ? {} : { period_start: t.period_start }),
    ...(t.period_end === undefined ? {} : { period_end: t.period_end }),
    created_at: t.created_at,
  };
}
