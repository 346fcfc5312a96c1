import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { recordActivity } from "./activity";
import { LOCKED_TX, lockWorkspace, roleIn } from "./lock";
import {
  assignableRoles,
  can,
  canManageMember,
  deniedMessage,
  ROLE_LABELS,
  type Permission,
  type Role,
} from "./roles";

// Changes to who is in a workspace and with which role. Each runs in one transaction that locks the
// workspace row, re-reads both roles under the lock and writes its activity entry, so "a workspace always
// keeps one owner" holds even when two owners demote or remove each other at the same moment. Removing a
// member frees a seat but never changes the bill (the members page suggests lowering seats).

type Tx = Prisma.TransactionClient;
type Actor = { id: string };

export const LAST_OWNER =
  "A workspace needs an owner. Make someone else an owner (or transfer ownership) first.";
const NOT_A_MEMBER = "We could not find that member in this workspace.";

async function actorRole(
  tx: Tx,
  workspaceId: string,
  actorId: string,
  permission: Permission,
): Promise<Role> {
  const role = await roleIn(tx, workspaceId, actorId);
  if (!role) throw new UserError("We could not find that workspace.");
  if (!can(role, permission)) throw new UserError(deniedMessage(permission));
  return role;
}

async function targetRole(tx: Tx, workspaceId: string, userId: string): Promise<Role> {
  const role = await roleIn(tx, workspaceId, userId);
  if (!role) throw new UserError(NOT_A_MEMBER);
  return role;
}

const ownerCount = (tx: Tx, workspaceId: string) =>
  tx.membership.count({ where: { workspaceId, role: "owner" } });

async function displayName(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  return user?.name ?? user?.email ?? "That member";
}

export async function changeMemberRole(
  actor: Actor,
  workspaceId: string,
  input: { userId: string; role: Role },
): Promise<string> {
  return db.$transaction(async (tx) => {
    const workspace = await lockWorkspace(tx, workspaceId);
    const mine = await actorRole(tx, workspaceId, actor.id, "members.change_role");
    if (workspace.personal) throw new UserError("A personal workspace has one member, its owner.");
    // An owner may step down while another owner remains (checked below); nobody else changes their own role.
    if (input.userId === actor.id && mine !== "owner")
      throw new UserError("You cannot change your own role.");
    const theirs = await targetRole(tx, workspaceId, input.userId);
    if (input.userId !== actor.id && !canManageMember(mine, theirs)) {
      throw new UserError("Only an owner can change the role of an owner or admin.");
    }
    if (!assignableRoles(mine).includes(input.role)) {
      throw new UserError(
        `You can make people ${assignableRoles(mine)
          .map((r) => ROLE_LABELS[r].toLowerCase())
          .join(" or ")}.`,
      );
    }
    const name = await displayName(tx, input.userId);
    if (theirs === input.role) return `${name} is already ${ROLE_LABELS[input.role].toLowerCase()}.`;
    if (theirs === "owner" && (await ownerCount(tx, workspaceId)) <= 1) throw new UserError(LAST_OWNER);
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId, userId: input.userId } },
      data: { role: input.role },
    });
    await recordActivity(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.role_changed",
      details: { userId: input.userId, name, from: theirs, to: input.role },
    });
    return `${name} is now ${ROLE_LABELS[input.role].toLowerCase()}.`;
  }, LOCKED_TX);
}

export async function removeMember(
  actor: Actor,
  workspaceId: string,
  input: { userId: string },
): Promise<string> {
  if (input.userId === actor.id) throw new UserError("To remove yourself, use Leave workspace.");
  return db.$transaction(async (tx) => {
    const workspace = await lockWorkspace(tx, workspaceId);
    const mine = await actorRole(tx, workspaceId, actor.id, "members.remove");
    if (workspace.personal) throw new UserError("A personal workspace has one member, its owner.");
    const theirs = await targetRole(tx, workspaceId, input.userId);
    if (!canManageMember(mine, theirs)) throw new UserError("Only an owner can remove an owner or admin.");
    if (theirs === "owner" && (await ownerCount(tx, workspaceId)) <= 1) throw new UserError(LAST_OWNER);
    const name = await displayName(tx, input.userId);
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId: input.userId } } });
    await recordActivity(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.removed",
      details: { userId: input.userId, name, role: theirs },
    });
    return `${name} was removed from ${workspace.name}. The seat is free; your bill does not change until you lower seats.`;
  }, LOCKED_TX);
}

export async function leaveWorkspace(actor: Actor, workspaceId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const workspace = await lockWorkspace(tx, workspaceId);
    const mine = await roleIn(tx, workspaceId, actor.id);
    if (!mine) throw new UserError("We could not find that workspace.");
    if (workspace.personal) throw new UserError("You cannot leave your personal workspace.");
    if (mine === "owner" && (await ownerCount(tx, workspaceId)) <= 1) {
      throw new UserError("You are the last owner. Transfer ownership to someone else before you leave.");
    }
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId: actor.id } } });
    await recordActivity(tx, {
      workspaceId,
      actorId: actor.id,
      action: "member.left",
      details: { name: await displayName(tx, actor.id), role: mine },
    });
    return `You left ${workspace.name}.`;
  }, LOCKED_TX);
}

/** Makes another member the owner and the actor an admin, in one step. */
export async function transferOwnership(
  actor: Actor,
  workspaceId: string,
  input: { userId: string },
): Promise<string> {
  if (input.userId === actor.id) throw new UserError("Choose another member to transfer ownership to.");
  return db.$transaction(async (tx) => {
    const workspace = await lockWorkspace(tx, workspaceId);
    await actorRole(tx, workspaceId, actor.id, "workspace.transfer_ownership");
    if (workspace.personal) throw new UserError("A personal workspace cannot be transferred.");
    const theirs = await targetRole(tx, workspaceId, input.userId);
    const name = await displayName(tx, input.userId);
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId, userId: input.userId } },
      data: { role: "owner" },
    });
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId, userId: actor.id } },
      data: { role: "admin" },
    });
    await recordActivity(tx, {
      workspaceId,
      actorId: actor.id,
      action: "workspace.ownership_transferred",
      details: { userId: input.userId, name, from: theirs },
    });
    return `${name} now owns ${workspace.name}. You are an admin.`;
  }, LOCKED_TX);
}

/**
 * For account deletion (lib/account/deletion.ts): refuses while the user is the last owner of a team
 * workspace that has other members.
 */
export async function lastOwnerBlocker(userId: string): Promise<string | null> {
  const owned = await db.membership.findMany({
    where: { userId, role: "owner", workspace: { personalOwnerId: null } },
    select: {
      workspace: {
        select: {
          name: true,
          memberships: { select: { userId: true, role: true } },
        },
      },
    },
  });
  const stuck = owned
    .map((m) => m.workspace)
    .filter(
      (w) =>
        w.memberships.some((m) => m.userId !== userId) &&
        !w.memberships.some((m) => m.userId !== userId && m.role === "owner"),
    );
  if (stuck.length === 0) return null;
  const names = stuck.map((w) => w.name).join(", ");
  return `You are the last owner of ${names} with other members: transfer ownership first.`;
}
