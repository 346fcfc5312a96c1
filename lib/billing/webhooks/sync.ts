import type { CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { applyFacts, type ApplyOutcome } from "@/lib/billing/webhooks/apply";
import { checkoutFacts, subscriptionFacts } from "@/lib/billing/webhooks/facts";

// Pulls state from CREEM and writes it through the same apply step as the webhooks. The fetched
// object's own updated_at orders it against events, so a sync never overwrites newer webhook state.

const EPOCH = new Date(0);

export async function syncSubscription(
  db: PrismaClient,
  creem: CreemClient,
  subscriptionId: string,
): Promise<ApplyOutcome> {
  const sub = await creem.subscriptions.get(subscriptionId);
  const at = sub.updatedAt ?? EPOCH;
  const facts = subscriptionFacts(sub, at, `sync:${sub.id}:${at.toISOString()}`);
  return db.$transaction((tx) => applyFacts(tx, facts));
}

export type CheckoutSyncResult = {
  status: string;
  outcome?: ApplyOutcome;
  subscriptionId?: string;
  orderId?: string;
};

export async function syncCheckout(
  db: PrismaClient,
  creem: CreemClient,
  checkoutId: string,
): Promise<CheckoutSyncResult> {
  const checkout = await creem.checkouts.get(checkoutId);
  const status = checkout.status ?? "pending";
  if (status !== "completed") return { status };
  const sub = typeof checkout.subscription === "object" ? checkout.subscription : undefined;
  const order = typeof checkout.order === "object" ? checkout.order : undefined;
  const at = sub?.updatedAt ?? order?.updatedAt ?? order?.createdAt ?? EPOCH;
  const facts = checkoutFacts(checkout, at, `sync:${checkout.id}:${at.toISOString()}`);
  const outcome = await db.$transaction((tx) => applyFacts(tx, facts));
  return { status, outcome, subscriptionId: facts.subscription?.id, orderId: facts.purchase?.id };
}
