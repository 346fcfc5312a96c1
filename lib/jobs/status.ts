import parser from "cron-parser";
import type PgBoss from "pg-boss";
import { JOBS_SCHEMA } from "./definition";

// What the job system is doing, read from pg-boss's tables: for `npm run jobs` (through pg-boss) and the
// console's Jobs page (through the app's database client, so the web process needs no pg-boss).

/** Runs one SQL statement: pg-boss's own database handle, or an adapter over the app's client. */
export type SqlRunner = {
  executeSql: (text: string, values: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;
};

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

export type JobsStatus = {
  queues: QueueStatus[];
  recent: JobRun[];
  failures: JobRun[];
  /** Workers listening right now (each holds one wake connection, lib/jobs/worker.ts). */
  workers: number;
};

const RUN_COLUMNS = `id, name, state::text AS state, retry_count + 1 AS attempts, created_on AS "createdOn",
  started_on AS "startedOn", completed_on AS "completedOn", output`;
// Live jobs and archived ones (pg-boss moves finished jobs to the archive after a while).
const COLUMNS = "id, name, state, retry_count, created_on, started_on, completed_on, output";
const RUNS = `(SELECT ${COLUMNS} FROM ${JOBS_SCHEMA}.job UNION ALL SELECT ${COLUMNS} FROM ${JOBS_SCHEMA}.archive)`;

/** How many job workers are connected now: each holds one LISTEN connection named `jobs-wake` (worker.ts). */
export const WORKERS_SQL = `SELECT count(*)::int AS workers FROM pg_stat_activity
  WHERE datname = current_database() AND application_name = 'jobs-wake'`;

type QueueRow = {
  name: string;
  policy: string;
  retry_limit: number;
  retry_delay: number;
  retry_backoff: boolean;
  cron: string | null;
  timezone: string | null;
};

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

export async function jobsStatus(
  source: PgBoss | SqlRunner,
  now = new Date(),
  limit = 10,
): Promise<JobsStatus> {
  const db: SqlRunner = "getDb" in source ? (source.getDb() as SqlRunner) : source;
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
  const workers = await db.executeSql(WORKERS_SQL, []);
  return {
    workers: workers.rows[0]!.workers as number,
    queues: (queues.rows as QueueRow[]).map((q) => ({
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
