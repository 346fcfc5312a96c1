import "server-only";
import { isCreemError, type CreemClient } from "@/lib/creem";
import { getCreem } from "@/lib/creem/server";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { UserError } from "@/lib/user-error";
import { catalog } from "@/lib/billing/catalog";
import { requireOwnedSubscription, requirePortalCustomer } from "@/lib/billing/ownership";
import { recordActivity, type ActivityAction } from "@/lib/workspaces/activity";
import { CHANGE_BEHAVIOR } from "./proration";
import { refusalFor, type SubscriptionChange } from "@/lib/billing/subscription-status";
import { billingLabel } from "./view";
import { recordCancelIntent } from "@/lib/billing/webhooks/apply";
import { syncSubscription } from "@/lib/billing/webhooks/sync";
import { seatReductionRefusalFor } from "@/lib/workspaces/seats";

// Subscription changes the billing page offers. Each one: check the subscription is the workspace's, check
// CREEM will accept the change, call CREEM, then pull the new state right away so the page updates even
// when the webhook is slow (the webhook goes through the same apply step), and record it in the workspace's
// activity log. Inputs arrive validated (and the caller's `billing.manage` checked) by the server actions in
// app/dashboard/billing/actions.ts; a refusal is a UserError with the reason.

/** Who asks for a change, and the workspace whose billing it is. */
export type BillingActor = { userId: string; workspaceId: string };

async function recordChange(
  actor: BillingActor,
  action: ActivityAction,
  details: Record<string, string | number>,
) {
  await recordActivity(db, { workspaceId: actor.workspaceId, actorId: actor.userId, action, details });
}

function refuseUnless(change: SubscriptionChange, status: string) {
  const reason = refusalFor(change, status);
  if (reason) throw new UserError(reason);
}

async function syncAfterChange(creem: CreemClient, id: string) {
  try {
    await syncSubscription(db, creem, id);
  } catch (error) {
    const why = isCreemError(error) ? `CREEM ${error.code}` : String(error);
    console.warn(`[billing] sync after changing ${id} failed (${why}); the webhook will bring the change`);
  }
}

/**
 * Makes the change in CREEM, then stores CREEM's new state. A conflict means the stored state was out of
 * date (CREEM refused the change): the real state is stored too, so a reload shows why.
 */
async function changeInCreem(creem: CreemClient, id: string, call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    if (isCreemError(error) && error.code === "conflict") await syncAfterChange(creem, id);
    throw error;
  }
  await syncAfterChange(creem, id);
}

export const seatsLabel = (n: number) => (n === 1 ? "1 seat" : `${n} seats`);

export async function changeSeats(
  actor: BillingActor,
  input: { subscriptionId: string; seats: number },
): Promise<string> {
  const sub = await requireOwnedSubscription(actor.workspaceId, input.subscriptionId);
  const plan = catalog.byProductId(sub.productId)?.plan;
  if (!plan?.perSeat) throw new UserError(`${plan?.name ?? "This"} plan is not priced per seat.`);
  refuseUnless("change", sub.status);
  if (input.seats < plan.seats.min || input.seats > plan.seats.max) {
    throw new UserError(
      `${plan.name} has ${plan.seats.min} to ${plan.seats.max} seats. Contact us for more.`,
    );
  }
  if (input.seats === sub.units) throw new UserError(`You already have ${seatsLabel(sub.units)}.`);
  // Never fewer seats than the workspace's members and pending invitations hold.
  const tooFew = input.seats < sub.units ? await seatReductionRefusalFor(sub.id, input.seats) : null;
  if (tooFew) throw new UserError(tooFew);

  const creem = getCreem();
  // CREEM changes seats on a subscription item; its id is only known to CREEM.
  const current = await creem.subscriptions.get(sub.id);
  const item = current.items?.find((i) => i.productId === sub.productId) ?? current.items?.[0];
  await changeInCreem(creem, sub.id, () =>
    creem.subscriptions.update(sub.id, {
      items: [item ? { id: item.id, units: input.seats } : { productId: sub.productId, units: input.seats }],
      updateBehavior: CHANGE_BEHAVIOR,
    }),
  );
  await recordChange(actor, "billing.seats_changed", {
    subscriptionId: sub.id,
    from: sub.units,
    to: input.seats,
  });
  return `Your ${plan.name} plan now has ${seatsLabel(input.seats)}.`;
}

export async function changePlan(
  actor: BillingActor,
  input: { subscriptionId: string; productId: string },
): Promise<string> {
  const sub = await requireOwnedSubscription(actor.workspaceId, input.subscriptionId);
  const target = catalog.byProductId(input.productId);
  if (!target || target.price.interval === "once")
    throw new UserError("That plan is not available. Choose one of the plans listed.");
  const name = `${target.plan.name} (${billingLabel(target.price.interval).toLowerCase()})`;
  if (sub.productId === input.productId) throw new UserError(`You are already on ${name}.`);
  refuseUnless("change", sub.status);
  if (sub.units < target.plan.seats.min || sub.units > target.plan.seats.max) {
    throw new UserError(
      target.plan.perSeat
        ? `${target.plan.name} has ${target.plan.seats.min} to ${target.plan.seats.max} seats.`
        : `${target.plan.name} is for one person. Reduce your seats to 1 first.`,
    );
  }

  const creem = getCreem();
  await changeInCreem(creem, sub.id, () =>
    creem.subscriptions.upgrade(sub.id, { productId: input.productId, updateBehavior: CHANGE_BEHAVIOR }),
  );
  await recordChange(actor, "billing.plan_changed", {
    subscriptionId: sub.id,
    from: sub.productId,
    to: input.productId,
  });
  return `You are now on ${name}.`;
}

export async function cancelSubscription(
  actor: BillingActor,
  input: { subscriptionId: string; when: "period_end" | "now" },
): Promise<string> {
  const sub = await requireOwnedSubscription(actor.workspaceId, input.subscriptionId);
  refuseUnless(input.when, sub.status);

  const creem = getCreem();
  const scheduled = input.when === "period_end";
  await changeInCreem(creem, sub.id, async () => {
    await creem.subscriptions.cancel(
      sub.id,
      scheduled ? { mode: "scheduled", onExecute: "cancel" } : { mode: "immediate" },
    );
    // CREEM may report either cancellation as `canceled` with a future period end: what was asked for
    // decides whether access lasts until then (see Subscription.cancelIntent).
    await recordCancelIntent(db, sub.id, scheduled ? "period_end" : "immediate", new Date());
  });
  await recordChange(actor, "billing.canceled", { subscriptionId: sub.id, when: input.when });
  if (!scheduled) return "Your subscription is canceled. Paid features are no longer available.";
  const end = sub.currentPeriodEnd ? ` on ${formatDate(sub.currentPeriodEnd)}` : " at the end of the period";
  return `Your subscription will end${end}. You keep access until then.`;
}

export async function pauseSubscription(
  actor: BillingActor,
  input: { subscriptionId: string },
): Promise<string> {
  const sub = await requireOwnedSubscription(actor.workspaceId, input.subscriptionId);
  refuseUnless("pause", sub.status);

  const creem = getCreem();
  await changeInCreem(creem, sub.id, () => creem.subscriptions.pause(sub.id));
  await recordChange(actor, "billing.paused", { subscriptionId: sub.id });
  return "Your subscription is paused. You will not be charged until you resume it.";
}

export async function resumeSubscription(
  actor: BillingActor,
  input: { subscriptionId: string },
): Promise<string> {
  const sub = await requireOwnedSubscription(actor.workspaceId, input.subscriptionId);
  refuseUnless("resume", sub.status);

  const creem = getCreem();
  await changeInCreem(creem, sub.id, () => creem.subscriptions.resume(sub.id));
  await recordChange(actor, "billing.resumed", { subscriptionId: sub.id });
  return sub.status === "scheduled_cancel"
    ? "Your subscription will continue. It is no longer set to cancel."
    : "Your subscription is active again.";
}

/**
 * A short-lived CREEM customer portal link for the workspace's own CREEM customer (never one from the
 * browser; only when that customer is the workspace's alone, see requirePortalCustomer).
 */
export async function billingPortalLink(workspaceId: string): Promise<string> {
  const customerId = await requirePortalCustomer(workspaceId);
  const { customerPortalLink } = await getCreem().customers.createBillingPortalLink(customerId);
  if (!/^https?:\/\//i.test(customerPortalLink)) {
    console.error(`[billing] CREEM returned an unusable portal link for ${customerId}`);
    throw new UserError("The billing portal is unavailable right now. Please try again in a few minutes.");
  }
  return customerPortalLink;
}
