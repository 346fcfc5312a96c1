"use server";

import { z } from "zod";
import { validatedWorkspaceAction } from "@/lib/actions";
import type { WorkspaceContext } from "@/lib/workspaces/current";
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

// The billing page's server actions: each validates its form with the zod schema beside it, checks the
// caller may manage the current workspace's billing (`billing.manage`: owners and admins), then calls the
// change in lib/billing/subscriptions/changes.ts for that workspace (which checks the subscription is its).

const actor = ({ user, workspace }: WorkspaceContext) => ({ userId: user.id, workspaceId: workspace.id });

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

export const changeSeatsAction = validatedWorkspaceAction(
  changeSeatsSchema,
  "billing.manage",
  async (input, context) => ({ success: await changeSeats(actor(context), input) }),
);

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

export const changePlanAction = validatedWorkspaceAction(
  changePlanSchema,
  "billing.manage",
  async (input, context) => ({ success: await changePlan(actor(context), input) }),
);

const cancelSchema = z.object({
  subscriptionId,
  when: z.enum(["period_end", "now"], { error: "Choose when the subscription ends." }),
});

export const cancelSubscriptionAction = validatedWorkspaceAction(
  cancelSchema,
  "billing.manage",
  async (input, context) => ({ success: await cancelSubscription(actor(context), input) }),
);

const subscriptionOnlySchema = z.object({ subscriptionId });

export const pauseSubscriptionAction = validatedWorkspaceAction(
  subscriptionOnlySchema,
  "billing.manage",
  async (input, context) => ({ success: await pauseSubscription(actor(context), input) }),
);

export const resumeSubscriptionAction = validatedWorkspaceAction(
  subscriptionOnlySchema,
  "billing.manage",
  async (input, context) => ({ success: await resumeSubscription(actor(context), input) }),
);

const deviceSchema = z.object({
  licenseId: z.string().trim().min(1, "The license is missing. Reload the page and try again.").max(200),
  instanceId: z.string().trim().min(1, "The device is missing. Reload the page and try again.").max(200),
});

/** Deactivates one device of a license of the current workspace (lib/licenses/devices.ts checks ownership). */
export const deactivateDeviceAction = validatedWorkspaceAction(
  deviceSchema,
  "billing.manage",
  async (input, context) => ({
    success: await deactivateDevice(db, getCreem(), context.workspace.id, input),
  }),
);
