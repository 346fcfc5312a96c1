// What a charge costs: list prices of a subscription's items, discounts and whether they still apply.
import { addMonths } from "../core/clock";
import { percentOf } from "../core/money";
import type { Store } from "../state/store";
import type { BillingPeriod, DiscountRecord, ProductRecord, SubscriptionRecord } from "../state/types";
import { effectiveDiscountStatus } from "../wire/discount";

export interface Charge {
  sub_total: number;
  discount_amount: number;
  /** The emulator does not compute tax: always 0. */
  tax_amount: number;
  amount: number;
}

/** Why a discount cannot be used for this product right now, or null when it can. */
export function discountProblem(d: DiscountRecord, product: ProductRecord, now = Date.now()): string | null {
  const status = effectiveDiscountStatus(d, now);
  if (status === "deleted") return "This discount code is not valid.";
  if (status === "expired") return "This discount code has expired.";
  if (status !== "active") return "This discount code is not active.";
  if (d.max_redemptions !== undefined && d.redeem_count >= d.max_redemptions) {
    return "This discount code has reached its maximum number of redemptions.";
  }
  if (d.applies_to_products.length > 0 && !d.applies_to_products.includes(product.id)) {
    return "This discount code does not apply to this product.";
  }
  if (d.type === "fixed" && d.currency !== undefined && d.currency !== product.currency) {
    return "This discount code does not apply to this currency.";
  }
  return null;
}

/** The amount a discount takes off one invoice of `subTotal` (percentages rounded half up). */
export function discountOff(d: DiscountRecord, subTotal: number): number {
  if (d.type === "percentage") return percentOf(subTotal, d.percentage ?? 0);
  return Math.min(d.amount ?? 0, subTotal);
}

export function priceCharge(subTotal: number, discount?: DiscountRecord): Charge {
  const discount_amount = discount ? discountOff(discount, subTotal) : 0;
  return { sub_total: subTotal, discount_amount, tax_amount: 0, amount: subTotal - discount_amount };
}

/**
 * Whether a subscription's discount applies to a charge made at `at` (a renewal: the period start).
 * `forever` always; `once` only to the first charge; `repeating` within `duration_in_months` of the start.
 */
export function discountAppliesTo(d: DiscountRecord, s: SubscriptionRecord, at: number): boolean {
  switch (d.duration) {
    case "forever":
      return true;
    case "once":
      return s.discount_charges === 0;
    case "repeating":
      return at < addMonths(Date.parse(s.created_at), d.duration_in_months ?? 0);
  }
}

/** The subscription's discount when it applies to a charge made at `at`, else undefined. */
export function applicableDiscount(
  store: Store,
  s: SubscriptionRecord,
  at: number,
): DiscountRecord | undefined {
  const discount = s.discount_id ? store.state.discounts[s.discount_id] : undefined;
  return discount && discountAppliesTo(discount, s, at) ? discount : undefined;
}

/** The discount that was applied to the current period's payment, if any. */
export function periodDiscount(store: Store, s: SubscriptionRecord): DiscountRecord | undefined {
  if (!s.current_period_discounted || !s.discount_id) return undefined;
  return store.state.discounts[s.discount_id];
}

/** List price of one billing cycle: every item's price (the one it was bought under) times its units. */
export function cycleAmount(store: Store, s: SubscriptionRecord): number {
  return s.items.reduce((sum, item) => sum + store.priceOf(item).amount * item.units, 0);
}

/** The price of the subscription's main item: its billing period and currency. */
export function mainPrice(store: Store, s: SubscriptionRecord) {
  const item = s.items.find((i) => i.product_id === s.product_id) ?? s.items[0];
  if (!item) return store.recordPrice(store.product(s.product_id));
  return store.priceOf(item);
}

export const billingPeriodOf = (store: Store, s: SubscriptionRecord): BillingPeriod =>
  mainPrice(store, s).billing_period;
