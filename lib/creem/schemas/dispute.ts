import { z } from "zod";
import { ENVIRONMENT_MODES, id, lenientEnum, optional, ref, timestamp, wireObject } from "./common";
import { checkoutSchema } from "./checkout";
import { customerSchema } from "./customer";
import { orderSchema } from "./order";
import { subscriptionSchema } from "./subscription";
import { transactionSchema } from "./transaction";

// Dispute timestamps are epoch milliseconds on the wire.
export const disputeSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  amount: optional(z.number()),
  currency: optional(z.string()),
  transaction: ref(transactionSchema),
  checkout: ref(checkoutSchema),
  order: ref(orderSchema),
  subscription: ref(subscriptionSchema),
  customer: ref(customerSchema),
  created_at: timestamp,
});
export type Dispute = z.output<typeof disputeSchema>;
