import { db } from "@/lib/db";
import { getCurrentWorkspace, listWorkspaces } from "@/lib/workspaces/current";

export const dynamic = "force-dynamic";

// The signed-in user's workspaces and the current one, for the header's switcher (the header is static).
export async function GET() {
  const context = await getCurrentWorkspace();
  if (!context) {
    return Response.json(
      { error: "unauthenticated", message: "Sign in to continue." },
      { status: 401, headers: { "cache-control": "no-store" } },
    );
  }
  const workspaces = await listWorkspaces(db, context.user.id);
  return Response.json(
    { current: context.workspace.id, workspaces },
    { headers: { "cache-control": "private, no-store" } },
  );
}
