import { isCreemError } from "@/lib/creem";
import { requireUser } from "@/lib/auth";
import { NO_CUSTOMER_YET } from "@/lib/billing/ownership";
import { billingPortalLink } from "@/lib/billing/subscriptions/changes";
import { UserError } from "@/lib/user-error";

export const dynamic = "force-dynamic";

// "Manage billing" opens here in a new tab (rel="noopener noreferrer"): a fresh CREEM customer portal
// link for the signed-in user's own CREEM customer, then a redirect to it. When there is none (no
// purchase yet, CREEM unavailable) the tab lands on the billing page, which says why (?portal=<code>).
export async function GET() {
  const user = await requireUser("/dashboard/billing");
  let location: string;
  try {
    location = await billingPortalLink(user.id);
  } catch (error) {
    if (!(error instanceof UserError) && !isCreemError(error)) throw error;
    const code =
      error instanceof UserError && error.message === NO_CUSTOMER_YET ? "no_account" : "unavailable";
    location = `/dashboard/billing?portal=${code}`;
  }
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}
