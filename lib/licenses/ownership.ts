import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// The one rule for "may this signed-in person see or touch this license": a license belongs to the workspace
// its purchase was linked to (issue #11), and the caller has already been checked for a billing role in it. Every read and change of a license on behalf of a signed-in person
// goes through here (billing page list and refresh, device deactivation), so ownership is decided in this file only. The public license API is not here: it is authorised by the
// key itself.

/** The licenses of workspace `workspaceId`, as a Prisma filter. */
export function ownedLicenses(workspaceId: string): Prisma.LicenseKeyWhereInput {
  return { workspaceId };
}

/** The license if it is workspace `workspaceId`'s, else null (not theirs, or no such license: the same answer). */
export async function findOwnedLicense(
  db: Pick<PrismaClient, "licenseKey">,
  workspaceId: string,
  licenseId: string,
) {
  return db.licenseKey.findFirst({ where: { id: licenseId, ...ownedLicenses(workspaceId) } });
}
