import type { CategoryValues } from "../core/tally.js";
import {
  betaPowerTerm,
  inverseRegularizedBeta,
  logBeta,
  regularizedBeta,
  regularizedBetaFromPowerTerm,
} from "../internal/beta.js";
import { normalQuantile } from "./normal.js";

/**
 * Equal-tailed Bayesian credible interval of the NPS, in points.
 *
 * Model: `(πP, πO, πD) | counts ~ Dirichlet(a, b, c)` with a, b, c = nP + α, nO + α, nD + α and
 * α = ½ (`"jeffreys"`) or 1 (`"uniform"`); the interval runs from the `(1 − level)/2` to the
 * `(1 + level)/2` posterior quantile of `θ = πP − πD`, times 100. Counts may be non-integer (effective
 * counts of a weighted sample); they are not validated here (finite, ≥ 0, and `level` in (0, 1) are the
 * caller's job). Zero responses give the prior's interval.
 *
 * Exact up to a stated tolerance, by one integral: condition on the share V of the category with the
 * smallest shape. By the aggregation property of the Dirichlet, V ~ Beta(its shape, the other two) and,
 * given V = v, the other two shares are (1 − v)·(W, 1 − W) with W ~ Beta of their shapes (Frigyik,
 * Kapila & Gupta, "Introduction to the Dirichlet distribution and related processes", UWEE Technical
 * Report UWEETR-2010-0006, 2010). For V = πD, for example, θ ≤ t exactly when W = πP/(1 − v) ≤
 * (t + v)/(1 − v), so, over max(0, −t) < v < (1 − t)/2,
 * ```
 * F(t) = P(θ ≤ t) = P(πD ≥ (1 − t)/2) + ∫ f_V(v) · I_{(t+v)/(1−v)}(a, b) dv
 * f(t) = F′(t)    =                     ∫ f_V(v) · f_W((t+v)/(1−v)) / (1 − v) dv
 * ```
 * (V = πO and V = πP alike), with `I` the regularised incomplete beta function. Conditioning on the
 * smallest shape keeps the inner I smooth on the scale of V's spread. The integral runs over V's window
 * (all but 1e-18 of its mass on either side), by tanh-sinh quadrature (Takahasi & Mori 1974), which
 * converges fast despite the singular ends that shapes below 1 give, or, when every shape is at least
 * 10 and neither end of the range cuts the window, by the trapezoidal rule (exponentially convergent
 * for a smooth integrand that vanishes at both ends); the step is halved until F changes by less than
 * 1e-6 of itself (the error left is about the square of that). Each quantile is found by Newton's
 * method on log F in u = log((1 + t)/(1 − t)), kept inside a bracket by bisection, started from the
 * normal approximation, until the error after the next step is estimated below 1e-10 (1e-8 points).
 * When both shapes of W are at least 1000, its continued fraction would need hundreds of terms near the
 * mean: I is then carried over from a node within 1.5 standard deviations plus the integral of W's
 * density in between (8-point Gauss–Legendre).
 *
 * The upper limit is minus the lower limit of the mirrored posterior (promoters and detractors
 * swapped), so symmetric data give a symmetric interval. At a level so small that the interval is
 * narrower than the accuracy of its limits, the two could cross; both are then their midpoint.
 *
 * Accuracy: within 2.1e-9 points of an independent SciPy computation on extreme samples, and within
 * 1e-6 points of the reference quadrature on every tested sample (test/inference/bayes.test.ts).
 * Cost: O(1) in the counts: 1–12 evaluations of F (usually 6), each a quadrature of 32–154 nodes with
 * one incomplete beta function each; 0.07–1.3 ms per call in the benchmark on a shared 2-core machine
 * (docs/performance.md).
 *
 * @param counts - Promoters, passives and detractors (non-negative, possibly non-integer).
 * @param level - Two-sided credibility level in (0, 1), e.g. 0.95.
 * @param prior - `"jeffreys"` (α = ½ per category) or `"uniform"` (α = 1).
 * @returns The lower and upper limits in points, lower ≤ upper, within [−100, 100].
 * @throws Nothing for valid arguments; they are checked by the caller (`confidenceInterval`).
 */
export function bayesBounds(
  counts: CategoryValues,
  level: number,
  prior: "jeffreys" | "uniform",
): { readonly lower: number; readonly upper: number } {
  const alpha = prior === "jeffreys" ? 0.5 : 1;
  const a = counts.promoters + alpha;
  const b = counts.passives + alpha;
  const c = counts.detractors + alpha;
  const tail = (1 - level) / 2;
  const lower = lowerQuantile(a, b, c, tail);
  // Equal promoter and detractor parameters: θ is symmetric about 0.
  const upper = a === c ? -lower : -lowerQuantile(c, b, a, tail);
  if (lower > upper) {
    const middle = 50 * (lower + upper);
    return { lower: middle, upper: middle };
  }
  return { lower: 100 * lower, upper: 100 * upper };
}

/** Mass of V left out of the integration window on each side. */
const WINDOW_TAIL = 1e-18;
/** The quadrature stops when halving the step changes F by less than this fraction of F. */
const F_TOLERANCE = 1e-6;
/** Newton's method stops when the error after its step is estimated below this (1e-8 points). */
const T_TOLERANCE = 1e-10;
/** Quadrature variable s runs over [−S_LIMIT, S_LIMIT], first with step ½, then halved at most MAX_LEVEL times. */
const S_LIMIT = 4.5;
const MAX_LEVEL = 7;
/** From this inner shape on, I is chained from a nearby value instead of its continued fraction. */
const CHAIN_SHAPE = 1000;
/** Gauss–Legendre rule with 8 points on [−1, 1]: the positive abscissas and their weights. */
const GAUSS_X = [0.18343464249564978, 0.525532409916329, 0.7966664774136267, 0.9602898564975362];
const GAUSS_W = [0.36268378337836166, 0.3137066458778869, 0.22238103445337443, 0.10122853629037706];

/** The posterior Dirichlet(a, b, c), V's distribution Beta(outerA, outerB) and W's Beta(innerA, innerB). */
interface Posterior {
  /** The share conditioned on: 0 for πD, 1 for πO, 2 for πP. */
  readonly kind: 0 | 1 | 2;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly outerA: number;
  readonly outerB: number;
  /** log(1/B(outerA, outerB)) and log(1/B(innerA, innerB)). */
  readonly outerLog: number;
  readonly innerA: number;
  readonly innerB: number;
  readonly innerLog: number;
  /** W's standard deviation. */
  readonly innerSd: number;
  /** V's window. */
  readonly low: number;
  readonly high: number;
}

function posterior(a: number, b: number, c: number): Posterior {
  const kind = c <= a && c <= b ? 0 : b <= a ? 1 : 2;
  const [outerA, innerA, innerB] = kind === 0 ? [c, a, b] : kind === 1 ? [b, a, c] : [a, b, c];
  const outerB = a + b + c - outerA;
  const innerSum = innerA + innerB;
  return {
    kind,
    a,
    b,
    c,
    outerA,
    outerB,
    outerLog: -logBeta(outerA, outerB),
    innerA,
    innerB,
    innerLog: -logBeta(innerA, innerB),
    innerSd: Math.sqrt((innerA * innerB) / (innerSum + 1)) / innerSum,
    low: inverseRegularizedBeta(outerA, outerB, WINDOW_TAIL),
    high: 1 - inverseRegularizedBeta(outerB, outerA, WINDOW_TAIL),
  };
}

/** x^p·y^q / B(p, q) for x + y = 1, given log(1/B(p, q)) (large shapes: without cancellation). */
function power(p: number, q: number, logNorm: number, x: number, y: number): number {
  if (p >= 10 && q >= 10) return betaPowerTerm(p, q, x, y);
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
  return Math.exp(p * logX + q * logY + logNorm);
}

/** The q-quantile (q < ½) of θ under Dirichlet(a, b, c), on the proportion scale. */
function lowerQuantile(a: number, b: number, c: number, q: number): number {
  const model = posterior(a, b, c);
  const n = a + b + c;
  const mean = (a - c) / n;
  const sd = Math.sqrt(Math.max((a + c) / n - mean * mean, 0) / (n + 1));
  const z = normalQuantile(q);
  const logQ = Math.log(q);
  // In u, log F is nearly linear in both far tails (F ≈ C·(1 ± t)^k). Start: u's normal approximation
  // (1 + mean = (2a + b)/n, 1 − mean = (2c + b)/n, du/dt = 2/(1 − t²)).
  let u = Math.log((2 * a + b) / (2 * c + b)) + (2 * z * sd * n * n) / ((2 * a + b) * (2 * c + b));
  let low = -75;
  let high = 75;
  u = u > low && u < high ? u : 0;
  let t = Math.tanh(0.5 * u);
  for (let iteration = 0; iteration < 200; iteration++) {
    const { cdf, density } = distribution(model, t);
    if (cdf < q) low = u;
    else high = u;
    let next = u - (Math.log(cdf) - logQ) / ((density * 0.5 * (1 - t) * (1 + t)) / cdf);
    const newton = next > low && next < high;
    if (!newton) next = 0.5 * (low + high);
    const nextT = Math.tanh(0.5 * next);
    const step = Math.abs(nextT - t);
    // Newton's error after a step δ is about δ²·|f′/(2f)| ≤ δ²·(1 + |z|)/σ near the quantile.
    if ((newton && (step * step * (1 + Math.abs(z))) / sd <= T_TOLERANCE) || high - low < 1e-15) return nextT;
    u = next;
    t = nextT;
  }
  return t;
}

/** F(t) = P(θ ≤ t) and the density f(t) (see {@link bayesBounds}). */
function distribution(model: Posterior, t: number): { cdf: number; density: number } {
  const { kind, a, b, c, outerA, outerB, outerLog, innerA, innerB, innerLog, innerSd } = model;
  // The range of v where W's probability is strictly between 0 and 1, and the mass beyond it (W ≤ 1).
  const rangeLow = kind === 0 ? Math.max(0, -t) : kind === 1 ? 0 : Math.max(0, t);
  const rangeHigh = kind === 0 ? 0.5 * (1 - t) : kind === 1 ? 1 - Math.abs(t) : 0.5 * (1 + t);
  let extra = kind === 0 ? regularizedBeta(a + b, c, 0.5 * (1 + t), 0.5 * (1 - t)) : 0;
  if (kind !== 0 && t > 0)
    extra = kind === 1 ? regularizedBeta(a + c, b, t, 1 - t) : regularizedBeta(a, b + c, t, 1 - t);
  const lo = Math.max(rangeLow, model.low);
  const hi = Math.min(rangeHigh, model.high);
  if (!(hi > lo)) return { cdf: extra, density: 0 };
  const half = 0.5 * (hi - lo);
  const smooth = outerA >= 10 && rangeLow <= model.low && rangeHigh >= model.high;
  // With both inner shapes large, the continued fraction for I needs hundreds of terms near the mean;
  // I is then taken from the last value so computed, when within 1.5 standard deviations, plus the
  // integral of the density in between by Gauss–Legendre, relative to the density there.
  const chain = innerA >= CHAIN_SHAPE && innerB >= CHAIN_SHAPE;
  let anchorX = Number.NaN;
  let anchorY = 0;
  let anchorCdf = 0;
  let anchorDensity = 0;
  const innerCdf = (x: number, y: number, innerPower: number): number => {
    if (Math.abs(x - anchorX) <= 1.5 * innerSd) {
      const halfGap = 0.5 * (x - anchorX);
      let sum = 0;
      for (let i = 0; i < 8; i++) {
        const d = halfGap * (1 + (i < 4 ? 1 : -1) * (GAUSS_X[i & 3] as number));
        sum +=
          (GAUSS_W[i & 3] as number) *
          Math.exp((innerA - 1) * Math.log1p(d / anchorX) + (innerB - 1) * Math.log1p(-d / anchorY));
      }
      return anchorCdf + halfGap * anchorDensity * sum;
    }
    const value = regularizedBetaFromPowerTerm(innerA, innerB, x, y, innerPower);
    if (chain) [anchorX, anchorY, anchorCdf, anchorDensity] = [x, y, value, innerPower / (x * y)];
    return value;
  };
  let cdfSum = 0;
  let densitySum = 0;
  // Adds the terms of F and f at s (step h) to the sums and returns F's. Tanh-sinh: v = lo + half·(1 +
  // tanh(π/2·sinh s)), its distance to the nearer end computed directly; trapezoid: v linear in s.
  const node = (s: number, h: number): number => {
    let v = lo + half * (1 + s / S_LIMIT);
    let weight = (h * half) / S_LIMIT;
    if (!smooth) {
      const sinh = Math.sinh(s);
      const near = (2 * half) / (1 + Math.exp(Math.PI * Math.abs(sinh)));
      const cosh = Math.cosh(0.5 * Math.PI * sinh);
      v = s < 0 ? lo + near : hi - near;
      weight = (h * half * 0.5 * Math.PI * Math.cosh(s)) / (cosh * cosh);
    }
    const w = 1 - v;
    const outer = (power(outerA, outerB, outerLog, v, w) / (v * w)) * weight;
    if (!(outer > 0 && outer < Number.POSITIVE_INFINITY)) return 0;
    // W's bound x (and 1 − x) for V = v, and its derivative in t.
    const ratio = t / w;
    const x = kind === 0 ? (t + v) / w : kind === 1 ? 0.5 * (1 + ratio) : (1 + t - 2 * v) / w;
    const y = kind === 0 ? (1 - t - 2 * v) / w : kind === 1 ? 0.5 * (1 - ratio) : (v - t) / w;
    if (!(x > 0)) return 0;
    if (!(y > 0)) {
      cdfSum += outer;
      return outer;
    }
    const innerPower = power(innerA, innerB, innerLog, x, y);
    const term = outer * innerCdf(x, y, innerPower);
    cdfSum += term;
    const innerDensity = innerPower / (x * y);
    if (innerDensity < Number.POSITIVE_INFINITY) densitySum += (outer * innerDensity * (kind === 1 ? 0.5 : 1)) / w;
    return term;
  };
  // Level 0 (step ½) over every s; the finer levels only add midpoints inside the range of s whose
  // terms matter.
  const count = Math.round(S_LIMIT / 0.5);
  const terms: number[] = [];
  for (let k = -count; k <= count; k++) terms.push(node(0.5 * k, 0.5));
  const threshold = 1e-16 * Math.max(...terms);
  if (!(threshold > 0)) return { cdf: extra + cdfSum, density: densitySum };
  const first = Math.max(terms.findIndex((term) => term > threshold) - 1 - count, -count);
  let last = count;
  while (!((terms[last + count] as number) > threshold)) last--;
  last = Math.min(last + 1, count);
  for (let level = 1; level <= MAX_LEVEL; level++) {
    const previous = cdfSum;
    cdfSum *= 0.5;
    densitySum *= 0.5;
    const scale = 2 ** level;
    for (let k = first * scale + 1; k < last * scale; k += 2) node((0.5 * k) / scale, 0.5 / scale);
    if (Math.abs(cdfSum - previous) <= F_TOLERANCE * cdfSum) break;
  }
  return { cdf: extra + cdfSum, density: densitySum };
}
