import "server-only";
import { UserError } from "@/lib/user-error";
import { db } from "@/lib/db";

// Every billing action acts on the signed-in user's own CREEM objects only. Ids from the browser are
// looked up here against the user; a CREEM customer id is never taken from the browser at all.

// The same answer for "no such subscription" and "someone else's", so ids cannot be probed.
export const NOT_YOUR_SUBSCRIPTION = "We could not find that subscription on your account.";
export const NO_CUSTOMER_YET =
  "You do not have a billing account yet. It is created with your first purchase.";

export async function requireOwnedSubscription(userId: string, subscriptionId: string) {
  const subscription = await db.subscription.findUnique({ where: { id: subscriptionId } });
  if (!subscription || subscription.userId !== userId) throw new UserError(NOT_YOUR_SUBSCRIPTION);
  return subscription;
}

/** The user's own CREEM customer id, as stored when CREEM first linked a purchase to them. */
export async function requireCreemCustomerId(userId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { creemCustomerId: true } });
  if (!user?.creemCustomerId) throw new UserError(NO_CUSTOMER_YET);
  return user.creemCustomerId;
}
