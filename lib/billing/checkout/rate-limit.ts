import type { PrismaClient } from "@/lib/generated/prisma/client";
import { consumeRateLimit, retryMinutes, type RateLimitRule } from "@/lib/rate-limit";

// Limits on starting checkouts and on checking discount codes, per user and (when the client IP is known,
// lib/client-ip.ts) per IP, on the app's one limiter (lib/rate-limit.ts): counted in PostgreSQL, shared by
// every app instance, exact under parallel requests. Discount checks are limited so codes cannot be
// guessed by trying thousands of them against CREEM.

export const CHECKOUTS_PER_MINUTE = 10;
export const CHECKOUTS_PER_USER: RateLimitRule = {
  name: "checkout:user",
  limit: CHECKOUTS_PER_MINUTE,
  windowMs: 60_000,
};
export const CHECKOUTS_PER_IP: RateLimitRule = { name: "checkout:ip", limit: 30, windowMs: 60_000 };

export const DISCOUNT_CHECKS_PER_USER: RateLimitRule = {
  name: "discount-check:user",
  limit: 10,
  windowMs: 10 * 60_000,
};
export const DISCOUNT_CHECKS_PER_IP: RateLimitRule = {
  name: "discount-check:ip",
  limit: 30,
  windowMs: 10 * 60_000,
};

export const RATE_LIMIT_MESSAGE =
  "You have started too many checkouts in the last minute. Please wait a minute and try again.";

export function discountLimitMessage(minutes: number): string {
  return `Too many discount codes tried. Please wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`;
}

type Limited = { ok: true } | { ok: false; message: string };

type NewCheckout = {
  requestId: string;
  userId: string;
  /** The workspace the purchase is for (what the webhook links the rows to). */
  workspaceId: string;
  productId: string;
  units: number;
  discountCode: string | null;
  now: Date;
  /** The client's IP when known (TRUST_PROXY); null or absent skips the per-IP limit. */
  ip?: string | null;
};

/** Counts a checkout against the limits and, when allowed, stores its row in the same transaction. */
export async function reserveCheckout(db: PrismaClient, checkout: NewCheckout): Promise<Limited> {
  const { now, ip, ...data } = checkout;
  return db.$transaction(async (tx) => {
    if (ip && !(await consumeRateLimit(tx, CHECKOUTS_PER_IP, ip, now)).ok) {
      return { ok: false as const, message: RATE_LIMIT_MESSAGE };
    }
    if (!(await consumeRateLimit(tx, CHECKOUTS_PER_USER, data.userId, now)).ok) {
      return { ok: false as const, message: RATE_LIMIT_MESSAGE };
    }
    await tx.checkout.create({ data: { ...data, createdAt: now } });
    return { ok: true as const };
  });
}

/** Counts one discount-code check by `userId` (and from `ip`, when known). */
export async function throttleDiscountCheck(
  db: Pick<PrismaClient, "$queryRaw">,
  { userId, ip, now = new Date() }: { userId: string; ip: string | null; now?: Date },
): Promise<Limited> {
  const checks: Array<[RateLimitRule, string]> = [[DISCOUNT_CHECKS_PER_USER, userId]];
  if (ip) checks.unshift([DISCOUNT_CHECKS_PER_IP, ip]);
  for (const [rule, key] of checks) {
    const result = await consumeRateLimit(db, rule, key, now);
    if (!result.ok) return { ok: false, message: discountLimitMessage(retryMinutes(result.retryAfterMs)) };
  }
  return { ok: true };
}
