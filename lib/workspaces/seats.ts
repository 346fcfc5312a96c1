import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { catalog } from "@/lib/billing/catalog";
import { entitlementsFrom } from "@/lib/billing/access";
import {
  purchaseRecordSelect,
  subscriptionRecordSelect,
  type BillingState,
} from "@/lib/billing/entitlements";
import { estimateChange } from "@/lib/billing/money";
import { reversalsOfWorkspace } from "@/lib/billing/account/state";
import { describeChangeCost, describeSubscription } from "@/lib/billing/subscriptions/view";
import { seatReductionRefusal, seatsMissingFor, type SeatCount } from "./seat-math";

// How many seats a workspace pays for and how many are held. The seats are the units of the subscription
// that grants the workspace its plan, as lib/billing decides access (entitlements.ts): nothing here
// re-decides which subscription counts. Plans not priced per seat have no limit.

type Tx = Prisma.TransactionClient;

/** The workspace's billing rows (a snapshot when `client` is a transaction). */
async function workspaceBillingState(client: Tx, workspaceId: string): Promise<BillingState> {
  const subscriptions = await client.subscription.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: subscriptionRecordSelect,
  });
  const purchases = await client.purchase.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: purchaseRecordSelect,
  });
  const reversals = await reversalsOfWorkspace(client, workspaceId);
  return { subscriptions, purchases, reversals };
}

export type SeatPlan = {
  /** The per-seat subscription whose units are the seats, or null (no limit). */
  subscriptionId: string | null;
  seats: number | null;
};

/** The seats the workspace pays for now: the units of its granting subscription on a per-seat plan. */
export async function seatPlanOf(client: Tx, workspaceId: string, now = new Date()): Promise<SeatPlan> {
  const entitlements = entitlementsFrom(await workspaceBillingState(client, workspaceId), now);
  const source = entitlements.source;
  if (source?.kind !== "subscription" || !entitlements.plan.perSeat)
    return { subscriptionId: null, seats: null };
  return { subscriptionId: source.id, seats: source.seats };
}

/** Pending invitations: not accepted, not revoked, not expired. */
export const pendingInvitationWhere = (workspaceId: string, now: Date) => ({
  workspaceId,
  acceptedAt: null,
  revokedAt: null,
  expiresAt: { gt: now },
});

/** Seats paid and held, read with `client` (inside the workspace lock when deciding). */
export async function countSeats(
  client: Tx,
  workspaceId: string,
  now = new Date(),
): Promise<SeatCount & { subscriptionId: string | null }> {
  const plan = await seatPlanOf(client, workspaceId, now);
  const members = await client.membership.count({ where: { workspaceId } });
  const pending = await client.invitation.count({ where: pendingInvitationWhere(workspaceId, now) });
  return { seats: plan.seats, subscriptionId: plan.subscriptionId, members, pending };
}

/**
 * For the seat change on the billing page: why `seats` is too few for the subscription's workspace (its
 * members and pending invitations), or null. Read under the workspace lock, like every people change.
 */
export async function seatReductionRefusalFor(subscriptionId: string, seats: number): Promise<string | null> {
  const sub = await db.subscription.findUnique({
    where: { id: subscriptionId },
    select: { workspaceId: true },
  });
  if (!sub?.workspaceId) return null;
  const workspaceId = sub.workspaceId;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
    const count = await countSeats(tx, workspaceId);
    return count.seats === null ? null : seatReductionRefusal(count, seats);
  });
}

export type SeatOffer = {
  subscriptionId: string;
  /** Seats now, and the seats after buying what the next invitation needs. */
  seats: number;
  target: number;
  /** "$4.00 charged today" and "then $36 / month from Jan 1, 2027": CREEM's proration, estimated. */
  today: string;
  renews: string;
};

/**
 * What the members page shows before an invitation that needs seats: how many to buy and what CREEM will
 * charge now for them (the billing page's own estimate, lib/billing/money.ts). Null when the next
 * invitation fits, or the workspace has no per-seat subscription.
 */
export async function seatOfferFor(
  count: SeatCount & { subscriptionId: string | null },
): Promise<SeatOffer | null> {
  const missing = seatsMissingFor(count);
  if (missing === 0 || !count.subscriptionId || count.seats === null) return null;
  const row = await db.subscription.findUnique({ where: { id: count.subscriptionId } });
  if (!row) return null;
  const basis = describeSubscription(row, catalog).basis;
  if (!basis?.perSeat || basis.price.interval === "once") return null;
  const target = count.seats + missing;
  const cost = describeChangeCost(
    estimateChange({
      sub: {
        status: row.status,
        units: row.units,
        startedAt: row.startedAt,
        currentPeriodStart: row.currentPeriodStart,
        currentPeriodEnd: row.currentPeriodEnd,
        discount: basis.discount,
      },
      from: { price: basis.price, perSeat: true },
      to: { price: basis.price, perSeat: true, units: target },
      now: new Date(),
    }),
    basis.price.currency,
    basis.price.interval,
  );
  return { subscriptionId: row.id, seats: count.seats, target, today: cost.today, renews: cost.renews };
}
