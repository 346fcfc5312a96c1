// Money is integer minor units (cents). Every computed amount (percentage discounts, prorations, fees) is
// rounded by `roundHalfUpDiv` below and nowhere else.

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

/** `1900, "USD"` -> `$19.00`. */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}
