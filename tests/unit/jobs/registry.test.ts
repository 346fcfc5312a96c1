import { describe, expect, it } from "vitest";
import { jobNamed, jobs } from "@/lib/jobs/registry";
import { nextRun } from "@/lib/jobs/status";

// The job list is data the worker trusts: every entry must be runnable by pg-boss as declared.

describe("job registry", () => {
  it("names each job once, with a pg-boss queue name and its own singleton key", () => {
    const names = jobs.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    for (const job of jobs) {
      expect(job.name).toMatch(/^[a-z0-9_-]+$/);
      expect(job.singletonKey).toBe(job.name);
      expect(jobNamed(job.name)).toBe(job);
    }
    expect(jobNamed("nope")).toBeUndefined();
  });

  it("retries failures with backoff and gives every run a timeout", () => {
    for (const job of jobs) {
      expect(job.retry.limit).toBeGreaterThanOrEqual(1);
      expect(job.retry.delaySeconds).toBeGreaterThan(0);
      expect(job.retry.backoff).toBe(true);
      expect(job.timeoutSeconds).toBeGreaterThan(0);
    }
  });

  it("has valid UTC schedules; reconcile runs every hour, within CREEM's hour of webhook retries", () => {
    const from = new Date("2026-03-01T10:20:00Z");
    for (const job of jobs.filter((j) => j.schedule)) {
      expect(nextRun(job.schedule!, "UTC", from), job.name).toBeInstanceOf(Date);
    }
    const reconcile = jobNamed("billing-reconcile")!;
    const first = nextRun(reconcile.schedule!, "UTC", from)!;
    const second = nextRun(reconcile.schedule!, "UTC", first)!;
    expect(second.getTime() - first.getTime()).toBe(60 * 60 * 1000);
    expect(jobNamed("billing-replay-webhooks")!.schedule).toBeDefined();
  });

  it("reads an invalid cron expression as no next run", () => {
    expect(nextRun("not a cron", "UTC", new Date())).toBeNull();
  });
});
