import "server-only";
import { catalog } from "@/lib/billing/catalog";
import { TIMELINE_EVENT_ROWS } from "@/lib/billing/account/state";
import { accessTimeline, type TimelineEntry, type TimelineEventRow } from "@/lib/billing/account/timeline";
import type { ReversalRecord } from "@/lib/billing/reversals";
import { env } from "@/lib/env";
import { statusInfo, type Tone } from "@/lib/billing/subscription-status";
import { syncSubscription } from "@/lib/billing/webhooks/sync";
import type { CurrentUser } from "@/lib/auth";
import type { CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "./audit";
import { outcomeOf } from "./webhooks";

// Everything the console shows about a customer account, loaded in this one file. An account is a
// workspace (billing belongs to workspaces): its rows are those with its workspaceId, plus, for a personal
// workspace, its owner's rows not yet moved to a workspace (workspaceId null, userId set).

export type CustomerHit = {
  id: string;
  name: string;
  personal: boolean;
  creemCustomerId: string | null;
  members: string[];
  subscriptions: number;
  purchases: number;
};

type Owned = { workspaceId: string | null; userId: string | null };

/** Billing rows of a workspace (see above), as a Prisma where. */
function ownedBy(ws: { id: string; personalOwnerId: string | null }) {
  return {
    OR: [
      { workspaceId: ws.id },
      ...(ws.personalOwnerId ? [{ workspaceId: null, userId: ws.personalOwnerId }] : []),
    ],
  };
}

/** Accounts matching a member's email (part of it), a workspace name, or a CREEM customer, subscription, order or license id. */
export async function searchCustomers(db: PrismaClient, query: string): Promise<CustomerHit[]> {
  const q = query.trim();
  if (!q) {
    return toHits(
      db,
      await db.workspace.findMany({ orderBy: { createdAt: "desc" }, take: 25, select: { id: true } }),
    );
  }
  const rows: Owned[][] = await Promise.all([
    db.subscription.findMany({
      where: { OR: [{ id: q }, { customerId: q }] },
      select: { workspaceId: true, userId: true },
    }),
    db.purchase.findMany({
      where: { OR: [{ id: q }, { customerId: q }, { transactionId: q }] },
      select: { workspaceId: true, userId: true },
    }),
    db.licenseKey.findMany({
      where: { OR: [{ id: q }, { key: q }] },
      select: { workspaceId: true, userId: true },
    }),
  ]);
  const workspaceIds = rows.flat().flatMap((r) => (r.workspaceId ? [r.workspaceId] : []));
  const ownerIds = rows.flat().flatMap((r) => (!r.workspaceId && r.userId ? [r.userId] : []));
  const workspaces = await db.workspace.findMany({
    where: {
      OR: [
        { id: { in: [...workspaceIds, q] } },
        { personalOwnerId: { in: ownerIds } },
        { creemCustomerId: q },
        { name: { contains: q, mode: "insensitive" } },
        {
          memberships: {
            some: { user: { email: { contains: q, mode: "insensitive" } } },
          },
        },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true },
  });
  return toHits(db, workspaces);
}

async function toHits(db: PrismaClient, found: Array<{ id: string }>): Promise<CustomerHit[]> {
  const workspaces = await db.workspace.findMany({
    where: { id: { in: found.map((w) => w.id) } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      personalOwnerId: true,
      creemCustomerId: true,
      memberships: { select: { user: { select: { email: true } } }, orderBy: { createdAt: "asc" }, take: 5 },
    },
  });
  return Promise.all(
    workspaces.map(async (ws) => ({
      id: ws.id,
      name: ws.name,
      personal: ws.personalOwnerId !== null,
      creemCustomerId: ws.creemCustomerId,
      members: ws.memberships.map((m) => m.user.email),
      subscriptions: await db.subscription.count({ where: ownedBy(ws) }),
      purchases: await db.purchase.count({ where: ownedBy(ws) }),
    })),
  );
}

const planOf = (productId: string | null) =>
  (productId && catalog.byProductId(productId)?.plan.name) || productId || "—";

export type CustomerAccount = {
  workspace: { id: string; name: string; personal: boolean; creemCustomerId: string | null; createdAt: Date };
  members: Array<{
    id: string;
    email: string;
    name: string | null;
    role: string;
    deleted: boolean;
    trialReminders: boolean;
  }>;
  subscriptions: Array<{
    id: string;
    plan: string;
    status: string;
    statusLabel: string;
    tone: Tone;
    units: number;
    currentPeriodEnd: Date | null;
    cancelAtPeriodEnd: boolean;
    customerId: string;
  }>;
  purchases: Array<{
    id: string;
    plan: string;
    amount: number | null;
    currency: string | null;
    status: string;
    purchasedAt: Date | null;
  }>;
  licenseKeys: Array<{
    id: string;
    key: string;
    status: string;
    activations: number;
    activationLimit: number | null;
  }>;
  timeline: TimelineEntry[];
  events: Array<{ id: string; type: string; outcome: string; createdAt: Date; receivedAt: Date }>;
  emails: Array<{
    id: string;
    kind: string;
    status: string;
    to: string;
    createdAt: Date;
    sentAt: Date | null;
    lastError: string | null;
  }>;
  audit: Array<{ id: string; adminEmail: string; action: string; target: string | null; at: Date }>;
};

export async function getCustomerAccount(
  db: PrismaClient,
  workspaceId: string,
): Promise<CustomerAccount | null> {
  const ws = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: {
      id: true,
      name: true,
      personalOwnerId: true,
      creemCustomerId: true,
      createdAt: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: {
          role: true,
          user: { select: { id: true, email: true, name: true, deletedAt: true, emailTrialReminders: true } },
        },
      },
    },
  });
  if (!ws) return null;
  const owned = ownedBy(ws);
  const newestFirst = { orderBy: { createdAt: "desc" as const } };
  const [subscriptions, purchases, licenseKeys] = await Promise.all([
    db.subscription.findMany({ where: owned, ...newestFirst }),
    db.purchase.findMany({ where: owned, ...newestFirst }),
    db.licenseKey.findMany({ where: owned, ...newestFirst }),
  ]);
  const subIds = subscriptions.map((s) => s.id);
  const orderIds = purchases.map((p) => p.id);
  const memberIds = ws.memberships.map((m) => m.user.id);
  const customerIds = [ws.creemCustomerId, ...subscriptions.map((s) => s.customerId)].filter(
    (c): c is string => !!c,
  );
  const [events, emails, audit, timelineEvents, reversals] = await Promise.all([
    db.webhookEvent.findMany({
      where: {
        OR: [
          { subscriptionId: { in: subIds } },
          { orderId: { in: orderIds } },
          { customerId: { in: customerIds } },
        ],
      },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: {
        id: true,
        type: true,
        outcome: true,
        processedAt: true,
        lastError: true,
        createdAt: true,
        receivedAt: true,
      },
    }),
    db.emailDelivery.findMany({
      where: {
        OR: [
          { subscriptionId: { in: subIds } },
          { orderId: { in: orderIds } },
          { userId: { in: memberIds } },
        ],
      },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        kind: true,
        status: true,
        to: true,
        createdAt: true,
        sentAt: true,
        lastError: true,
      },
    }),
    db.adminAudit.findMany({
      where: { target: { in: [ws.id, ...subIds, ...orderIds] } },
      orderBy: { at: "desc" },
      take: 50,
      select: { id: true, adminEmail: true, action: true, target: true, at: true },
    }),
    // The access timeline's input, as the billing page reads it (lib/billing/account/state.ts), for these rows.
    db.$queryRaw<TimelineEventRow[]>`
      SELECT "id", "type", "createdAt", "payload" FROM "WebhookEvent"
      WHERE "processedAt" IS NOT NULL AND ("subscriptionId" = ANY(${subIds}) OR "orderId" = ANY(${orderIds}))
      ORDER BY "createdAt" DESC, "id" LIMIT ${TIMELINE_EVENT_ROWS}`,
    db.$queryRaw<ReversalRecord[]>`
      SELECT "id", "kind", "status", "amount", "currency", "transactionId", "transactionPaid", "periodStart",
        "periodEnd", "paidAt", "orderId", "subscriptionId", "createdAt"
      FROM "PaymentReversal"
      WHERE "subscriptionId" = ANY(${subIds}) OR "orderId" = ANY(${orderIds})
        OR "transactionId" = ANY(${purchases.flatMap((p) => (p.transactionId ? [p.transactionId] : []))})
      ORDER BY "createdAt", "id"`,
  ]);
  return {
    workspace: {
      id: ws.id,
      name: ws.name,
      personal: ws.personalOwnerId !== null,
      creemCustomerId: ws.creemCustomerId,
      createdAt: ws.createdAt,
    },
    members: ws.memberships.map((m) => ({
      id: m.user.id,
      email: m.user.email,
      name: m.user.name,
      role: m.role,
      deleted: m.user.deletedAt !== null,
      trialReminders: m.user.emailTrialReminders,
    })),
    subscriptions: subscriptions.map((s) => {
      const info = statusInfo(s.status);
      return {
        id: s.id,
        plan: planOf(s.productId),
        status: s.status,
        statusLabel: info.label,
        tone: info.tone,
        units: s.units,
        currentPeriodEnd: s.currentPeriodEnd,
        cancelAtPeriodEnd: s.cancelAtPeriodEnd,
        customerId: s.customerId,
      };
    }),
    purchases: purchases.map((p) => ({
      id: p.id,
      plan: planOf(p.productId),
      amount: p.amount,
      currency: p.currency,
      status: p.status,
      purchasedAt: p.purchasedAt,
    })),
    licenseKeys: licenseKeys.map((k) => ({
      id: k.id,
      key: k.key,
      status: k.status,
      activations: k.activations,
      activationLimit: k.activationLimit,
    })),
    timeline: accessTimeline({
      events: timelineEvents,
      reversals,
      catalog,
      graceDays: env.BILLING_GRACE_DAYS,
    }),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      outcome: outcomeOf(e),
      createdAt: e.createdAt,
      receivedAt: e.receivedAt,
    })),
    emails,
    audit,
  };
}

export type SyncSummary = { synced: number; failed: number; results: string[] };

/** Pulls each of the account's subscriptions from CREEM through the sync path, then audits it. */
export async function syncCustomer(
  db: PrismaClient,
  creem: CreemClient,
  admin: Pick<CurrentUser, "id" | "email">,
  workspaceId: string,
): Promise<SyncSummary | null> {
  const ws = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, personalOwnerId: true },
  });
  if (!ws) return null;
  const state = { id: true, status: true, stateAt: true } as const;
  const subscriptions = await db.subscription.findMany({ where: ownedBy(ws), select: state });
  const summary: SyncSummary = { synced: 0, failed: 0, results: [] };
  for (const { id } of subscriptions) {
    try {
      summary.results.push(`${id}: ${await syncSubscription(db, creem, id)}`);
      summary.synced++;
    } catch (error) {
      summary.failed++;
      summary.results.push(`${id}: failed (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const after = await db.subscription.findMany({
    where: { id: { in: subscriptions.map((s) => s.id) } },
    select: state,
  });
  await recordAudit(db, admin, {
    action: "customer.sync",
    target: workspaceId,
    before: subscriptions,
    after: { subscriptions: after, ...summary },
  });
  return summary;
}
