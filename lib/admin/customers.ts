import "server-only";
import { catalog } from "@/lib/billing/catalog";
import { getAccessTimeline } from "@/lib/billing/account/queries";
import type { TimelineEntry } from "@/lib/billing/account/timeline";
import { statusInfo, type Tone } from "@/lib/billing/subscription-status";
import { syncSubscription } from "@/lib/billing/webhooks/sync";
import type { CurrentUser } from "@/lib/auth";
import type { CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "./audit";
import { outcomeOf } from "./webhooks";

// Everything the console shows about a customer account, loaded in this one file. An account is a user
// today (billing rows carry userId); when billing moves to workspaces, only this file changes its key.

export type CustomerHit = {
  id: string;
  email: string;
  name: string | null;
  creemCustomerId: string | null;
  subscriptions: number;
  purchases: number;
};

/** Accounts matching an email (part of it) or a CREEM customer, subscription, order or license id. */
export async function searchCustomers(db: PrismaClient, query: string): Promise<CustomerHit[]> {
  const q = query.trim();
  if (!q) {
    return toHits(
      db,
      await db.user.findMany({
        where: { deletedAt: null },
        orderBy: { createdAt: "desc" },
        take: 25,
        select: { id: true },
      }),
    );
  }
  const byId = await Promise.all([
    db.subscription.findMany({ where: { OR: [{ id: q }, { customerId: q }] }, select: { userId: true } }),
    db.purchase.findMany({
      where: { OR: [{ id: q }, { customerId: q }, { transactionId: q }] },
      select: { userId: true },
    }),
    db.licenseKey.findMany({ where: { OR: [{ id: q }, { key: q }] }, select: { userId: true } }),
  ]);
  const ids = new Set(byId.flat().flatMap((r) => (r.userId ? [r.userId] : [])));
  const users = await db.user.findMany({
    where: {
      OR: [
        { id: { in: [...ids] } },
        { creemCustomerId: q },
        { email: { contains: q.toLowerCase(), mode: "insensitive" } },
        { id: q },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true },
  });
  return toHits(db, users);
}

async function toHits(db: PrismaClient, users: Array<{ id: string }>): Promise<CustomerHit[]> {
  const rows = await db.user.findMany({
    where: { id: { in: users.map((u) => u.id) } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      name: true,
      creemCustomerId: true,
      _count: { select: { subscriptions: true, purchases: true } },
    },
  });
  return rows.map(({ _count, ...u }) => ({
    ...u,
    subscriptions: _count.subscriptions,
    purchases: _count.purchases,
  }));
}

const planOf = (productId: string | null) =>
  (productId && catalog.byProductId(productId)?.plan.name) || productId || "—";

export type CustomerAccount = {
  user: {
    id: string;
    email: string;
    name: string | null;
    creemCustomerId: string | null;
    createdAt: Date;
    deletedAt: Date | null;
    emailTrialReminders: boolean;
  };
  /** Who belongs to the account (today: the user alone). */
  members: Array<{ id: string; email: string; role: string }>;
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

export async function getCustomerAccount(db: PrismaClient, userId: string): Promise<CustomerAccount | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      creemCustomerId: true,
      createdAt: true,
      deletedAt: true,
      emailTrialReminders: true,
    },
  });
  if (!user) return null;
  const [subscriptions, purchases, licenseKeys, timeline] = await Promise.all([
    db.subscription.findMany({ where: { userId }, orderBy: { createdAt: "desc" } }),
    db.purchase.findMany({ where: { userId }, orderBy: { createdAt: "desc" } }),
    db.licenseKey.findMany({ where: { userId }, orderBy: { createdAt: "desc" } }),
    getAccessTimeline(userId),
  ]);
  const subIds = subscriptions.map((s) => s.id);
  const orderIds = purchases.map((p) => p.id);
  const customerIds = [user.creemCustomerId, ...subscriptions.map((s) => s.customerId)].filter(
    (c): c is string => !!c,
  );
  const [events, emails, audit] = await Promise.all([
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
      where: { OR: [{ userId }, { subscriptionId: { in: subIds } }, { orderId: { in: orderIds } }] },
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
      where: { target: { in: [userId, ...subIds, ...orderIds] } },
      orderBy: { at: "desc" },
      take: 50,
      select: { id: true, adminEmail: true, action: true, target: true, at: true },
    }),
  ]);
  return {
    user,
    members: [{ id: user.id, email: user.email, role: "owner" }],
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
    timeline,
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
  userId: string,
): Promise<SyncSummary | null> {
  const subscriptions = await db.subscription.findMany({
    where: { userId },
    select: { id: true, status: true, stateAt: true },
  });
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) return null;
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
    where: { userId },
    select: { id: true, status: true, stateAt: true },
  });
  await recordAudit(db, admin, {
    action: "customer.sync",
    target: userId,
    before: subscriptions,
    after: { subscriptions: after, ...summary },
  });
  return summary;
}
