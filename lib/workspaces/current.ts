import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { publicEnv } from "@/lib/public-env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { safeCallbackUrl } from "@/lib/safe-callback-url";
import { UserError } from "@/lib/user-error";
import { can, deniedMessage, isRole, type Permission, type Role } from "./roles";

// Which workspace a request acts in. The choice is a cookie (so it survives reloads) holding a workspace
// id, which is only a wish: it counts only while the signed-in user is a member of that workspace,
// otherwise the user's personal workspace is used. Every workspace-scoped page, action and route starts
// here, and checks its permission against the role this returns.

export const WORKSPACE_COOKIE = "workspace";

export type WorkspaceSummary = {
  id: string;
  name: string;
  personal: boolean;
  role: Role;
};

export type WorkspaceContext = {
  user: CurrentUser;
  workspace: WorkspaceSummary;
};

type Db = Pick<PrismaClient, "membership">;

/** Every workspace the user belongs to: the personal one first, then teams by name. */
export async function listWorkspaces(client: Db, userId: string): Promise<WorkspaceSummary[]> {
  const memberships = await client.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, name: true, personalOwnerId: true } } },
  });
  return memberships
    .map((m) => ({
      id: m.workspace.id,
      name: m.workspace.name,
      personal: m.workspace.personalOwnerId === userId,
      role: isRole(m.role) ? m.role : "member",
    }))
    .sort((a, b) => Number(b.personal) - Number(a.personal) || a.name.localeCompare(b.name));
}

/** The workspace `wantedId` names when the user is a member of it, else the user's personal workspace. */
export async function resolveWorkspace(
  client: Db,
  userId: string,
  wantedId: string | null | undefined,
): Promise<WorkspaceSummary> {
  const all = await listWorkspaces(client, userId);
  const chosen = all.find((w) => w.id === wantedId) ?? all.find((w) => w.personal);
  // The database creates a personal workspace with every user (trigger user_personal_workspace).
  if (!chosen) throw new Error(`user ${userId} has no personal workspace`);
  return chosen;
}

/** The workspace this request's cookie names for `user` (their personal one when it names none of theirs). */
export async function workspaceOfRequest(user: CurrentUser): Promise<WorkspaceContext> {
  const jar = await cookies();
  const workspace = await resolveWorkspace(db, user.id, jar.get(WORKSPACE_COOKIE)?.value);
  return { user, workspace };
}

/** The signed-in user and the workspace they act in, or null when signed out. */
export async function getCurrentWorkspace(): Promise<WorkspaceContext | null> {
  const user = await getCurrentUser();
  return user ? workspaceOfRequest(user) : null;
}

/** For pages: the current workspace, or a redirect to sign-in. */
export async function requireWorkspace(returnTo = "/dashboard"): Promise<WorkspaceContext> {
  const context = await getCurrentWorkspace();
  if (!context) redirect(`/signin?callbackUrl=${encodeURIComponent(safeCallbackUrl(returnTo))}`);
  return context;
}

/** Throws a UserError (shown as is by server actions) when the role does not allow `permission`. */
export function assertCan(context: WorkspaceContext, permission: Permission): void {
  if (!can(context.workspace.role, permission)) throw new UserError(deniedMessage(permission));
}

/** Makes `workspaceId` the current workspace of this browser, if the user is a member of it. */
export async function switchWorkspace(userId: string, workspaceId: string): Promise<WorkspaceSummary> {
  const all = await listWorkspaces(db, userId);
  const target = all.find((w) => w.id === workspaceId);
  if (!target) throw new UserError("We could not find that workspace.");
  const jar = await cookies();
  jar.set(WORKSPACE_COOKIE, target.id, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    // Like the session cookie: Secure whenever the app is served over HTTPS.
    secure: publicEnv.NEXT_PUBLIC_APP_URL.startsWith("https:"),
    maxAge: 60 * 60 * 24 * 365,
  });
  return target;
}

/**
 * For server actions: the user's context in the workspace a form names (never a fallback, so an action
 * cannot land in another workspace than the page showed). Refused when the user is not a member.
 */
export async function workspaceContextFor(user: CurrentUser, workspaceId: string): Promise<WorkspaceContext> {
  const workspace = (await listWorkspaces(db, user.id)).find((w) => w.id === workspaceId);
  if (!workspace) throw new UserError("We could not find that workspace.");
  return { user, workspace };
}
