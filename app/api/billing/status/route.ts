import { getSubscriptionStates } from "@/lib/billing/account/queries";
import { getCurrentWorkspace } from "@/lib/workspaces/current";
import { can } from "@/lib/workspaces/roles";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

// Polled by the billing forms after an action, until the stored state reflects CREEM's change. The current
// workspace's subscriptions, for those who may see its billing (`billing.view`).
export async function GET() {
  const context = await getCurrentWorkspace();
  if (!context) {
    return Response.json(
      { error: "unauthenticated", message: "Sign in to continue." },
      { status: 401, headers: noStore },
    );
  }
  if (!can(context.workspace.role, "billing.view")) {
    return Response.json(
      { error: "forbidden", message: "Only an owner or admin of this workspace can see its billing." },
      { status: 403, headers: noStore },
    );
  }
  const subscriptions = await getSubscriptionStates(context.workspace.id);
  return Response.json({ subscriptions }, { headers: noStore });
}
