import type { Ctx } from "../context";
import { addDays, addPeriod, iso } from "../core/clock";
import { badRequest } from "../core/errors";
import { newId, newLicenseKey } from "../core/ids";
import { signedSuccessUrl } from "../core/signatures";
import type { Store } from "../state/store";
import type {
  CheckoutRecord,
  CustomFieldRecord,
  CustomerRecord,
  EventRecord,
  LicenseRecord,
  OrderRecord,
  SubscriptionRecord,
  TransactionRecord,
} from "../state/types";
import { emitSubscriptionEvent } from "../webhooks/events";
import { wireCheckout } from "../wire/checkout";
import { assertPayable, lockedEmail } from "./checkout-session";
import { discountProblem, priceCharge } from "./pricing";

export interface Payer {
  email: string;
  name?: string;
  cardLast4: string;
  customFields?: CustomFieldRecord[];
}

export interface PurchaseResult {
  checkout: CheckoutRecord;
  customer: CustomerRecord;
  order: OrderRecord;
  transaction: TransactionRecord;
  subscription?: SubscriptionRecord;
  licenses: LicenseRecord[];
  redirectUrl: string;
  events: EventRecord[];
}

function resolveCustomer(store: Store, checkout: CheckoutRecord, payer: Payer, now: string): CustomerRecord {
  if (checkout.customer?.id) return store.customer(checkout.customer.id);
  const email = (lockedEmail(store, checkout) ?? payer.email).trim().toLowerCase();
  const name = checkout.customer?.name ?? payer.name ?? null;
  const existing = store.customerByEmail(email);
  if (existing) {
    if (existing.name === null && name) Object.assign(existing, { name, updated_at: now });
    return existing;
  }
  const customer: CustomerRecord = {
    id: newId("cust"),
    email,
    name,
    country: null,
    created_at: now,
    updated_at: now,
  };
  store.state.customers[customer.id] = customer;
  return customer;
}

/**
 * A successful payment on a checkout: customer (reused by email), order, transaction, subscription for
 * recurring products (trialing when the product has a trial, nothing charged then), license keys, discount
 * redemption, then checkout.completed, subscription.active|trialing and (when charged) subscription.paid.
 */
export function completeCheckout(ctx: Ctx, checkout: CheckoutRecord, payer: Payer): PurchaseResult {
  const { store } = ctx;
  assertPayable(checkout);
  const product = store.product(checkout.product_id);
  const discount = checkout.discount_id ? store.discount(checkout.discount_id) : undefined;
  const problem = discount ? discountProblem(discount, product) : null;
  if (problem) throw badRequest(problem);

  const nowMs = Date.now();
  const now = iso(nowMs);
  const customer = resolveCustomer(store, checkout, payer, now);
  const recurring = product.billing_type === "recurring";
  const trialDays = recurring ? (product.trial_period_days ?? 0) : 0;
  const price = trialDays > 0 ? priceCharge(0) : priceCharge(product.price * checkout.units, discount);
  const periodEnd = trialDays > 0 ? addDays(nowMs, trialDays) : addPeriod(nowMs, product.billing_period);
  const orderId = newId("ord");
  const subscriptionId = recurring ? newId("sub") : undefined;

  const transaction: TransactionRecord = {
    id: newId("tran"),
    amount: price.amount,
    amount_paid: price.amount,
    discount_amount: price.discount_amount,
    tax_amount: price.tax_amount,
    currency: product.currency,
    type: recurring ? "invoice" : "payment",
    status: "paid",
    refunded_amount: 0,
    order_id: orderId,
    ...(subscriptionId
      ? { subscription_id: subscriptionId, period_start: nowMs, period_end: periodEnd }
      : {}),
    checkout_id: checkout.id,
    customer_id: customer.id,
    product_id: product.id,
    description: trialDays > 0 ? `${product.name} (${trialDays}-day trial)` : product.name,
    created_at: nowMs,
  };
  const order: OrderRecord = {
    id: orderId,
    checkout_id: checkout.id,
    customer_id: customer.id,
    product_id: product.id,
    transaction_id: transaction.id,
    ...(discount ? { discount_id: discount.id } : {}),
    ...price,
    amount_due: price.amount,
    amount_paid: price.amount,
    currency: product.currency,
    status: "paid",
    type: recurring ? "recurring" : "onetime",
    created_at: now,
    updated_at: now,
  };
  store.state.transactions[transaction.id] = transaction;
  store.state.orders[order.id] = order;

  const subscription: SubscriptionRecord | undefined = subscriptionId
    ? {
        id: subscriptionId,
        checkout_id: checkout.id,
        product_id: product.id,
        customer_id: customer.id,
        status: trialDays > 0 ? "trialing" : "active",
        items: [
          {
            id: newId("sitem"),
            product_id: product.id,
            price_id: store.recordPrice(product).id,
            units: checkout.units,
          },
        ],
        last_transaction_id: transaction.id,
        last_transaction_date: now,
        current_period_start_date: now,
        current_period_end_date: iso(periodEnd),
        canceled_at: null,
        ...(discount ? { discount_id: discount.id } : {}),
        discount_charges: discount && trialDays === 0 ? 1 : 0,
        current_period_discounted: discount !== undefined && trialDays === 0,
        ...(checkout.metadata === undefined ? {} : { metadata: checkout.metadata }),
        failed_payment_attempts: 0,
        card_last4: payer.cardLast4,
        created_at: now,
        updated_at: now,
      }
    : undefined;
  if (subscription) store.state.subscriptions[subscription.id] = subscription;

  const licenses: LicenseRecord[] = product.features
    .filter((f) => f.type === "licenseKey")
    .map((feature) => ({
      id: newId("lic"),
      product_id: product.id,
      customer_id: customer.id,
      order_id: order.id,
      status: "inactive",
      key: newLicenseKey(),
      activation_limit: feature.activation_limit ?? null,
      expires_at: null,
      created_at: now,
      instances: [],
    }));
  for (const license of licenses) store.state.licenses[license.id] = license;
  if (discount) discount.redeem_count += 1;

  Object.assign(checkout, {
    status: "completed",
    order_id: order.id,
    customer_id: customer.id,
    license_ids: licenses.map((l) => l.id),
    ...(subscription ? { subscription_id: subscription.id } : {}),
    ...(payer.customFields ? { custom_fields: payer.customFields } : {}),
  } satisfies Partial<CheckoutRecord>);

  const events = [
    ctx.events.emit("checkout.completed", wireCheckout(store, ctx.config.publicUrl, checkout), {
      ...(subscription ? { subscription_id: subscription.id } : {}),
      customer_id: customer.id,
    }),
  ];
  if (subscription) {
    events.push(
      emitSubscriptionEvent(
        ctx,
        trialDays > 0 ? "subscription.trialing" : "subscription.active",
        subscription,
      ),
    );
    if (trialDays === 0) events.push(emitSubscriptionEvent(ctx, "subscription.paid", subscription));
  }

  const successUrl =
    checkout.success_url ?? product.default_success_url ?? `${ctx.config.publicUrl}/test/checkout/success`;
  const redirectUrl = signedSuccessUrl(
    successUrl,
    {
      ...(checkout.request_id === undefined ? {} : { request_id: checkout.request_id }),
      checkout_id: checkout.id,
      order_id: order.id,
      customer_id: customer.id,
      ...(subscription ? { subscription_id: subscription.id } : {}),
      product_id: product.id,
    },
    ctx.config.apiKey,
  );
  return { checkout, customer, order, transaction, subscription, licenses, redirectUrl, events };
}
