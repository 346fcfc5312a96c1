import type { CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApplyOutcome } from "./apply";
import { checkoutFacts, factsPayload, subscriptionFacts } from "./facts";
import { processRecord } from "./inbox";

// Pulls state from CREEM and writes it through the same inbox and apply step as the webhooks: a sync is
// recorded as a fact of its own (id `sync:<object>:<version>`), so the access timeline and the operator
// see it, and syncing the same version twice is a duplicate. The fetched object's own updated_at orders
// it against events, so a sync never overwrites newer webhook state.

const EPOCH = new Date(0);

export async function syncSubscription(
  db: PrismaClient,
  creem: CreemClient,
  subscriptionId: string,
): Promise<ApplyOutcome> {
  const sub = await creem.subscriptions.get(subscriptionId);
  const at = sub.updatedAt ?? EPOCH;
  const source = `sync:${sub.id}:${at.toISOString()}`;
  const facts = subscriptionFacts(sub, at, source);
  const result = await processRecord(db, {
    id: source,
    type: "sync.subscription",
    createdAt: at,
    payload: factsPayload(facts),
    facts,
  });
  return result.duplicate ? "stale" : (result.outcome as ApplyOutcome);
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
  const source = `sync:${checkout.id}:${at.toISOString()}`;
  const facts = checkoutFacts(checkout, at, source);
  const result = await processRecord(db, {
    id: source,
    type: "sync.checkout",
    createdAt: at,
    payload: factsPayload(facts),
    facts,
  });
  const outcome = result.duplicate ? "stale" : (result.outcome as ApplyOutcome);
  return { status, outcome, subscriptionId: facts.subscription?.id, orderId: facts.purchase?.id };
}
