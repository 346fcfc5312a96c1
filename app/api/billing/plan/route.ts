import { currentPlanOf, SIGNED_OUT } from "@/lib/billing/access";
import { getCurrentWorkspace } from "@/lib/workspaces/current";
import { can } from "@/lib/workspaces/roles";

export const dynamic = "force-dynamic";

// The current workspace's plan, for the static pricing page to mark as "Current plan" in the browser. Every
// member may know which plan the workspace is on (they use it); `canBuy` says whether this one may change it.
export async function GET() {
  const context = await getCurrentWorkspace();
  const body = context
    ? {
        ...(await currentPlanOf(context.workspace.id)),
        workspace: { name: context.workspace.name, personal: context.workspace.personal },
        canBuy: can(context.workspace.role, "billing.manage"),
      }
    : SIGNED_OUT;
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
}
