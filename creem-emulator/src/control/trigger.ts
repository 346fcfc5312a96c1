import { PRODUCT_IDS } from "../catalog";
import { createCheckout } from "../billing/checkout-session";
import { completeCheckout } from "../billing/purchase";
import { openDispute, refundTransaction } from "../billing/refunds";
import { advance, failRenewal } from "../billing/renewal";
import { cancelSubscription, pauseSubscription, resumeSubscription } from "../billing/subscription-changes";
import type { Ctx } from "../context";
import { badRequest, notFound } from "../core/errors";
import type { EventRecord, EventType, SubscriptionRecord, TransactionRecord } from "../state/types";
import { emitSubscriptionEvent } from "../webhooks/events";
import { wireCheckout } from "../wire/checkout";

export interface TriggerInput {
  event: EventType;
  subscription_id?: string;
  customer_email?: string;
  product_id?: string;
}

/** Buys a product for an email address as if the hosted checkout had been paid with the success card. */
export function purchaseFor(ctx: Ctx, productId: string, email: string) {
  const checkout = createCheckout(ctx, { product_id: productId, customer: { email } });
  return completeCheckout(ctx, checkout, { email, cardLast4: "4242" });
}

function latestSubscription(ctx: Ctx, input: TriggerInput): SubscriptionRecord | undefined {
  if (input.subscription_id) return ctx.store.subscription(input.subscription_id);
  const customer = input.customer_email ? ctx.store.customerByEmail(input.customer_email) : undefined;
  if (!customer) return undefined;
  return ctx.store.subscriptionsOf(customer.id).sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
}

function latestPaidTransaction(
  ctx: Ctx,
  input: TriggerInput,
  s: SubscriptionRecord | undefined,
): TransactionRecord {
  const customerId =
    s?.customer_id ?? (input.customer_email && ctx.store.customerByEmail(input.customer_email)?.id);
  const found = Object.values(ctx.store.state.transactions)
    .filter((t) => t.status === "paid" && t.amount > 0)
    .filter((t) => (s ? t.subscription_id === s.id : t.customer_id === customerId))
    .sort((a, b) => b.created_at - a.created_at)[0];
  if (!found) throw notFound("Paid transaction");
  return found;
}

/** Subscription events that start a new purchase when the customer has no subscription yet. */
const PURCHASE_EVENTS: Partial<Record<EventType, string>> = {
  "checkout.completed": PRODUCT_IDS.proMonthly,
  "subscription.active": PRODUCT_IDS.proMonthly,
  "subscription.paid": PRODUCT_IDS.proMonthly,
  "subscription.trialing": PRODUCT_IDS.starterMonthly,
};

/**
 * Emits a realistic event of the given type for a subscription (by id, or a customer's latest), changing
 * state the way the event implies: paid renews, past_due fails a renewal, canceled cancels, and so on.
 */
export function trigger(ctx: Ctx, input: TriggerInput): EventRecord[] {
  if (!input.subscription_id && !input.customer_email)
    throw badRequest("Pass subscription_id or customer_email");
  const s = latestSubscription(ctx, input);
  const purchaseProduct = PURCHASE_EVENTS[input.event];
  if (input.event === "refund.created")
    return [refundTransaction(ctx, latestPaidTransaction(ctx, input, s).id).event];
  if (input.event === "dispute.created")
    return [openDispute(ctx, latestPaidTransaction(ctx, input, s).id).event];
  if (!s || (input.event === "checkout.completed" && !input.subscription_id)) {
    if (!purchaseProduct || !input.customer_email) throw notFound("Subscription");
    return purchaseFor(ctx, input.product_id ?? purchaseProduct, input.customer_email).events;
  }
  switch (input.event) {
    case "checkout.completed": {
      const checkout = ctx.store.checkout(s.checkout_id);
      const object = wireCheckout(ctx.store, ctx.config.publicUrl, checkout);
      return [
        ctx.events.emit("checkout.completed", object, { subscription_id: s.id, customer_id: s.customer_id }),
      ];
    }
    case "subscription.active":
      if (s.status === "paused" || s.status === "scheduled_cancel") return resumeSubscription(ctx, s);
      return [emitSubscriptionEvent(ctx, input.event, s)];
    case "subscription.paid":
      return advance(ctx, s).events;
    case "subscription.past_due":
      return s.status === "past_due"
        ? [emitSubscriptionEvent(ctx, input.event, s)]
        : advance(ctx, s, { fail: true }).events;
    case "subscription.expired": {
      const events = s.status === "past_due" ? [] : advance(ctx, s, { fail: true }).events;
      return [
        ...events,
        ...(s.failed_payment_attempts === 1
          ? failRenewal(ctx, s).events
          : [emitSubscriptionEvent(ctx, input.event, s)]),
      ];
    }
    case "subscription.unpaid":
      Object.assign(s, { status: "unpaid", updated_at: new Date().toISOString() } as const);
      return [emitSubscriptionEvent(ctx, input.event, s)];
    case "subscription.canceled":
      return cancelSubscription(ctx, s, { mode: "immediate" });
    case "subscription.scheduled_cancel":
      return cancelSubscription(ctx, s, { mode: "scheduled" });
    case "subscription.paused":
      return pauseSubscription(ctx, s);
    default:
      return [emitSubscriptionEvent(ctx, input.event, s)];
  }
}
