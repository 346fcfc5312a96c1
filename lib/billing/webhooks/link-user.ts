import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserHints } from "./facts";

// Which app user bought what a CREEM event is about (the rows keep `userId` = who bought; what they may use
// follows the workspace, see link-workspace.ts). A user is known by the user id the app put in the checkout
// metadata, the user who started the checkout (request_id), the owner of the personal workspace tied to the
// CREEM customer, or the buyer's email.

type Tx = Prisma.TransactionClient;

/**
 * The app user an event belongs to: the user id in the checkout metadata, the user who started the
 * checkout (request_id), the owner of the personal workspace tied to the customer, or the user with the
 * customer's email. Null when none is known yet: the rows are kept and linked when the user appears.
 */
export async function resolveUserId(tx: Tx, hints: UserHints): Promise<string | null> {
  if (!hints.userId && !hints.requestId && !hints.customerId && !hints.email) return null;
  // One round trip on the webhook hot path; emails are stored lower-case (see lib/auth.ts).
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM (
      SELECT id, 1 AS rank FROM "User" WHERE id = ${hints.userId ?? null}
      UNION ALL SELECT "userId", 2 FROM "Checkout" WHERE "requestId" = ${hints.requestId ?? null}
      UNION ALL SELECT "personalOwnerId", 3 FROM "Workspace"
        WHERE "creemCustomerId" = ${hints.customerId ?? null} AND "personalOwnerId" IS NOT NULL
      UNION ALL SELECT id, 4 FROM "User" WHERE email = ${hints.email?.toLowerCase() ?? null}
    ) AS candidates ORDER BY rank LIMIT 1`;
  return rows[0]?.id ?? null;
}

/**
 * After an event of the user, and when a user signs up: gives them the rows bought with their email before
 * they could be matched; those no workspace claimed go to the user's personal workspace. One SQL function
 * (billing_link_user, migration workspace_billing) so the webhook hot path runs the same rule.
 */
export async function linkUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT billing_link_user(${userId})::text`;
}
