/**
 * Exact coverage of the bootstrap interval as npskit ships it (10,000 resamples, seed 1), for
 * docs/intervals.md: every outcome (nP, nO, nD) of a sample of n responses is enumerated, its interval
 * computed once with `confidenceInterval(…, { method: "bootstrap" })`, and the coverage at a true share
 * vector is the sum of the multinomial probabilities of the outcomes whose interval contains the true
 * NPS. Grids: interior (all shares multiples of 0.05 and ≥ 0.05, 171 vectors) and edge (one share in
 * {0.005, 0.01, 0.02, 0.03}, the next one a multiple of 0.05 from 0.05 to 0.9, 216 vectors). Wald is
 * computed the same way as a check of the grids against the published table.
 *
 * Run: npx esbuild scripts/bootstrap-coverage.ts --bundle --platform=node --format=esm \
 *        --outfile=/tmp/bootstrap-coverage.mjs && node /tmp/bootstrap-coverage.mjs
 * (about two minutes on one core).
 */
import { confidenceInterval, type IntervalMethod } from "../src/index.js";

type Shares = readonly [number, number, number];

const INTERIOR: Shares[] = [];
for (let a = 1; a <= 18; a++) for (let b = 1; a + b <= 19; b++) INTERIOR.push([a / 20, b / 20, (20 - a - b) / 20]);

const EDGE: Shares[] = [];
for (const small of [0.005, 0.01, 0.02, 0.03]) {
  for (let position = 0; position < 3; position++) {
    for (let k = 1; k <= 18; k++) {
      const shares = [0, 0, 0];
      shares[position] = small;
      shares[(position + 1) % 3] = k / 20;
      shares[(position + 2) % 3] = 1 - small - k / 20;
      EDGE.push(shares as unknown as Shares);
    }
  }
}

function coverage(n: number, level: number, method: IntervalMethod): { interior: string; edge: string } {
  const logFactorial = [0];
  for (let k = 1; k <= n; k++) logFactorial.push((logFactorial[k - 1] as number) + Math.log(k));
  const outcomes: Array<{ a: number; b: number; c: number; lower: number; upper: number; log: number }> = [];
  for (let a = 0; a <= n; a++) {
    for (let b = 0; a + b <= n; b++) {
      const c = n - a - b;
      const ci = confidenceInterval({ promoters: a, passives: b, detractors: c }, { method, level });
      const log =
        (logFactorial[n] as number) - (logFactorial[a] as number) - (logFactorial[b] as number) - (logFactorial[c] as number);
      outcomes.push({ a, b, c, lower: ci?.lower ?? Number.NaN, upper: ci?.upper ?? Number.NaN, log });
    }
  }
  const over = (grid: ReadonlyArray<Shares>): string => {
    let sum = 0;
    let min = 1;
    for (const [pP, pO, pD] of grid) {
      const truth = 100 * (pP - pD);
      const [lP, lO, lD] = [Math.log(pP), Math.log(pO), Math.log(pD)];
      let covered = 0;
      for (const o of outcomes) {
        if (o.lower <= truth + 1e-9 && truth - 1e-9 <= o.upper) covered += Math.exp(o.log + o.a * lP + o.b * lO + o.c * lD);
      }
      sum += covered;
      min = Math.min(min, covered);
    }
    const three = (x: number) => x.toFixed(3).replace(/^0/, "");
    return `${three(sum / grid.length)}/${three(min)}`;
  };
  return { interior: over(INTERIOR), edge: over(EDGE) };
}

const method = (process.argv[2] ?? "bootstrap") as IntervalMethod;
for (const [n, level] of [
  [10, 0.95],
  [20, 0.95],
  [50, 0.95],
  [100, 0.95],
  [200, 0.95],
  [20, 0.9],
  [100, 0.9],
  [20, 0.99],
  [100, 0.99],
] as const) {
  const started = Date.now();
  const { interior, edge } = coverage(n, level, method);
  console.log(`${method} level ${level} n=${n}: interior ${interior}  edge ${edge}  (${Date.now() - started} ms)`);
}
