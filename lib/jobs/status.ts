import parser from "cron-parser";
import type PgBoss from "pg-boss";
import { JOBS_SCHEMA } from "./worker";

// What the job system is doing, read from pg-boss's tables: for `npm run jobs` (and a later admin console).

export type QueueStatus = {
  name: string;
  policy: string;
  retry: string;
  counts: Record<string, number>;
  cron: string | null;
  nextRunAt: Date | null;
};

export type JobRun = {
  id: string;
  name: string;
  state: string;
  attempts: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  output: unknown;
};

export type JobsStatus = { queues: QueueStatus[]; recent: JobRun[]; failures: JobRun[] };

const RUN_COLUMNS = `id, name, state::text AS state, retry_count + 1 AS attempts, created_on AS "createdOn",
  started_on AS "startedOn", completed_on AS "completedOn", output`;
// Live jobs and archived ones (pg-boss moves finished jobs to the archive after a while).
const COLUMNS = "id, name, state, retry_count, created_on, started_on, completed_on, output";
const RUNS = `(SELECT ${COLUMNS} FROM ${JOBS_SCHEMA}.job UNION ALL SELECT ${COLUMNS} FROM ${JOBS_SCHEMA}.archive)`;

export function nextRun(cron: string, timezone: string | null, after: Date): Date | null {
  try {
    return parser
      .parseExpression(cron, { tz: timezone ?? "UTC", currentDate: after })
      .next()
      .toDate();
  } catch {
    return null;
  }
}

export async function jobsStatus(boss: PgBoss, now = new Date(), limit = 10): Promise<JobsStatus> {
  const db = boss.getDb();
  const s = JOBS_SCHEMA;
  const queues = await db.executeSql(
    `SELECT q.name, q.policy, q.retry_limit, q.retry_delay, q.retry_backoff, sc.cron, sc.timezone
     FROM ${s}.queue q LEFT JOIN ${s}.schedule sc ON sc.name = q.name
     WHERE q.name NOT LIKE '\\_\\_pgboss\\_\\_%' ORDER BY q.name`,
    [],
  );
  const counts = await db.executeSql(
    `SELECT name, state::text AS state, count(*)::int AS n FROM ${RUNS} runs GROUP BY name, state`,
    [],
  );
  const recent = await db.executeSql(
    `SELECT ${RUN_COLUMNS} FROM ${RUNS} runs
     ORDER BY created_on DESC LIMIT $1`,
    [limit],
  );
  const failures = await db.executeSql(
    `SELECT ${RUN_COLUMNS} FROM ${RUNS} runs
     WHERE state = 'failed' OR (state = 'retry' AND output IS NOT NULL)
     ORDER BY COALESCE(completed_on, created_on) DESC LIMIT $1`,
    [limit],
  );
  return {
    queues: queues.rows.map((q) => ({
      name: q.name,
      policy: q.policy,
      retry: `${q.retry_limit} x from ${q.retry_delay} s${q.retry_backoff ? ", backoff" : ""}`,
      counts: Object.fromEntries(
        counts.rows.filter((c) => c.name === q.name).map((c) => [c.state as string, c.n as number]),
      ),
      cron: q.cron ?? null,
      nextRunAt: q.cron ? nextRun(q.cron, q.timezone, now) : null,
    })),
    recent: recent.rows as JobRun[],
    failures: failures.rows as JobRun[],
  };
}
