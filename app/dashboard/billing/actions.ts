"use server";

import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions";
import { catalog } from "@/lib/billing/catalog";
import {
  cancelSubscription,
  changePlan,
  changeSeats,
  pauseSubscription,
  resumeSubscription,
  seatsLabel,
} from "@/lib/billing/subscriptions/changes";
import { MAX_SEATS } from "@/lib/billing/plans";
import { getCreem } from "@/lib/creem/server";
import { db } from "@/lib/db";
import { deactivateDevice } from "@/lib/licenses/devices";

// The billing page's server actions: each validates its form with the zod schema beside it, then calls
// the change in lib/billing/subscriptions/changes.ts for the signed-in user (which checks ownership).

const subscriptionId = z
  .string({ error: "The subscription is missing. Reload the page and try again." })
  .trim()
  .min(1, "The subscription is missing. Reload the page and try again.")
  .max(200, "That is not a valid subscription.");

const changeSeatsSchema = z.object({
  subscriptionId,
  seats: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "Enter the number of seats." })
      .int("Seats must be a whole number.")
      .min(1, `You need at least ${seatsLabel(1)}.`)
      .max(MAX_SEATS, `Plans have at most ${MAX_SEATS} seats. Contact us for more.`),
  ),
});

export const changeSeatsAction = validatedActionWithUser(changeSeatsSchema, async (input, user) => ({
  success: await changeSeats(user.id, input),
}));

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

export const changePlanAction = validatedActionWithUser(changePlanSchema, async (input, user) => ({
  success: await changePlan(user.id, input),
}));

const cancelSchema = z.object({
  subscriptionId,
  when: z.enum(["period_end", "now"], { error: "Choose when the subscription ends." }),
});

export const cancelSubscriptionAction = validatedActionWithUser(cancelSchema, async (input, user) => ({
  success: await cancelSubscription(user.id, input),
}));

const subscriptionOnlySchema = z.object({ subscriptionId });

export const pauseSubscriptionAction = validatedActionWithUser(
  subscriptionOnlySchema,
  async (input, user) => ({ success: await pauseSubscription(user.id, input) }),
);

export const resumeSubscriptionAction = validatedActionWithUser(
  subscriptionOnlySchema,
  async (input, user) => ({ success: await resumeSubscription(user.id, input) }),
);

const deviceSchema = z.object({
  licenseId: z.string().trim().min(1, "The license is missing. Reload the page and try again.").max(200),
  instanceId: z.string().trim().min(1, "The device is missing. Reload the page and try again.").max(200),
});

/** Deactivates one device of the user's own license (lib/licenses/devices.ts checks ownership). */
export const deactivateDeviceAction = validatedActionWithUser(deviceSchema, async (input, user) => ({
  success: await deactivateDevice(db, getCreem(), user.id, input),
}));
