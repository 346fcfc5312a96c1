import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import type { CreemClient } from "@/lib/creem";
import type { JobDefinition } from "@/lib/jobs/definition";
import { jobs } from "@/lib/jobs/registry";
import { jobsStatus } from "@/lib/jobs/status";
import { wakeJob } from "@/lib/jobs/wake";
import { createBoss, registerJobs, sendJob, startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { testDb } from "../support/db";
import { until } from "../support/until";

// The job system on a real database: what several instances register, singleton keys, retries with
// backoff, and what `npm run jobs` reads back.

const db = testDb();
const url = process.env.DATABASE_URL!;
const noCreem = {} as CreemClient; // these jobs never call CREEM
const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

async function boss(): Promise<PgBoss> {
  const b = createBoss(url, "client");
  b.on("error", () => undefined);
  await b.start();
  stops.push(() => b.stop({ graceful: false, wait: true }));
  return b;
}

async function worker(definitions: JobDefinition[]): Promise<JobWorker> {
  const w = await startJobWorker({
    connectionString: url,
    context: { db, creem: noCreem },
    definitions,
    pollingIntervalSeconds: 0.5,
    log: () => undefined,
  });
  stops.push(w.stop);
  return w;
}

function testJob(overrides: Partial<JobDefinition>): JobDefinition {
  const name = `test-${randomUUID().slice(0, 8)}`;
  return {
    name,
    description: "test job",
    singletonKey: name,
    retry: { limit: 0, delaySeconds: 1, backoff: false },
    timeoutSeconds: 60,
    handler: async () => ({}),
    ...overrides,
  };
}

describe("job worker (pg-boss on the app database)", () => {
  it("registers each queue and schedule once, however many instances start at the same time", async () => {
    const instances = await Promise.all([boss(), boss(), boss()]);
    await Promise.all(instances.map((b) => registerJobs(b, jobs, url)));

    const schedules = await instances[0]!.getSchedules();
    for (const job of jobs.filter((j) => j.schedule)) {
      const mine = schedules.filter((s) => s.name === job.name);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        cron: job.schedule,
        options: { singletonKey: job.singletonKey, tz: "UTC" },
      });
      const queue = await instances[0]!.getQueue(job.name);
      expect(queue).toMatchObject({
        policy: "stately",
        retryLimit: job.retry.limit,
        retryDelay: job.retry.delaySeconds,
        retryBackoff: job.retry.backoff,
      });
    }
  });

  it("keeps one waiting run per singleton key, whoever sends it", async () => {
    const job = testJob({});
    const [a, b] = await Promise.all([boss(), boss()]);
    await registerJobs(a, [job], url);
    const sent = await Promise.all([sendJob(a, job), sendJob(b, job), sendJob(a, job)]);
    expect(sent.filter((id) => id !== null)).toHaveLength(1);
  });

  it("retries a failing run with growing delays, then records it as failed with the error", async () => {
    const attempts: number[] = [];
    const job = testJob({
      retry: { limit: 2, delaySeconds: 1, backoff: true },
      handler: async () => {
        attempts.push(Date.now());
        throw new Error(`CREEM unreachable (attempt ${attempts.length})`);
      },
    });
    const w = await worker([job]);
    const id = (await sendJob(w.boss, job))!;
    const run = await until(
      () => w.boss.getJobById(job.name, id, { includeArchive: true }),
      (r) => r?.state === "failed",
    );
    expect(run).toMatchObject({ state: "failed", retryCount: 2 });
    expect(JSON.stringify(run!.output)).toContain("CREEM unreachable (attempt 3)");
    expect(attempts).toHaveLength(3);
    // Backoff: the n-th retry waits between delay x 2^(n-1) and delay x 2^n seconds.
    const [first, second] = [attempts[1]! - attempts[0]!, attempts[2]! - attempts[1]!];
    expect(first).toBeGreaterThanOrEqual(1_000);
    expect(second).toBeGreaterThanOrEqual(2_000);

    const status = await jobsStatus(w.boss);
    expect(status.failures.some((f) => f.id === id && f.state === "failed")).toBe(true);
  });

  it("runs a job on one of several workers, once, and stores its output", async () => {
    let runs = 0;
    const job = testJob({
      schedule: "0 0 1 1 *",
      handler: async ({ log }) => {
        runs++;
        log("working");
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { done: true };
      },
    });
    const [w] = await Promise.all([worker([job]), worker([job])]);
    const id = (await sendJob(w!.boss, job))!;
    const run = await until(
      () => w!.boss.getJobById(job.name, id, { includeArchive: true }),
      (r) => r?.state === "completed",
    );
    expect(run).toMatchObject({ state: "completed", output: { done: true } });
    expect(runs).toBe(1);

    const status = await jobsStatus(w!.boss, new Date("2027-06-01T00:00:00Z"));
    const queue = status.queues.find((q) => q.name === job.name);
    expect(queue).toMatchObject({ cron: "0 0 1 1 *", counts: { completed: 1 } });
    expect(queue!.nextRunAt?.toISOString()).toBe("2028-01-01T00:00:00.000Z");
    expect(status.recent.some((r) => r.id === id && r.state === "completed")).toBe(true);
  });

  it("runs a job at once when it is woken: one run for a burst, one more for a wake during a run", async () => {
    const runs: number[] = [];
    let release: () => void = () => undefined;
    const job = testJob({
      handler: async () => {
        runs.push(Date.now());
        // The first run stays busy until the test has sent a wake during it.
        if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return {};
      },
    });
    const other = testJob({ handler: async () => ({ ran: true }) });
    // Polling once a minute: only a wake can start a run within the test's time.
    const w = await startJobWorker({
      connectionString: url,
      context: { db, creem: noCreem },
      definitions: [job, other],
      pollingIntervalSeconds: 60,
      log: () => undefined,
    });
    stops.push(w.stop);
    await new Promise((resolve) => setTimeout(resolve, 300)); // past the worker's first (empty) poll

    const sentAt = Date.now();
    await Promise.all(Array.from({ length: 20 }, () => wakeJob(db, job.name)));
    expect(
      await until(
        async () => runs.length,
        (n) => n >= 1,
      ),
    ).toBe(1);
    expect(runs[0]! - sentAt).toBeLessThan(20_000);

    // A wake while the run is busy (whose data it may have read already) gets a run of its own, after it.
    await wakeJob(db, job.name);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    expect(
      await until(
        async () => runs.length,
        (n) => n >= 2,
      ),
    ).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(runs).toHaveLength(2);
    // A wake names one job: the other one never ran, and a name no worker knows is ignored.
    await wakeJob(db, "no-such-job");
    expect((await jobsStatus(w.boss)).queues.find((q) => q.name === other.name)?.counts).toEqual({});
  });

  it("the webhook route's email wake names the registry's lifecycle-email job", async () => {
    const { LIFECYCLE_EMAIL_JOB } = await import("@/lib/email/events");
    expect(jobs.map((j) => j.name)).toContain(LIFECYCLE_EMAIL_JOB);
  });
});
