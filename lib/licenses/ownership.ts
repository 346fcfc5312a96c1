import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// The one rule for "may this signed-in person see or touch this license": today a license belongs to the
// user its purchase was linked to. Every read and change of a license on behalf of a signed-in person
// goes through here (billing page list and refresh, device deactivation), so moving ownership (e.g. to a
// workspace) is a change to this file only. The public license API is not here: it is authorised by the
// key itself.

/** The licenses `userId` may see and manage, as a Prisma filter. */
export function ownedLicenses(userId: string): Prisma.LicenseKeyWhereInput {
  return { userId };
}

/** The license if `userId` may manage it, else null (not theirs, or no such license: the same answer). */
export async function findOwnedLicense(
  db: Pick<PrismaClient, "licenseKey">,
  userId: string,
  licenseId: string,
) {
  return db.licenseKey.findFirst({ where: { id: licenseId, ...ownedLicenses(userId) } });
}
