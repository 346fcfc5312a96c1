import type { License, LicenseInstance } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The database copy of what CREEM said about a license and its devices: written after every answer of
// the license API, the billing page's refresh (CREEM's instance listing) and device deactivations, so
// the billing page lists devices and the API can answer from it while CREEM is down.

type Db = Pick<PrismaClient, "licenseKey" | "licenseInstance">;

/** The license's status, activations, limit and expiry as CREEM just stated them. */
export async function mirrorLicense(db: Db, licenseId: string, license: License): Promise<void> {
  await db.licenseKey.update({
    where: { id: licenseId },
    data: {
      ...(license.status ? { status: license.status } : {}),
      ...(license.activation !== undefined ? { activations: license.activation } : {}),
      ...(license.activationLimit !== undefined ? { activationLimit: license.activationLimit } : {}),
      ...(license.expiresAt !== undefined ? { expiresAt: license.expiresAt } : {}),
    },
  });
}

/**
 * One device as CREEM stated it. `validated` marks that CREEM just confirmed it (activate, validate);
 * `deactivatedAt` is set the first time it is seen deactivated.
 */
export async function mirrorInstance(
  db: Db,
  licenseId: string,
  instance: LicenseInstance,
  now: Date,
  validated: boolean,
): Promise<void> {
  const status = instance.status ?? "active";
  const deactivated = status === "deactivated";
  await db.licenseInstance.upsert({
    where: { id: instance.id },
    create: {
      id: instance.id,
      licenseId,
      name: instance.name ?? "Unnamed device",
      status,
      activatedAt: instance.createdAt ?? now,
      lastValidatedAt: validated && !deactivated ? now : null,
      deactivatedAt: deactivated ? now : null,
    },
    update: {
      status,
      ...(instance.name ? { name: instance.name } : {}),
      ...(validated && !deactivated ? { lastValidatedAt: now } : {}),
    },
  });
  if (deactivated) {
    await db.licenseInstance.updateMany({
      where: { id: instance.id, deactivatedAt: null },
      data: { deactivatedAt: now },
    });
  }
}

/** CREEM refused the key (410): store what it said, so the billing page and the cache agree. */
export async function mirrorRefusal(db: Db, licenseId: string, status: "disabled" | "expired") {
  await db.licenseKey.update({ where: { id: licenseId }, data: { status } });
}
