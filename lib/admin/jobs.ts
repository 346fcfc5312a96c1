import "server-only";
import type { CurrentUser } from "@/lib/auth";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { JOBS_SCHEMA } from "@/lib/jobs/definition";
import { jobNamed, jobs } from "@/lib/jobs/registry";
import { jobsStatus, WORKERS_SQL, type JobsStatus, type SqlRunner } from "@/lib/jobs/status";
import { wakeJob } from "@/lib/jobs/wake";
import { recordAudit } from "./audit";

// The background jobs as the operator sees them: the same status as `npm run jobs`, read through the app's
// database client (the web process runs no pg-boss), and "Run now", the same wake the webhook route uses.

export type AdminJobs =
  | { ready: false; workers: number }
  | ({ ready: true } & JobsStatus & {
        /** Each registered job with its line for the page, in registry order. */
        registered: Array<{ name: string; description: string }>;
      });

function runner(db: PrismaClient): SqlRunner {
  return {
    executeSql: async (text, values) => ({
      rows: await db.$queryRawUnsafe<Array<Record<string, unknown>>>(text, ...values),
    }),
  };
}

/** How many job workers are connected to this database now. */
async function workerCount(db: PrismaClient): Promise<number> {
  const [{ workers }] = await db.$queryRawUnsafe<[{ workers: number }]>(WORKERS_SQL);
  return workers;
}

export async function adminJobs(db: PrismaClient, now = new Date()): Promise<AdminJobs> {
  const [{ ready }] = await db.$queryRawUnsafe<[{ ready: boolean }]>(
    `SELECT to_regclass('${JOBS_SCHEMA}.queue') IS NOT NULL AS ready`,
  );
  if (!ready) {
    // No worker has ever started on this database: pg-boss creates its tables on its first start.
    return { ready: false, workers: await workerCount(db) };
  }
  const status = await jobsStatus(runner(db), now, 20);
  return {
    ready: true,
    ...status,
    registered: jobs.map((job) => ({ name: job.name, description: job.description })),
  };
}

/**
 * Wakes a registered job (a listening worker runs it at once) and records who asked, in one transaction:
 * the wake is sent when the audit row commits. Refused when no worker listens, since nothing would run it.
 */
export async function runJobNow(
  db: PrismaClient,
  admin: Pick<CurrentUser, "id" | "email">,
  name: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!jobNamed(name)) return { ok: false, error: `There is no job "${name}".` };
  if ((await workerCount(db)) === 0) {
    return {
      ok: false,
      error: "No job worker is running, so nothing would run it. Start one: npm run worker.",
    };
  }
  await db.$transaction(async (tx) => {
    await wakeJob(tx, name);
    await recordAudit(tx, admin, { action: "job.run", target: name });
  });
  return { ok: true };
}
