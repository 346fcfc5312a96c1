import { describe, expect, it } from "vitest";
import { bootstrapMedianDifference, mannWhitney, median, seededRandom } from "../../../scripts/lib/stats";

// The statistics bench:licenses prints its verdict from, checked against SciPy's
// `mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=True)`.

const x = [
  10.13, 9.87, 10.64, 10.1, 9.46, 10.36, 11.3, 10.95, 9.3, 8.73, 9.38, 10.04, 7.67, 9.78, 8.75, 9.27, 9.46,
  9.68, 10.41, 11.04, 9.87, 11.37, 9.33, 10.35, 10.9, 10.09, 9.26, 9.08, 9.54, 10.22, 8.99, 9.79, 9.84, 10.54,
  10.21, 10.36, 9.35, 9.87, 10.78, 11.49,
];
const y = [
  9.64, 12.41, 12.25, 11.68, 11.16, 10.59, 12.36, 12.86, 12.7, 12.22, 11.26, 9.69, 10.9, 11.56, 9.61, 11.3,
  11.33, 11.6, 9.72, 10.24, 10.46, 9.73, 12.64, 10.4, 11.23, 10.64, 12.48, 12.22, 11.53, 8.7, 10.95, 11.58,
  11.9, 10.28, 12.72, 9.58, 10.24, 11.84, 10.95, 12.9, 11.09, 10.27, 10.52, 9.81, 9.62, 11.53, 11.48, 12.19,
  10.15, 12.59,
];

describe("mannWhitney", () => {
  it("matches SciPy on small samples with ties", () => {
    const result = mannWhitney([1.2, 3.4, 2.2, 5.0, 2.2, 4.1, 3.3, 2.9], [2.0, 2.2, 1.1, 1.9, 3.0, 0.7, 2.5]);
    expect(result.u).toBe(45);
    expect(result.p).toBeCloseTo(0.0553192420704978, 6);
    expect(result.effect).toBeCloseTo(45 / 56, 10);
  });

  it("finds a shift of about one standard deviation (SciPy: U 383.5, p 5.67e-7) and says which side is slower", () => {
    const result = mannWhitney(x, y);
    expect(result.u).toBe(383.5);
    expect(result.p / 5.666893754007309e-7).toBeCloseTo(1, 4);
    expect(result.z).toBeLessThan(0);
    expect(mannWhitney(y, x).z).toBeGreaterThan(0);
  });

  it("sees no difference between equal samples", () => {
    expect(mannWhitney([1, 2, 3], [1, 2, 3])).toMatchObject({ u: 4.5, effect: 0.5, p: 1 });
    expect(mannWhitney([5, 5], [5, 5, 5]).p).toBe(1);
  });
});

describe("median and the bootstrap", () => {
  it("takes the middle, or the mean of the two middle samples", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("gives an interval around the true difference that excludes 0 for shifted samples and holds 0 for equal ones", () => {
    const shifted = bootstrapMedianDifference(y, x, { random: seededRandom(7) });
    const observed = median(y) - median(x);
    expect(shifted.low).toBeGreaterThan(0);
    expect(shifted.low).toBeLessThanOrEqual(observed);
    expect(shifted.high).toBeGreaterThanOrEqual(observed);

    const same = bootstrapMedianDifference(x, [...x].reverse(), { random: seededRandom(7) });
    expect(same.low).toBeLessThan(0);
    expect(same.high).toBeGreaterThan(0);
  });

  it("is reproducible for one seed", () => {
    expect(bootstrapMedianDifference(x, y, { random: seededRandom(3) })).toEqual(
      bootstrapMedianDifference(x, y, { random: seededRandom(3) }),
    );
  });
});
