import type { CreemClient } from "@/lib/creem";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The shape of a background job. Jobs live in PostgreSQL (pg-boss, schema `pgboss`), so schedules, singleton
// keys and retries hold across any number of app and worker instances.

/** The PostgreSQL schema of pg-boss's tables (created by the first worker that starts). */
export const JOBS_SCHEMA = "pgboss";

export type JobContext = {
  db: PrismaClient;
  creem: CreemClient;
  /** One line per step, prefixed with the job's name by the worker. */
  log: (line: string) => void;
};

export type JobDefinition = {
  /** Queue name: letters, digits, `-` and `_`. */
  name: string;
  /** One line for `npm run jobs`. */
  description: string;
  /** Cron expression in UTC (5 fields); absent = run only when sent (`npm run jobs -- run <name>`). */
  schedule?: string;
  /** At most one job with this key is waiting and one running, however many instances send it. */
  singletonKey: string;
  /** Failed runs are retried `limit` times, the n-th after `delaySeconds` x 2^(n-1) to x 2^n (backoff). */
  retry: { limit: number; delaySeconds: number; backoff: boolean };
  /** A run still active after this long counts as failed (and is retried). */
  timeoutSeconds: number;
  /** Throw to fail the run (it is retried); the returned object is stored as the run's output. */
  handler: (context: JobContext) => Promise<Record<string, unknown>>;
};
