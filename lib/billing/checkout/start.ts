import "server-only";
import { randomUUID } from "node:crypto";
import type { CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CheckoutInput } from "@/lib/billing/checkout/input";
import { reserveCheckout } from "@/lib/billing/checkout/rate-limit";
import { checkDiscount } from "@/lib/billing/checkout/discount";
import { subscriptionAccess, subscriptionRecordSelect } from "@/lib/billing/entitlements";
import type { PlanCatalog } from "@/lib/billing/plans";

// Starting a CREEM checkout for the signed-in user. The Checkout row is written before CREEM is called:
// its requestId comes back on the webhook and the success URL, and is how the purchase finds its user.

export type CheckoutDeps = {
  db: PrismaClient;
  creem: CreemClient;
  catalog: PlanCatalog;
  /** The app's public URL; CREEM sends the buyer back to `${appUrl}/checkout/success`. */
  appUrl: string;
  graceDays: number;
  now?: Date;
};

export type CheckoutOutcome =
  | { kind: "checkout"; url: string; requestId: string }
  /** The user already has a subscription: a second one would bill twice, so they change plans instead. */
  | { kind: "change-plan"; productId: string }
  | { kind: "refused"; message: string };

export async function startCheckout(
  deps: CheckoutDeps,
  user: { id: string; email: string },
  input: CheckoutInput,
): Promise<CheckoutOutcome> {
  const { db, creem, catalog } = deps;
  const now = deps.now ?? new Date();
  const plan = catalog.byKey(input.plan);
  const price = plan.prices.find((p) => p.interval === input.interval);
  if (!price) return { kind: "refused", message: `${plan.name} is not available with that billing period.` };

  if (price.interval === "once") {
    if (await ownsPurchase(db, user.id, price.productId)) {
      return { kind: "refused", message: `You already own ${plan.name}. It is active on your account.` };
    }
  } else if (await hasActiveSubscription(deps, user.id, now)) {
    return { kind: "change-plan", productId: price.productId };
  }

  if (input.discountCode) {
    const discount = await checkDiscount(creem, input.discountCode, {
      catalog,
      productId: price.productId,
      now,
    });
    if (!discount.ok) return { kind: "refused", message: discount.message };
  }

  const units = plan.perSeat ? input.seats : 1;
  const requestId = `req_${randomUUID().replace(/-/g, "")}`;
  const reserved = await reserveCheckout(db, {
    requestId,
    userId: user.id,
    productId: price.productId,
    units,
    discountCode: input.discountCode ?? null,
    now,
  });
  if (!reserved.ok) return { kind: "refused", message: reserved.message };

  try {
    const checkout = await creem.checkouts.create({
      productId: price.productId,
      requestId,
      units,
      discountCode: input.discountCode,
      customer: { email: user.email },
      metadata: { userId: user.id },
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

async function hasActiveSubscription(deps: CheckoutDeps, userId: string, now: Date): Promise<boolean> {
  const subscriptions = await deps.db.subscription.findMany({
    where: { userId },
    select: subscriptionRecordSelect,
  });
  return subscriptions.some(
    (sub) =>
      deps.catalog.byProductId(sub.productId) !== undefined &&
      subscriptionAccess(sub, now, deps.graceDays).granted,
  );
}

async function ownsPurchase(db: PrismaClient, userId: string, productId: string): Promise<boolean> {
  const purchase = await db.purchase.findFirst({
    where: { userId, productId, status: "paid" },
    select: { id: true },
  });
  return purchase !== null;
}
