import type { Store } from "../state/store";
import type { CheckoutRecord } from "../state/types";
import { wireCustomer } from "./customer";
import { wireDiscountRef } from "./discount";
import { wireLicense } from "./license";
import { wireOrder } from "./order";
import { wireProduct } from "./product";
import { wireSubscriptionRef } from "./subscription";

export const checkoutUrl = (publicUrl: string, c: CheckoutRecord): string =>
  `${publicUrl}/test/checkout/${c.product_id}/${c.id}`;

/** Pending checkouts reference the product by id; completed ones expand product, customer, order and so on. */
export function wireCheckout(store: Store, publicUrl: string, c: CheckoutRecord) {
  const discount = c.discount_id ? store.state.discounts[c.discount_id] : undefined;
  const completed = c.status === "completed";
  const order = c.order_id ? store.state.orders[c.order_id] : undefined;
  const subscription = c.subscription_id ? store.state.subscriptions[c.subscription_id] : undefined;
  const customer = c.customer_id ? store.state.customers[c.customer_id] : undefined;
  const licenses = c.license_ids.flatMap((id) => store.state.licenses[id] ?? []);
  return {
    id: c.id,
    mode: "test" as const,
    object: "checkout" as const,
    status: c.status,
    ...(c.request_id === undefined ? {} : { request_id: c.request_id }),
    product: completed ? wireProduct(store.product(c.product_id)) : c.product_id,
    units: c.units,
    ...(order ? { order: wireOrder(order) } : {}),
    ...(subscription ? { subscription: wireSubscriptionRef(store, subscription) } : {}),
    ...(customer ? { customer: wireCustomer(customer) } : c.customer?.id ? { customer: c.customer.id } : {}),
    ...(c.custom_fields === undefined ? {} : { custom_fields: c.custom_fields }),
    checkout_url: checkoutUrl(publicUrl, c),
    success_url: c.success_url ?? null,
    ...(licenses.length > 0 ? { license_keys: licenses.map((l) => wireLicense(l)) } : {}),
    ...(c.metadata === undefined ? {} : { metadata: c.metadata }),
    ...(discount ? { discount: wireDiscountRef(discount) } : {}),
  };
}
