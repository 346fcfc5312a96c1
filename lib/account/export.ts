import "server-only";
import { db } from "@/lib/db";
import { maskKey } from "./rules";

// "Export my data": everything the app stores about the signed-in user, as JSON. Secrets stay out
// (session and OAuth tokens are never selected); license keys are masked but for their last 4 characters.

export const EXPORT_VERSION = 1;

export async function exportUserData(userId: string, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      image: true,
      createdAt: true,
      updatedAt: true,
      // The CREEM customer is the personal workspace's now (billing belongs to workspaces).
      personalWorkspace: { select: { id: true, name: true, creemCustomerId: true } },
      // Providers only: access, refresh and id tokens are secrets.
      accounts: { select: { provider: true, type: true, createdAt: true } },
      // No sessionToken: it is the cookie that signs the browser in.
      sessions: { select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true, expires: true } },
      subscriptions: {
        select: {
          id: true,
          productId: true,
          status: true,
          units: true,
          currentPeriodStart: true,
          currentPeriodEnd: true,
          cancelAtPeriodEnd: true,
          canceledAt: true,
          trialEnd: true,
          startedAt: true,
          customerEmail: true,
          createdAt: true,
        },
      },
      purchases: {
        select: {
          id: true,
          productId: true,
          amount: true,
          currency: true,
          status: true,
          purchasedAt: true,
          customerEmail: true,
        },
      },
      licenseKeys: {
        select: {
          id: true,
          productId: true,
          key: true,
          status: true,
          activations: true,
          activationLimit: true,
          expiresAt: true,
          createdAt: true,
        },
      },
      checkouts: {
        select: { requestId: true, productId: true, units: true, status: true, createdAt: true },
      },
      emailChanges: { select: { newEmail: true, createdAt: true, expires: true, usedAt: true } },
    },
  });
  const {
    accounts,
    sessions,
    subscriptions,
    purchases,
    licenseKeys,
    checkouts,
    emailChanges,
    personalWorkspace,
    ...profile
  } = user;
  return {
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    profile: { ...profile, creemCustomerId: personalWorkspace?.creemCustomerId ?? null },
    signInMethods: accounts,
    sessions,
    subscriptions,
    purchases,
    licenses: licenseKeys.map(({ key, ...license }) => ({ ...license, key: maskKey(key) })),
    checkouts,
    emailChanges,
  };
}

export type UserDataExport = Awaited<ReturnType<typeof exportUserData>>;
