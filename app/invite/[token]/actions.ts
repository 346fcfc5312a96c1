"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { UserError } from "@/lib/user-error";
import { switchWorkspace } from "@/lib/workspaces/current";
import { ACCEPT_MESSAGES, acceptInvitation, wrongEmailMessage } from "@/lib/workspaces/invitations";

// Accepting an invitation: the signed-in user joins (lib/workspaces/invitations.ts decides, under the
// workspace lock) and the workspace becomes this browser's current one.

const acceptSchema = z.object({
  token: z.string({ error: "The invitation link is incomplete." }).trim().min(1).max(200),
});

export const acceptInvitationAction = validatedActionWithUser(acceptSchema, async (input, user) => {
  const outcome = await acceptInvitation(user, input.token);
  if (outcome.status === "wrong_email") throw new UserError(wrongEmailMessage(outcome.maskedEmail));
  if (outcome.status !== "joined" && outcome.status !== "already_member") {
    throw new UserError(ACCEPT_MESSAGES[outcome.status]);
  }
  await switchWorkspace(user.id, outcome.workspaceId);
  redirect(`/dashboard/members?joined=${outcome.status === "joined" ? "1" : "0"}`);
});
