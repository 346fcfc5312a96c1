import { isCreemError, type CreemClient, type LicenseInstance } from "@/lib/creem";

// What CREEM says about one license key now, read without activating anything: its devices, then the
// license itself through one active device. Stored by licenses.ts; pure apart from the CREEM calls.

export type KeyRow = { id: string; key: string; status: string };

export type LicenseState = {
  status: string;
  activations: number;
  activationLimit: number | null;
  expiresAt: Date | null;
};

/**
 * What CREEM says about one license now; undefined for a field it did not say. `seen` receives the
 * license's devices as CREEM listed them (the caller mirrors them).
 */
export async function licenseStateFromCreem(
  creem: CreemClient,
  row: KeyRow,
  seen?: (instances: LicenseInstance[]) => void,
): Promise<Partial<LicenseState>> {
  const { items } = await creem.licenses.instances(row.id, { pageSize: 100 });
  seen?.(items);
  const active = items.filter((instance) => instance.status === "active");
  if (active.length === 0) {
    // No device: CREEM reads a usable key as "inactive"; a revoked or expired one stays what it was.
    return { activations: 0, ...(row.status === "active" ? { status: "inactive" } : {}) };
  }
  try {
    const license = await creem.licenses.validate({ key: row.key, instanceId: active[0]!.id });
    return {
      status: license.status ?? "active",
      activations: license.activation ?? active.length,
      activationLimit: license.activationLimit ?? null,
      expiresAt: license.expiresAt ?? null,
    };
  } catch (error) {
    // 410: CREEM refuses the key (revoked or expired); it still has these devices.
    if (isCreemError(error) && error.status === 410) {
      const revoked = error.messages.some((m) => /revok/i.test(m));
      return { status: revoked ? "disabled" : "expired", activations: active.length };
    }
    throw error;
  }
}
