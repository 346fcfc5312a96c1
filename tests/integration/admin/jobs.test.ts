import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreemClient } from "@/lib/creem";
import { jobs } from "@/lib/jobs/registry";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { createTestDatabase } from "../../../scripts/lib/test-database";
import { testDb } from "../support/db";
import { until } from "../support/until";
import { ADMIN_EMAIL, form, newUser, signInAs } from "./support";

// The console's Jobs page on a database of its own (worker counts are per database, and other test files
// start workers on the shared one): before any worker, with one running, and "Run now" end to end.

vi.mock("@/lib/auth", () => ({ getCurrentUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { adminJobs, runJobNow } = await import("@/lib/admin/jobs");
const { runJobAction } = await import("@/app/admin/jobs/actions");
const shared = testDb();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: PrismaClient;
let worker: JobWorker | undefined;
const operator = { id: "op_jobs", email: ADMIN_EMAIL };

beforeAll(async () => {
  database = await createTestDatabase("starter_admin_jobs");
  db = createPrismaClient(database.url);
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await db?.$disconnect();
  await database?.drop();
});

describe("the console's Jobs page", () => {
  it("before any worker: says so, and Run now refuses instead of waking nobody", async () => {
    expect(await adminJobs(db)).toEqual({ ready: false, workers: 0 });
    expect(await runJobNow(db, operator, "rate-limit-prune")).toEqual({
      ok: false,
      error: expect.stringMatching(/No job worker is running/),
    });
    expect(await db.adminAudit.count()).toBe(0);
  });

  it("with a worker: every registered job with its schedule; Run now runs it at once and is audited", async () => {
    worker = await startJobWorker({
      connectionString: database.url,
      context: { db, creem: {} as CreemClient },
      // Polling once a minute: the run below can only come from the wake.
      pollingIntervalSeconds: 60,
      log: () => undefined,
    });
    const status = await adminJobs(db);
    if (!status.ready) throw new Error("pg-boss tables missing after a worker started");
    expect(status.workers).toBe(1);
    expect(status.registered.map((j) => j.name)).toEqual(jobs.map((j) => j.name));
    for (const job of jobs) {
      expect(status.queues.find((q) => q.name === job.name)).toMatchObject({ cron: job.schedule });
    }

    expect(await runJobNow(db, operator, "no-such-job")).toEqual({
      ok: false,
      error: 'There is no job "no-such-job".',
    });
    expect(await runJobNow(db, operator, "rate-limit-prune")).toEqual({ ok: true });
    const after = await until(
      () => adminJobs(db),
      (s) => s.ready && s.recent.some((r) => r.name === "rate-limit-prune" && r.state === "completed"),
      20_000,
    );
    if (!after.ready) throw new Error("unreachable");
    expect(after.recent.find((r) => r.name === "rate-limit-prune")).toMatchObject({
      state: "completed",
      output: { deleted: 0 },
    });
    expect(
      await db.adminAudit.findMany({ select: { action: true, target: true, adminEmail: true } }),
    ).toEqual([{ action: "job.run", target: "rate-limit-prune", adminEmail: ADMIN_EMAIL }]);
  });

  it("the action validates the job name for an operator", async () => {
    signInAs(await newUser(shared, ADMIN_EMAIL));
    expect(await runJobAction({}, form({ job: "" }))).toMatchObject({ error: expect.any(String) });
    expect(await runJobAction({}, form({ job: "nope" }))).toEqual({ error: 'There is no job "nope".' });
  });
});
