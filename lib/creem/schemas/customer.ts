import { z } from "zod";
import {
  ENVIRONMENT_MODES,
  id,
  lenientEnum,
  metadata,
  nullable,
  optional,
  timestamp,
  wireObject,
} from "./common";

export const customerSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  email: optional(z.string()),
  name: nullable(z.string()),
  country: nullable(z.string()),
  external_id: nullable(z.string()),
  metadata,
  created_at: timestamp,
  updated_at: timestamp,
});
export type Customer = z.output<typeof customerSchema>;

export const customerPortalLinkSchema = wireObject({ customer_portal_link: z.string().min(1) });
export type CustomerPortalLink = z.output<typeof customerPortalLinkSchema>;
