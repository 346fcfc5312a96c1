import "server-only";
import { createCreemClient, isCreemError, type CreemClient, type LicenseInstance } from "@/lib/creem";
import { licenseStateFromCreem } from "./license-state";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mirrorInstance } from "@/lib/licenses/mirror";
import { ownedLicenses } from "@/lib/licenses/ownership";

// License status and activation counts follow CREEM: when the billing page loads, each of the workspace's
// keys is read from CREEM (its devices, then the license itself through one active device) with a short
// timeout, and what CREEM says is stored. When CREEM does not answer in time the stored values are shown
// "as of" when they were last stored (LicenseKey.updatedAt). The devices CREEM lists are mirrored into
// LicenseInstance, so the page lists activations made anywhere.

/** Long enough for a healthy CREEM, short enough that a slow one does not hold the billing page. */
export const LICENSE_REFRESH_TIMEOUT_MS = 1500;

function refreshClient(): CreemClient | undefined {
  if (!env.CREEM_API_KEY) return undefined;
  return createCreemClient({
    apiKey: env.CREEM_API_KEY,
    baseUrl: env.CREEM_API_BASE_URL,
    timeoutMs: LICENSE_REFRESH_TIMEOUT_MS,
    maxRetries: 0,
  });
}

/**
 * Reads the workspace's license keys from CREEM and stores what it says (only the workspace's own keys). Returns
 * the ids of the keys that are now current; the others keep their stored values.
 */
export async function refreshLicenses(
  workspaceId: string,
  skip: ReadonlySet<string> = new Set(),
  creem: CreemClient | undefined = refreshClient(),
): Promise<Set<string>> {
  const fresh = new Set<string>();
  if (!creem) return fresh;
  const rows = await db.licenseKey.findMany({
    where: ownedLicenses(workspaceId),
    select: { id: true, key: true, status: true },
  });
  await Promise.all(
    rows
      .filter((row) => !skip.has(row.id))
      .map(async (row) => {
        try {
          let devices: LicenseInstance[] = [];
          const state = await licenseStateFromCreem(creem, row, (items) => (devices = items));
          await db.licenseKey.updateMany({
            where: { id: row.id, ...ownedLicenses(workspaceId) },
            data: state,
          });
          const now = new Date();
          for (const device of devices) await mirrorInstance(db, row.id, device, now, false);
          fresh.add(row.id);
        } catch (error) {
          if (!isCreemError(error)) throw error;
          console.error(`[billing] license ${row.id} not refreshed: CREEM ${error.code}`);
        }
      }),
  );
  return fresh;
}
