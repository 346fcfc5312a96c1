import "server-only";
import { randomUUID } from "node:crypto";
import type { CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CheckoutInput } from "./input";
import { reserveCheckout } from "./rate-limit";
import { checkDiscount } from "./discount";
import { loadBillingState } from "@/lib/billing/account/state";
import { resolveEntitlements } from "@/lib/billing/entitlements";
import type { PlanCatalog } from "@/lib/billing/plans";

// Starting a CREEM checkout for a workspace, by one of its members allowed to manage billing (checked by the
// caller, app/pricing/actions.ts). The Checkout row is written before CREEM is called: its requestId comes
// back on the webhook and the success URL, and is how the purchase finds its workspace and its buyer.

export type CheckoutDeps = {
  db: PrismaClient;
  creem: CreemClient;
  catalog: PlanCatalog;
  /** The app's public URL; CREEM sends the buyer back to `${appUrl}/checkout/success`. */
  appUrl: string;
  graceDays: number;
  now?: Date;
  /** The client's IP when known (TRUST_PROXY), for the per-IP checkout limit. */
  clientIp?: string | null;
};

export type CheckoutOutcome =
  | { kind: "checkout"; url: string; requestId: string }
  /** The workspace already has a subscription: a second one would bill twice, so it changes plans instead. */
  | { kind: "change-plan"; productId: string }
  | { kind: "refused"; message: string };

/** Who buys (kept on the rows as the buyer), and the workspace they buy for. */
export type Buyer = { id: string; email: string; workspaceId: string };

export async function startCheckout(
  deps: CheckoutDeps,
  user: Buyer,
  input: CheckoutInput,
): Promise<CheckoutOutcome> {
  const { db, creem, catalog } = deps;
  const now = deps.now ?? new Date();
  const plan = catalog.byKey(input.plan);
  const price = plan.prices.find((p) => p.interval === input.interval);
  if (!price) return { kind: "refused", message: `${plan.name} is not available with that billing period.` };

  const state = await loadBillingState(db, user.workspaceId);
  const { decisions } = resolveEntitlements(state, catalog, { now, graceDays: deps.graceDays });
  const granted = (id: string) => decisions.get(id)?.granted === true;
  if (price.interval === "once") {
    if (state.purchases.some((p) => p.productId === price.productId && granted(p.id))) {
      return { kind: "refused", message: `This workspace already owns ${plan.name}. It is active.` };
    }
  } else if (state.subscriptions.some((s) => catalog.byProductId(s.productId) && granted(s.id))) {
    return { kind: "change-plan", productId: price.productId };
  }

  // A free trial is once per customer: someone who had one buys the same price without it.
  let productId = price.productId;
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: user.workspaceId },
    select: { creemCustomerId: true },
  });
  if (price.trialDays && (await hadTrial(db, user, workspace.creemCustomerId, state))) {
    if (!price.productIdWithoutTrial) {
      return {
        kind: "refused",
        message: `You have already had your free trial of ${plan.name}, and it cannot be bought without one here. Contact us to subscribe.`,
      };
    }
    productId = price.productIdWithoutTrial;
  }

  if (input.discountCode) {
    const discount = await checkDiscount(creem, input.discountCode, {
      catalog,
      productId,
      now,
    });
    if (!discount.ok) return { kind: "refused", message: discount.message };
  }

  const units = plan.perSeat ? input.seats : 1;
  const requestId = `req_${randomUUID().replace(/-/g, "")}`;
  const reserved = await reserveCheckout(db, {
    requestId,
    userId: user.id,
    workspaceId: user.workspaceId,
    productId,
    units,
    discountCode: input.discountCode ?? null,
    now,
    ip: deps.clientIp,
  });
  if (!reserved.ok) return { kind: "refused", message: reserved.message };

  try {
    const checkout = await creem.checkouts.create({
      productId,
      requestId,
      units,
      discountCode: input.discountCode,
      customer: checkoutCustomer(user, workspace.creemCustomerId),
      metadata: { userId: user.id, workspaceId: user.workspaceId },
      successUrl: `${deps.appUrl.replace(/\/+$/, "")}/checkout/success`,
    });
    if (!checkout.checkoutUrl)
      throw new Error(`CREEM checkout ${checkout.id} came back without a checkout_url`);
    await db.checkout.update({ where: { requestId }, data: { creemCheckoutId: checkout.id } });
    return { kind: "checkout", url: checkout.checkoutUrl, requestId };
  } catch (error) {
    await db.checkout.update({ where: { requestId }, data: { status: "failed" } });
    throw error;
  }
}

/**
 * Who CREEM should take the payment from. A workspace that has its own CREEM customer keeps paying as it
 * (customer.id), so its subscriptions, invoices and portal stay together; before its first purchase the
 * buyer's email is sent (CREEM then reuses the customer it has for that email, or creates one). That
 * customer may already pay for another workspace of the same person: the rows still go to this workspace
 * (the request_id and metadata name it), and the portal is then not offered (lib/billing/ownership.ts).
 */
function checkoutCustomer(user: Buyer, creemCustomerId: string | null): { id: string } | { email: string } {
  return creemCustomerId ? { id: creemCustomerId } : { email: user.email };
}

/**
 * Whether this workspace, the buyer, or the CREEM customer it pays as has had a trial: any subscription of
 * the workspace that trialed, or any that trialed under its CREEM customer or the buyer's email (a trial is
 * once per customer, and a new workspace does not give the same person a second one).
 */
async function hadTrial(
  db: PrismaClient,
  user: Buyer,
  creemCustomerId: string | null,
  state: { subscriptions: readonly { trialStartedAt: Date | null; status: string }[] },
): Promise<boolean> {
  if (state.subscriptions.some((s) => s.trialStartedAt !== null || s.status === "trialing")) return true;
  const trialed = await db.subscription.findFirst({
    where: {
      trialStartedAt: { not: null },
      OR: [
        { customerEmail: user.email.toLowerCase() },
        ...(creemCustomerId ? [{ customerId: creemCustomerId }] : []),
      ],
    },
    select: { id: true },
  });
  return trialed !== null;
}
