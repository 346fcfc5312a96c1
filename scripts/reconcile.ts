import nextEnv from "@next/env";
import path from "node:path";

// `npm run billing:reconcile`: re-applies webhook events whose processing failed, then syncs every
// stored subscription from CREEM. Safe to run at any time (e.g. from a cron job).
nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."));

const { db } = await import("@/lib/db");
const { getCreem } = await import("@/lib/creem/server");
const { parseWebhookEvent } = await import("@/lib/creem");
const { processEvent } = await import("@/lib/billing/webhooks/inbox");
const { syncSubscription } = await import("@/lib/billing/webhooks/sync");

let failures = 0;
const pending = await db.webhookEvent.findMany({
  where: { processedAt: null },
  orderBy: { createdAt: "asc" },
});
for (const stored of pending) {
  const parsed = parseWebhookEvent(stored.payload);
  if (!parsed.ok) {
    console.warn(`skip ${stored.id}: ${parsed.reason}`);
    continue;
  }
  try {
    const result = await processEvent(db, parsed.event, stored.payload as object);
    console.log(
      `event ${stored.id} ${stored.type}: ${result.duplicate ? "already processed" : result.outcome}`,
    );
  } catch (error) {
    failures++;
    console.error(`event ${stored.id} failed again: ${(error as Error).message}`);
  }
}

const creem = getCreem();
const subscriptions = await db.subscription.findMany({ select: { id: true } });
for (const { id } of subscriptions) {
  try {
    console.log(`subscription ${id}: ${await syncSubscription(db, creem, id)}`);
  } catch (error) {
    failures++;
    console.error(`subscription ${id} could not be synced: ${(error as Error).message}`);
  }
}
console.log(`${pending.length} pending events, ${subscriptions.length} subscriptions, ${failures} failures`);
await db.$disconnect();
process.exit(failures > 0 ? 1 : 0);
