"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { emailField } from "@/lib/account/validation";
import { MAX_SEATS } from "@/lib/billing/plans";
import { assertCan, workspaceContextFor } from "@/lib/workspaces/current";
import { inviteMember, resendInvitation, revokeInvitation } from "@/lib/workspaces/invitations";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from "@/lib/workspaces/members";
import { buySeatsForInvitation } from "@/lib/workspaces/seat-purchase";

// The members page's server actions. Each names its workspace (a hidden field), is refused unless the
// signed-in user is a member with the role for it (assertCan here, and again inside the locked
// transaction of lib/workspaces, where the role is re-read), and acts only on rows of that workspace.

const PAGE = "/dashboard/members";
const id = (what: string) =>
  z
    .string({ error: `The ${what} is missing. Reload the page.` })
    .trim()
    .min(1, `The ${what} is missing. Reload the page.`)
    .max(100, `That is not a valid ${what}.`);
const workspaceId = id("workspace");
const inviteRole = z.enum(["admin", "member"], { error: "Choose Admin or Member." });

const inviteSchema = z.object({ workspaceId, email: emailField, role: inviteRole });

export const inviteAction = validatedActionWithUser(inviteSchema, async (input, user) => {
  const context = await workspaceContextFor(user, input.workspaceId);
  assertCan(context, "members.invite");
  await inviteMember(user, context.workspace.id, input);
  revalidatePath(PAGE);
  return { success: `Invitation sent to ${input.email}.` };
});

const inviteWithSeatsSchema = inviteSchema.extend({
  seats: z.coerce.number({ error: "The seats are missing. Reload the page." }).int().min(1).max(MAX_SEATS),
});

/** Buys the seats the invitation needs (CREEM, charge now), then sends it once CREEM confirmed them. */
export const inviteWithSeatsAction = validatedActionWithUser(inviteWithSeatsSchema, async (input, user) => {
  const context = await workspaceContextFor(user, input.workspaceId);
  assertCan(context, "members.invite");
  assertCan(context, "billing.manage");
  const bought = await buySeatsForInvitation(user.id, context.workspace.id, input.seats);
  await inviteMember(user, context.workspace.id, input);
  revalidatePath(PAGE);
  return { success: `${bought} Invitation sent to ${input.email}.`.trim() };
});

const invitationSchema = z.object({ workspaceId, invitationId: id("invitation") });

export const resendInvitationAction = validatedActionWithUser(invitationSchema, async (input, user) => {
  const context = await workspaceContextFor(user, input.workspaceId);
  assertCan(context, "members.invite");
  const success = await resendInvitation(user, context.workspace.id, input.invitationId);
  revalidatePath(PAGE);
  return { success };
});

export const revokeInvitationAction = validatedActionWithUser(invitationSchema, async (input, user) => {
  const context = await workspaceContextFor(user, input.workspaceId);
  assertCan(context, "members.invite");
  const success = await revokeInvitation(user, context.workspace.id, input.invitationId);
  revalidatePath(PAGE);
  return { success };
});

const memberSchema = z.object({ workspaceId, userId: id("member") });

export const changeRoleAction = validatedActionWithUser(
  memberSchema.extend({ role: z.enum(["owner", "admin", "member"], { error: "Choose a role." }) }),
  async (input, user) => {
    const context = await workspaceContextFor(user, input.workspaceId);
    assertCan(context, "members.change_role");
    const success = await changeMemberRole(user, context.workspace.id, input);
    revalidatePath(PAGE);
    return { success };
  },
);

export const removeMemberAction = validatedActionWithUser(memberSchema, async (input, user) => {
  const context = await workspaceContextFor(user, input.workspaceId);
  assertCan(context, "members.remove");
  const success = await removeMember(user, context.workspace.id, input);
  revalidatePath(PAGE);
  return { success };
});

export const transferOwnershipAction = validatedActionWithUser(memberSchema, async (input, user) => {
  const context = await workspaceContextFor(user, input.workspaceId);
  assertCan(context, "workspace.transfer_ownership");
  const success = await transferOwnership(user, context.workspace.id, input);
  revalidatePath(PAGE);
  return { success };
});

export const leaveWorkspaceAction = validatedActionWithUser(
  z.object({ workspaceId }),
  async (input, user) => {
    const context = await workspaceContextFor(user, input.workspaceId);
    await leaveWorkspace(user, context.workspace.id);
    // The workspace cookie now names a workspace the user is not in: the personal one is used instead.
    revalidatePath("/dashboard", "layout");
    redirect("/dashboard?left=1");
  },
);
