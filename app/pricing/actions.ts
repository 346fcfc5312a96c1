"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { validatedActionWithUser, validatedWorkspaceAction, type ActionState } from "@/lib/actions";
import { recordActivity } from "@/lib/workspaces/activity";
import { getCurrentUser } from "@/lib/auth";
import { catalog } from "@/lib/billing/catalog";
import { startCheckout } from "@/lib/billing/checkout/start";
import { checkoutInputSchema, discountCheckSchema } from "@/lib/billing/checkout/input";
import { checkDiscount, type DiscountOffer } from "@/lib/billing/checkout/discount";
import { throttleDiscountCheck } from "@/lib/billing/checkout/rate-limit";
import { clientIp } from "@/lib/client-ip";
import { parsePricingSelection, pricingPath } from "@/lib/billing/checkout/selection";
import { getCreem } from "@/lib/creem/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { publicEnv } from "@/lib/public-env";

// A checkout buys for the current workspace; only its owners and admins may start one (`billing.manage`).
const checkout = validatedWorkspaceAction(
  checkoutInputSchema(catalog),
  "billing.manage",
  async (input, ctx) => {
    const { user, workspace } = ctx;
    const outcome = await startCheckout(
      {
        db,
        creem: getCreem(),
        catalog,
        appUrl: publicEnv.NEXT_PUBLIC_APP_URL,
        graceDays: env.BILLING_GRACE_DAYS,
        clientIp: await requestIp(),
      },
      { id: user.id, email: user.email, workspaceId: workspace.id },
      input,
    );
    if (outcome.kind === "checkout") {
      await recordActivity(db, {
        workspaceId: workspace.id,
        actorId: user.id,
        action: "billing.checkout_started",
        details: { requestId: outcome.requestId, plan: input.plan, interval: input.interval },
      });
      redirect(outcome.url);
    }
    if (outcome.kind === "change-plan") {
      redirect(`/dashboard/billing?change=${encodeURIComponent(outcome.productId)}`);
    }
    return { error: outcome.message };
  },
);

/** The pricing page's answer to a code: the message, and the offer the cards price with. */
export type DiscountState = ActionState & { offer?: DiscountOffer };

const discount = validatedActionWithUser(discountCheckSchema, async ({ code }, user) => {
  // Codes could be guessed by trying many against CREEM: limited per user and per IP.
  const throttled = await throttleDiscountCheck(db, { userId: user.id, ip: await requestIp() });
  if (!throttled.ok) return { error: throttled.message };
  const result = await checkDiscount(getCreem(), code, { catalog, now: new Date() });
  const state: DiscountState = result.ok
    ? { success: `${result.summary}. It is applied when you check out.`, offer: result.offer }
    : { error: result.message };
  return state;
});

// Per-IP limits need the client's address, known only behind a trusted proxy (lib/client-ip.ts).
async function requestIp(): Promise<string | null> {
  return env.TRUST_PROXY ? clientIp(await headers(), true) : null;
}

/** Creates a CREEM checkout for the chosen plan and sends the browser to CREEM's hosted page. */
export async function startCheckoutAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  await signInFirst(formData);
  return checkout(prev, formData);
}

/** Checks a discount code with CREEM and says what it takes off. */
export async function checkDiscountAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const { offer: _offer, ...message } = await applyDiscountAction(prev, formData);
  return message;
}

/** Checks a discount code with CREEM: what it takes off, and the offer the pricing cards show prices with. */
export async function applyDiscountAction(prev: DiscountState, formData: FormData): Promise<DiscountState> {
  await signInFirst(formData);
  return discount(prev, formData);
}

// A signed-out visitor is sent to sign in and brought back to the pricing page with the same choice.
async function signInFirst(formData: FormData) {
  if (await getCurrentUser()) return;
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const selection = parsePricingSelection(
    new URLSearchParams({
      plan: field("plan"),
      interval: field("interval"),
      seats: field("seats"),
      discount: field("discountCode") || field("code"),
    }),
  );
  redirect(`/signin?callbackUrl=${encodeURIComponent(pricingPath(selection))}`);
}
