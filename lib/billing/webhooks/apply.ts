import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import {
  stateKey,
  type BillingFacts,
  type LicenseFact,
  type PurchaseFact,
  type ReversalFact,
  type SubscriptionFact,
} from "./facts";
import { linkOrphans, resolveUserId, tieCustomer } from "./link-user";

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
  const failed = fact.status === "past_due" || fact.status === "expired";
  return {
    productId: fact.productId,
    status: fact.status,
    units: fact.units,
    currentPeriodStart: fact.currentPeriodStart ?? null,
    currentPeriodEnd: fact.currentPeriodEnd ?? null,
    cancelAtPeriodEnd: fact.status === "scheduled_cancel",
    canceledAt: fact.canceledAt ?? null,
    trialEnd: fact.status === "trialing" ? (fact.currentPeriodEnd ?? null) : null,
    pastDueSince: failed ? failedRenewalAt(fact, at) : null,
    discount: fact.discount ? JSON.stringify(fact.discount) : null,
    // Fill-once or by-time fields, applied whether or not the state itself is newer:
    startedAt: fact.startedAt ?? null,
    trialStartedAt: fact.status === "trialing" ? minDate(fact.currentPeriodStart ?? at, at) : null,
    cancelIntent: fact.cancelIntent ?? null,
    cancelIntentAt: fact.cancelIntent ? at : null,
  };
}

/**
 * When the renewal failed, from one fact alone (so any arrival order converges): the end of the paid
 * period when it is behind the event; when CREEM already moved the period on (its end is ahead), the start
 * of that unpaid period; never later than the event itself. The grace period counts from here, so a late
 * `expired` never extends it.
 */
function failedRenewalAt(fact: SubscriptionFact, at: Date): Date {
  const end = fact.currentPeriodEnd;
  if (end && end <= at) return end;
  return minDate(fact.currentPeriodStart ?? at, at);
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

// One statement on the hot path: insert, or take the row lock and overwrite the state only when this
// fact is newer (same order as isNewer: time, then state key bytewise). User, email and start only fill
// gaps; the first trial keeps the earliest start; the cancel intent follows the latest fact that has one.
async function applySubscription(tx: Tx, fact: SubscriptionFact, facts: BillingFacts, userId: string | null) {
  const s = subscriptionState(fact, facts.at);
  const key = stateKey(fact, facts.source);
  const rows = await tx.$queryRaw<Array<{ applied: boolean }>>`
    INSERT INTO "Subscription" AS s ("id", "userId", "customerId", "customerEmail", "productId", "status", "units",
      "currentPeriodStart", "currentPeriodEnd", "cancelAtPeriodEnd", "canceledAt", "trialEnd", "pastDueSince",
      "discount", "startedAt", "trialStartedAt", "cancelIntent", "cancelIntentAt", "stateAt", "stateSource",
      "updatedAt")
    VALUES (${fact.id}, ${userId}, ${fact.customerId}, ${fact.customerEmail ?? null}, ${s.productId}, ${s.status},
      ${s.units}, ${s.currentPeriodStart}, ${s.currentPeriodEnd}, ${s.cancelAtPeriodEnd}, ${s.canceledAt},
      ${s.trialEnd}, ${s.pastDueSince}, ${s.discount}::jsonb, ${s.startedAt}, ${s.trialStartedAt},
      ${s.cancelIntent}, ${s.cancelIntentAt}, ${facts.at}, ${key}, now())
    ON CONFLICT ("id") DO UPDATE SET
      "userId" = COALESCE(s."userId", EXCLUDED."userId"),
      "customerEmail" = COALESCE(s."customerEmail", EXCLUDED."customerEmail"),
      "startedAt" = COALESCE(s."startedAt", EXCLUDED."startedAt"),
      "trialStartedAt" = LEAST(s."trialStartedAt", EXCLUDED."trialStartedAt"),
      ("cancelIntent", "cancelIntentAt") =
        (SELECT CASE WHEN later_intent THEN EXCLUDED."cancelIntent" ELSE s."cancelIntent" END,
                CASE WHEN later_intent THEN EXCLUDED."cancelIntentAt" ELSE s."cancelIntentAt" END
         FROM (SELECT EXCLUDED."cancelIntentAt" IS NOT NULL
                 AND (s."cancelIntentAt" IS NULL OR EXCLUDED."cancelIntentAt" > s."cancelIntentAt") AS later_intent)
           AS intent),
      ("productId", "status", "units", "currentPeriodStart", "currentPeriodEnd", "cancelAtPeriodEnd", "canceledAt",
       "trialEnd", "pastDueSince", "discount", "stateAt", "stateSource", "updatedAt") =
      (SELECT CASE WHEN newer THEN EXCLUDED."productId" ELSE s."productId" END,
              CASE WHEN newer THEN EXCLUDED."status" ELSE s."status" END,
              CASE WHEN newer THEN EXCLUDED."units" ELSE s."units" END,
              CASE WHEN newer THEN EXCLUDED."currentPeriodStart" ELSE s."currentPeriodStart" END,
              CASE WHEN newer THEN EXCLUDED."currentPeriodEnd" ELSE s."currentPeriodEnd" END,
              CASE WHEN newer THEN EXCLUDED."cancelAtPeriodEnd" ELSE s."cancelAtPeriodEnd" END,
              CASE WHEN newer THEN EXCLUDED."canceledAt" ELSE s."canceledAt" END,
              CASE WHEN newer THEN EXCLUDED."trialEnd" ELSE s."trialEnd" END,
              CASE WHEN newer THEN EXCLUDED."pastDueSince" ELSE s."pastDueSince" END,
              CASE WHEN newer THEN EXCLUDED."discount" ELSE s."discount" END,
              CASE WHEN newer THEN EXCLUDED."stateAt" ELSE s."stateAt" END,
              CASE WHEN newer THEN EXCLUDED."stateSource" ELSE s."stateSource" END,
              now()
       FROM (SELECT (EXCLUDED."stateAt", EXCLUDED."stateSource" COLLATE "C") >
                    (s."stateAt", s."stateSource" COLLATE "C") AS newer) AS cmp)
    WHERE (EXCLUDED."stateAt", EXCLUDED."stateSource" COLLATE "C") > (s."stateAt", s."stateSource" COLLATE "C")
       OR (s."userId" IS NULL AND EXCLUDED."userId" IS NOT NULL)
       OR (s."customerEmail" IS NULL AND EXCLUDED."customerEmail" IS NOT NULL)
       OR (s."startedAt" IS NULL AND EXCLUDED."startedAt" IS NOT NULL)
       OR EXCLUDED."trialStartedAt" < s."trialStartedAt"
       OR (s."trialStartedAt" IS NULL AND EXCLUDED."trialStartedAt" IS NOT NULL)
       OR (EXCLUDED."cancelIntentAt" IS NOT NULL
           AND (s."cancelIntentAt" IS NULL OR EXCLUDED."cancelIntentAt" > s."cancelIntentAt"))
    RETURNING "stateSource" = ${key} AS applied`;
  // No row: nothing changed (older or equal news). A row with another source: only gaps were filled.
  return rows[0]?.applied ? "applied" : "stale";
}

/**
 * What the app itself asked CREEM for, as a cancel intent of its time (see Subscription.cancelIntent).
 * Recorded after CREEM accepted the cancellation, by the same newest-wins rule as the webhooks use.
 */
export async function recordCancelIntent(
  db: PrismaClient,
  subscriptionId: string,
  intent: "period_end" | "immediate",
  at: Date,
) {
  await db.$executeRaw`
    UPDATE "Subscription" SET "cancelIntent" = ${intent}, "cancelIntentAt" = ${at}, "updatedAt" = now()
    WHERE id = ${subscriptionId} AND ("cancelIntentAt" IS NULL OR "cancelIntentAt" < ${at})`;
}

// Descriptive fields only fill gaps: a checkout.completed and a sync of the same order say the same.
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
  await tx.$queryRaw`SELECT id FROM "Purchase" WHERE id = ${fact.id} FOR UPDATE`;
  const current = await tx.purchase.findUnique({ where: { id: fact.id } });
  if (!current) return;
  const gaps = Object.fromEntries(
    Object.entries({ ...describe, userId }).filter(
      ([key, value]) =>
        value !== undefined && value !== null && current[key as keyof typeof current] === null,
    ),
  );
  if (Object.keys(gaps).length > 0) await tx.purchase.update({ where: { id: current.id }, data: gaps });
}

// Stored as told. A refund's final status (succeeded, failed, canceled) replaces a pending one, never the
// other way round; missing details are filled from a later report of the same refund.
const FINAL_REFUND_STATUSES = ["succeeded", "failed", "canceled"];

async function applyReversal(tx: Tx, fact: ReversalFact, at: Date) {
  await tx.$executeRaw`
    INSERT INTO "PaymentReversal" AS r ("id", "kind", "status", "amount", "currency", "transactionId",
      "transactionPaid", "periodStart", "periodEnd", "paidAt", "orderId", "subscriptionId", "customerId", "createdAt")
    VALUES (${fact.id}, ${fact.kind}, ${fact.status}, ${fact.amount ?? null}, ${fact.currency ?? null},
      ${fact.transactionId ?? null}, ${fact.transactionPaid ?? null}, ${fact.periodStart ?? null},
      ${fact.periodEnd ?? null}, ${fact.paidAt ?? null}, ${fact.orderId ?? null}, ${fact.subscriptionId ?? null},
      ${fact.customerId ?? null}, ${at})
    ON CONFLICT ("id") DO UPDATE SET
      "status" = CASE WHEN r."status" = ANY(${FINAL_REFUND_STATUSES}) THEN r."status" ELSE EXCLUDED."status" END,
      "amount" = COALESCE(r."amount", EXCLUDED."amount"),
      "currency" = COALESCE(r."currency", EXCLUDED."currency"),
      "transactionId" = COALESCE(r."transactionId", EXCLUDED."transactionId"),
      "transactionPaid" = COALESCE(r."transactionPaid", EXCLUDED."transactionPaid"),
      "periodStart" = COALESCE(r."periodStart", EXCLUDED."periodStart"),
      "periodEnd" = COALESCE(r."periodEnd", EXCLUDED."periodEnd"),
      "paidAt" = COALESCE(r."paidAt", EXCLUDED."paidAt"),
      "orderId" = COALESCE(r."orderId", EXCLUDED."orderId"),
      "subscriptionId" = COALESCE(r."subscriptionId", EXCLUDED."subscriptionId"),
      "customerId" = COALESCE(r."customerId", EXCLUDED."customerId")`;
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
  if (facts.reversal) await applyReversal(tx, facts.reversal, facts.at);
  for (const license of facts.licenses) await applyLicense(tx, license, userId);

  if (facts.checkout?.requestId) {
    await tx.checkout.updateMany({
      where: { requestId: facts.checkout.requestId },
      data: { status: "completed", creemCheckoutId: facts.checkout.id },
    });
  }
  if (userId) {
    await tieCustomer(tx, userId);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, creemCustomerId: true },
    });
    await linkOrphans(tx, user);
  }
  return outcome;
}
