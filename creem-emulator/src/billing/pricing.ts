import { addMonths } from "../core/clock";
import type { Store } from "../state/store";
import type { DiscountRecord, ProductRecord, SubscriptionRecord } from "../state/types";
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

export function discountOff(d: DiscountRecord, subTotal: number): number {
  if (d.type === "percentage") return Math.round((subTotal * (d.percentage ?? 0)) / 100);
  return Math.min(d.amount ?? 0, subTotal);
}

export function priceCharge(subTotal: number, discount?: DiscountRecord): Charge {
  const discount_amount = discount ? discountOff(discount, subTotal) : 0;
  return { sub_total: subTotal, discount_amount, tax_amount: 0, amount: subTotal - discount_amount };
}

/** Whether a subscription's discount applies to a charge for the period starting at `periodStart`. */
export function discountAppliesTo(d: DiscountRecord, s: SubscriptionRecord, periodStart: number): boolean {
  switch (d.duration) {
    case "forever":
      return true;
    case "once":
      return s.discount_charges === 0;
    case "repeating":
      return periodStart < addMonths(Date.parse(s.created_at), d.duration_in_months ?? 0);
  }
}

/** List price of one billing cycle: every item's product price times its units. */
export function cycleAmount(store: Store, s: SubscriptionRecord): number {
  return s.items.reduce((sum, item) => sum + store.product(item.product_id).price * item.units, 0);
}
