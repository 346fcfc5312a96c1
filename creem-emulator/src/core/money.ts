// Money is integer minor units (cents). Every computed amount (percentage discounts, prorations, MRR) is
// rounded by `roundHalfUpDiv` below; the one exception is CREEM's platform fee, which truncates
// (`platformFee`, matching the example in CREEM's payout docs).

/**
 * THE rounding rule of the emulator: `numerator / denominator` rounded half up to a whole cent
 * (0.5 cent -> 1 cent). Exact integer arithmetic (BigInt), so long periods in milliseconds times large
 * prices cannot lose precision. Both arguments must be non-negative integers, the denominator > 0.
 */
export function roundHalfUpDiv(numerator: number | bigint, denominator: number | bigint): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (n < 0n || d <= 0n) throw new RangeError(`roundHalfUpDiv needs n >= 0 and d > 0 (got ${n} / ${d})`);
  return Number((2n * n + d) / (2n * d));
}

/** A percentage such as 20 or 12.5 as whole basis points (2000, 1250). */
export const basisPoints = (percentage: number): number => Math.round(percentage * 100);

/** `percentage` % of `amount`, rounded half up. */
export const percentOf = (amount: number, percentage: number): number =>
  roundHalfUpDiv(BigInt(amount) * BigInt(basisPoints(percentage)), 10_000n);

/**
 * CREEM's platform fee on a payment: 3.9 % + 40 cents of the total (docs.creem.io "Payouts"). The docs'
 * example ($24.00 -> $1.33, where 3.9 % is 93.6 cents) shows the percentage is truncated, not rounded.
 */
export function platformFee(amount: number): number {
  if (amount <= 0) return 0;
  return Number((BigInt(amount) * 390n) / 10_000n) + 40;
}

/** `1900, "USD"` -> `$19.00`. */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}
