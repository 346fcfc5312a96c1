import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import {
  purchaseRecordSelect,
  subscriptionRecordSelect,
  type BillingState,
} from "@/lib/billing/entitlements";
import type { ReversalRecord } from "@/lib/billing/reversals";
import type { TimelineEventRow } from "./timeline";

// A workspace's billing rows as the access rules read them, in one consistent snapshot. Billing belongs to
// the workspace (whoever of its members bought it). Takes the database client so the checkout (which is
// tested with its own client) and the app read the same way.

/** The refunds and disputes of a workspace's subscriptions and purchases, as a query for a snapshot batch. */
export function reversalsOfWorkspace(db: PrismaClient | Prisma.TransactionClient, workspaceId: string) {
  return db.$queryRaw<ReversalRecord[]>`
    SELECT "id", "kind", "status", "amount", "currency", "transactionId", "transactionPaid", "periodStart",
      "periodEnd", "paidAt", "orderId", "subscriptionId", "createdAt"
    FROM "PaymentReversal"
    WHERE "subscriptionId" IN (SELECT id FROM "Subscription" WHERE "workspaceId" = ${workspaceId})
       OR "orderId" IN (SELECT id FROM "Purchase" WHERE "workspaceId" = ${workspaceId})
       OR "transactionId" IN (SELECT "transactionId" FROM "Purchase" WHERE "workspaceId" = ${workspaceId})
    ORDER BY "createdAt", "id"`;
}

/** A workspace's billing rows, oldest first (so ties between equal-rank plans resolve the same way). */
export async function loadBillingState(db: PrismaClient, workspaceId: string): Promise<BillingState> {
  const [subscriptions, purchases, reversals] = await db.$transaction(
    [
      db.subscription.findMany({
        where: { workspaceId },
        orderBy: { createdAt: "asc" },
        select: subscriptionRecordSelect,
      }),
      db.purchase.findMany({
        where: { workspaceId },
        orderBy: { createdAt: "asc" },
        select: purchaseRecordSelect,
      }),
      reversalsOfWorkspace(db, workspaceId),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  return { subscriptions, purchases, reversals };
}

/** How many of a workspace's newest stored events the access timeline replays. */
export const TIMELINE_EVENT_ROWS = 300;

/**
 * The stored webhook events and syncs about a workspace's own subscriptions and purchases (never another
 * workspace's: the ids are the workspace's rows), newest first, and their refunds and disputes: the access
 * timeline's input (lib/billing/account/timeline.ts).
 */
export async function timelineRowsOfWorkspace(db: PrismaClient, workspaceId: string) {
  const [events, reversals] = await db.$transaction(
    [
      db.$queryRaw<TimelineEventRow[]>`
        SELECT "id", "type", "createdAt", "payload"
        FROM "WebhookEvent"
        WHERE "processedAt" IS NOT NULL
          AND ("subscriptionId" IN (SELECT id FROM "Subscription" WHERE "workspaceId" = ${workspaceId})
            OR "orderId" IN (SELECT id FROM "Purchase" WHERE "workspaceId" = ${workspaceId}))
        ORDER BY "createdAt" DESC, "id"
        LIMIT ${TIMELINE_EVENT_ROWS}`,
      reversalsOfWorkspace(db, workspaceId),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  return { events, reversals };
}
