import { z } from "zod";
import { ENVIRONMENT_MODES, id, lenientEnum, optional, timestamp, wireObject } from "./common";

export const DISCOUNT_STATUSES = ["active", "draft", "expired", "scheduled", "deleted"] as const;
export const DISCOUNT_TYPES = ["percentage", "fixed"] as const;
export const DISCOUNT_DURATIONS = ["forever", "once", "repeating"] as const;

export const discountSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  status: optional(lenientEnum(DISCOUNT_STATUSES)),
  name: optional(z.string()),
  code: optional(z.string()),
  type: optional(lenientEnum(DISCOUNT_TYPES)),
  amount: optional(z.number()),
  currency: optional(z.string()),
  percentage: optional(z.number()),
  expiry_date: timestamp,
  max_redemptions: optional(z.number()),
  duration: optional(lenientEnum(DISCOUNT_DURATIONS)),
  duration_in_months: optional(z.number()),
  applies_to_products: optional(z.array(z.string())),
  redeem_count: optional(z.number()),
});
export type Discount = z.output<typeof discountSchema>;

// The discount summary nested in a checkout or subscription is camelCase on the wire.
export const appliedDiscountSchema = z.object({
  id: optional(z.string()),
  discountCode: optional(z.string()),
  name: optional(z.string()),
  type: optional(lenientEnum(DISCOUNT_TYPES)),
  amount: optional(z.number()),
  percentage: optional(z.number()),
  duration: optional(lenientEnum(DISCOUNT_DURATIONS)),
  durationInMonths: optional(z.number()),
});
export type AppliedDiscount = z.output<typeof appliedDiscountSchema>;
