import type { PrismaClient } from "@/lib/generated/prisma/client";

// Runs a job now from any process (the webhook route, a console button) without a job client: one NOTIFY
// that every job worker LISTENs for (lib/jobs/worker.ts). A worker queues a run, which the job's singleton
// key keeps to one however many wakes arrive, and starts it at once instead of at the next poll. With no
// worker listening nothing happens until a worker runs the job on its schedule.

export const WAKE_CHANNEL = "jobs_wake";

/** The app's client or a transaction's (the wake is then sent when the transaction commits). */
type Executor = Pick<PrismaClient, "$executeRaw">;

export async function wakeJob(db: Executor, name: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${WAKE_CHANNEL}, ${name})`;
}
