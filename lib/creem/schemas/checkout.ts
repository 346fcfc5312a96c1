import { z } from "zod";
import { ENVIRONMENT_MODES, id, lenientEnum, metadata, nullable, optional, ref, wireObject } from "./common";
import { customerSchema } from "./customer";
import { appliedDiscountSchema } from "./discount";
import { licenseSchema } from "./license";
import { orderSchema } from "./order";
import { customFieldSchema, productSchema } from "./product";
import { subscriptionSchema } from "./subscription";

export const CHECKOUT_STATUSES = ["pending", "processing", "completed", "expired"] as const;

export const checkoutSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  status: optional(lenientEnum(CHECKOUT_STATUSES)),
  request_id: optional(z.string()),
  product: ref(productSchema),
  units: optional(z.number()),
  custom_price: optional(z.number()),
  order: ref(orderSchema),
  subscription: ref(subscriptionSchema),
  customer: ref(customerSchema),
  custom_fields: optional(z.array(customFieldSchema)),
  checkout_url: optional(z.string()),
  success_url: nullable(z.string()),
  license_keys: optional(z.array(licenseSchema)),
  metadata,
  discount: optional(appliedDiscountSchema),
});
export type Checkout = z.output<typeof checkoutSchema>;
