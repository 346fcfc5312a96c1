import { z } from "zod";
import {
  ENVIRONMENT_MODES,
  id,
  lenientEnum,
  metadata,
  nullableTimestamp,
  optional,
  ref,
  timestamp,
  wireObject,
} from "./common";
import { customerSchema } from "./customer";
import { appliedDiscountSchema } from "./discount";
import { productSchema } from "./product";
import { transactionSchema } from "./transaction";

// SDK 1.13 statuses, plus "expired" (seen in webhooks) and "incomplete" (mentioned in the docs).
export const SUBSCRIPTION_STATUSES = [
  "active",
  "canceled",
  "unpaid",
  "paused",
  "trialing",
  "scheduled_cancel",
  "past_due",
  "expired",
  "incomplete",
] as const;
export const COLLECTION_METHODS = ["charge_automatically"] as const;

export const subscriptionItemSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  product_id: optional(z.string()),
  price_id: optional(z.string()),
  units: optional(z.number()),
});
export type SubscriptionItem = z.output<typeof subscriptionItemSchema>;

export const subscriptionSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  product: ref(productSchema),
  customer: ref(customerSchema),
  items: optional(z.array(subscriptionItemSchema)),
  collection_method: optional(lenientEnum(COLLECTION_METHODS)),
  status: optional(lenientEnum(SUBSCRIPTION_STATUSES)),
  last_transaction_id: optional(z.string()),
  last_transaction: optional(transactionSchema),
  last_transaction_date: timestamp,
  next_transaction_date: timestamp,
  current_period_start_date: timestamp,
  current_period_end_date: timestamp,
  canceled_at: nullableTimestamp,
  discount: optional(appliedDiscountSchema),
  metadata,
  created_at: timestamp,
  updated_at: timestamp,
});
export type Subscription = z.output<typeof subscriptionSchema>;
