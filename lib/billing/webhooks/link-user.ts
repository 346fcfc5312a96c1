import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserHints } from "./facts";

// Which app user a CREEM event belongs to, and which CREEM customer a user is tied to. The tie is one
// deterministic rule, whatever order events arrive in: the customer of the user's earliest subscription or
// one-time purchase by CREEM's time, ties broken by customer id (see tieCustomer). So when one user reaches
// two customers (metadata userId on one checkout, a different buyer email on another), every delivery
// order ends with the same `User.creemCustomerId`.

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
 * After an event of the user: ties them to one CREEM customer (`User.creemCustomerId`, which the portal link
 * uses) by the rule in this file's header, then gives them the rows that arrived before they could be
 * matched. A user can reach several customers: the checkout metadata names the user while the buyer typed
 * another email, or they bought twice with different emails. The tie goes to the customer of the user's
 * earliest subscription or one-time purchase by CREEM's own time (the subscription's created_at, the order's
 * created_at; ties and unknown times broken by the customer id), skipping a customer another user is
 * already tied to; when an earlier purchase arrives late, the tie moves to it. One SQL function
 * (billing_link_user, migration webhook_hot_path) so the webhook hot path runs the same rule inside its
 * single statement.
 */
export async function linkUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT billing_link_user(${userId})::text`;
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
