import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  purchaseRecordSelect,
  subscriptionRecordSelect,
  type BillingState,
} from "@/lib/billing/entitlements";
import type { ReversalRecord } from "@/lib/billing/reversals";
import type { TimelineEventRow } from "./timeline";

// A user's billing rows as the access rules read them, in one consistent snapshot. Takes the database
// client so the checkout (which is tested with its own client) and the app read the same way.

/** The refunds and disputes of a user's subscriptions and purchases, as a query for a snapshot batch. */
export function reversalsOfUser(db: PrismaClient, userId: string) {
  return db.$queryRaw<ReversalRecord[]>`
    SELECT "id", "kind", "status", "amount", "currency", "transactionId", "transactionPaid", "periodStart",
      "periodEnd", "paidAt", "orderId", "subscriptionId", "createdAt"
    FROM "PaymentReversal"
    WHERE "subscriptionId" IN (SELECT id FROM "Subscription" WHERE "userId" = ${userId})
       OR "orderId" IN (SELECT id FROM "Purchase" WHERE "userId" = ${userId})
       OR "transactionId" IN (SELECT "transactionId" FROM "Purchase" WHERE "userId" = ${userId})
    ORDER BY "createdAt", "id"`;
}

/** A user's billing rows, oldest first (so ties between equal-rank plans resolve the same way). */
export async function loadBillingState(db: PrismaClient, userId: string): Promise<BillingState> {
  const [subscriptions, purchases, reversals] = await db.$transaction(
    [
      db.subscription.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: subscriptionRecordSelect,
      }),
      db.purchase.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: purchaseRecordSelect,
      }),
      reversalsOfUser(db, userId),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  return { subscriptions, purchases, reversals };
}

/** How many of a user's newest stored events the access timeline replays. */
export const TIMELINE_EVENT_ROWS = 300;

/**
 * The stored webhook events and syncs about a user's own subscriptions and purchases (never another
 * user's: the ids are the user's rows), newest first, and their refunds and disputes: the access
 * timeline's input (lib/billing/account/timeline.ts).
 */
export async function timelineRowsOfUser(db: PrismaClient, userId: string) {
  const [events, reversals] = await db.$transaction(
    [
      db.$queryRaw<TimelineEventRow[]>`
        SELECT "id", "type", "createdAt", "payload"
        FROM "WebhookEvent"
        WHERE "processedAt" IS NOT NULL
          AND ("subscriptionId" IN (SELECT id FROM "Subscription" WHERE "userId" = ${userId})
            OR "orderId" IN (SELECT id FROM "Purchase" WHERE "userId" = ${userId}))
        ORDER BY "createdAt" DESC, "id"
        LIMIT ${TIMELINE_EVENT_ROWS}`,
      reversalsOfUser(db, userId),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  return { events, reversals };
}
