/**
 * Coverage of the 95% intervals.
 *
 * 1. Exact: for n = 20 and n = 100 every outcome (nP, nO, nD) is enumerated, its interval computed
 *    once, and the coverage at each true share vector of the interior grid of STATISTICS.md §4 (all
 *    shares multiples of 0.05 and ≥ 0.05, 171 points) is the sum of the multinomial probabilities of
 *    the outcomes whose interval contains the true NPS. The mean and minimum over the grid must equal
 *    the exact figures of STATISTICS.md §4 (printed to 3 decimals) within 0.0006.
 * 2. Simulated (seeded, deterministic): n = 500, 2,000 samples for each of four share vectors; the
 *    coverage must be within 0.015 (3 binomial standard errors) of 0.95.
 *
 * Both checks fail for a variance without the covariance term (pP(1 − pP) + pD(1 − pD) instead of
 * pP + pD − (pP − pD)²): each test runs that wrong interval too and asserts that it misses.
 */
import { describe, expect, it } from "vitest";
import { confidenceInterval, type IntervalMethod } from "../../src/index.js";
import { createRandom } from "../../src/internal/random.js";

type Interval = (promoters: number, passives: number, detractors: number) => readonly [number, number];

const Z95 = 1.959963984540054;

/** Wald with the covariance term dropped: the defect of one commercial platform (88% coverage). */
const withoutCovariance: Interval = (promoters, passives, detractors) => {
  const n = promoters + passives + detractors;
  const pP = promoters / n;
  const pD = detractors / n;
  const se = 100 * Math.sqrt((pP * (1 - pP) + pD * (1 - pD)) / n);
  const centre = 100 * (pP - pD);
  return [centre - Z95 * se, centre + Z95 * se];
};

const library =
  (method: IntervalMethod): Interval =>
  (promoters, passives, detractors) => {
    const ci = confidenceInterval({ promoters, passives, detractors }, { method });
    return [ci?.lower ?? Number.NaN, ci?.upper ?? Number.NaN];
  };

const INTERIOR_GRID: ReadonlyArray<readonly [number, number, number]> = (() => {
  const grid: Array<readonly [number, number, number]> = [];
  for (let a = 1; a <= 18; a++) for (let b = 1; a + b <= 19; b++) grid.push([a / 20, b / 20, (20 - a - b) / 20]);
  return grid;
})();

/** Exact mean and minimum coverage over the interior grid for samples of size n. */
function exactCoverage(n: number, interval: Interval): { mean: number; min: number } {
  const logFactorial = [0];
  for (let k = 1; k <= n; k++) logFactorial.push((logFactorial[k - 1] as number) + Math.log(k));
  const outcomes: Array<{ a: number; b: number; c: number; lower: number; upper: number; logCoefficient: number }> = [];
  for (let a = 0; a <= n; a++) {
    for (let b = 0; a + b <= n; b++) {
      const c = n - a - b;
      const [lower, upper] = interval(a, b, c);
      const logCoefficient =
        (logFactorial[n] as number) -
        (logFactorial[a] as number) -
        (logFactorial[b] as number) -
        (logFactorial[c] as number);
      outcomes.push({ a, b, c, lower, upper, logCoefficient });
    }
  }
  let sum = 0;
  let min = 1;
  for (const [pP, pO, pD] of INTERIOR_GRID) {
    const truth = 100 * (pP - pD);
    const [logP, logO, logD] = [Math.log(pP), Math.log(pO), Math.log(pD)];
    let covered = 0;
    for (const o of outcomes) {
      if (o.lower <= truth + 1e-9 && truth - 1e-9 <= o.upper) {
        covered += Math.exp(o.logCoefficient + o.a * logP + o.b * logO + o.c * logD);
      }
    }
    sum += covered;
    min = Math.min(min, covered);
  }
  return { mean: sum / INTERIOR_GRID.length, min };
}

/** STATISTICS.md §4, 95% level, interior grid: [mean, minimum]. */
const TABLE = {
  20: { wald: [0.92, 0.74], "adjusted-wald": [0.951, 0.939], score: [0.955, 0.944], bayes: [0.948, 0.933] },
  100: { wald: [0.944, 0.925], "adjusted-wald": [0.95, 0.946], score: [0.95, 0.948] },
} as const;

const TOLERANCE = 0.0006;

describe("exact coverage of the 95% intervals (STATISTICS.md §4, interior grid)", () => {
  for (const n of [20, 100] as const) {
    for (const [method, [mean, min]] of Object.entries(TABLE[n])) {
      it(`${method} at n = ${n}: mean ${mean}, minimum ${min}`, () => {
        const coverage = exactCoverage(n, library(method as IntervalMethod));
        expect(Math.abs(coverage.mean - mean), `mean ${coverage.mean}`).toBeLessThanOrEqual(TOLERANCE);
        expect(Math.abs(coverage.min - min), `min ${coverage.min}`).toBeLessThanOrEqual(TOLERANCE);
      });
    }
    it(`a variance without the covariance term fails the same check at n = ${n}`, () => {
      const [mean] = TABLE[n].wald;
      const wrong = exactCoverage(n, withoutCovariance);
      expect(Math.abs(wrong.mean - mean)).toBeGreaterThan(10 * TOLERANCE);
      expect(wrong.mean).toBeLessThan(mean - 0.02);
    });
  }
});

describe("simulated coverage at n = 500 (seeded)", () => {
  const SHARES: ReadonlyArray<readonly [number, number, number]> = [
    [0.5, 0.3, 0.2],
    [0.3, 0.4, 0.3],
    [0.7, 0.2, 0.1],
    [0.2, 0.3, 0.5],
  ];
  const N = 500;
  const SAMPLES = 2000;
  const SIMULATION_TOLERANCE = 0.015;

  /** The same seeded samples for every interval: counts of each draw. */
  const samples = (shares: readonly [number, number, number], seed: number): Array<[number, number, number]> => {
    const random = createRandom(seed);
    const result: Array<[number, number, number]> = [];
    for (let s = 0; s < SAMPLES; s++) {
      let promoters = 0;
      let passives = 0;
      for (let i = 0; i < N; i++) {
        const u = random.nextDouble();
        if (u < shares[0]) promoters++;
        else if (u < shares[0] + shares[1]) passives++;
      }
      result.push([promoters, passives, N - promoters - passives]);
    }
    return result;
  };

  const coverageOf = (
    interval: Interval,
    shares: readonly [number, number, number],
    drawn: ReadonlyArray<[number, number, number]>,
  ): number => {
    const truth = 100 * (shares[0] - shares[2]);
    let covered = 0;
    for (const [a, b, c] of drawn) {
      const [lower, upper] = interval(a, b, c);
      if (lower <= truth && truth <= upper) covered++;
    }
    return covered / SAMPLES;
  };

  SHARES.forEach((shares, index) => {
    it(`wald, adjusted wald and score cover 95% ± ${SIMULATION_TOLERANCE} at shares ${shares.join("/")}`, () => {
      const drawn = samples(shares, 1000 + index);
      for (const method of ["wald", "adjusted-wald", "score"] as const) {
        const coverage = coverageOf(library(method), shares, drawn);
        expect(Math.abs(coverage - 0.95), `${method}: ${coverage}`).toBeLessThanOrEqual(SIMULATION_TOLERANCE);
      }
    });
  });

  it("a variance without the covariance term falls outside the tolerance", () => {
    const coverage = coverageOf(withoutCovariance, [0.5, 0.3, 0.2], samples([0.5, 0.3, 0.2], 1000));
    expect(0.95 - coverage).toBeGreaterThan(SIMULATION_TOLERANCE);
  });
});
