import type { Store } from "../state/store";
import type { SubscriptionRecord } from "../state/types";
import { wireCustomer } from "./customer";
import { wireDiscountRef } from "./discount";
import { wireProduct } from "./product";
import { wireTransaction } from "./transaction";

/** Statuses in which CREEM will still charge the subscription. */
const BILLING_STATUSES = new Set(["active", "trialing", "past_due"]);

function subscriptionBody(store: Store, s: SubscriptionRecord) {
  const last = s.last_transaction_id ? store.state.transactions[s.last_transaction_id] : undefined;
  const discount = s.discount_id ? store.state.discounts[s.discount_id] : undefined;
  return {
    items: s.items.map((item) => ({
      id: item.id,
      mode: "test" as const,
      object: "subscription_item" as const,
      product_id: item.product_id,
      price_id: item.price_id,
      units: item.units,
    })),
    collection_method: "charge_automatically" as const,
    status: s.status,
    ...(last
      ? {
          last_transaction_id: last.id,
          last_transaction: wireTransaction(last),
          last_transaction_date: s.last_transaction_date ?? new Date(last.created_at).toISOString(),
        }
      : {}),
    ...(BILLING_STATUSES.has(s.status) ? { next_transaction_date: s.current_period_end_date } : {}),
    current_period_start_date: s.current_period_start_date,
    current_period_end_date: s.current_period_end_date,
    canceled_at: s.canceled_at,
    ...(discount ? { discount: wireDiscountRef(discount) } : {}),
    ...(s.metadata === undefined ? {} : { metadata: s.metadata }),
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}

/** With product and customer expanded: API responses and `subscription.*` webhooks. */
export function wireSubscription(store: Store, s: SubscriptionRecord) {
  return {
    id: s.id,
    mode: "test" as const,
    object: "subscription" as const,
    product: wireProduct(store.product(s.product_id)),
    customer: wireCustomer(store.customer(s.customer_id)),
    ...subscriptionBody(store, s),
  };
}

/** With product and customer as ids: nested in checkouts, refunds and disputes. */
export function wireSubscriptionRef(store: Store, s: SubscriptionRecord) {
  return {
    id: s.id,
    mode: "test" as const,
    object: "subscription" as const,
    product: s.product_id,
    customer: s.customer_id,
    ...subscriptionBody(store, s),
  };
}
