import type { PrismaClient } from "@/lib/generated/prisma/client";

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

/** The PostgreSQL NOTIFY channel the `lifecycle-email` job wakes on (its `wakeOn`, lib/jobs/registry.ts). */
export const EMAIL_WAKE_CHANNEL = "lifecycle_email";

/**
 * Tells every job worker listening that an email may be due now. One cheap statement; the worker coalesces
 * a burst of wakes into one run. Lost (no worker listening, a dropped connection): the job's schedule, every
 * minute, decides the same emails.
 */
export async function wakeLifecycleEmail(db: PrismaClient): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${EMAIL_WAKE_CHANNEL}, '')`;
}
