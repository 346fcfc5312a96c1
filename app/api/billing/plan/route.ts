import { getCurrentUser } from "@/lib/auth";
import { currentPlanOf, SIGNED_OUT } from "@/lib/billing/access";

export const dynamic = "force-dynamic";

// The signed-in user's plan, for the static pricing page to mark as "Current plan" in the browser.
export async function GET() {
  const user = await getCurrentUser();
  const body = user ? await currentPlanOf(user.id) : SIGNED_OUT;
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
}
