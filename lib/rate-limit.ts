import type { PrismaClient } from "@/lib/generated/prisma/client";

// One rate limiter for the whole app (sign-in mails, checkouts, discount checks), kept in PostgreSQL so
// every app instance shares it. A sliding window: the RateLimit row of (rule, key) holds the times of
// the attempts still inside the window. One INSERT ... ON CONFLICT DO UPDATE drops the expired times,
// counts the rest, decides and records the attempt; the conflicting row is locked for that statement,
// so parallel attempts on one key queue up and exactly `limit` of them pass.

export type RateLimitRule = {
  /** Stored with each row; keep it stable (renaming it resets the counts). */
  name: string;
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
};

/** Rows untouched this long hold no attempt any rule still counts (every window is at most this long). */
export const RATE_LIMIT_MAX_WINDOW_MS = 24 * 60 * 60_000;

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterMs: number };

/** Anything that can run raw SQL: the app's client or a transaction's. */
type Queryable = Pick<PrismaClient, "$queryRaw">;

type Row = { allowed: boolean; count: number; oldest_ms: number | null };

export async function consumeRateLimit(
  db: Queryable,
  rule: RateLimitRule,
  key: string,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new Error(`${rule.name}: limit must be >= 1`);
  if (!(rule.windowMs > 0 && rule.windowMs <= RATE_LIMIT_MAX_WINDOW_MS))
    throw new Error(`${rule.name}: the window must be longer than 0 and at most a day`);
  const nowMs = now.getTime();
  const cutoffMs = nowMs - rule.windowMs;
  // Times are passed as epoch milliseconds and stored as UTC timestamps, whatever the session time zone.
  const rows = await db.$queryRaw<Row[]>`
    INSERT INTO "RateLimit" ("rule", "key", "hits", "allowed", "updatedAt")
    VALUES (
      ${rule.name}, ${key},
      ARRAY[to_timestamp(${nowMs}::float8 / 1000) AT TIME ZONE 'UTC'],
      true, to_timestamp(${nowMs}::float8 / 1000) AT TIME ZONE 'UTC'
    )
    ON CONFLICT ("rule", "key") DO UPDATE SET
      "allowed" = cardinality(ARRAY(
        SELECT h FROM unnest("RateLimit"."hits") AS h
        WHERE h > to_timestamp(${cutoffMs}::float8 / 1000) AT TIME ZONE 'UTC'
      )) < ${rule.limit},
      "hits" = ARRAY(
        SELECT h FROM unnest("RateLimit"."hits") AS h
        WHERE h > to_timestamp(${cutoffMs}::float8 / 1000) AT TIME ZONE 'UTC'
        ORDER BY h
      ) || CASE
        WHEN cardinality(ARRAY(
          SELECT h FROM unnest("RateLimit"."hits") AS h
          WHERE h > to_timestamp(${cutoffMs}::float8 / 1000) AT TIME ZONE 'UTC'
        )) < ${rule.limit}
        THEN ARRAY[to_timestamp(${nowMs}::float8 / 1000) AT TIME ZONE 'UTC']
        ELSE ARRAY[]::timestamp(3)[]
      END,
      "updatedAt" = to_timestamp(${nowMs}::float8 / 1000) AT TIME ZONE 'UTC'
    RETURNING
      "allowed",
      cardinality("hits")::int AS count,
      (EXTRACT(EPOCH FROM "hits"[1]) * 1000)::float8 AS oldest_ms`;
  const row = rows[0];
  if (!row) throw new Error(`${rule.name}: the rate limit row was not written`);
  if (row.allowed) return { ok: true, remaining: Math.max(0, rule.limit - row.count) };
  const oldest = row.oldest_ms ?? nowMs;
  // Never longer than the window: a parallel request that read the clock later may have stored its hit
  // before this one ran, so the oldest hit can be a little after this request's `nowMs`.
  const wait = Math.min(rule.windowMs, Math.round(oldest + rule.windowMs - nowMs));
  return { ok: false, retryAfterMs: Math.max(1000, wait) };
}

/** Whole minutes to wait, for messages ("try again in 3 minutes"); at least 1. */
export function retryMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}

/**
 * Deletes the rows whose newest attempt left every possible window (the daily `rate-limit-prune` job):
 * one small row per address, IP or user would otherwise stay forever. Returns how many were deleted.
 */
export async function pruneRateLimits(
  db: Pick<PrismaClient, "rateLimit">,
  now: Date = new Date(),
): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({
    where: { updatedAt: { lt: new Date(now.getTime() - RATE_LIMIT_MAX_WINDOW_MS) } },
  });
  return count;
}
