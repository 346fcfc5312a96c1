import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordActivity } from "./activity";

// Creating a team workspace: the creator is its first owner, and the log says who created it, all in one
// transaction (a workspace never exists without an owner). Personal workspaces are made by the database
// trigger `user_personal_workspace`, never here.

export const WORKSPACE_NAME_MAX = 60;

export const workspaceNameSchema = z
  .string({ error: "Enter a name for the workspace." })
  .trim()
  .min(1, "Enter a name for the workspace.")
  .max(WORKSPACE_NAME_MAX, `Workspace names are at most ${WORKSPACE_NAME_MAX} characters.`)
  // No control characters: the name is shown in headers, mails and the activity log.
  .refine(
    (name) => !/[\u0000-\u001f\u007f]/.test(name),
    "The name contains characters that cannot be shown.",
  );

type Db = Pick<PrismaClient, "$transaction">;

export async function createTeamWorkspace(
  db: Db,
  creatorId: string,
  name: string,
): Promise<{ id: string; name: string }> {
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { name, memberships: { create: { userId: creatorId, role: "owner" } } },
      select: { id: true, name: true },
    });
    await recordActivity(tx, {
      workspaceId: workspace.id,
      actorId: creatorId,
      action: "workspace.created",
      details: { name },
    });
    return workspace;
  });
}
