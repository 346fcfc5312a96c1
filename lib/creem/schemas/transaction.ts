import { z } from "zod";
import {
  ENVIRONMENT_MODES,
  id,
  idRef,
  lenientEnum,
  nullable,
  optional,
  timestamp,
  wireObject,
} from "./common";

export const TRANSACTION_TYPES = ["payment", "invoice"] as const;
export const TRANSACTION_STATUSES = [
  "pending",
  "paid",
  "refunded",
  "partialRefund",
  "chargedBack",
  "uncollectible",
  "declined",
  "canceled",
  "void",
] as const;

// Transaction timestamps are epoch milliseconds on the wire (unlike most entities).
export const transactionSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  amount: optional(z.number()),
  amount_paid: optional(z.number()),
  discount_amount: optional(z.number()),
  currency: optional(z.string()),
  type: optional(lenientEnum(TRANSACTION_TYPES)),
  tax_country: nullable(z.string()),
  tax_amount: optional(z.number()),
  status: optional(lenientEnum(TRANSACTION_STATUSES)),
  refunded_amount: optional(z.number()),
  order: idRef,
  subscription: idRef,
  customer: idRef,
  description: optional(z.string()),
  period_start: timestamp,
  period_end: timestamp,
  created_at: timestamp,
});
export type Transaction = z.output<typeof transactionSchema>;
