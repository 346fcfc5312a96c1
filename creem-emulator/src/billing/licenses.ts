// License keys: the rules of activating, validating and deactivating instances, and the states tests can
// put a key in (revoked, expired, another activation limit). The API and the control routes both use these.
import { iso, nowIso } from "../core/clock";
import { ApiError, conflict, notFound } from "../core/errors";
import { newId } from "../core/ids";
import type { Store } from "../state/store";
import type { LicenseInstanceRecord, LicenseRecord } from "../state/types";

export const activeInstanceCount = (l: LicenseRecord): number =>
  l.instances.filter((i) => i.status === "active").length;

/**
 * The status CREEM reports: `disabled` once revoked (e.g. its order was refunded), `expired` from
 * `expires_at` on, else `active` while an instance is active and `inactive` otherwise.
 */
export function licenseStatus(l: LicenseRecord, now = Date.now()): LicenseRecord["status"] {
  if (l.status === "disabled") return "disabled";
  if (l.expires_at !== null && Date.parse(l.expires_at) <= now) return "expired";
  return activeInstanceCount(l) > 0 ? "active" : "inactive";
}

/** Keeps the stored status in step with the instances (what `/__emulator/state` shows). */
function syncStatus(l: LicenseRecord): void {
  if (l.status !== "disabled") l.status = licenseStatus(l);
}

export function licenseByKey(store: Store, key: string): LicenseRecord {
  const license = store.licenseByKey(key);
  if (!license) throw notFound("License key");
  return license;
}

/** By license id (`lic_...`) or by key. */
export function licenseByIdOrKey(store: Store, idOrKey: string): LicenseRecord {
  const license = store.state.licenses[idOrKey] ?? store.licenseByKey(idOrKey);
  if (!license) throw notFound("License");
  return license;
}

/** 410 for a revoked or expired key (on activate, validate and deactivate). */
function assertUsable(l: LicenseRecord): void {
  const status = licenseStatus(l);
  if (status === "disabled") throw new ApiError(410, ["License key has been revoked"]);
  if (status === "expired") throw new ApiError(410, ["License key has expired"]);
}

function instanceOf(l: LicenseRecord, instanceId: string): LicenseInstanceRecord {
  const instance = l.instances.find((i) => i.id === instanceId);
  if (!instance) throw notFound("License instance");
  return instance;
}

/** A new active instance; 403 once the active instances reach the activation limit (null = unlimited). */
export function activate(store: Store, key: string, instanceName: string) {
  const license = licenseByKey(store, key);
  assertUsable(license);
  const active = activeInstanceCount(license);
  if (license.activation_limit !== null && active >= license.activation_limit) {
    throw new ApiError(403, [`Activation limit of ${license.activation_limit} reached`]);
  }
  const instance: LicenseInstanceRecord = {
    id: newId("inst"),
    name: instanceName,
    status: "active",
    created_at: nowIso(),
  };
  license.instances.push(instance);
  syncStatus(license);
  return { license, instance };
}

/** The license with the instance asked about (a deactivated instance is reported as such, not an error). */
export function validate(store: Store, key: string, instanceId: string) {
  const license = licenseByKey(store, key);
  assertUsable(license);
  return { license, instance: instanceOf(license, instanceId) };
}

/** Deactivates an instance, freeing its activation; 409 when it already is, 410 on a revoked or expired key. */
export function deactivate(store: Store, key: string, instanceId: string) {
  const license = licenseByKey(store, key);
  assertUsable(license);
  const instance = instanceOf(license, instanceId);
  if (instance.status === "deactivated") throw conflict("License instance is already deactivated");
  instance.status = "deactivated";
  syncStatus(license);
  return { license, instance };
}

/** Control: revoke the key (status `disabled`, 410 on activate and validate). */
export function revoke(license: LicenseRecord): LicenseRecord {
  license.status = "disabled";
  return license;
}

/** Control: set `expires_at` (default: a second ago, so the key is expired now); null removes the expiry. */
export function setExpiry(license: LicenseRecord, expiresAt: string | null = iso(Date.now() - 1000)) {
  license.expires_at = expiresAt;
  syncStatus(license);
  return license;
}

/**
 * Control: set the activation limit (null = unlimited). Instances already active stay active when the
 * limit goes below their number; new activations are refused until enough are deactivated.
 */
export function setActivationLimit(license: LicenseRecord, limit: number | null): LicenseRecord {
  license.activation_limit = limit;
  return license;
}
