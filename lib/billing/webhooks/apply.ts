import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import {
  stateKey,
  type BillingFacts,
  type LicenseFact,
  type PurchaseFact,
  type ReversalFact,
  type SubscriptionFact,
} from "./facts";
import { linkUser, resolveUserId } from "./link-user";
import { linkWorkspace, resolveWorkspaceId } from "./link-workspace";

// The one step that writes billing state. Runs inside the caller's transaction (the webhook inbox or a
// sync), so an event's effects commit together with its "processed" mark or not at all.

type Tx = Prisma.TransactionClient;
/** Who bought (kept for the records) and the workspace the rows belong to (what access follows). */
type Owner = { userId: string | null; workspaceId: string | null };
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
export function failedRenewalAt(fact: SubscriptionFact, at: Date): Date {
  const end = fact.currentPeriodEnd;
  if (end && end <= at) return end;
  return minDate(fact.currentPeriodStart ?? at, at);
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** A subscription fact as the stored row: what billing_apply_subscription (the SQL below) receives. */
export function subscriptionRow(fact: SubscriptionFact, facts: BillingFacts) {
  return {
    ...subscriptionState(fact, facts.at),
    stateAt: facts.at,
    stateSource: stateKey(fact, facts.source),
  };
}

// One statement: billing_apply_subscription (migration workspace_billing) inserts, or takes the row lock
// and overwrites the state only when this fact is newer (same order as isNewer: time, then state key
// bytewise). User, workspace, email and start only fill gaps; the first trial keeps the earliest start; the cancel
// intent follows the latest fact that has one. The webhook hot path calls the same function from SQL.
async function applySubscription(tx: Tx, fact: SubscriptionFact, facts: BillingFacts, owner: Owner) {
  const s = subscriptionRow(fact, facts);
  const rows = await tx.$queryRaw<Array<{ applied: boolean | null }>>`
    SELECT billing_apply_subscription(${fact.id}, ${owner.userId}, ${owner.workspaceId}, ${fact.customerId},
      ${fact.customerEmail ?? null},
      ${s.productId}, ${s.status}, ${s.units}::int, ${s.currentPeriodStart}, ${s.currentPeriodEnd},
      ${s.cancelAtPeriodEnd}, ${s.canceledAt}, ${s.trialEnd}, ${s.pastDueSince}, ${s.discount}::jsonb,
      ${s.startedAt}, ${s.trialStartedAt}, ${s.cancelIntent}, ${s.cancelIntentAt}, ${s.stateAt},
      ${s.stateSource}) AS applied`;
  // NULL: nothing changed (older or equal news). False: only gaps were filled.
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
async function applyPurchase(tx: Tx, fact: PurchaseFact, { userId, workspaceId }: Owner) {
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
    data: [{ id: fact.id, userId, workspaceId, status: "paid", ...describe }],
    skipDuplicates: true,
  });
  if (created.count === 1) return;
  await tx.$queryRaw`SELECT id FROM "Purchase" WHERE id = ${fact.id} FOR UPDATE`;
  const current = await tx.purchase.findUnique({ where: { id: fact.id } });
  if (!current) return;
  const gaps = Object.fromEntries(
    Object.entries({ ...describe, userId, workspaceId }).filter(
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

async function applyLicense(tx: Tx, fact: LicenseFact, { userId, workspaceId }: Owner) {
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
    create: { id: fact.id, userId, workspaceId, ...data },
    // Activation counts change through the license API, not events: never overwrite them from here.
    update: { ...(userId ? { userId } : {}), customerEmail: fact.customerEmail },
  });
  // The workspace only fills a gap, like the subscription's (billing_apply_subscription).
  if (workspaceId) {
    await tx.licenseKey.updateMany({ where: { id: fact.id, workspaceId: null }, data: { workspaceId } });
  }
}

export async function applyFacts(tx: Tx, facts: BillingFacts): Promise<ApplyOutcome> {
  const touches = facts.subscription || facts.purchase || facts.reversal || facts.licenses.length > 0;
  if (!touches) return "ignored";
  const userId = await resolveUserId(tx, facts.hints);
  const workspaceId = await resolveWorkspaceId(tx, facts.hints, userId);
  const owner = { userId, workspaceId };

  let outcome: ApplyOutcome = "applied";
  if (facts.subscription) outcome = await applySubscription(tx, facts.subscription, facts, owner);
  if (facts.purchase) await applyPurchase(tx, facts.purchase, owner);
  if (facts.reversal) await applyReversal(tx, facts.reversal, facts.at);
  for (const license of facts.licenses) await applyLicense(tx, license, owner);

  if (facts.checkout?.requestId) {
    await tx.checkout.updateMany({
      where: { requestId: facts.checkout.requestId },
      data: { status: "completed", creemCheckoutId: facts.checkout.id },
    });
  }
  if (userId) await linkUser(tx, userId);
  if (workspaceId) await linkWorkspace(tx, workspaceId);
  return outcome;
}
