import type { CategoryValues } from "../core/tally.js";
import { betaDensity, inverseRegularizedBeta, regularizedBeta } from "../internal/beta.js";

/**
 * Equal-tailed Bayesian credible interval of the NPS, in points.
 *
 * Model: `(πP, πO, πD) | counts ~ Dirichlet(nP + α, nO + α, nD + α)` with α = ½ (`"jeffreys"`) or 1
 * (`"uniform"`); the interval runs from the `(1 − level)/2` to the `(1 + level)/2` posterior quantile of
 * `θ = πP − πD`, times 100. Counts may be non-integer (effective counts of a weighted sample); they are
 * not validated here (finite, ≥ 0, and `level` in (0, 1) are the caller's job). Zero responses give the
 * prior's interval.
 *
 * Computed exactly, not by simulation (STATISTICS.md §3.6). By the aggregation property of the
 * Dirichlet, `S = πP + πD ~ Beta(a + c, b)` and `R = πP / S ~ Beta(a, c)` are independent
 * (a, b, c = nP + α, nO + α, nD + α), and `θ = S·(2R − 1)`, so
 * ```
 * F(t) = P(θ ≤ t) = [t ≥ 0]·I_t(a + c, b) + ∫_{|t|}^{1} I_{(s+t)/(2s)}(a, c) · f_S(s) ds
 * f(t) = F′(t)    =                      ∫_{|t|}^{1} f_R((s+t)/(2s)) / (2s) · f_S(s) ds
 * ```
 * (one kink only, at s = |t|, which is an end of the range). Each integral is computed by tanh-sinh
 * quadrature (Takahasi & Mori 1974; Bailey, Jeyabalan & Li 2005) over the part of [|t|, 1] where S has
 * mass (S's 1e-17 and 1 − 1e-17 quantiles, found once), which copes with the endpoint singularities
 * of small counts (`s^(−½)`-type) and with the narrow peak of large counts alike. The quantile is
 * found by Newton's method on F with the derivative f from the same nodes, started from the
 * Cornish–Fisher expansion of the exact posterior mean, variance and skewness, and kept inside a
 * bracket by bisection. The upper limit is minus the lower limit of the mirrored posterior
 * (promoters and detractors swapped), so symmetric data give a symmetric interval.
 *
 * Accuracy: within 1e-10 points of the reference values for every tested case (1e-6 is asserted),
 * from n = 0 to n = 10⁶, both priors. Cost: 6–10 evaluations of F per limit, each a tanh-sinh sum of
 * about 100–150 nodes with one `I_x` each; about 1 ms per call for small n and 2–6 ms at n = 10⁶
 * (measured on a shared 2-core machine), where the continued fraction of `I_x` needs O(sqrt(n)) terms.
 *
 * @param counts - Promoters, passives and detractors (non-negative, possibly non-integer).
 * @param level - Two-sided credibility level in (0, 1), e.g. 0.95.
 * @param prior - `"jeffreys"` (α = ½ per category) or `"uniform"` (α = 1).
 * @returns The lower and upper limits in points, strictly inside (−100, 100).
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
  const upper = -lowerQuantile(c, b, a, tail);
  return { lower: 100 * lower, upper: 100 * upper };
}

/** Mass left out of the integration window on each side of S's distribution. */
const WINDOW_TAIL = 1e-17;
/**
 * Quadrature stops when halving the step changes F by less than this; tanh-sinh roughly doubles the
 * correct digits per halving, so the error left is far smaller.
 */
const F_TOLERANCE = 1e-10;
/** Newton stops when the step is below this (proportion scale; 1e-10 points). */
const T_TOLERANCE = 1e-12;
/** A quadrature term below this is treated as zero when trimming the range of u. */
const NEGLIGIBLE_TERM = 1e-20;

interface Posterior {
  /** Dirichlet parameters of promoters, passives, detractors. */
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** S's window: lowest s, and 1 − highest s (kept as a complement so it can be tiny). */
  readonly windowLow: number;
  readonly windowHighComplement: number;
}

/**
 * The q-quantile (q ≤ ½) of θ = πP − πD under Dirichlet(a, b, c), on the proportion scale.
 */
function lowerQuantile(a: number, b: number, c: number, q: number): number {
  const posterior: Posterior = {
    a,
    b,
    c,
    windowLow: inverseRegularizedBeta(a + c, b, WINDOW_TAIL),
    windowHighComplement: inverseRegularizedBeta(b, a + c, WINDOW_TAIL),
  };
  let low = -1;
  let high = 1;
  const start = cornishFisherStart(a, b, c, q);
  const curvature = (1 + Math.abs(start.z)) / start.sd;
  let t = clamp(start.quantile, -1 + 1e-12, 1 - 1e-12);
  for (let iteration = 0; iteration < 100; iteration++) {
    const { cdf, density } = distributionAt(posterior, t);
    const gap = cdf - q;
    if (gap === 0) return t;
    if (gap < 0) low = t;
    else high = t;
    const newton = density > 0 ? t - gap / density : Number.NaN;
    // Newton's error after a step δ is about δ²·|f′/(2f)| ≤ δ²·(1 + |z|)/σ near the quantile: stop
    // without another evaluation once that is below the tolerance.
    const step = Math.abs(newton - t);
    if (step <= T_TOLERANCE || (step * step * curvature <= T_TOLERANCE && newton > low && newton < high)) {
      return clamp(newton, low, high);
    }
    if (newton > low && newton < high) {
      t = newton;
    } else {
      t = 0.5 * (low + high);
      if (high - low <= T_TOLERANCE) return t;
    }
  }
  return t;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * Starting value: the Cornish–Fisher quantile `μ + σ(z + γ(z² − 1)/6)` from the exact posterior mean
 * μ, standard deviation σ and skewness γ of θ (moments of the Dirichlet,
 * `E[πP^i πD^j] = (a)_i (c)_j / (a0)_{i+j}` with rising factorials), z the normal q-quantile.
 */
function cornishFisherStart(
  a: number,
  b: number,
  c: number,
  q: number,
): { readonly quantile: number; readonly sd: number; readonly z: number } {
  const a0 = a + b + c;
  const m1 = (a - c) / a0;
  const p2 = (a * (a + 1)) / (a0 * (a0 + 1));
  const d2 = (c * (c + 1)) / (a0 * (a0 + 1));
  const pd = (a * c) / (a0 * (a0 + 1));
  const m2 = p2 - 2 * pd + d2;
  const denominator3 = a0 * (a0 + 1) * (a0 + 2);
  const p3 = (a * (a + 1) * (a + 2)) / denominator3;
  const d3 = (c * (c + 1) * (c + 2)) / denominator3;
  const p2d = (a * (a + 1) * c) / denominator3;
  const pd2 = (a * c * (c + 1)) / denominator3;
  const m3 = p3 - 3 * p2d + 3 * pd2 - d3;
  const variance = Math.max(m2 - m1 * m1, 1e-300);
  const sd = Math.sqrt(variance);
  const central3 = m3 - 3 * m1 * m2 + 2 * m1 * m1 * m1;
  const skewness = central3 / (variance * sd);
  const z = roughNormalQuantile(q);
  return { quantile: m1 + sd * (z + (skewness * (z * z - 1)) / 6), sd, z };
}

/**
 * The normal q-quantile for q ≤ ½ to about 5e-4 (Abramowitz & Stegun 26.2.23): only a starting
 * point; Newton's method does the rest.
 */
function roughNormalQuantile(q: number): number {
  const t = Math.sqrt(-2 * Math.log(Math.max(q, 1e-300)));
  return -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
}

/**
 * F(t) and f(t) (see {@link bayesBounds}) by tanh-sinh quadrature over s ∈ [max(|t|, window low),
 * window high], halving the step until F changes by less than {@link F_TOLERANCE}.
 */
function distributionAt(posterior: Posterior, t: number): { cdf: number; density: number } {
  const { a, b, c, windowLow, windowHighComplement } = posterior;
  const base = t >= 0 ? regularizedBeta(a + c, b, t, 1 - t) : 0;
  const edge = Math.abs(t);
  const kinkIsEnd = edge >= windowLow;
  const lo = kinkIsEnd ? edge : windowLow;
  const hi = 1 - windowHighComplement;
  if (!(hi > lo)) return { cdf: base, density: 0 };
  const half = 0.5 * (hi - lo);
  const betaSum = a + c;

  // One node: s = lo + distanceFromLow = hi − distanceFromHigh; adds its terms of F and f to sums.
  const sums = { cdf: 0, density: 0 };
  const addNode = (distanceFromLow: number, distanceFromHigh: number, weight: number): void => {
    const s = distanceFromLow <= distanceFromHigh ? lo + distanceFromLow : hi - distanceFromHigh;
    const oneMinusS = windowHighComplement + distanceFromHigh;
    const densityS = betaDensity(betaSum, b, s, oneMinusS);
    if (!(densityS > 0)) return;
    // x = (s + t)/(2s), 1 − x = (s − t)/(2s); at the kink one of s ± t is exactly the distance to lo.
    const sPlusT = kinkIsEnd && t < 0 ? distanceFromLow : s + t;
    const sMinusT = kinkIsEnd && t >= 0 ? distanceFromLow : s - t;
    const x = sPlusT / (2 * s);
    const y = sMinusT / (2 * s);
    sums.cdf += weight * regularizedBeta(a, c, x, y) * densityS;
    const densityR = betaDensity(a, c, x, y);
    if (Number.isFinite(densityR)) sums.density += (weight * densityR * densityS) / (2 * s);
  };

  // Tanh-sinh: s = mid + half·tanh(π/2·sinh u); distance to the nearer end = half·ρ(u) with
  // ρ(u) = 2 / (1 + exp(π·sinh|u|)), weight = half·(π/2)·cosh u / cosh²(π/2·sinh u) per unit of u.
  const nodeAt = (u: number, step: number): void => {
    const sinhU = Math.sinh(u);
    const e = Math.exp(Math.PI * Math.abs(sinhU));
    const rho = 2 / (1 + e);
    const coshArgument = Math.cosh(0.5 * Math.PI * sinhU);
    const weight = (step * half * 0.5 * Math.PI * Math.cosh(u)) / (coshArgument * coshArgument);
    const near = half * rho;
    const far = 2 * half - near;
    if (u < 0) addNode(near, far, weight);
    else if (u > 0) addNode(far, near, weight);
    else addNode(half, half, weight);
  };

  // First level (step ½) over |u| ≤ U_MAX, noting how far out the terms still matter; the finer
  // levels only add midpoints inside that range (terms decay double-exponentially beyond it).
  const U_MAX = 4.5;
  let step = 0.5;
  const first = Math.round(U_MAX / step);
  let lowest = 0;
  let highest = 0;
  for (let j = -first; j <= first; j++) {
    const before = sums.cdf + sums.density;
    nodeAt(j * step, step);
    if (sums.cdf + sums.density - before > NEGLIGIBLE_TERM) {
      lowest = Math.min(lowest, j);
      highest = Math.max(highest, j);
    }
  }
  lowest = Math.max(-first, lowest - 1);
  highest = Math.min(first, highest + 1);
  let previous = sums.cdf;
  let previousDensity = sums.density;
  for (let level = 1; level <= 9; level++) {
    const halfStep = step / 2;
    sums.cdf = previous / 2;
    sums.density = previousDensity / 2;
    const scale = 2 ** level;
    for (let j = lowest * scale + 1; j < highest * scale; j += 2) nodeAt(j * halfStep, halfStep);
    step = halfStep;
    const change = Math.abs(sums.cdf - previous);
    previous = sums.cdf;
    previousDensity = sums.density;
    if (level >= 3 && change <= F_TOLERANCE) break;
  }
  return { cdf: base + previous, density: previousDensity };
}
