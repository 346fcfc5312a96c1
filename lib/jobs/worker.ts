import pg from "pg";
import PgBoss from "pg-boss";
import { JOBS_SCHEMA, type JobContext, type JobDefinition } from "./definition";
import { jobs as registeredJobs } from "./registry";
import { WAKE_CHANNEL } from "./wake";

// Runs the registered jobs with pg-boss on the app's own database (schema `pgboss`, created on first start).
// Any number of workers may run: pg-boss hands each job to one of them, the schedules fire once per slot
// across all instances, and a queue holds at most one waiting and one running job (policy "stately").

/**
 * A pg-boss instance on the app's database. A worker keeps the schedules firing and maintains the tables;
 * a client (`npm run jobs`, tests) only reads and sends.
 */
export function createBoss(connectionString: string, role: "worker" | "client" = "worker"): PgBoss {
  return new PgBoss({
    connectionString,
    schema: JOBS_SCHEMA,
    application_name: role === "worker" ? "jobs-worker" : "jobs-client",
    max: role === "worker" ? 4 : 2,
    schedule: role === "worker",
    supervise: role === "worker",
  });
}

function queueOptions(job: JobDefinition): Omit<PgBoss.Queue, "name"> {
  return {
    policy: "stately",
    retryLimit: job.retry.limit,
    retryDelay: job.retry.delaySeconds,
    retryBackoff: job.retry.backoff,
    expireInSeconds: job.timeoutSeconds,
  };
}

// Any fixed number: the advisory lock that lets one instance at a time register queues.
const REGISTER_LOCK = 7_110_001;

/**
 * Creates or updates each job's queue and schedule. Instances starting together take turns (an advisory
 * lock): pg-boss creates a queue's partition table, and concurrent creations deadlock.
 */
export async function registerJobs(
  boss: PgBoss,
  definitions: JobDefinition[],
  connectionString: string,
): Promise<void> {
  const lock = new pg.Client({ connectionString, application_name: "jobs-register" });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [REGISTER_LOCK]);
    for (const job of definitions) {
      await boss.createQueue(job.name, { name: job.name, ...queueOptions(job) });
      await boss.updateQueue(job.name, { name: job.name, ...queueOptions(job) });
      if (job.schedule) {
        await boss.schedule(job.name, job.schedule, {}, { tz: "UTC", singletonKey: job.singletonKey });
      } else {
        await boss.unschedule(job.name);
      }
    }
  } finally {
    // Ending the session releases the lock too, should the unlock fail.
    await lock.query("SELECT pg_advisory_unlock($1)", [REGISTER_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

/** Queues a run now; null when one is already waiting (its singleton key is taken). */
export function sendJob(boss: PgBoss, job: JobDefinition): Promise<string | null> {
  return boss.send(job.name, {}, { singletonKey: job.singletonKey });
}

export type JobWorker = { boss: PgBoss; stop: () => Promise<void> };

export async function startJobWorker(options: {
  connectionString: string;
  context: Omit<JobContext, "log">;
  /** Default: the registry (and schedules of jobs no longer in it are removed). Tests pass their own. */
  definitions?: JobDefinition[];
  /** How often an idle worker looks for work (pg-boss polls). */
  pollingIntervalSeconds?: number;
  log?: (line: string) => void;
}): Promise<JobWorker> {
  const definitions = options.definitions ?? registeredJobs;
  const log = options.log ?? ((line: string) => console.log(line));
  const boss = createBoss(options.connectionString);
  boss.on("error", (error) => log(`[jobs] ${error.message}`));
  await boss.start();
  await registerJobs(boss, definitions, options.connectionString);
  if (!options.definitions) {
    // A job deleted from the registry stops being scheduled (its queue and past runs stay, for `npm run jobs`).
    for (const schedule of await boss.getSchedules()) {
      if (!definitions.some((job) => job.name === schedule.name)) await boss.unschedule(schedule.name);
    }
  }

  const workerIds = new Map<string, string>();
  for (const job of definitions) {
    const id = await boss.work(
      job.name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true },
      async ([run]) => {
        const started = Date.now();
        const attempt = `attempt ${run!.retryCount + 1} of ${job.retry.limit + 1}`;
        log(`[jobs] ${job.name} ${run!.id} started (${attempt})`);
        try {
          const output = await job.handler({
            ...options.context,
            log: (line) => log(`[jobs] ${job.name}: ${line}`),
          });
          // Completed here, before this worker looks for its next run. pg-boss completes a run without waiting
          // for it, and a stately queue refuses a second active run (pg-boss's fetch swallows that refusal), so
          // a run queued meanwhile (a wake during this one) would otherwise wait for the next poll.
          await boss.complete(job.name, run!.id, output);
          log(`[jobs] ${job.name} ${run!.id} done in ${Date.now() - started} ms`);
          return output;
        } catch (error) {
          log(`[jobs] ${job.name} ${run!.id} failed (${attempt}): ${(error as Error).message}`);
          throw error;
        }
      },
    );
    workerIds.set(job.name, id);
  }

  const wakes = await listenForWakes({
    boss,
    definitions,
    workerIds,
    connectionString: options.connectionString,
    log,
  });
  return {
    boss,
    stop: async () => {
      await wakes.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}

/** How long a wake waits for more of a burst before it queues its one run. */
const WAKE_COALESCE_MS = 50;
const LISTEN_RETRY_MS = 5_000;

/**
 * LISTENs for wakes (lib/jobs/wake.ts: a NOTIFY on WAKE_CHANNEL whose payload names a job). A wake queues a
 * run of that job (its singleton key keeps it to one waiting run) and wakes this worker's poller, so the run
 * starts in milliseconds rather than at the next poll. A dropped connection is re-established; wakes sent
 * meanwhile are lost, which the jobs' schedules make up for.
 */
async function listenForWakes(options: {
  boss: PgBoss;
  definitions: JobDefinition[];
  workerIds: Map<string, string>;
  connectionString: string;
  log: (line: string) => void;
}): Promise<{ stop: () => Promise<void> }> {
  const { boss, definitions, workerIds, log } = options;
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const pending = new Set<string>();

  const wake = (job: JobDefinition) => {
    if (pending.has(job.name)) return;
    pending.add(job.name);
    setTimeout(() => {
      if (stopped) return;
      void sendJob(boss, job)
        .then(() => {
          const id = workerIds.get(job.name);
          if (id) boss.notifyWorker(id);
        })
        .catch((error: unknown) => log(`[jobs] wake ${job.name}: ${(error as Error).message}`))
        .finally(() => pending.delete(job.name));
    }, WAKE_COALESCE_MS);
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString: options.connectionString, application_name: "jobs-wake" });
    c.on("notification", (message) => {
      const job = definitions.find((j) => j.name === message.payload);
      if (message.channel === WAKE_CHANNEL && job) wake(job);
    });
    c.on("error", (error) => {
      log(`[jobs] wake connection lost: ${error.message}`);
      void c.end().catch(() => undefined);
      if (!stopped && client === c) {
        client = undefined;
        retry = setTimeout(() => void connect().catch(onConnectError), LISTEN_RETRY_MS);
      }
    });
    await c.connect();
    await c.query(`LISTEN ${c.escapeIdentifier(WAKE_CHANNEL)}`);
    if (stopped) await c.end();
    else client = c;
  };
  const onConnectError = (error: unknown) => {
    log(`[jobs] wake connection failed: ${(error as Error).message}`);
    if (!stopped) retry = setTimeout(() => void connect().catch(onConnectError), LISTEN_RETRY_MS);
  };

  await connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
