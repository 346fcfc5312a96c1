import "server-only";
import { isCreemError, verifyRedirectSignature, type CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Plan, PlanPrice, PlanCatalog } from "@/lib/billing/plans";
import { syncCheckout } from "@/lib/billing/webhooks/sync";

// The buyer's return from CREEM's hosted checkout to /checkout/success. The signed URL proves they came
// back from a real checkout; the webhook stays the source of truth, but syncing here lets the page
// confirm the purchase without waiting for it. Nothing is written before the signature and the owner
// are checked.

export type CheckoutReturnDeps = {
  db: PrismaClient;
  creem: CreemClient;
  catalog: PlanCatalog;
  apiKey: string;
};

export type CheckoutReturn =
  | { kind: "unverified" }
  | { kind: "not-yours" }
  | { kind: "unavailable"; message: string }
  | { kind: "pending"; plan: Plan; price: PlanPrice; trialDays: number }
  | { kind: "confirmed"; plan: Plan; price: PlanPrice; trialDays: number };

export async function resolveCheckoutReturn(
  deps: CheckoutReturnDeps,
  userId: string,
  params: URLSearchParams,
): Promise<CheckoutReturn> {
  const { db, creem, catalog } = deps;
  if (!verifyRedirectSignature(params, deps.apiKey)) return { kind: "unverified" };
  const checkoutId = params.get("checkout_id");
  const requestId = params.get("request_id");
  const productId = params.get("product_id") ?? "";
  const product = catalog.byProductId(productId);
  if (!checkoutId || !product) return { kind: "unverified" };

  const started = requestId
    ? await db.checkout.findUnique({ where: { requestId }, select: { userId: true, productId: true } })
    : null;
  // Signed, but for another product than the checkout the app started: not this purchase's return.
  if (started && started.productId !== productId) return { kind: "unverified" };
  if (started?.userId !== userId) {
    try {
      const checkout = await creem.checkouts.get(checkoutId);
      if (checkout.metadata?.userId !== userId) return { kind: "not-yours" };
    } catch (error) {
      if (!isCreemError(error)) throw error;
      console.error(
        `[checkout] owner check of ${checkoutId} failed: ${error.code} trace=${error.traceId ?? "-"}`,
      );
      return { kind: "unavailable", message: error.userMessage };
    }
  }

  try {
    await syncCheckout(db, creem, checkoutId);
  } catch (error) {
    // The webhook still delivers the purchase; the page shows it as pending and checks again.
    if (!isCreemError(error)) throw error;
    console.error(`[checkout] sync of ${checkoutId} failed: ${error.code} trace=${error.traceId ?? "-"}`);
  }

  const granted = await isGranted(db, userId, product.price, {
    requestId,
    subscriptionId: params.get("subscription_id"),
    orderId: params.get("order_id"),
  });
  return { kind: granted ? "confirmed" : "pending", ...product };
}

async function isGranted(
  db: PrismaClient,
  userId: string,
  price: PlanPrice,
  ids: { requestId: string | null; subscriptionId: string | null; orderId: string | null },
): Promise<boolean> {
  // The apply step marks the app's Checkout row completed together with writing the purchase.
  if (ids.requestId) {
    const completed = await db.checkout.findFirst({
      where: { requestId: ids.requestId, userId, status: "completed" },
      select: { requestId: true },
    });
    if (completed) return true;
  }
  if (price.interval === "once") {
    if (!ids.orderId) return false;
    const purchase = await db.purchase.findFirst({ where: { id: ids.orderId, userId, status: "paid" } });
    return purchase !== null;
  }
  if (!ids.subscriptionId) return false;
  const subscription = await db.subscription.findFirst({ where: { id: ids.subscriptionId, userId } });
  return subscription !== null;
}
