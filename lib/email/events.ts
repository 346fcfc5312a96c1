import type { PrismaClient } from "@/lib/generated/prisma/client";
import { wakeJob } from "@/lib/jobs/wake";

// What the webhook route needs of lifecycle email, and nothing more: which events may make an email due, and
// how to wake the job that decides and sends them. Rendering and sending happen in the job worker (the
// `lifecycle-email` job, lib/email/lifecycle.ts), never in the web process that answers CREEM.

export const EMAIL_EVENT_TYPES: ReadonlySet<string> = new Set([
  "subscription.past_due",
  "subscription.scheduled_cancel",
  "subscription.canceled",
  "subscription.expired",
  "subscription.unpaid",
  "checkout.completed",
]);

/** The job that decides and sends lifecycle email (lib/jobs/registry.ts). */
export const LIFECYCLE_EMAIL_JOB = "lifecycle-email";

/**
 * Tells the job workers that an email may be due now (lib/jobs/wake.ts): one cheap statement, and a burst of
 * wakes becomes one run. Lost (no worker listening, a dropped connection): the job's schedule, every minute,
 * decides the same emails.
 */
export function wakeLifecycleEmail(db: PrismaClient): Promise<void> {
  return wakeJob(db, LIFECYCLE_EMAIL_JOB);
}
