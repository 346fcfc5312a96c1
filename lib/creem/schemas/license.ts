import { z } from "zod";
import {
  ENVIRONMENT_MODES,
  id,
  lenientEnum,
  nullable,
  nullableTimestamp,
  optional,
  timestamp,
  wireObject,
} from "./common";

export const LICENSE_STATUSES = ["inactive", "active", "expired", "disabled"] as const;
export const LICENSE_INSTANCE_STATUSES = ["active", "deactivated"] as const;

export const licenseInstanceSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  name: optional(z.string()),
  status: optional(lenientEnum(LICENSE_INSTANCE_STATUSES)),
  created_at: timestamp,
});
export type LicenseInstance = z.output<typeof licenseInstanceSchema>;

export const licenseSchema = wireObject({
  id,
  mode: optional(lenientEnum(ENVIRONMENT_MODES)),
  object: optional(z.string()),
  product_id: optional(z.string()),
  status: optional(lenientEnum(LICENSE_STATUSES)),
  key: optional(z.string()),
  activation: optional(z.number()),
  /** `null` means unlimited activations. */
  activation_limit: nullable(z.number()),
  /** `null` means the license never expires. */
  expires_at: nullableTimestamp,
  instance: nullable(licenseInstanceSchema),
  created_at: timestamp,
});
export type License = z.output<typeof licenseSchema>;
