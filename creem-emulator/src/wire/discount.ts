import type { DiscountRecord } from "../state/types";

/** Stored status, except that a discount past its expiry date reads as `expired`. */
export function effectiveDiscountStatus(d: DiscountRecord, now = Date.now()): DiscountRecord["status"] {
  if (d.status === "active" && d.expiry_date !== undefined && Date.parse(d.expiry_date) <= now)
    return "expired";
  return d.status;
}

export function wireDiscount(d: DiscountRecord) {
  return {
    id: d.id,
    mode: "test" as const,
    object: "discount" as const,
    status: effectiveDiscountStatus(d),
    name: d.name,
    code: d.code,
    type: d.type,
    ...(d.amount === undefined ? {} : { amount: d.amount }),
    ...(d.currency === undefined ? {} : { currency: d.currency }),
    ...(d.percentage === undefined ? {} : { percentage: d.percentage }),
    ...(d.expiry_date === undefined ? {} : { expiry_date: d.expiry_date }),
    ...(d.max_redemptions === undefined ? {} : { max_redemptions: d.max_redemptions }),
    duration: d.duration,
    ...(d.duration_in_months === undefined ? {} : { duration_in_months: d.duration_in_months }),
    applies_to_products: d.applies_to_products,
    redeem_count: d.redeem_count,
  };
}

/**
 * The nested discount on checkouts and subscriptions uses camelCase keys. `amount` is the percentage for
 * percentage discounts and minor units for fixed ones.
 */
export function wireDiscountRef(d: DiscountRecord) {
  return {
    id: d.id,
    discountCode: d.code,
    name: d.name,
    type: d.type,
    amount: (d.type === "percentage" ? d.percentage : d.amount) ?? 0,
    duration: d.duration,
    ...(d.duration_in_months === undefined ? {} : { durationInMonths: d.duration_in_months }),
  };
}
