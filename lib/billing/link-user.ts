import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserHints } from "./facts";

type Tx = Prisma.TransactionClient;

/**
 * The app user an event belongs to: the user id the app put in the checkout metadata, the user who
 * started the checkout (request_id), the user already tied to this CREEM customer, or the user with the
 * customer's email. Null when none is known yet: the rows are kept and linked when the user appears.
 */
export async function resolveUserId(tx: Tx, hints: UserHints): Promise<string | null> {
  if (hints.userId) {
    const user = await tx.user.findUnique({ where: { id: hints.userId }, select: { id: true } });
    if (user) return user.id;
  }
  if (hints.requestId) {
    const checkout = await tx.checkout.findUnique({
      where: { requestId: hints.requestId },
      select: { userId: true },
    });
    if (checkout) return checkout.userId;
  }
  if (hints.customerId) {
    const user = await tx.user.findUnique({
      where: { creemCustomerId: hints.customerId },
      select: { id: true },
    });
    if (user) return user.id;
  }
  if (hints.email) {
    const user = await tx.user.findFirst({
      where: { email: { equals: hints.email, mode: "insensitive" } },
      select: { id: true },
    });
    if (user) return user.id;
  }
  return null;
}

/** Remembers the user's CREEM customer id (for portal links), unless another user already has it. */
export async function rememberCustomerId(tx: Tx, userId: string, customerId: string | undefined) {
  if (!customerId) return;
  const owner = await tx.user.findUnique({ where: { creemCustomerId: customerId }, select: { id: true } });
  if (owner) return;
  await tx.user.updateMany({
    where: { id: userId, creemCustomerId: null },
    data: { creemCustomerId: customerId },
  });
}

/**
 * Gives a user the billing rows that arrived before they signed up (matched by verified email or CREEM
 * customer id). Called when a user is created and after every applied event.
 */
export async function linkOrphans(
  tx: Tx,
  user: { id: string; email: string; creemCustomerId?: string | null },
) {
  const match = {
    userId: null,
    OR: [
      { customerEmail: { equals: user.email, mode: "insensitive" as const } },
      ...(user.creemCustomerId ? [{ customerId: user.creemCustomerId }] : []),
    ],
  };
  const data = { userId: user.id };
  await tx.subscription.updateMany({ where: match, data });
  await tx.purchase.updateMany({ where: match, data });
  await tx.licenseKey.updateMany({ where: match, data });
}
