import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserHints } from "./facts";
import { linkUser } from "./link-user";

// Which workspace a CREEM event's subscription, purchase and licenses belong to, and which CREEM customer a
// workspace is tied to. Both are one deterministic rule, whatever order events arrive in; the SQL copies
// (billing_resolve_workspace, billing_link_workspace in migration workspace_billing) are what runs.

type Tx = Prisma.TransactionClient;

/**
 * The workspace an event belongs to, strongest hint first: the workspace the app's checkout was started
 * for (request_id), the workspace the checkout metadata names (only one that exists), the personal
 * workspace of the user the metadata names (checkouts started before workspaces named only the user, then
 * the billing owner), the workspace already tied to the event's CREEM customer, the personal workspace of
 * the user the event belongs to otherwise. So when the metadata names workspace A while the customer is tied
 * to workspace B, every event goes to A; the rows keep the first workspace they were given (every event of
 * one subscription carries the same metadata, so every arrival order gives the same one).
 */
export async function resolveWorkspaceId(
  tx: Tx,
  hints: UserHints,
  userId: string | null,
): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ id: string | null }>>`
    SELECT billing_resolve_workspace(${hints.requestId ?? null}, ${hints.workspaceId ?? null},
      ${hints.userId ?? null}, ${hints.customerId ?? null}, ${userId}) AS id`;
  return rows[0]?.id ?? null;
}

/**
 * After an event of the workspace: ties it to one CREEM customer (`Workspace.creemCustomerId`, which the
 * portal and the next checkout use): the customer of the workspace's earliest subscription or one-time
 * purchase by CREEM's time (ties and unknown times broken by customer id), skipping a customer another
 * workspace is tied to; then gives it the rows of that customer no workspace claimed yet.
 */
export async function linkWorkspace(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT billing_link_workspace(${workspaceId})::text`;
}

/**
 * When a user signs up: the rows bought with their email before they had an account become theirs, in their
 * personal workspace, and that workspace is tied to their CREEM customer.
 */
export async function linkOrphans(tx: Tx, user: { id: string }): Promise<void> {
  await linkUser(tx, user.id);
  const personal = await tx.workspace.findUnique({
    where: { personalOwnerId: user.id },
    select: { id: true },
  });
  if (personal) await linkWorkspace(tx, personal.id);
}
