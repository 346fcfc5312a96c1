import type { Ctx } from "../context";
import { nowIso } from "../core/clock";
import { ApiError, badRequest, conflict } from "../core/errors";
import type { EventRecord, SubscriptionRecord } from "../state/types";
import { emitSubscriptionEvent } from "../webhooks/events";
import { settleAndAnnounce, type BeforeChange } from "./change-settlement";
import { billingPeriodOf, cycleAmount, mainPrice, periodDiscount } from "./pricing";
import type { UpdateBehavior } from "./proration";

const CHANGEABLE = new Set(["active", "trialing", "past_due", "scheduled_cancel"]);

function assertChangeable(s: SubscriptionRecord): void {
  if (!CHANGEABLE.has(s.status)) throw conflict(`Subscription is ${s.status} and cannot be changed`);
}

const holdStatus = (s: SubscriptionRecord) =>
  s.status === "trialing" || s.status === "past_due" ? s.status : "active";

export interface CancelOptions {
  mode?: "immediate" | "scheduled";
  onExecute?: "cancel" | "pause";
}

/**
 * `scheduled` keeps access until period end (status scheduled_cancel; canceled there, or paused when
 * `onExecute` is "pause"); `immediate` cancels now. Without a mode the store default applies
 * (`defaultCancelMode`), and, as in CREEM, `onExecute` is ignored unless the mode is explicitly scheduled.
 */
export function cancelSubscription(
  ctx: Ctx,
  s: SubscriptionRecord,
  options: CancelOptions = {},
): EventRecord[] {
  if (s.status === "canceled" || s.status === "unpaid") throw conflict("Subscription is already canceled");
  const mode = options.mode ?? ctx.config.defaultCancelMode;
  const onExecute = options.mode === "scheduled" ? (options.onExecute ?? "cancel") : "cancel";
  if (mode === "scheduled") {
    if (s.status === "scheduled_cancel") throw conflict("Subscription is already scheduled to cancel");
    if (s.status === "paused") throw conflict("A paused subscription can only be canceled immediately");
    Object.assign(s, {
      resume_status: holdStatus(s),
      status: "scheduled_cancel",
      scheduled_action: onExecute,
    });
    s.updated_at = nowIso();
    return [emitSubscriptionEvent(ctx, "subscription.scheduled_cancel", s)];
  }
  Object.assign(s, { status: "canceled", canceled_at: nowIso(), updated_at: nowIso() } as const);
  delete s.scheduled_action;
  delete s.resume_status;
  return [emitSubscriptionEvent(ctx, "subscription.canceled", s)];
}

export function pauseSubscription(ctx: Ctx, s: SubscriptionRecord): EventRecord[] {
  if (s.status !== "active" && s.status !== "trialing") {
    throw conflict(`Only active or trialing subscriptions can be paused (status is ${s.status})`);
  }
  Object.assign(s, { resume_status: s.status, status: "paused", updated_at: nowIso() } as const);
  return [emitSubscriptionEvent(ctx, "subscription.paused", s)];
}

const RESUME_EVENTS = {
  active: "subscription.active",
  trialing: "subscription.trialing",
  past_due: "subscription.past_due",
} as const;

/** Undoes a pause or a scheduled cancel; emits the event named after the status it returns to. */
export function resumeSubscription(ctx: Ctx, s: SubscriptionRecord): EventRecord[] {
  if (s.status !== "paused" && s.status !== "scheduled_cancel") {
    throw conflict(`Only paused or scheduled_cancel subscriptions can be resumed (status is ${s.status})`);
  }
  const status = s.resume_status ?? "active";
  Object.assign(s, { status, canceled_at: null, updated_at: nowIso() });
  delete s.scheduled_action;
  delete s.resume_status;
  const type = RESUME_EVENTS[status];
  return [emitSubscriptionEvent(ctx, type, s)];
}

export interface ItemChange {
  id?: string;
  product_id?: string;
  price_id?: string;
  units?: number;
}

function findItem(s: SubscriptionRecord, change: ItemChange) {
  if (change.id !== undefined) return s.items.find((i) => i.id === change.id);
  if (change.price_id !== undefined) return s.items.find((i) => i.price_id === change.price_id);
  if (change.product_id !== undefined) return s.items.find((i) => i.product_id === change.product_id);
  return s.items.length === 1 ? s.items[0] : undefined;
}

function snapshot(ctx: Ctx, s: SubscriptionRecord): BeforeChange {
  return {
    cycle: cycleAmount(ctx.store, s),
    billingPeriod: billingPeriodOf(ctx.store, s),
    periodDiscount: periodDiscount(ctx.store, s),
  };
}

/**
 * Changes item units (seats) at once and settles the difference per `behavior` (proration.ts):
 * subscription.update, then subscription.paid (charged) or refund.created (refunded).
 */
export function updateItems(
  ctx: Ctx,
  s: SubscriptionRecord,
  changes: ItemChange[],
  behavior: UpdateBehavior,
) {
  assertChangeable(s);
  const before = snapshot(ctx, s);
  let changed = false;
  for (const change of changes) {
    const item = findItem(s, change);
    if (!item) throw new ApiError(404, ["Subscription item not found"]);
    if (change.units !== undefined && change.units !== item.units) {
      item.units = change.units;
      changed = true;
    }
  }
  if (!changed) return { subscription: s, events: [] as EventRecord[] };
  const events = settleAndAnnounce(ctx, s, before, behavior, cycleAmount(ctx.store, s));
  return { subscription: s, events };
}

/**
 * Moves the subscription to another recurring product at once (plan change) and settles per `behavior`;
 * a product with another billing period starts a new period now when the change is settled.
 */
export function upgradeSubscription(
  ctx: Ctx,
  s: SubscriptionRecord,
  productId: string,
  behavior: UpdateBehavior,
) {
  assertChangeable(s);
  const current = ctx.store.product(s.product_id);
  const target = ctx.store.product(productId);
  if (target.id === current.id) throw badRequest("Subscription is already on this product");
  if (target.billing_type !== "recurring")
    throw badRequest("Subscriptions can only move to recurring products");
  if (target.status !== "active") throw badRequest("Product is archived");
  if (target.currency !== mainPrice(ctx.store, s).currency) {
    throw badRequest("The new product must use the same currency");
  }
  const before = snapshot(ctx, s);
  const item = s.items.find((i) => i.product_id === current.id) ?? s.items[0];
  if (item) Object.assign(item, { product_id: target.id, price_id: ctx.store.recordPrice(target).id });
  s.product_id = target.id;
  const discount = s.discount_id ? ctx.store.state.discounts[s.discount_id] : undefined;
  if (
    discount &&
    discount.applies_to_products.length > 0 &&
    !discount.applies_to_products.includes(target.id)
  ) {
    delete s.discount_id;
  }
  const events = settleAndAnnounce(ctx, s, before, behavior, cycleAmount(ctx.store, s));
  return { subscription: s, events };
}
