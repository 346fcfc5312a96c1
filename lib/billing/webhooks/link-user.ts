import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserHints } from "./facts";

type Tx = Prisma.TransactionClient;

/**
 * The app user an event belongs to: the user id the app put in the checkout metadata, the user who
 * started the checkout (request_id), the user already tied to this CREEM customer, or the user with the
 * customer's email. Null when none is known yet: the rows are kept and linked when the user appears.
 */
export async function resolveUserId(tx: Tx, hints: UserHints): Promise<string | null> {
  if (!hints.userId && !hints.requestId && !hints.customerId && !hints.email) return null;
  // One round trip on the webhook hot path; emails are stored lower-case (see lib/auth.ts).
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM (
      SELECT id, 1 AS rank FROM "User" WHERE id = ${hints.userId ?? null}
      UNION ALL SELECT "userId", 2 FROM "Checkout" WHERE "requestId" = ${hints.requestId ?? null}
      UNION ALL SELECT id, 3 FROM "User" WHERE "creemCustomerId" = ${hints.customerId ?? null}
      UNION ALL SELECT id, 4 FROM "User" WHERE email = ${hints.email?.toLowerCase() ?? null}
    ) AS candidates ORDER BY rank LIMIT 1`;
  return rows[0]?.id ?? null;
}

/**
 * Remembers the user's CREEM customer id (for portal links) unless they have one or another user has
 * this one. True when it was set now, i.e. the user was just tied to this customer.
 */
export async function rememberCustomerId(
  tx: Tx,
  userId: string,
  customerId: string | undefined,
): Promise<boolean> {
  if (!customerId) return false;
  const updated = await tx.$executeRaw`
    UPDATE "User" SET "creemCustomerId" = ${customerId}, "updatedAt" = now()
    WHERE id = ${userId} AND "creemCustomerId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "User" WHERE "creemCustomerId" = ${customerId})`;
  return updated === 1;
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
      { customerEmail: user.email.toLowerCase() },
      ...(user.creemCustomerId ? [{ customerId: user.creemCustomerId }] : []),
    ],
  };
  const data = { userId: user.id };
  await tx.subscription.updateMany({ where: match, data });
  await tx.purchase.updateMany({ where: match, data });
  await tx.licenseKey.updateMany({ where: match, data });
}
