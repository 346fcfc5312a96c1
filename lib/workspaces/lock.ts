import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UserError } from "@/lib/user-error";
import { isRole, type Role } from "./roles";

// Every change to a workspace's people (invite, accept, role change, removal, transfer) starts by locking
// the workspace row, so changes to one workspace happen one at a time: seat counts and "at least one owner"
// are decided on what is really there, not on what another transaction is about to change.

export type LockedWorkspace = { id: string; name: string; personal: boolean };

export const WORKSPACE_NOT_FOUND = "We could not find that workspace.";

/** Locks the workspace row until the transaction ends (SELECT ... FOR UPDATE). */
export async function lockWorkspace(
  tx: Prisma.TransactionClient,
  workspaceId: string,
): Promise<LockedWorkspace> {
  const rows = await tx.$queryRaw<Array<{ id: string; name: string; personalOwnerId: string | null }>>`
    SELECT "id", "name", "personalOwnerId" FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new UserError(WORKSPACE_NOT_FOUND);
  return { id: row.id, name: row.name, personal: row.personalOwnerId !== null };
}

/** The role `userId` has in the workspace now (read inside the lock), or null when not a member. */
export async function roleIn(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  userId: string,
): Promise<Role | null> {
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  return membership && isRole(membership.role) ? membership.role : null;
}

/** Interactive transactions that wait on the workspace lock: room for a queue of people accepting at once. */
export const LOCKED_TX = { maxWait: 15_000, timeout: 20_000 } as const;
