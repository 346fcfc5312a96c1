"use server";

import { z } from "zod";
import { ActionError, validatedActionWithUser } from "@/lib/actions";
import { isCreemError, type CreemClient } from "@/lib/creem";
import { getCreem } from "@/lib/creem/server";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { catalog } from "./catalog";
import {
  MAX_SEATS,
  MIN_SEATS,
  PLAN_CHANGE_BEHAVIOR,
  PRORATION_CHOICES,
  PRORATION_KEYS,
} from "./change-options";
import { requireOwnedSubscription } from "./ownership";
import { refusalFor, type SubscriptionChange } from "./subscription-rules";
import { billingLabel } from "./subscription-view";
import { syncSubscription } from "./sync";

// Subscription changes from the billing page. Each one: validate the form, check the subscription is the
// signed-in user's, check CREEM will accept the change, call CREEM, then pull the new state right away so
// the page updates even when the webhook is slow (the webhook goes through the same apply step).

const subscriptionId = z
  .string({ error: "The subscription is missing. Reload the page and try again." })
  .trim()
  .min(1, "The subscription is missing. Reload the page and try again.")
  .max(200, "That is not a valid subscription.");

function refuseUnless(change: SubscriptionChange, status: string) {
  const reason = refusalFor(change, status);
  if (reason) throw new ActionError(reason);
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

const seats = (n: number) => (n === 1 ? "1 seat" : `${n} seats`);

const changeSeatsSchema = z.object({
  subscriptionId,
  seats: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "Enter the number of seats." })
      .int("Seats must be a whole number.")
      .min(MIN_SEATS, `You need at least ${seats(MIN_SEATS)}.`)
      .max(MAX_SEATS, `Plans have at most ${MAX_SEATS} seats. Contact us for more.`),
  ),
  proration: z.enum(PRORATION_KEYS, { error: "Choose when the difference is charged." }),
});

export const changeSeatsAction = validatedActionWithUser(changeSeatsSchema, async (input, user) => {
  const sub = await requireOwnedSubscription(user.id, input.subscriptionId);
  const plan = catalog.byProductId(sub.productId)?.plan;
  if (!plan?.perSeat) throw new ActionError(`${plan?.name ?? "This"} plan is not priced per seat.`);
  refuseUnless("change", sub.status);
  if (input.seats === sub.units) throw new ActionError(`You already have ${seats(sub.units)}.`);

  const creem = getCreem();
  // CREEM changes seats on a subscription item; its id is only known to CREEM.
  const current = await creem.subscriptions.get(sub.id);
  const item = current.items?.find((i) => i.productId === sub.productId) ?? current.items?.[0];
  await changeInCreem(creem, sub.id, () =>
    creem.subscriptions.update(sub.id, {
      items: [item ? { id: item.id, units: input.seats } : { productId: sub.productId, units: input.seats }],
      updateBehavior: PRORATION_CHOICES[input.proration].behavior,
    }),
  );
  return { success: `Your ${plan.name} plan now has ${seats(input.seats)}.` };
});

const changePlanSchema = z.object({
  subscriptionId,
  productId: z
    .string({ error: "Choose a plan." })
    .trim()
    .min(1, "Choose a plan.")
    .refine((id) => {
      const target = catalog.byProductId(id);
      return target !== undefined && target.price.interval !== "once";
    }, "That plan is not available. Choose one of the plans listed."),
});

export const changePlanAction = validatedActionWithUser(changePlanSchema, async (input, user) => {
  const sub = await requireOwnedSubscription(user.id, input.subscriptionId);
  const target = catalog.byProductId(input.productId)!;
  const name = `${target.plan.name} (${billingLabel(target.price.interval).toLowerCase()})`;
  if (sub.productId === input.productId) throw new ActionError(`You are already on ${name}.`);
  refuseUnless("change", sub.status);
  if (!target.plan.perSeat && sub.units > 1) {
    throw new ActionError(`${target.plan.name} is for one person. Reduce your seats to 1 first.`);
  }

  const creem = getCreem();
  await changeInCreem(creem, sub.id, () =>
    creem.subscriptions.upgrade(sub.id, { productId: input.productId, updateBehavior: PLAN_CHANGE_BEHAVIOR }),
  );
  return { success: `You are now on ${name}.` };
});

const cancelSchema = z.object({
  subscriptionId,
  when: z.enum(["period_end", "now"], { error: "Choose when the subscription ends." }),
});

export const cancelSubscriptionAction = validatedActionWithUser(cancelSchema, async (input, user) => {
  const sub = await requireOwnedSubscription(user.id, input.subscriptionId);
  refuseUnless(input.when, sub.status);

  const creem = getCreem();
  const scheduled = input.when === "period_end";
  await changeInCreem(creem, sub.id, () =>
    creem.subscriptions.cancel(
      sub.id,
      scheduled ? { mode: "scheduled", onExecute: "cancel" } : { mode: "immediate" },
    ),
  );
  if (!scheduled) return { success: "Your subscription is canceled. Paid features are no longer available." };
  const end = sub.currentPeriodEnd ? ` on ${formatDate(sub.currentPeriodEnd)}` : " at the end of the period";
  return { success: `Your subscription will end${end}. You keep access until then.` };
});

const subscriptionOnlySchema = z.object({ subscriptionId });

export const pauseSubscriptionAction = validatedActionWithUser(
  subscriptionOnlySchema,
  async (input, user) => {
    const sub = await requireOwnedSubscription(user.id, input.subscriptionId);
    refuseUnless("pause", sub.status);

    const creem = getCreem();
    await changeInCreem(creem, sub.id, () => creem.subscriptions.pause(sub.id));
    return { success: "Your subscription is paused. You will not be charged until you resume it." };
  },
);

export const resumeSubscriptionAction = validatedActionWithUser(
  subscriptionOnlySchema,
  async (input, user) => {
    const sub = await requireOwnedSubscription(user.id, input.subscriptionId);
    refuseUnless("resume", sub.status);

    const creem = getCreem();
    await changeInCreem(creem, sub.id, () => creem.subscriptions.resume(sub.id));
    return {
      success:
        sub.status === "scheduled_cancel"
          ? "Your subscription will continue. It is no longer set to cancel."
          : "Your subscription is active again.",
    };
  },
);
