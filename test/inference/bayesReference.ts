/**
 * Reference values of the Bayesian interval for the tests: an independent computation of the
 * equal-tailed credible interval of θ = πP − πD under Dirichlet(nP + α, nO + α, nD + α), by a different
 * decomposition and a different quantile search than src/inference/bayes.ts.
 *
 * By the aggregation property of the Dirichlet, `S = πP + πD ~ Beta(a + c, b)` and `R = πP / S ~
 * Beta(a, c)` are independent (a, b, c = nP + α, nO + α, nD + α), and `θ = S·(2R − 1)`, so
 * ```
 * F(t) = P(θ ≤ t) = [t ≥ 0]·I_t(a + c, b) + ∫_{|t|}^{1} I_{(s+t)/(2s)}(a, c) · f_S(s) ds
 * f(t) = F′(t)    =                      ∫_{|t|}^{1} f_R((s+t)/(2s)) / (2s) · f_S(s) ds
 * ```
 * (one kink only, at s = |t|, which is an end of the range). Each integral is computed by tanh-sinh
 * quadrature (Takahasi & Mori 1974; Bailey, Jeyabalan & Li 2005) over the part of [|t|, 1] where S has
 * mass (S's 1e-17 and 1 − 1e-17 quantiles, found once), and the quantile by Newton's method on F kept
 * inside a bracket by bisection, started from the Cornish–Fisher expansion of the quantile (Abramowitz &
 * Stegun 26.2.51) from the exact cumulants of θ. About 0.3–10 ms per call.
 *
 * This is the quadrature that src/inference/bayes.ts used to keep behind a test-only entry point
 * (`bayesBoundsByQuadrature`), moved here with its code unchanged apart from the removal of the switch
 * to the faster methods, so that the tests keep the same reference.
 */
import type { CategoryValues } from "../../src/core/tally.js";
import { normalQuantile } from "../../src/inference/normal.js";
import {
  betaPowerTerm,
  inverseRegularizedBeta,
  regularizedBeta,
  regularizedBetaFromPowerTerm,
} from "../../src/internal/beta.js";

/**
 * The equal-tailed credible interval of the NPS in points, by quadrature (see the file's comment).
 *
 * @param counts - Promoters, passives and detractors (non-negative, possibly non-integer).
 * @param level - Two-sided credibility level in (0, 1).
 * @param prior - `"jeffreys"` (α = ½ per category) or `"uniform"` (α = 1).
 * @returns The lower and upper limits in points.
 */
export function bayesBoundsByQuadrature(
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

/** Mass left out of the integration window on each side of S's distribution. */
const WINDOW_TAIL = 1e-17;
/**
 * Quadrature stops, from level {@link MIN_LEVEL} on, when halving the step changes F by less than this;
 * tanh-sinh roughly doubles the correct digits per halving, so the error left is about its square.
 */
const F_TOLERANCE = 1e-9;
/** Least number of step halvings of the tanh-sinh rule (level 1: step ¼). */
const MIN_LEVEL = 2;
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
  const z = normalQuantile(q);
  const expansion = cornishFisher(a, b, c, z);
  const posterior: Posterior = {
    a,
    b,
    c,
    windowLow: inverseRegularizedBeta(a + c, b, WINDOW_TAIL),
    windowHighComplement: inverseRegularizedBeta(b, a + c, WINDOW_TAIL),
  };
  let low = -1;
  let high = 1;
  const curvature = (1 + Math.abs(z)) / expansion.sd;
  let t = clamp(expansion.smallness <= 0.5 ? expansion.quantile : expansion.rough, -1 + 1e-12, 1 - 1e-12);
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
 * The Cornish–Fisher expansion of the z-quantile of θ = πP − πD under Dirichlet(a, b, c), through the
 * terms of order 1/n² (Abramowitz & Stegun 26.2.51, or Hill & Davis 1968), from the exact cumulants
 * κ₁ … κ₆ of θ; O(1).
 *
 * The cumulants come without cancellation from the gamma representation: with X, Y, Z independent
 * Gamma(a), Gamma(b), Gamma(c) and T = X + Y + Z, θ = (X − Z)/T is independent of T (Lukacs), so
 * `E[(θ − μ)^k] = E[W^k] / E[T^k]` with `W = (1 − μ)X − μY − (1 + μ)Z`, whose cumulants are
 * `(k − 1)!·[(1 − μ)^k a + (−μ)^k b + (−1 − μ)^k c]`, and `E[T^k] = a0(a0 + 1)…(a0 + k − 1)`.
 *
 * `smallness` is the largest of |λ₃|, |λ₄|^(1/2), |λ₅|^(1/3), |λ₆|^(1/4) (λₖ = κₖ/σ^k, each of order
 * n^(−1/2)); the first omitted terms are of order `σ·smallness⁵`. `rough` is the one-term (skewness)
 * expansion, a safer start for Newton's method when the distribution is far from normal.
 */
function cornishFisher(
  a: number,
  b: number,
  c: number,
  z: number,
): {
  readonly quantile: number;
  readonly rough: number;
  readonly sd: number;
  readonly smallness: number;
} {
  const a0 = a + b + c;
  const mean = (a - c) / a0;
  const u = (b + 2 * c) / a0; // 1 − μ
  const v = (2 * a + b) / a0; // 1 + μ
  const m = -mean;
  // Powers by multiplication (the ** operator calls pow).
  const u2 = u * u;
  const u3 = u2 * u;
  const m2 = m * m;
  const m3 = m2 * m;
  const v2 = v * v;
  const v3 = v2 * v;
  const w2 = u2 * a + m2 * b + v2 * c;
  const w3 = 2 * (u3 * a + m3 * b - v3 * c);
  const w4 = 6 * (u2 * u2 * a + m2 * m2 * b + v2 * v2 * c);
  const w5 = 24 * (u2 * u3 * a + m2 * m3 * b - v2 * v3 * c);
  const w6 = 120 * (u3 * u3 * a + m3 * m3 * b + v3 * v3 * c);
  const r2 = a0 * (a0 + 1);
  const r3 = r2 * (a0 + 2);
  const r4 = r3 * (a0 + 3);
  const r5 = r4 * (a0 + 4);
  const r6 = r5 * (a0 + 5);
  const k2 = w2 / r2;
  const k3 = w3 / r3;
  // κ₄ = μ₄ − 3μ₂² and κ₅ = μ₅ − 10μ₃μ₂ with the differences of the moment denominators in closed form.
  const k4 = w4 / r4 - (3 * w2 * w2 * (4 * a0 + 6)) / (r2 * r2 * (a0 + 2) * (a0 + 3));
  const k5 = w5 / r5 - (10 * w3 * w2 * (6 * a0 + 12)) / (r5 * r2);
  const mu3 = w3 / r3;
  const mu4 = (w4 + 3 * w2 * w2) / r4;
  const mu6 = (w6 + 15 * w4 * w2 + 10 * w3 * w3 + 15 * w2 * w2 * w2) / r6;
  const k6 = mu6 - 15 * mu4 * k2 - 10 * mu3 * mu3 + 30 * k2 * k2 * k2;
  const sd = Math.sqrt(k2);
  const g1 = k3 / (k2 * sd);
  const g2 = k4 / (k2 * k2);
  const g3 = k5 / (k2 * k2 * sd);
  const g4 = k6 / (k2 * k2 * k2);
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z5 = z4 * z;
  const first = (g1 * (z2 - 1)) / 6;
  const w =
    z +
    first +
    (g2 * (z3 - 3 * z)) / 24 -
    (g1 * g1 * (2 * z3 - 5 * z)) / 36 +
    (g3 * (z4 - 6 * z2 + 3)) / 120 -
    (g1 * g2 * (z4 - 5 * z2 + 2)) / 24 +
    (g1 * g1 * g1 * (12 * z4 - 53 * z2 + 17)) / 324 +
    (g4 * (z5 - 10 * z3 + 15 * z)) / 720 -
    (g2 * g2 * (3 * z5 - 24 * z3 + 29 * z)) / 384 -
    (g1 * g3 * (2 * z5 - 17 * z3 + 21 * z)) / 180 +
    (g1 * g1 * g2 * (14 * z5 - 103 * z3 + 107 * z)) / 288 -
    (g1 * g1 * g1 * g1 * (252 * z5 - 1688 * z3 + 1511 * z)) / 7776;
  const smallness = Math.max(
    Math.abs(g1),
    Math.sqrt(Math.abs(g2)),
    Math.cbrt(Math.abs(g3)),
    Math.sqrt(Math.sqrt(Math.abs(g4))),
  );
  return { quantile: mean + sd * w, rough: mean + sd * (z + first), sd, smallness };
}

/**
 * F(t) and f(t) (see the comment at the top of this file) by tanh-sinh quadrature over
 * s ∈ [max(|t|, window low), window high], halving the step until F changes by less than
 * {@link F_TOLERANCE}.
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
    const densityS = betaPowerTerm(betaSum, b, s, oneMinusS) / (s * oneMinusS);
    if (!(densityS > 0)) return;
    // x = (s + t)/(2s), 1 − x = (s − t)/(2s); at the kink one of s ± t is exactly the distance to lo.
    const sPlusT = kinkIsEnd && t < 0 ? distanceFromLow : s + t;
    const sMinusT = kinkIsEnd && t >= 0 ? distanceFromLow : s - t;
    const x = sPlusT / (2 * s);
    const y = sMinusT / (2 * s);
    if (!(x > 0 && y > 0)) {
      if (y <= 0) sums.cdf += weight * densityS;
      return;
    }
    const power = betaPowerTerm(a, c, x, y);
    sums.cdf += weight * regularizedBetaFromPowerTerm(a, c, x, y, power) * densityS;
    const densityR = power / (x * y);
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
    if (level >= MIN_LEVEL && change <= F_TOLERANCE) break;
  }
  return { cdf: base + previous, density: previousDensity };
}
