import nextEnv from "@next/env";
import path from "node:path";

// `npm run billing:reconcile`: re-applies webhook events whose processing failed, then syncs pending checkouts
// and every stored subscription from CREEM (lib/billing/reconcile.ts). The job worker runs the same steps on a
// schedule; this runs them once, now. Exits 1 when something could not be applied or synced.
nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."));

const { db } = await import("@/lib/db");
const { getCreem } = await import("@/lib/creem/server");
const { reconcile } = await import("@/lib/billing/webhooks/reconcile");

const { replay, sync } = await reconcile(db, getCreem(), (line) => console.log(line));
console.log(
  `${replay.pending} pending events (${replay.applied} applied, ${replay.failed} failed, ` +
    `${replay.unreadable} unreadable); ${sync.checkouts} checkouts and ${sync.subscriptions} subscriptions ` +
    `synced, ${sync.unknown} unknown at CREEM, ${sync.failed} failed`,
);
await db.$disconnect();
process.exit(replay.failed + sync.failed > 0 ? 1 : 0);
