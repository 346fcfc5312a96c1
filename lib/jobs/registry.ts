import { reconcile, replayFailedEvents, resyncStaleSubscriptions } from "@/lib/billing/webhooks/reconcile";
import { LIFECYCLE_EMAIL_JOB } from "@/lib/email/events";
import { pruneRateLimits } from "@/lib/rate-limit";
import { correctSeatDrift } from "@/lib/workspaces/seat-drift";
import type { JobDefinition } from "./definition";

// Every background job of the app, in one list. To add a job: add one entry here (name, schedule, singleton
// key, retry policy, handler calling into lib/). The worker (`npm run worker`, started by `npm run dev`)
// creates its queue, keeps its schedule in PostgreSQL and runs it; `npm run jobs` and the console's Jobs
// page show it, and wakeJob (lib/jobs/wake.ts) runs it now.

/** Fails the run (so it is retried with backoff) when some items failed, after the others were done. */
function failIfAny(failed: number, what: string, output: Record<string, unknown>) {
  if (failed > 0) throw new Error(`${failed} ${what} failed: ${JSON.stringify(output)}`);
  return output;
}

export const jobs: JobDefinition[] = [
  {
    name: "billing-replay-webhooks",
    description: "Apply again webhook events whose processing failed",
    schedule: "*/10 * * * *",
    singletonKey: "billing-replay-webhooks",
    retry: { limit: 3, delaySeconds: 30, backoff: true },
    timeoutSeconds: 10 * 60,
    handler: async ({ db, log }) => {
      const result = await replayFailedEvents(db, log);
      return failIfAny(result.failed, "events", result);
    },
  },
  {
    // CREEM stops retrying a webhook after about an hour: this hourly pull recovers from longer outages.
    name: "billing-reconcile",
    description: "Replay failed events, then sync pending checkouts and all subscriptions from CREEM",
    schedule: "17 * * * *",
    singletonKey: "billing-reconcile",
    retry: { limit: 4, delaySeconds: 60, backoff: true },
    timeoutSeconds: 30 * 60,
    handler: async ({ db, creem, log }) => {
      const { replay, sync } = await reconcile(db, creem, log);
      return failIfAny(replay.failed + sync.failed, "events or syncs", { replay, sync });
    },
  },
  {
    // A subscription that still says active or trialing days after its period ended lost its terminating
    // (or renewal) webhook: it grants nothing until CREEM confirms it, so confirm it without waiting for a visit.
    name: "billing-resync-stale",
    description: "Re-sync subscriptions whose period ended days ago but still read active or trialing",
    schedule: "*/30 * * * *",
    singletonKey: "billing-resync-stale",
    retry: { limit: 3, delaySeconds: 60, backoff: true },
    timeoutSeconds: 15 * 60,
    handler: async ({ db, creem, log }) => {
      const result = await resyncStaleSubscriptions(db, creem, log);
      return failIfAny(result.failed, "stale subscriptions", result);
    },
  },
  {
    // Seats changed in CREEM's dashboard (or a lost webhook) would leave a team with the wrong seat limit.
    name: "workspace-seat-drift",
    description: "Compare CREEM's units with each workspace's seats; store CREEM's on per-seat plans",
    schedule: "23 4 * * *",
    singletonKey: "workspace-seat-drift",
    retry: { limit: 3, delaySeconds: 60, backoff: true },
    timeoutSeconds: 15 * 60,
    handler: async ({ db, creem, log }) => {
      // The deployment's catalog reads the environment: loaded when the job runs, not when the list is read.
      const { catalog } = await import("@/lib/billing/catalog");
      const result = await correctSeatDrift(db, creem, catalog, log);
      return failIfAny(result.failed, "subscriptions", result);
    },
  },
  {
    // The outbox of lifecycle email (lib/email/lifecycle.ts): decides what the stored billing state says is
    // due, then sends what is queued. Woken at once by the webhook route after an event that may make an
    // email due; the schedule is the backstop and sends the trial reminders. Imported when run: rendering
    // loads react-dom/server.
    name: LIFECYCLE_EMAIL_JOB,
    description: "Queue the lifecycle emails the billing state calls for, then send queued ones",
    schedule: "* * * * *",
    singletonKey: "lifecycle-email",
    retry: { limit: 3, delaySeconds: 30, backoff: true },
    timeoutSeconds: 5 * 60,
    handler: async ({ db, log }) => {
      const { sendDueEmails } = await import("@/lib/email/lifecycle");
      const result = await sendDueEmails(db);
      if (result.decided || result.sent || result.failed)
        log(`decided ${result.decided}, sent ${result.sent}`);
      return failIfAny(result.failed, "emails", result);
    },
  },
  {
    // Rate-limit rows (one per address, IP or user) are only needed while their attempts are in a window.
    name: "rate-limit-prune",
    description: "Delete rate-limit rows whose attempts are older than every window (a day)",
    schedule: "41 3 * * *",
    singletonKey: "rate-limit-prune",
    retry: { limit: 3, delaySeconds: 60, backoff: true },
    timeoutSeconds: 10 * 60,
    handler: async ({ db, log }) => {
      const deleted = await pruneRateLimits(db);
      log(`deleted ${deleted} rate-limit rows`);
      return { deleted };
    },
  },
];

export function jobNamed(name: string): JobDefinition | undefined {
  return jobs.find((job) => job.name === name);
}
