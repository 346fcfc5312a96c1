import { getCurrentUser } from "@/lib/auth";
import { getSubscriptionStates } from "@/lib/billing/account/queries";

export const dynamic = "force-dynamic";

// Polled by the billing forms after an action, until the stored state reflects CREEM's change.
export async function GET() {
  const user = await getCurrentUser();
  if (!user) {
    return Response.json(
      { error: "unauthenticated", message: "Sign in to continue." },
      { status: 401, headers: { "cache-control": "no-store" } },
    );
  }
  const subscriptions = await getSubscriptionStates(user.id);
  return Response.json({ subscriptions }, { headers: { "cache-control": "no-store" } });
}
