import { z } from "zod";
import { ENVIRONMENT_MODES, id, lenientEnum, nullable, optional, timestamp, wireObject } from "./common";

export const PRODUCT_STATUSES = ["active", "archived"] as const;
export const BILLING_TYPES = ["recurring", "onetime"] as const;
export const BILLING_PERIODS = [
  "every-month",
  "every-three-months",
  "every-six-months",
  "every-year",
  "every-day",
  "once",
  "custom",
] as const;
export const TAX_MODES = ["inclusive", "exclusive"] as const;
export const TAX_CATEGORIES = ["saas", "digital-goods-service", "ebooks"] as const;
export const CUSTOM_FIELD_TYPES = ["text", "checkbox"] as const;
export const PRODUCT_FEATURE_TYPES = ["custom", "file", "licenseKey", "customerCredits"] as const;

export const customFieldSchema = wireObject({
  type: optional(lenientEnum(CUSTOM_FIELD_TYPES)),
  key: optional(z.string()),
  label: optional(z.string()),
  optional: optional(z.boolean()),
  text: optional(
    wireObject({
      max_length: optional(z.number()),
      min_length: optional(z.number()),
      value: optional(z.string()),
    }),
  ),
  checkbox: optional(wireObject({ label: optional(z.string()), value: optional(z.boolean()) })),
});
export type CustomField = z.output<typeof customFieldSchema>;

export const productFeatureSchema = wireObject({
  id: optional(z.string()),
  type: optional(lenientEnum(PRODUCT_FEATURE_TYPES)),
  description: optional(z.string()),
});
export type ProductFeature = z.output<typeof productFeatureSchema>;

export const productSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  name: optional(z.string()),
  description: optional(z.string()),
  image_url: optional(z.string()),
  features: optional(z.array(productFeatureSchema)),
  price: optional(z.number()),
  currency: optional(z.string()),
  billing_type: optional(lenientEnum(BILLING_TYPES)),
  billing_period: optional(lenientEnum(BILLING_PERIODS)),
  trial_period_days: nullable(z.number()),
  status: optional(lenientEnum(PRODUCT_STATUSES)),
  tax_mode: optional(lenientEnum(TAX_MODES)),
  tax_category: optional(lenientEnum(TAX_CATEGORIES)),
  product_url: optional(z.string()),
  default_success_url: nullable(z.string()),
  custom_fields: optional(z.array(customFieldSchema)),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Product = z.output<typeof productSchema>;
