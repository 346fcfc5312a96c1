import { isCreemError, type CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { UserError } from "@/lib/user-error";
import { mirrorInstance, mirrorLicense } from "./mirror";
import { findOwnedLicense } from "./ownership";
import { isLicenseRevoked } from "./revocation";

// The owner deactivates one of their license's devices from the billing page (a lost laptop): checked
// against ownership.ts, sent to CREEM with the server's key, and mirrored. The device's next validate
// then fails with instance_deactivated.

export async function deactivateDevice(
  db: PrismaClient,
  creem: CreemClient,
  workspaceId: string,
  input: { licenseId: string; instanceId: string },
  now = new Date(),
): Promise<string> {
  const license = await findOwnedLicense(db, workspaceId, input.licenseId);
  const device = license
    ? await db.licenseInstance.findFirst({ where: { id: input.instanceId, licenseId: license.id } })
    : null;
  if (!license || !device) throw new UserError("That device is not one of your licenses' devices.");
  if (await isLicenseRevoked(db, license.orderId))
    throw new UserError("This license was revoked; its devices cannot be managed.");
  if (device.status === "deactivated") return `“${device.name}” is already deactivated.`;
  try {
    const answer = await creem.licenses.deactivate({ key: license.key, instanceId: device.id });
    await mirrorLicense(db, license.id, answer);
    if (answer.instance) await mirrorInstance(db, license.id, answer.instance, now, false);
  } catch (error) {
    // 409: CREEM already has it deactivated (e.g. by the app itself a moment ago): the same outcome.
    if (!isCreemError(error) || error.status !== 409) throw error;
    await db.licenseInstance.update({
      where: { id: device.id },
      data: { status: "deactivated", deactivatedAt: now },
    });
  }
  return `“${device.name}” was deactivated. It can no longer use this license.`;
}
