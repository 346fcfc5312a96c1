import "server-only";
import { isCreemError } from "@/lib/creem";
import { getCreem } from "@/lib/creem/server";
import { db } from "@/lib/db";
import { entitlementsFrom, resyncStale } from "@/lib/billing/access";
import { refreshLicenses } from "./licenses";
import { ownedLicenses } from "@/lib/licenses/ownership";
import { reversalsOfUser, timelineRowsOfUser } from "./state";
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

// Reads for the dashboard and billing pages: stored state from the database, history from CREEM.

export type BillingAccount = {
  customerId: string | null;
  /** Subscriptions that have not ended, newest first; the latest ended one when none is left. */
  subscriptions: SubscriptionView[];
  purchases: PurchaseView[];
  licenseKeys: LicenseKeyView[];
  /** What the same rows entitle the user to. */
  entitlements: Entitlements;
};

// One snapshot for everything a page shows, so the plan card and the features it unlocks never disagree
// while a webhook commits between two reads.
export async function getBillingAccount(
  userId: string,
  now = new Date(),
  options: { refreshLicenses?: boolean } = {},
): Promise<BillingAccount> {
  // License status and activations follow CREEM (a short timeout; stored values "as of" otherwise).
  const fresh = options.refreshLicenses ? await refreshLicenses(userId) : undefined;
  const account = await readBillingAccount(userId, now, fresh);
  const stale = account.entitlements.needsSync;
  if (stale.length === 0 || !(await resyncStale(stale))) return account;
  return readBillingAccount(userId, now, fresh);
}

async function readBillingAccount(
  userId: string,
  now: Date,
  freshLicenses?: ReadonlySet<string>,
): Promise<BillingAccount> {
  const newestFirst = { orderBy: { createdAt: "desc" as const }, where: { userId } };
  const [user, subscriptions, purchases, licenseKeys, reversals] = await db.$transaction(
    [
      db.user.findUniqueOrThrow({ where: { id: userId }, select: { creemCustomerId: true } }),
      db.subscription.findMany(newestFirst),
      db.purchase.findMany(newestFirst),
      db.licenseKey.findMany({
        where: ownedLicenses(userId),
        orderBy: { createdAt: "desc" },
        include: { instances: true },
      }),
      reversalsOfUser(db, userId),
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
    customerId: user.creemCustomerId,
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
export async function getSubscriptionStates(userId: string): Promise<SubscriptionState[]> {
  const rows = await db.subscription.findMany({
    where: { userId },
    select: { id: true, status: true, stateAt: true },
  });
  return rows.map((r) => ({ id: r.id, status: r.status, stateAt: r.stateAt.toISOString() }));
}

export type BillingHistory =
  | { kind: "no_customer" }
  | { kind: "unavailable"; message: string }
  | { kind: "page"; rows: TransactionView[]; page: number; totalPages: number };

/** A page of the customer's CREEM transactions; with the user's id, each says what it was. */
export async function getBillingHistory(
  customerId: string | null,
  page: number,
  userId?: string,
): Promise<BillingHistory> {
  if (!customerId) return { kind: "no_customer" };
  try {
    const result = await getCreem().transactions.search({
      customerId,
      pageNumber: page,
      pageSize: HISTORY_PAGE_SIZE,
    });
    const rows = result.items.filter((t) => !t.customer || t.customer === customerId);
    const context = userId ? await historyContext(userId) : undefined;
    const totalPages = result.pagination?.totalPages ?? (rows.length > 0 ? page : 0);
    return { kind: "page", rows: rows.map((t) => describeTransaction(t, context)), page, totalPages };
  } catch (error) {
    if (!isCreemError(error)) throw error;
    console.error(`[billing] history unavailable: CREEM ${error.code} trace=${error.traceId ?? "-"}`);
    return { kind: "unavailable", message: error.userMessage };
  }
}

/** What changed this user's access and why, newest first (see timeline.ts). */
export async function getAccessTimeline(userId: string): Promise<TimelineEntry[]> {
  const rows = await timelineRowsOfUser(db, userId);
  return accessTimeline({ ...rows, catalog, graceDays: env.BILLING_GRACE_DAYS });
}

/** What the app stored beside CREEM's transactions, to say what each one was (history-view.ts). */
async function historyContext(userId: string): Promise<HistoryContext> {
  const [subscriptions, purchases, rows] = await Promise.all([
    db.subscription.findMany({ where: { userId }, select: { id: true, productId: true, startedAt: true } }),
    db.purchase.findMany({ where: { userId }, select: { id: true, productId: true } }),
    timelineRowsOfUser(db, userId),
  ]);
  return {
    catalog,
    subscriptions: new Map(subscriptions.map((s) => [s.id, s])),
    orders: new Map(purchases.map((p) => [p.id, p.productId])),
    snapshots: planSnapshots(rows.events.map(factsOfRow)),
  };
}
