import "server-only";
import { UserError } from "@/lib/user-error";
import { db } from "@/lib/db";

// Every billing action acts on the current workspace's own CREEM objects only. Ids from the browser are
// looked up here against the workspace; a CREEM customer id is never taken from the browser at all.

// The same answer for "no such subscription" and "another workspace's", so ids cannot be probed.
export const NOT_YOUR_SUBSCRIPTION = "We could not find that subscription in this workspace.";
export const NO_CUSTOMER_YET =
  "This workspace does not have a billing account yet. It is created with its first purchase.";
export const SHARED_CUSTOMER =
  "This workspace's billing account at CREEM also pays for another of your workspaces, so its portal would " +
  "show both. Manage this workspace's plan, seats and cancellation on this page; its payments are listed below.";

export async function requireOwnedSubscription(workspaceId: string, subscriptionId: string) {
  const subscription = await db.subscription.findUnique({ where: { id: subscriptionId } });
  if (!subscription || subscription.workspaceId !== workspaceId) throw new UserError(NOT_YOUR_SUBSCRIPTION);
  return subscription;
}

/**
 * The CREEM customer whose portal this workspace may open. CREEM keeps one customer per email, so the same
 * person paying for a personal and a team workspace can end up as one CREEM customer, and CREEM's portal
 * shows everything of a customer: every subscription, order and invoice. So the portal is offered only
 * when the customer is this workspace's alone (tied to it, and no other workspace's row is paid by it);
 * otherwise one workspace's portal would show, and let anyone with billing rights in it cancel, the other's
 * billing. Throws NO_CUSTOMER_YET or SHARED_CUSTOMER (the billing page says why).
 */
export async function requirePortalCustomer(workspaceId: string): Promise<string> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { creemCustomerId: true },
  });
  const customerId = workspace?.creemCustomerId;
  if (!customerId) {
    // Rows but no customer of its own: the customer it paid with is tied to another workspace.
    const paid = await db.subscription.findFirst({ where: { workspaceId }, select: { id: true } });
    const bought = await db.purchase.findFirst({ where: { workspaceId }, select: { id: true } });
    throw new UserError(paid || bought ? SHARED_CUSTOMER : NO_CUSTOMER_YET);
  }
  const elsewhere = { customerId, workspaceId: { not: workspaceId } };
  const [sub, purchase, license] = await Promise.all([
    db.subscription.findFirst({ where: elsewhere, select: { id: true } }),
    db.purchase.findFirst({ where: elsewhere, select: { id: true } }),
    db.licenseKey.findFirst({ where: elsewhere, select: { id: true } }),
  ]);
  if (sub || purchase || license) throw new UserError(SHARED_CUSTOMER);
  return customerId;
}
