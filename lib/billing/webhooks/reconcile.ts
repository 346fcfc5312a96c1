import { CreemError, type CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { STALE_AFTER_DAYS, STATUS } from "@/lib/billing/subscription-status";
import { evaluateDelivery, processRecord } from "./inbox";
import { syncCheckout, syncSubscription } from "./sync";

// Catching up with CREEM after something went wrong: webhook events whose processing failed are applied
// again, and the stored state is pulled from CREEM. CREEM stops retrying a webhook after about an hour, so
// this is what recovers from a longer outage. Every step is idempotent (the inbox skips processed events; a
// sync never overwrites newer state), so it is safe to run at any time and from several places at once.

export type ReconcileLog = (line: string) => void;

export type ReplayResult = { pending: number; applied: number; failed: number; unreadable: number };
/** `unknown`: CREEM does not know the id (e.g. test-mode rows after switching to live keys): logged, not retried. */
export type SyncResult = { checkouts: number; subscriptions: number; unknown: number; failed: number };

const unknownAtCreem = (error: unknown) => error instanceof CreemError && error.code === "not_found";

/** How far back a checkout still pending here is looked up at CREEM (its webhook may have been lost). */
export const PENDING_CHECKOUT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Applies again every stored webhook event that has not been processed (oldest first): events whose
 * processing failed, and events recorded as invalid, which apply once the code that judged them is fixed.
 * Each is judged again from its exact bytes against its original time of receipt; one still invalid stays
 * recorded as it is ("unreadable").
 */
export async function replayFailedEvents(
  db: PrismaClient,
  log: ReconcileLog = () => {},
  where: { ids?: string[] } = {},
): Promise<ReplayResult> {
  const pending = await db.webhookEvent.findMany({
    // Syncs are recorded in the inbox too (`sync.*`): a failed one is simply done again by the next sync.
    where: {
      processedAt: null,
      NOT: { type: { startsWith: "sync." } },
      ...(where.ids ? { id: { in: where.ids } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, type: true, payload: true, rawBody: true, receivedAt: true },
  });
  const result: ReplayResult = { pending: pending.length, applied: 0, failed: 0, unreadable: 0 };
  for (const stored of pending) {
    const verdict = evaluateDelivery(
      stored.rawBody ? { rawBody: stored.rawBody } : { payload: stored.payload },
      stored.receivedAt,
    );
    if (!verdict.ok) {
      // Stays recorded with its error; replaying cannot help until the code that reads it is fixed.
      result.unreadable++;
      log(`event ${stored.id} ${stored.type}: unreadable (${verdict.invalid.reason})`);
      continue;
    }
    try {
      // A body recorded under its hash (it had no usable id) is applied under the id it has now.
      const outcome = await processRecord(db, verdict.record);
      if (verdict.record.id !== stored.id) {
        await db.webhookEvent.update({
          where: { id: stored.id },
          data: { processedAt: new Date(), outcome: `replayed as ${verdict.record.id}`.slice(0, 300) },
        });
      }
      result.applied++;
      log(`event ${stored.id} ${stored.type}: ${outcome.duplicate ? "already processed" : outcome.outcome}`);
    } catch (error) {
      result.failed++;
      const message = error instanceof Error ? error.message : String(error);
      await db.webhookEvent
        .update({
          where: { id: stored.id },
          data: { attempts: { increment: 1 }, lastError: message.slice(0, 2000) },
        })
        .catch(() => undefined);
      log(`event ${stored.id} ${stored.type}: failed again (${message})`);
    }
  }
  return result;
}

/**
 * Pulls from CREEM every checkout still pending here (recent ones with a CREEM id: their checkout.completed
 * may never have arrived) and every stored subscription, and writes them through the apply step.
 */
export async function syncFromCreem(
  db: PrismaClient,
  creem: CreemClient,
  log: ReconcileLog = () => {},
  now = new Date(),
): Promise<SyncResult> {
  const result: SyncResult = { checkouts: 0, subscriptions: 0, unknown: 0, failed: 0 };
  const checkouts = await db.checkout.findMany({
    where: {
      status: "pending",
      creemCheckoutId: { not: null },
      createdAt: { gte: new Date(now.getTime() - PENDING_CHECKOUT_WINDOW_MS) },
    },
    select: { creemCheckoutId: true },
    orderBy: { createdAt: "asc" },
  });
  for (const { creemCheckoutId } of checkouts) {
    try {
      const synced = await syncCheckout(db, creem, creemCheckoutId!);
      result.checkouts++;
      log(`checkout ${creemCheckoutId}: ${synced.status}${synced.outcome ? ` (${synced.outcome})` : ""}`);
    } catch (error) {
      if (unknownAtCreem(error)) result.unknown++;
      else result.failed++;
      log(`checkout ${creemCheckoutId}: could not be synced (${(error as Error).message})`);
    }
  }
  const subscriptions = await db.subscription.findMany({
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const { id } of subscriptions) {
    try {
      log(`subscription ${id}: ${await syncSubscription(db, creem, id)}`);
      result.subscriptions++;
    } catch (error) {
      if (unknownAtCreem(error)) result.unknown++;
      else result.failed++;
      log(`subscription ${id}: could not be synced (${(error as Error).message})`);
    }
  }
  return result;
}

/** Both steps, replay first (so a sync compares against everything CREEM already told us). */
export async function reconcile(db: PrismaClient, creem: CreemClient, log: ReconcileLog = () => {}) {
  const replay = await replayFailedEvents(db, log);
  const sync = await syncFromCreem(db, creem, log);
  return { replay, sync };
}

export type StaleResult = { stale: number; synced: number; unknown: number; failed: number };

/**
 * The safety net for a lost terminating webhook: every subscription whose status grants access while its
 * period ended more than STALE_AFTER_DAYS ago (it grants nothing until re-synced, see entitlements.ts) is
 * pulled from CREEM again. Reading access re-syncs such a row too; this catches the ones nobody opens.
 */
export async function resyncStaleSubscriptions(
  db: PrismaClient,
  creem: CreemClient,
  log: ReconcileLog = () => {},
  now = new Date(),
): Promise<StaleResult> {
  const statuses = Object.entries(STATUS)
    .filter(([, info]) => info.access === "yes")
    .map(([status]) => status);
  const stale = await db.subscription.findMany({
    where: {
      status: { in: statuses },
      currentPeriodEnd: { lt: new Date(now.getTime() - STALE_AFTER_DAYS * 24 * 60 * 60 * 1000) },
    },
    select: { id: true },
    orderBy: { currentPeriodEnd: "asc" },
  });
  const result: StaleResult = { stale: stale.length, synced: 0, unknown: 0, failed: 0 };
  for (const { id } of stale) {
    try {
      log(`stale subscription ${id}: ${await syncSubscription(db, creem, id)}`);
      result.synced++;
    } catch (error) {
      if (unknownAtCreem(error)) result.unknown++;
      else result.failed++;
      log(`stale subscription ${id}: could not be synced (${(error as Error).message})`);
    }
  }
  return result;
}
