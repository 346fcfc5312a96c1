import type { OrderRecord } from "../state/types";

export function wireOrder(o: OrderRecord) {
  return {
    id: o.id,
    mode: "test" as const,
    object: "order" as const,
    customer: o.customer_id,
    product: o.product_id,
    transaction: o.transaction_id,
    ...(o.discount_id === undefined ? {} : { discount: o.discount_id }),
    amount: o.amount,
    sub_total: o.sub_total,
    tax_amount: o.tax_amount,
    discount_amount: o.discount_amount,
    amount_due: o.amount_due,
    amount_paid: o.amount_paid,
    currency: o.currency,
    status: o.status,
    type: o.type,
    created_at: o.created_at,
    updated_at: o.updated_at,
  };
}
