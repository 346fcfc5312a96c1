"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { db } from "@/lib/db";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { createTeamWorkspace, workspaceNameSchema } from "@/lib/workspaces/create";
import { switchWorkspace } from "@/lib/workspaces/current";

// The header's workspace switcher: choosing a workspace (a cookie, honoured only while the user is a member
// of it: lib/workspaces/current.ts) and creating a team workspace, whose creator becomes its owner.

const switchSchema = z.object({
  workspaceId: z.string().trim().min(1, "Choose a workspace.").max(200, "Choose a workspace."),
  returnTo: z.string().max(2000).optional(),
});

export const switchWorkspaceAction = validatedActionWithUser(switchSchema, async (input, user) => {
  const workspace = await switchWorkspace(user.id, input.workspaceId);
  redirect(safeCallbackUrl(input.returnTo ?? "/dashboard"));
  return { success: `Switched to ${workspace.name}.` };
});

const createSchema = z.object({ name: workspaceNameSchema });

// Creates the workspace and makes it the current one; the dialog then opens the dashboard with a full load,
// so the header (which outlives client navigations) shows the new workspace too.
export const createWorkspaceAction = validatedActionWithUser(createSchema, async (input, user) => {
  const workspace = await createTeamWorkspace(db, user.id, input.name);
  await switchWorkspace(user.id, workspace.id);
  return { success: `${workspace.name} is ready.` };
});
