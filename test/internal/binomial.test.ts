import { describe, expect, it } from "vitest";
import { logGamma } from "../../src/internal/beta.js";
import { binomialSample } from "../../src/internal/binomial.js";
import { createRandom } from "../../src/internal/random.js";

const DRAWS = 100_000;

function pmf(n: number, p: number, k: number): number {
  return Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/**
 * Pearson's chi-square of `draws` against Bin(n, p), cells with expected count < 5 pooled into the two
 * tails, and the 1 − 1e-6 quantile of the chi-square with the cells' degrees of freedom
 * (Wilson–Hilferty). A correct sampler passes with probability 1 − 1e-6 for a given seed; the seed
 * is fixed, so the test is deterministic.
 */
function chiSquare(draws: readonly number[], n: number, p: number): { statistic: number; critical: number } {
  const counts = new Map<number, number>();
  for (const k of draws) counts.set(k, (counts.get(k) ?? 0) + 1);
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  const from = Math.max(0, Math.floor(mean - 10 * sd - 10));
  const to = Math.min(n, Math.ceil(mean + 10 * sd + 10));
  const cells: { expected: number; observed: number }[] = [];
  let pending = { expected: 0, observed: 0 };
  let seen = 0;
  for (let k = from; k <= to; k++) {
    pending.expected += DRAWS * pmf(n, p, k);
    pending.observed += counts.get(k) ?? 0;
    if (pending.expected >= 5) {
      cells.push(pending);
      pending = { expected: 0, observed: 0 };
    }
  }
  for (const value of counts.values()) seen += value;
  const last = cells[cells.length - 1];
  if (last !== undefined) {
    last.expected += pending.expected;
    last.observed += pending.observed;
  }
  expect(seen).toBe(draws.length);
  const statistic = cells.reduce((sum, cell) => sum + (cell.observed - cell.expected) ** 2 / cell.expected, 0);
  const df = cells.length - 1;
  const z = 4.753; // 1 − 1e-6 normal quantile
  const critical = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
  return { statistic, critical };
}

const CASES: readonly (readonly [number, number])[] = [
  [20, 0.3], // inversion
  [15, 0.9], // mirror of inversion
  [100, 0.1], // n·p = 10: BTRS at its threshold
  [1000, 0.42], // BTRS
  [1_000_000, 0.3], // BTRS, large n
  [10_000_000, 0.000_002], // huge n, tiny p (n·p = 20, BTRS)
  [10_000_000, 0.000_000_5], // huge n, n·p = 5: inversion
];

describe("binomialSample", () => {
  it.each(CASES)("Bin(%d, %d): chi-square goodness of fit, mean and variance", (n, p) => {
    const random = createRandom(20_261_101);
    const draws = Array.from({ length: DRAWS }, () => binomialSample(random, n, p));
    expect(draws.every((k) => Number.isInteger(k) && k >= 0 && k <= n)).toBe(true);
    const { statistic, critical } = chiSquare(draws, n, p);
    expect(statistic).toBeLessThan(critical);
    const mean = draws.reduce((s, k) => s + k, 0) / DRAWS;
    const variance = draws.reduce((s, k) => s + (k - mean) ** 2, 0) / (DRAWS - 1);
    const expectedVariance = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(expectedVariance / DRAWS));
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(5 * Math.sqrt(2 / DRAWS) + 0.01);
  });

  it("the goodness-of-fit check rejects a sampler whose p is off by 1%", () => {
    const random = createRandom(7);
    const draws = Array.from({ length: DRAWS }, () => binomialSample(random, 1000, 0.42 * 1.01));
    const { statistic, critical } = chiSquare(draws, 1000, 0.42);
    expect(statistic).toBeGreaterThan(critical);
  });

  it("returns the edges for p = 0, p = 1 and n = 0, and repeats for the same seed", () => {
    const random = createRandom(1);
    expect(binomialSample(random, 50, 0)).toBe(0);
    expect(binomialSample(random, 50, 1)).toBe(50);
    expect(binomialSample(random, 0, 0.5)).toBe(0);
    const a = createRandom(99);
    const b = createRandom(99);
    const first = Array.from({ length: 50 }, () => binomialSample(a, 1_000_000, 0.37));
    expect(Array.from({ length: 50 }, () => binomialSample(b, 1_000_000, 0.37))).toEqual(first);
  });
});
