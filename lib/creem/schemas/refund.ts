import { z } from "zod";
import { ENVIRONMENT_MODES, id, lenientEnum, optional, ref, timestamp, wireObject } from "./common";
import { checkoutSchema } from "./checkout";
import { customerSchema } from "./customer";
import { orderSchema } from "./order";
import { subscriptionSchema } from "./subscription";
import { transactionSchema } from "./transaction";

export const REFUND_STATUSES = ["pending", "requiresAction", "succeeded", "failed", "canceled"] as const;
export const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer", "other"] as const;

// Refund timestamps are epoch milliseconds on the wire.
export const refundSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  status: optional(lenientEnum(REFUND_STATUSES)),
  refund_amount: optional(z.number()),
  refund_currency: optional(z.string()),
  reason: optional(lenientEnum(REFUND_REASONS)),
  transaction: ref(transactionSchema),
  checkout: ref(checkoutSchema),
  order: ref(orderSchema),
  subscription: ref(subscriptionSchema),
  customer: ref(customerSchema),
  created_at: timestamp,
});
export type Refund = z.output<typeof refundSchema>;

/** `POST /v1/refunds` documents only `{status}`; the other keys are read when CREEM sends them. */
export const refundResultSchema = wireObject({
  status: lenientEnum(REFUND_STATUSES),
  id: optional(z.string()),
  refund_amount: optional(z.number()),
  refund_currency: optional(z.string()),
});
export type RefundResult = z.output<typeof refundResultSchema>;
