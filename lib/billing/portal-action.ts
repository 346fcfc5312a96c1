"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionError, validatedActionWithUser } from "@/lib/actions";
import { getCreem } from "@/lib/creem/server";
import { requireCreemCustomerId } from "./ownership";

// "Manage billing": a short-lived CREEM customer portal link, made on the server for the signed-in user's
// own CREEM customer (never one named by the browser), then a redirect to it.
export const openBillingPortalAction = validatedActionWithUser(z.object({}), async (_input, user) => {
  const customerId = await requireCreemCustomerId(user.id);
  const { customerPortalLink } = await getCreem().customers.createBillingPortalLink(customerId);
  if (!/^https?:\/\//i.test(customerPortalLink)) {
    console.error(`[billing] CREEM returned an unusable portal link for ${customerId}`);
    throw new ActionError("The billing portal is unavailable right now. Please try again in a few minutes.");
  }
  redirect(customerPortalLink);
});
