import "server-only";
import { isCreemError } from "@/lib/creem";
import { getCreem } from "@/lib/creem/server";
import { db } from "@/lib/db";
import { entitlementsFrom, resyncStale } from "@/lib/billing/access";
import { refreshLicenses } from "./licenses";
import { ownedLicenses } from "@/lib/licenses/ownership";
import { reversalsOfWorkspace, timelineRowsOfWorkspace } from "./state";
import { accessTimeline, factsOfRow, type TimelineEntry } from "./timeline";
import { env } from "@/lib/env";
import { catalog } from "@/lib/billing/catalog";
import type { Entitlements } from "@/lib/billing/entitlements";
import {
  describeLicenseKey,
  describePurchase,
  describeTransaction,
  HISTORY_PAGE_SIZE,
  planSnapshots,
  type HistoryContext,
  type LicenseKeyView,
  type PurchaseView,
  type TransactionView,
} from "./history-view";
import { purchaseStanding } from "@/lib/billing/reversals";
import { isEnded } from "@/lib/billing/subscription-status";
import { describeSubscription, type SubscriptionView } from "@/lib/billing/subscriptions/view";

// Reads for the dashboard and billing pages, all of one workspace: stored state from the database, history
// from CREEM (only the workspace's own payments, see getBillingHistory).

export type BillingAccount = {
  /** The workspace's own CREEM customer (null before its first purchase, or when it pays as another's). */
  customerId: string | null;
  /** Subscriptions that have not ended, newest first; the latest ended one when none is left. */
  subscriptions: SubscriptionView[];
  purchases: PurchaseView[];
  licenseKeys: LicenseKeyView[];
  /** What the same rows entitle the workspace's members to. */
  entitlements: Entitlements;
};

// One snapshot for everything a page shows, so the plan card and the features it unlocks never disagree
// while a webhook commits between two reads.
export async function getBillingAccount(
  workspaceId: string,
  now = new Date(),
  options: { refreshLicenses?: boolean } = {},
): Promise<BillingAccount> {
  // License status and activations follow CREEM (a short timeout; stored values "as of" otherwise).
  const fresh = options.refreshLicenses ? await refreshLicenses(workspaceId) : undefined;
  const account = await readBillingAccount(workspaceId, now, fresh);
  const stale = account.entitlements.needsSync;
  if (stale.length === 0 || !(await resyncStale(stale))) return account;
  return readBillingAccount(workspaceId, now, fresh);
}

async function readBillingAccount(
  workspaceId: string,
  now: Date,
  freshLicenses?: ReadonlySet<string>,
): Promise<BillingAccount> {
  const newestFirst = { orderBy: { createdAt: "desc" as const }, where: { workspaceId } };
  const [workspace, subscriptions, purchases, licenseKeys, reversals] = await db.$transaction(
    [
      db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { creemCustomerId: true } }),
      db.subscription.findMany(newestFirst),
      db.purchase.findMany(newestFirst),
      db.licenseKey.findMany({
        where: ownedLicenses(workspaceId),
        orderBy: { createdAt: "desc" },
        include: { instances: true },
      }),
      reversalsOfWorkspace(db, workspaceId),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  const entitlements = entitlementsFrom(
    { subscriptions: [...subscriptions].reverse(), purchases: [...purchases].reverse(), reversals },
    now,
  );
  const standings = new Map(purchases.map((p) => [p.id, purchaseStanding(p, reversals)]));
  const live = subscriptions.filter((s) => !isEnded(s.status));
  const shown = live.length > 0 ? live : subscriptions.slice(0, 1);
  return {
    customerId: workspace.creemCustomerId,
    subscriptions: shown.map((s) => describeSubscription(s, catalog, entitlements.decisions.get(s.id))),
    purchases: purchases.map((p) => describePurchase(p, catalog, standings.get(p.id))),
    // A key of a refunded or disputed purchase is revoked: shown as such, and no longer offered to copy.
    licenseKeys: licenseKeys.map((k) => {
      const standing = k.orderId ? standings.get(k.orderId) : undefined;
      const revoked = !!standing && (standing.disputed || standing.refunded === "full");
      return describeLicenseKey(k, catalog, revoked, freshLicenses?.has(k.id) ?? true);
    }),
    entitlements,
  };
}

export type SubscriptionState = { id: string; status: string; stateAt: string };

/** What the pending-change poll compares: each subscription's status and the time of its stored state. */
export async function getSubscriptionStates(workspaceId: string): Promise<SubscriptionState[]> {
  const rows = await db.subscription.findMany({
    where: { workspaceId },
    select: { id: true, status: true, stateAt: true },
  });
  return rows.map((r) => ({ id: r.id, status: r.status, stateAt: r.stateAt.toISOString() }));
}

export type BillingHistory =
  | { kind: "no_customer" }
  | { kind: "unavailable"; message: string }
  | { kind: "page"; rows: TransactionView[]; page: number; totalPages: number };

/**
 * A page of the workspace's payments as CREEM recorded them. CREEM lists transactions per customer, and one
 * customer (one email) can pay for several workspaces (see requirePortalCustomer in lib/billing/ownership.ts),
 * so only the transactions of this workspace's own subscriptions and orders are shown: a team's invoices never
 * appear in the personal workspace of the same person, nor the other way round. The customer searched is the
 * workspace's own, else the one its rows were paid by. A page can hold fewer rows than CREEM's page size when
 * the customer also pays for another workspace.
 */
export async function getBillingHistory(workspaceId: string, page: number): Promise<BillingHistory> {
  const [workspace, subscriptions, purchases] = await Promise.all([
    db.workspace.findUnique({ where: { id: workspaceId }, select: { creemCustomerId: true } }),
    db.subscription.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "asc" },
      select: { id: true, productId: true, startedAt: true, customerId: true },
    }),
    db.purchase.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "asc" },
      select: { id: true, productId: true, customerId: true },
    }),
  ]);
  const customerId =
    workspace?.creemCustomerId ??
    subscriptions[0]?.customerId ??
    purchases.find((p) => p.customerId)?.customerId;
  if (!customerId) return { kind: "no_customer" };
  const ownSubscriptions = new Map(subscriptions.map((s) => [s.id, s]));
  const ownOrders = new Map(purchases.map((p) => [p.id, p.productId]));
  try {
    const result = await getCreem().transactions.search({
      customerId,
      pageNumber: page,
      pageSize: HISTORY_PAGE_SIZE,
    });
    const rows = result.items.filter(
      (t) =>
        (!t.customer || t.customer === customerId) &&
        ((!!t.subscription && ownSubscriptions.has(t.subscription)) || (!!t.order && ownOrders.has(t.order))),
    );
    const rowsOf = await timelineRowsOfWorkspace(db, workspaceId);
    const context: HistoryContext = {
      catalog,
      subscriptions: ownSubscriptions,
      orders: ownOrders,
      snapshots: planSnapshots(rowsOf.events.map(factsOfRow)),
    };
    const totalPages = result.pagination?.totalPages ?? (rows.length > 0 ? page : 0);
    return { kind: "page", rows: rows.map((t) => describeTransaction(t, context)), page, totalPages };
  } catch (error) {
    if (!isCreemError(error)) throw error;
    console.error(`[billing] history unavailable: CREEM ${error.code} trace=${error.traceId ?? "-"}`);
    return { kind: "unavailable", message: error.userMessage };
  }
}

/** What changed this workspace's access and why, newest first (see timeline.ts). */
export async function getAccessTimeline(workspaceId: string): Promise<TimelineEntry[]> {
  const rows = await timelineRowsOfWorkspace(db, workspaceId);
  return accessTimeline({ ...rows, catalog, graceDays: env.BILLING_GRACE_DAYS });
}
