import type { Prisma } from "@/lib/generated/prisma/client";
import {
  stateKey,
  type BillingFacts,
  type LicenseFact,
  type PurchaseFact,
  type PurchaseReversalFact,
  type SubscriptionFact,
} from "@/lib/billing/webhooks/facts";
import { linkOrphans, rememberCustomerId, resolveUserId } from "@/lib/billing/webhooks/link-user";

// The one step that writes billing state. Runs inside the caller's transaction (the webhook inbox or a
// sync), so an event's effects commit together with its "processed" mark or not at all.

type Tx = Prisma.TransactionClient;
export type ApplyOutcome = "applied" | "stale" | "ignored";

/** Newer wins; equal times are ordered by key (see stateKey) so every arrival order picks the same winner. */
export function isNewer(a: { at: Date; key: string }, b: { at: Date; key: string }): boolean {
  const dt = a.at.getTime() - b.at.getTime();
  return dt > 0 || (dt === 0 && a.key > b.key);
}

function subscriptionState(fact: SubscriptionFact, at: Date) {
  return {
    productId: fact.productId,
    status: fact.status,
    units: fact.units,
    currentPeriodStart: fact.currentPeriodStart ?? null,
    currentPeriodEnd: fact.currentPeriodEnd ?? null,
    cancelAtPeriodEnd: fact.status === "scheduled_cancel",
    canceledAt: fact.canceledAt ?? null,
    trialEnd: fact.status === "trialing" ? (fact.currentPeriodEnd ?? null) : null,
    // The failed renewal was due at the end of the paid period; the grace period counts from there.
    pastDueSince: fact.status === "past_due" ? (fact.currentPeriodEnd ?? at) : null,
  };
}

// One statement on the hot path: insert, or take the row lock and overwrite the state only when this
// fact is newer (same order as isNewer: time, then state key bytewise). User and email only fill gaps.
async function applySubscription(tx: Tx, fact: SubscriptionFact, facts: BillingFacts, userId: string | null) {
  const s = subscriptionState(fact, facts.at);
  const key = stateKey(fact, facts.source);
  const rows = await tx.$queryRaw<Array<{ applied: boolean }>>`
    INSERT INTO "Subscription" AS s ("id", "userId", "customerId", "customerEmail", "productId", "status", "units",
      "currentPeriodStart", "currentPeriodEnd", "cancelAtPeriodEnd", "canceledAt", "trialEnd", "pastDueSince",
      "stateAt", "stateSource", "updatedAt")
    VALUES (${fact.id}, ${userId}, ${fact.customerId}, ${fact.customerEmail ?? null}, ${s.productId}, ${s.status},
      ${s.units}, ${s.currentPeriodStart}, ${s.currentPeriodEnd}, ${s.cancelAtPeriodEnd}, ${s.canceledAt},
      ${s.trialEnd}, ${s.pastDueSince}, ${facts.at}, ${key}, now())
    ON CONFLICT ("id") DO UPDATE SET
      "userId" = COALESCE(s."userId", EXCLUDED."userId"),
      "customerEmail" = COALESCE(s."customerEmail", EXCLUDED."customerEmail"),
      ("productId", "status", "units", "currentPeriodStart", "currentPeriodEnd", "cancelAtPeriodEnd", "canceledAt",
       "trialEnd", "pastDueSince", "stateAt", "stateSource", "updatedAt") =
      (SELECT CASE WHEN newer THEN EXCLUDED."productId" ELSE s."productId" END,
              CASE WHEN newer THEN EXCLUDED."status" ELSE s."status" END,
              CASE WHEN newer THEN EXCLUDED."units" ELSE s."units" END,
              CASE WHEN newer THEN EXCLUDED."currentPeriodStart" ELSE s."currentPeriodStart" END,
              CASE WHEN newer THEN EXCLUDED."currentPeriodEnd" ELSE s."currentPeriodEnd" END,
              CASE WHEN newer THEN EXCLUDED."cancelAtPeriodEnd" ELSE s."cancelAtPeriodEnd" END,
              CASE WHEN newer THEN EXCLUDED."canceledAt" ELSE s."canceledAt" END,
              CASE WHEN newer THEN EXCLUDED."trialEnd" ELSE s."trialEnd" END,
              CASE WHEN newer THEN EXCLUDED."pastDueSince" ELSE s."pastDueSince" END,
              CASE WHEN newer THEN EXCLUDED."stateAt" ELSE s."stateAt" END,
              CASE WHEN newer THEN EXCLUDED."stateSource" ELSE s."stateSource" END,
              now()
       FROM (SELECT (EXCLUDED."stateAt", EXCLUDED."stateSource" COLLATE "C") >
                    (s."stateAt", s."stateSource" COLLATE "C") AS newer) AS cmp)
    WHERE (EXCLUDED."stateAt", EXCLUDED."stateSource" COLLATE "C") > (s."stateAt", s."stateSource" COLLATE "C")
       OR (s."userId" IS NULL AND EXCLUDED."userId" IS NOT NULL)
       OR (s."customerEmail" IS NULL AND EXCLUDED."customerEmail" IS NOT NULL)
    RETURNING "stateSource" = ${key} AS applied`;
  // No row: nothing changed (older or equal news). A row with another source: only gaps were filled.
  return rows[0]?.applied ? "applied" : "stale";
}

async function findPurchase(tx: Tx, ref: { id?: string; transactionId?: string; checkoutId?: string }) {
  const or = [
    ...(ref.id ? [{ id: ref.id }] : []),
    ...(ref.transactionId ? [{ transactionId: ref.transactionId }] : []),
    ...(ref.checkoutId ? [{ checkoutId: ref.checkoutId }] : []),
  ];
  if (or.length === 0) return null;
  const found = await tx.purchase.findFirst({ where: { OR: or }, select: { id: true } });
  if (!found) return null;
  await tx.$queryRaw`SELECT id FROM "Purchase" WHERE id = ${found.id} FOR UPDATE`;
  return tx.purchase.findUniqueOrThrow({ where: { id: found.id } });
}

// Descriptive fields only fill gaps; the status only moves forward (paid -> refunded/disputed).
async function applyPurchase(tx: Tx, fact: PurchaseFact, userId: string | null) {
  const describe = {
    checkoutId: fact.checkoutId,
    transactionId: fact.transactionId,
    customerId: fact.customerId,
    customerEmail: fact.customerEmail,
    productId: fact.productId,
    amount: fact.amount,
    currency: fact.currency,
    purchasedAt: fact.purchasedAt,
  };
  const created = await tx.purchase.createMany({
    data: [{ id: fact.id, userId, status: "paid", ...describe }],
    skipDuplicates: true,
  });
  if (created.count === 1) return;
  const current = await findPurchase(tx, { id: fact.id });
  if (!current) return;
  const gaps = Object.fromEntries(
    Object.entries({ ...describe, userId }).filter(
      ([key, value]) =>
        value !== undefined && value !== null && current[key as keyof typeof current] === null,
    ),
  );
  if (Object.keys(gaps).length > 0) await tx.purchase.update({ where: { id: current.id }, data: gaps });
}

async function applyReversal(tx: Tx, fact: PurchaseReversalFact, at: Date, userId: string | null) {
  const stamp = fact.kind === "refunded" ? { refundedAt: at } : { disputedAt: at };
  const current = await findPurchase(tx, { id: fact.orderId, transactionId: fact.transactionId });
  if (!current) {
    if (!fact.orderId) return;
    // The refund arrived before the purchase it reverses: record it; checkout.completed fills in the rest.
    await tx.purchase.createMany({
      data: [
        {
          id: fact.orderId,
          transactionId: fact.transactionId,
          customerId: fact.customerId,
          userId,
          status: fact.kind,
          ...stamp,
        },
      ],
      skipDuplicates: true,
    });
    const raced = await findPurchase(tx, { id: fact.orderId });
    if (raced && raced.status === "paid")
      await tx.purchase.update({ where: { id: raced.id }, data: { status: fact.kind, ...stamp } });
    return;
  }
  // Refunded outranks disputed so the final status does not depend on which arrived first.
  const status = current.status === "refunded" || fact.kind === "refunded" ? "refunded" : "disputed";
  const keepStamp = fact.kind === "refunded" ? current.refundedAt : current.disputedAt;
  const earliest = keepStamp && keepStamp < at ? {} : stamp;
  await tx.purchase.update({ where: { id: current.id }, data: { status, ...earliest } });
}

async function applyLicense(tx: Tx, fact: LicenseFact, userId: string | null) {
  const data = {
    key: fact.key,
    productId: fact.productId,
    orderId: fact.orderId,
    customerId: fact.customerId,
    customerEmail: fact.customerEmail,
    status: fact.status,
    activations: fact.activations,
    activationLimit: fact.activationLimit,
    expiresAt: fact.expiresAt,
  };
  await tx.licenseKey.upsert({
    where: { id: fact.id },
    create: { id: fact.id, userId, ...data },
    // Activation counts change through the license API, not events: never overwrite them from here.
    update: { ...(userId ? { userId } : {}), customerEmail: fact.customerEmail },
  });
}

export async function applyFacts(tx: Tx, facts: BillingFacts): Promise<ApplyOutcome> {
  const touches = facts.subscription || facts.purchase || facts.reversal || facts.licenses.length > 0;
  if (!touches) return "ignored";
  const userId = await resolveUserId(tx, facts.hints);

  let outcome: ApplyOutcome = "applied";
  if (facts.subscription) outcome = await applySubscription(tx, facts.subscription, facts, userId);
  if (facts.purchase) await applyPurchase(tx, facts.purchase, userId);
  if (facts.reversal) await applyReversal(tx, facts.reversal, facts.at, userId);
  for (const license of facts.licenses) await applyLicense(tx, license, userId);

  if (facts.checkout?.requestId) {
    await tx.checkout.updateMany({
      where: { requestId: facts.checkout.requestId },
      data: { status: "completed", creemCheckoutId: facts.checkout.id },
    });
  }
  if (userId) {
    await rememberCustomerId(tx, userId, facts.hints.customerId);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, creemCustomerId: true },
    });
    await linkOrphans(tx, user);
  }
  return outcome;
}
