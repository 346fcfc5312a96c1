import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { jobNamed } from "@/lib/jobs/registry";
import { consumeRateLimit, pruneRateLimits, retryMinutes, type RateLimitRule } from "@/lib/rate-limit";
import { testDb } from "../support/db";

const db = testDb();
const MINUTE = 60_000;
const rule = (limit: number, windowMs = 10 * MINUTE): RateLimitRule => ({
  name: `test-${randomUUID()}`,
  limit,
  windowMs,
});

describe("consumeRateLimit (PostgreSQL sliding window)", () => {
  it("lets `limit` attempts through per key and window, then says how long to wait", async () => {
    const r = rule(3);
    const t0 = new Date("2026-12-01T10:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await consumeRateLimit(db, r, "a", at(0))).toEqual({ ok: true, remaining: 2 });
    expect(await consumeRateLimit(db, r, "a", at(MINUTE))).toEqual({ ok: true, remaining: 1 });
    expect(await consumeRateLimit(db, r, "a", at(2 * MINUTE))).toEqual({ ok: true, remaining: 0 });
    // Refused until the first attempt leaves the window (10 minutes after it).
    expect(await consumeRateLimit(db, r, "a", at(3 * MINUTE))).toEqual({
      ok: false,
      retryAfterMs: 7 * MINUTE,
    });
    expect(await consumeRateLimit(db, r, "b", at(3 * MINUTE))).toMatchObject({ ok: true });
    // Refused attempts are not counted: the window still frees up 10 minutes after the first one.
    expect(await consumeRateLimit(db, r, "a", at(9 * MINUTE))).toEqual({ ok: false, retryAfterMs: MINUTE });
    expect(await consumeRateLimit(db, r, "a", at(10 * MINUTE + 1))).toEqual({ ok: true, remaining: 0 });
    expect(await consumeRateLimit(db, r, "a", at(10 * MINUTE + 2))).toMatchObject({ ok: false });
    expect(await consumeRateLimit(db, r, "a", at(11 * MINUTE + 1))).toMatchObject({ ok: true });
  });

  it("is a sliding window, not a fixed one: no burst of 2x the limit across a boundary", async () => {
    const r = rule(5);
    const t0 = Date.parse("2026-12-01T10:09:00Z");
    for (let i = 0; i < 5; i++) expect((await consumeRateLimit(db, r, "k", new Date(t0 + i))).ok).toBe(true);
    // Two minutes later (a fixed 10-minute window would have reset at 10:10).
    expect((await consumeRateLimit(db, r, "k", new Date(t0 + 2 * MINUTE))).ok).toBe(false);
  });

  it("20 parallel attempts on one key: exactly `limit` pass", async () => {
    const r = rule(5);
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => consumeRateLimit(db, r, "same-key", now)),
    );
    expect(results.filter((x) => x.ok)).toHaveLength(5);
    const row = await db.rateLimit.findUniqueOrThrow({
      where: { rule_key: { rule: r.name, key: "same-key" } },
    });
    expect(row.hits).toHaveLength(5);
  });

  it("works inside a transaction (the caller's writes and the count commit together)", async () => {
    const r = rule(1);
    await db.$transaction(async (tx) => {
      expect((await consumeRateLimit(tx, r, "tx")).ok).toBe(true);
    });
    expect((await consumeRateLimit(db, r, "tx")).ok).toBe(false);
  });

  it("rounds waits up to whole minutes for messages", () => {
    expect(retryMinutes(1)).toBe(1);
    expect(retryMinutes(MINUTE)).toBe(1);
    expect(retryMinutes(MINUTE + 1)).toBe(2);
    expect(retryMinutes(9.5 * MINUTE)).toBe(10);
  });

  it("refuses a rule whose window is longer than the pruning keeps rows", async () => {
    await expect(consumeRateLimit(db, rule(1, 25 * 60 * MINUTE), "a")).rejects.toThrow(/at most a day/);
    await expect(consumeRateLimit(db, rule(1, 0), "a")).rejects.toThrow(/longer than 0/);
  });

  it("prunes only rows whose last attempt is older than a day (the daily job)", async () => {
    const r = rule(2);
    const now = new Date("2026-12-03T12:00:00Z");
    await consumeRateLimit(db, r, "old", new Date(now.getTime() - 25 * 60 * MINUTE));
    await consumeRateLimit(db, r, "recent", new Date(now.getTime() - 23 * 60 * MINUTE));
    await pruneRateLimits(db, now);
    const left = await db.rateLimit.findMany({ where: { rule: r.name }, select: { key: true } });
    expect(left.map((row) => row.key)).toEqual(["recent"]);
    expect(jobNamed("rate-limit-prune")?.schedule).toBe("41 3 * * *");
  });
});
