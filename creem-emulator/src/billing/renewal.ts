import type { Ctx } from "../context";
import { addPeriod, iso, nowIso } from "../core/clock";
import { conflict } from "../core/errors";
import { newId } from "../core/ids";
import type { EventRecord, SubscriptionRecord, TransactionRecord } from "../state/types";
import { emitSubscriptionEvent } from "../webhooks/events";
import { applicableDiscount, billingPeriodOf, cycleAmount, mainPrice, priceCharge } from "./pricing";

/**
 * Dunning, as modelled here: the 1st failed renewal makes the subscription `past_due`
 * (subscription.past_due); the 2nd means the period ended unpaid (subscription.expired, status stays
 * `past_due`, a later payment still recovers it); the 3rd exhausts the retries (subscription.unpaid, then
 * subscription.canceled).
 */
export const MAX_FAILED_RENEWALS = 3;

export interface AdvanceResult {
  subscription: SubscriptionRecord;
  transaction?: TransactionRecord;
  events: EventRecord[];
}

/**
 * The renewal due at the current period end: the items' prices (as bought) times units, less the discount
 * if it still applies. The next period's length follows the main item's price (e.g. monthly after a
 * yearly -> monthly change with proration-none).
 */
function renewalCharge(ctx: Ctx, s: SubscriptionRecord) {
  const start = Date.parse(s.current_period_end_date);
  const discount = applicableDiscount(ctx.store, s, start);
  const price = priceCharge(cycleAmount(ctx.store, s), discount);
  return {
    start,
    end: addPeriod(start, billingPeriodOf(ctx.store, s)),
    price,
    discounted: discount !== undefined,
  };
}

type RenewalCharge = ReturnType<typeof renewalCharge>;

function recordTransaction(ctx: Ctx, s: SubscriptionRecord, charge: RenewalCharge, ok: boolean, at: number) {
  const amount = charge.price.amount;
  const transaction: TransactionRecord = {
    id: newId("tran"),
    amount,
    amount_paid: ok ? amount : 0,
    discount_amount: charge.price.discount_amount,
    tax_amount: 0,
    currency: mainPrice(ctx.store, s).currency,
    type: "invoice",
    status: ok ? "paid" : "declined",
    refunded_amount: 0,
    subscription_id: s.id,
    customer_id: s.customer_id,
    product_id: s.product_id,
    description: ok ? "Subscription renewal" : "Subscription renewal (payment failed)",
    period_start: charge.start,
    period_end: charge.end,
    created_at: at,
  };
  ctx.store.state.transactions[transaction.id] = transaction;
  return transaction;
}

/** Charges the next period successfully: new period, new transaction, subscription.paid. */
export function renew(ctx: Ctx, s: SubscriptionRecord): AdvanceResult {
  const charge = renewalCharge(ctx, s);
  const transaction = recordTransaction(ctx, s, charge, true, charge.start);
  Object.assign(s, {
    status: "active",
    current_period_start_date: iso(charge.start),
    current_period_end_date: iso(charge.end),
    last_transaction_id: transaction.id,
    last_transaction_date: iso(charge.start),
    failed_payment_attempts: 0,
    discount_charges: s.discount_charges + (charge.discounted ? 1 : 0),
    current_period_discounted: charge.discounted,
    updated_at: nowIso(),
  } satisfies Partial<SubscriptionRecord>);
  return { subscription: s, transaction, events: [emitSubscriptionEvent(ctx, "subscription.paid", s)] };
}

/** A failed renewal attempt (declined transaction) and the dunning step it leads to. */
export function failRenewal(ctx: Ctx, s: SubscriptionRecord): AdvanceResult {
  const charge = renewalCharge(ctx, s);
  s.failed_payment_attempts += 1;
  // Each retry is dated a day after the previous attempt, in the subscription's simulated time.
  const at = charge.start + (s.failed_payment_attempts - 1) * 24 * 60 * 60 * 1000;
  const transaction = recordTransaction(ctx, s, charge, false, at);
  s.updated_at = nowIso();
  const events: EventRecord[] = [];
  if (s.failed_payment_attempts < MAX_FAILED_RENEWALS) {
    s.status = "past_due";
    const type = s.failed_payment_attempts === 1 ? "subscription.past_due" : "subscription.expired";
    events.push(emitSubscriptionEvent(ctx, type, s));
  } else {
    s.status = "unpaid";
    events.push(emitSubscriptionEvent(ctx, "subscription.unpaid", s));
    Object.assign(s, { status: "canceled", canceled_at: nowIso() } satisfies Partial<SubscriptionRecord>);
    events.push(emitSubscriptionEvent(ctx, "subscription.canceled", s));
  }
  return { subscription: s, transaction, events };
}

/** Carries out a scheduled cancel at period end: canceled, or paused when `onExecute` was "pause". */
function endOfTerm(ctx: Ctx, s: SubscriptionRecord): AdvanceResult {
  if (s.scheduled_action === "pause") {
    Object.assign(s, { status: "paused", resume_status: "active", updated_at: nowIso() } as const);
    delete s.scheduled_action;
    return { subscription: s, events: [emitSubscriptionEvent(ctx, "subscription.paused", s)] };
  }
  Object.assign(s, {
    status: "canceled",
    canceled_at: s.current_period_end_date,
    updated_at: nowIso(),
  } as const);
  delete s.scheduled_action;
  delete s.resume_status;
  return { subscription: s, events: [emitSubscriptionEvent(ctx, "subscription.canceled", s)] };
}

/** Moves a subscription to the end of its current period (trial end included) and does what is due there. */
export function advance(ctx: Ctx, s: SubscriptionRecord, options: { fail?: boolean } = {}): AdvanceResult {
  switch (s.status) {
    case "canceled":
    case "unpaid":
      throw conflict(`Subscription is ${s.status}`);
    case "paused":
      throw conflict("Subscription is paused; resume it before advancing");
    case "scheduled_cancel":
      return endOfTerm(ctx, s);
    default:
      return options.fail ? failRenewal(ctx, s) : renew(ctx, s);
  }
}

/** A new card from the customer portal; on a past_due subscription the due payment is retried with it. */
export function updatePaymentMethod(ctx: Ctx, s: SubscriptionRecord, cardLast4: string): AdvanceResult {
  if (s.status === "canceled" || s.status === "unpaid") throw conflict(`Subscription is ${s.status}`);
  s.card_last4 = cardLast4;
  s.updated_at = nowIso();
  return s.status === "past_due" ? renew(ctx, s) : { subscription: s, events: [] };
}
