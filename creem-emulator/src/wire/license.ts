import { activeInstanceCount, licenseStatus } from "../billing/licenses";
import type { LicenseInstanceRecord, LicenseRecord } from "../state/types";

export function wireLicenseInstance(i: LicenseInstanceRecord) {
  return {
    id: i.id,
    mode: "test" as const,
    object: "license-instance" as const,
    name: i.name,
    status: i.status,
    created_at: i.created_at,
  };
}

/**
 * `activation` counts the active instances; `instance` is the single instance the call was about
 * (activate/validate/deactivate), else null.
 */
export function wireLicense(l: LicenseRecord, instance: LicenseInstanceRecord | null = null) {
  return {
    id: l.id,
    mode: "test" as const,
    object: "license" as const,
    product_id: l.product_id,
    status: licenseStatus(l),
    key: l.key,
    activation: activeInstanceCount(l),
    activation_limit: l.activation_limit,
    expires_at: l.expires_at,
    created_at: l.created_at,
    instance: instance ? wireLicenseInstance(instance) : null,
  };
}
