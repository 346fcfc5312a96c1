import { isCreemError } from "@/lib/creem";
import { NO_CUSTOMER_YET, SHARED_CUSTOMER } from "@/lib/billing/ownership";
import { billingPortalLink } from "@/lib/billing/subscriptions/changes";
import { UserError } from "@/lib/user-error";
import { requireWorkspace } from "@/lib/workspaces/current";
import { can } from "@/lib/workspaces/roles";

export const dynamic = "force-dynamic";

// "Manage billing" opens here in a new tab (rel="noopener noreferrer"): a fresh CREEM customer portal
// link for the current workspace's own CREEM customer, then a redirect to it. Only owners and admins
// (`billing.manage`). When there is none (no purchase yet, a customer shared with another workspace, CREEM
// unavailable, not allowed) the tab lands on the billing page, which says why (?portal=<code>).
const NOTICE_CODES = new Map([
  [NO_CUSTOMER_YET, "no_account"],
  [SHARED_CUSTOMER, "shared"],
]);

export async function GET() {
  const { workspace } = await requireWorkspace("/dashboard/billing");
  let location: string;
  if (!can(workspace.role, "billing.manage")) {
    location = "/dashboard/billing?portal=forbidden";
  } else {
    try {
      location = await billingPortalLink(workspace.id);
    } catch (error) {
      if (!(error instanceof UserError) && !isCreemError(error)) throw error;
      const code = (error instanceof UserError && NOTICE_CODES.get(error.message)) || "unavailable";
      location = `/dashboard/billing?portal=${code}`;
    }
  }
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}
