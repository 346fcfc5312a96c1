// Small statistics for the timing benchmarks (bench:licenses): whether two sets of latencies differ by
// more than chance. Mann-Whitney U makes no assumption about the shape of the distributions (latencies
// are skewed, with long tails); a bootstrap gives a confidence interval for the difference of medians.

/** The median of samples in any order (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** erfc(x), Numerical Recipes' Chebyshev fit (relative error below 1.2e-7 everywhere). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + z / 2);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export type MannWhitney = {
  /** U of the first sample: how many (a, b) pairs have a > b, ties counting half. */
  u: number;
  /** U / (na * nb): the chance that a random a is slower than a random b (0.5 = no difference). */
  effect: number;
  z: number;
  /** Two-sided p-value (normal approximation with tie and continuity correction). */
  p: number;
};

/** Two-sided Mann-Whitney U test of `a` against `b` (each needs at least one sample). */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitney {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) throw new Error("mannWhitney needs samples on both sides");
  const all = [...a.map((value) => ({ value, first: true })), ...b.map((value) => ({ value, first: false }))];
  all.sort((x, y) => x.value - y.value);
  const n = all.length;
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && all[j + 1]!.value === all[i]!.value) j++;
    const rank = (i + j) / 2 + 1; // ranks i+1 .. j+1 share their mean
    for (let k = i; k <= j; k++) if (all[k]!.first) rankSumA += rank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  const u = rankSumA - (na * (na + 1)) / 2;
  const mean = (na * nb) / 2;
  const variance = ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1) || 1));
  const distance = Math.max(0, Math.abs(u - mean) - 0.5);
  const z = variance > 0 ? Math.sign(u - mean) * (distance / Math.sqrt(variance)) : 0;
  // No distance at all (or no spread) is p = 1 exactly, not the fit's value at 0.
  const p = z === 0 ? 1 : Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
  return { u, effect: u / (na * nb), z, p };
}

/** A seeded generator of floats in [0, 1) (mulberry32), so a bootstrap gives the same interval twice. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A percentile bootstrap interval for median(a) - median(b): both samples are resampled with replacement
 * `resamples` times; the interval holds the middle `level` of the differences seen.
 */
export function bootstrapMedianDifference(
  a: readonly number[],
  b: readonly number[],
  { resamples = 2000, level = 0.95, random = seededRandom(1) } = {},
): { low: number; high: number } {
  const resample = (xs: readonly number[]) => xs.map(() => xs[Math.floor(random() * xs.length)]!);
  const differences = Array.from({ length: resamples }, () => median(resample(a)) - median(resample(b)));
  differences.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  const at = (q: number) => differences[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return { low: at(tail), high: at(1 - tail) };
}
