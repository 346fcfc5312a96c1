import { z } from "zod";
import { ENVIRONMENT_MODES, id, idRef, lenientEnum, optional, timestamp, wireObject } from "./common";

export const ORDER_STATUSES = ["pending", "paid"] as const;
export const ORDER_TYPES = ["recurring", "onetime"] as const;

export const orderSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  customer: idRef,
  product: idRef,
  transaction: idRef,
  discount: idRef,
  amount: optional(z.number()),
  sub_total: optional(z.number()),
  tax_amount: optional(z.number()),
  discount_amount: optional(z.number()),
  amount_due: optional(z.number()),
  amount_paid: optional(z.number()),
  currency: optional(z.string()),
  status: optional(lenientEnum(ORDER_STATUSES)),
  type: optional(lenientEnum(ORDER_TYPES)),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Order = z.output<typeof orderSchema>;
