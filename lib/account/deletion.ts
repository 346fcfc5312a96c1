import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { allows } from "@/lib/billing/subscription-status";
import { cancelSubscription } from "@/lib/billing/subscriptions/changes";
import { lastOwnerBlocker } from "@/lib/workspaces/members";
import { deletedEmailFor } from "./session-payload";

// Deleting an account: the running subscriptions of the user's PERSONAL workspace are cancelled at CREEM
// first (at period end; a paused one, which cannot be, right away), then the personal data goes and the user
// row stays as an anonymous anchor for the billing records a merchant must keep (subscriptions, purchases,
// licenses, checkouts). A team workspace's billing is the team's: it goes on, whoever of its members bought it.

/**
 * Reasons that stop a deletion, each a check of its own: the last owner of a team workspace with other
 * members must transfer it first (lib/workspaces/members.ts).
 */
export const deletionChecks: Array<(userId: string) => Promise<string | null>> = [lastOwnerBlocker];

export async function deletionBlockers(userId: string): Promise<string[]> {
  const reasons = await Promise.all(deletionChecks.map((check) => check(userId)));
  return reasons.filter((r): r is string => r !== null);
}

/**
 * The subscriptions of the user's personal workspace that would go on billing them, and how each is
 * cancelled: at period end, or right away when the status table allows nothing else (paused).
 */
export type PlannedCancellation = { id: string; when: "period_end" | "now" };

async function personalWorkspaceId(userId: string): Promise<string> {
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { personalOwnerId: userId },
    select: { id: true },
  });
  return workspace.id;
}

export async function plannedCancellations(userId: string): Promise<PlannedCancellation[]> {
  const subscriptions = await db.subscription.findMany({
    where: { workspaceId: await personalWorkspaceId(userId) },
    select: { id: true, status: true },
  });
  return subscriptions.flatMap((sub): PlannedCancellation[] => {
    if (allows("period_end", sub.status)) return [{ id: sub.id, when: "period_end" }];
    if (sub.status === "paused" && allows("now", sub.status)) return [{ id: sub.id, when: "now" }];
    return [];
  });
}

/** Cancels what would keep billing the user; returns the ids cancelled (throws if CREEM refuses one). */
async function cancelRunningSubscriptions(userId: string): Promise<string[]> {
  const cancelled: string[] = [];
  const actor = { userId, workspaceId: await personalWorkspaceId(userId) };
  for (const { id, when } of await plannedCancellations(userId)) {
    await cancelSubscription(actor, { subscriptionId: id, when });
    cancelled.push(id);
  }
  return cancelled;
}

export type DeletionResult = { cancelledSubscriptions: string[] };

/**
 * Deletes the user's account after `confirmEmail` matched their address. Signs them out everywhere (all
 * session rows go); the caller clears this browser's cookie.
 */
export async function deleteAccount(
  user: { id: string; email: string },
  confirmEmail: string,
): Promise<DeletionResult> {
  if (confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
    throw new UserError("Type your email address exactly as shown to confirm.");
  }
  const blockers = await deletionBlockers(user.id);
  if (blockers.length) throw new UserError(blockers.join(" "));

  // CREEM first: if it refuses, nothing is deleted and the user can try again or cancel on the billing page.
  const cancelledSubscriptions = await cancelRunningSubscriptions(user.id);

  await db.$transaction(async (tx) => {
    const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
    const emails = [row.email, user.email.toLowerCase()];
    await tx.user.update({
      where: { id: user.id },
      data: {
        name: null,
        image: null,
        email: deletedEmailFor(user.id),
        emailVerified: null,
        deletedAt: new Date(),
      },
    });
    await tx.account.deleteMany({ where: { userId: user.id } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.emailChangeToken.deleteMany({ where: { userId: user.id } });
    await tx.verificationToken.deleteMany({ where: { identifier: { in: emails } } });
    await tx.devMail.deleteMany({ where: { to: { in: emails } } });
    // The billing rows stay linked to the anonymous row; the address they were bought with does not.
    const mine = { userId: user.id };
    await tx.subscription.updateMany({ where: mine, data: { customerEmail: null } });
    await tx.purchase.updateMany({ where: mine, data: { customerEmail: null } });
    await tx.licenseKey.updateMany({ where: mine, data: { customerEmail: null } });
  });
  return { cancelledSubscriptions };
}
