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
 * Model: `(πP, πO, πD) | counts ~ Dirichlet(nP + α, nO + α, nD + α)` with α = ½ (`"jeffreys"`) or 1
 * (`"uniform"`); the interval runs from the `(1 − level)/2` to the `(1 + level)/2` posterior quantile of
 * `θ = πP − πD`, times 100. Counts may be non-integer (effective counts of a weighted sample); they are
 * not validated here (finite, ≥ 0, and `level` in (0, 1) are the caller's job). Zero responses give the
 * prior's interval.
 *
 * Computed without simulation, in one of two ways (STATISTICS.md §3.6):
 *
 * - When the posterior of θ is close enough to normal — ε ≤ ½ and the error estimate
 *   `100·σ·ε⁵·max(1, ((1 + |z|)/3)⁷)` is at most 1e-6 points, with σ the posterior standard deviation,
 *   z the normal quantile of the tail and ε the largest of |λ₃|, |λ₄|^(1/2), |λ₅|^(1/3), |λ₆|^(1/4)
 *   (standardised cumulants, of order n^(−1/2)) — the Cornish–Fisher expansion through the terms of
 *   order 1/n² from the exact cumulants κ₁ … κ₆ of θ (closed form, see `cornishFisher`). O(1), 1–2
 *   microseconds. This covers balanced counts from a few thousand responses on; checked against the
 *   quadrature on a grid of counts (n = 10 … 10⁷, both priors, levels 0.8–0.999) and against the
 *   contour method on 40,000 random posteriors (levels 0.5–0.999999): largest difference 2.4e-7
 *   points.
 * - Otherwise (small counts, or a category with few responses in a large sample) by inverting the
 *   Laplace transform of the linear combination of gamma variables whose sign decides θ ≤ t
 *   (`distributionBySaddlePoint`): F(t), the density f(t) and its slope f′(t) are contour integrals of
 *   elementary functions, computed by the trapezoidal rule on a parabola through the saddle point,
 *   whose error is estimated from the same nodes (a path bent more to one side is tried, or the step
 *   halved, until it is below 3e-9 of the tail). The quantile is found by Halley's method on log F in the
 *   variable log(1 + t), started from the Cornish–Fisher value: coarse evaluations (10–25 nodes) bring
 *   the iterate close, then usually a single accurate one (20–65 nodes) settles it
 *   (`quantileBySaddlePoint`). About 10–30 µs per call for most counts, up to about 40 µs for
 *   passive-heavy samples whose limit falls next to 0 (docs/performance.md), against 0.3–1 ms for the
 *   quadrature.
 *
 * {@link bayesBoundsByQuadrature} keeps an independent method for checking both: by the aggregation
 * property of the Dirichlet, `S = πP + πD ~ Beta(a + c, b)` and `R = πP / S ~ Beta(a, c)` are
 * independent (a, b, c = nP + α, nO + α, nD + α), and `θ = S·(2R − 1)`, so
 * ```
 * F(t) = P(θ ≤ t) = [t ≥ 0]·I_t(a + c, b) + ∫_{|t|}^{1} I_{(s+t)/(2s)}(a, c) · f_S(s) ds
 * f(t) = F′(t)    =                      ∫_{|t|}^{1} f_R((s+t)/(2s)) / (2s) · f_S(s) ds
 * ```
 * (one kink only, at s = |t|, which is an end of the range). Each integral is computed by tanh-sinh
 * quadrature (Takahasi & Mori 1974; Bailey, Jeyabalan & Li 2005) over the part of [|t|, 1] where S has
 * mass (S's 1e-17 and 1 − 1e-17 quantiles, found once), and the quantile by Newton's method on F kept
 * inside a bracket by bisection. About 0.3–1 ms per call.
 *
 * The upper limit is minus the lower limit of the mirrored posterior (promoters and detractors
 * swapped), so symmetric data give a symmetric interval. At a level so small that the interval is
 * narrower than the accuracy of its limits, the two could cross; both are then their midpoint.
 *
 * Accuracy: within 1e-7 points of the reference values for every tested case (1e-6 is asserted),
 * from n = 0 to n = 10⁷, both priors. Against the quadrature: within 3e-9 points on every sample of up
 * to 14 responses (levels 0.5–0.9999), 2e-8 on 1,500 random passive-heavy samples (levels 0.2–0.99)
 * and 9e-8 on 3,000 random samples up to 10⁶ responses (non-integer counts included). Where the two
 * disagree by more (a promoter count near 0 beside thousands of passives and detractors: 2e-6 points),
 * a finer contour sides with this function: the quadrature's own error.
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
  return bounds(counts, level, prior, false);
}

/**
 * {@link bayesBounds} always by quadrature, never by the Cornish–Fisher expansion (for tests that
 * check the expansion against it). Same parameters and result.
 */
export function bayesBoundsByQuadrature(
  counts: CategoryValues,
  level: number,
  prior: "jeffreys" | "uniform",
): { readonly lower: number; readonly upper: number } {
  return bounds(counts, level, prior, true);
}

function bounds(
  counts: CategoryValues,
  level: number,
  prior: "jeffreys" | "uniform",
  quadratureOnly: boolean,
): { readonly lower: number; readonly upper: number } {
  const alpha = prior === "jeffreys" ? 0.5 : 1;
  const a = counts.promoters + alpha;
  const b = counts.passives + alpha;
  const c = counts.detractors + alpha;
  const tail = (1 - level) / 2;
  const lower = lowerQuantile(a, b, c, tail, quadratureOnly);
  // Equal promoter and detractor parameters: θ is symmetric about 0.
  const upper = a === c ? -lower : -lowerQuantile(c, b, a, tail, quadratureOnly);
  // The limits are computed apart, each to about 1e-7 points: an interval narrower than that (a level
  // near 0 on a very concentrated posterior) could come out crossed. Its midpoint is then both limits.
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
/**
 * The Cornish–Fisher expansion is used as the answer when its error estimate `100·σ·smallness⁵` (points;
 * see {@link cornishFisher}) is at most this.
 */
const EXPANSION_TOLERANCE = 1e-6;
/** The Cornish–Fisher expansion is used only when its `smallness` is at most this. */
const MAX_EXPANSION_SMALLNESS = 0.5;
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
function lowerQuantile(a: number, b: number, c: number, q: number, quadratureOnly: boolean): number {
  const z = normalQuantile(q);
  const expansion = cornishFisher(a, b, c, z);
  // The error estimate holds only where the expansion converges (standardised cumulants below 1): a
  // posterior of 10⁹ or more responses with a category near zero has a tiny σ, so a small estimate, yet
  // is far from normal. The omitted terms grow with |z| (polynomials of degree 6 and 7): against the
  // exact quantiles of 20,000 random posteriors, the error over σ·ε⁵ reached 0.5 at |z| = 2.6, 5 at
  // 3.9 and 37 at 4.9, within the factor ((1 + |z|)/3)⁷ (3.6, 31 and 114).
  const tailFactor = Math.max(1, ((1 + Math.abs(z)) / 3) ** 7);
  if (
    !quadratureOnly &&
    expansion.smallness <= MAX_EXPANSION_SMALLNESS &&
    100 * expansion.sd * expansion.smallness ** 5 * tailFactor <= EXPANSION_TOLERANCE
  ) {
    return expansion.quantile;
  }
  if (!quadratureOnly) return quantileBySaddlePoint(a, b, c, q, expansion, z);
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

/**
 * Step of the trapezoidal rule in u on the Bromwich path (see {@link distributionBySaddlePoint}) for a
 * total shape a + b + c of at least 12. The error of the rule grows with the shapes (the integrand
 * varies faster off the path), so smaller totals, the samples of a handful of responses that need the
 * most nodes, take a longer step ({@link contourStep}). Over every sample of up to 14 responses (both
 * priors, levels 0.5–0.9999) and 6,000 random non-integer ones of up to 16, each step keeps F within
 * 3e-9 points of a rule with step 0.04 in its range of totals; a step of 0.25 below 7, or 0.2 from 7 to
 * 12, was off by up to 1e-6 points.
 */
const CONTOUR_STEP = 0.12;
/** Newton's method on the saddle-point F stops once its error estimate is below this (1e-8 points). */
const SADDLE_T_TOLERANCE = 1e-10;
/**
 * The sum stops once a term's envelope is below this fraction of the first term's (1e-10 costs 20–30%
 * more nodes on the smallest samples and changes no limit of up to 30 responses by more than 2e-9
 * points).
 */
const CONTOUR_TOLERANCE = 1e-9;
/**
 * Step and envelope tolerance of the coarse evaluations that bring the iterate near the quantile before
 * the accurate ones: F within about 1e-7 relative, with a third to a half of the nodes.
 */
const COARSE_STEP = 0.4;
const COARSE_TOLERANCE = 1e-4;
/** The coarse evaluations stop once a step moves t by less than this fraction of the posterior sd. */
const COARSE_SWITCH = 1e-2;
/** The longest step of the quantile search in log(1 + t) (see quantileBySaddlePoint). */
const MAX_LOG_STEP = 10;
/** At most this many coarse evaluations. */
const COARSE_LIMIT = 20;

/** Step of the accurate contour sum for a total shape a + b + c (see {@link CONTOUR_STEP}). */
function contourStep(total: number): number {
  return total < 7 ? 0.2 : total < 12 ? 0.16 : CONTOUR_STEP;
}

/**
 * The q-quantile (q ≤ ½) of θ under Dirichlet(a, b, c) by Halley's method on log F, with F, f and f′
 * from {@link distributionBySaddlePoint}, started from the Cornish–Fisher value and kept in a bracket.
 *
 * Only the last evaluation decides the answer: the iterate is first brought close to the quantile with
 * coarse evaluations (a longer step and an earlier stop of the contour sum, F to about 1e-7), then
 * refined with accurate ones, usually a single one whose Halley step is small enough to stop. Halley's
 * error after a step δ is of order δ³, against δ² for Newton's, so that one accurate evaluation
 * usually suffices where Newton's method needed two.
 */
function quantileBySaddlePoint(
  a: number,
  b: number,
  c: number,
  q: number,
  expansion: { readonly quantile: number; readonly rough: number; readonly sd: number; readonly smallness: number },
  z: number,
): number {
  // Halley's method on g(w) = log F(t) − log q in the variable w = log(1 + t): in the left tail
  // F ≈ C·(1 + t)^k, which is linear there, so that poor starts (tiny samples) still converge in a few
  // steps; bisection in w keeps the iterates inside the bracket.
  const logQ = Math.log(q);
  const curvature = (1 + Math.abs(z)) / expansion.sd;
  const guess = expansion.smallness <= 0.5 ? expansion.quantile : expansion.rough;
  // Below −1 the expansion is useless; there 1 + θ = 2πP + πO lies between πP + πO ~ Beta(a + b, c) and
  // twice it, so its q-quantile x₁ gives 1 + t ∈ [x₁, 2x₁]: start in the middle (geometrically), with
  // x₁ from the power law of the lower tail, I_x(α, β) ≈ x^α / (α·B(α, β)).
  const shape = a + b;
  const powerLaw = Math.exp((Math.log(q * shape) + logBeta(shape, c)) / shape);
  let t = guess > -1 ? guess : Math.SQRT2 * Math.min(powerLaw, 0.5) - 1;
  t = clamp(t, -1 + 1e-12, 1 - 1e-12);
  let w = Math.log1p(t);
  const fineStep = contourStep(a + b + c);
  // Below a total shape of 16 the steps of contourStep were checked on every sample and on random
  // non-integer ones; above, the accurate sum checks its own error.
  const checked = a + b + c >= CHECKED_TOTAL;
  let fine = false;
  let low = Math.log(1e-300);
  let high = Math.log(2);
  // The saddle point moves little from one iterate to the next: each search starts from the last one.
  let saddle = Number.NaN;
  for (let iteration = 0; iteration < 100; iteration++) {
    const { cdf, density, densitySlope, saddlePoint } = fine
      ? distributionBySaddlePoint(a, b, c, t, saddle, fineStep, CONTOUR_TOLERANCE, checked)
      : distributionBySaddlePoint(a, b, c, t, saddle, COARSE_STEP, COARSE_TOLERANCE, false);
    saddle = saddlePoint;
    const gap = cdf > 0 ? Math.log(cdf) - logQ : Number.NEGATIVE_INFINITY;
    if (gap === 0 && fine) return t;
    if (gap < 0) low = w;
    else high = w;
    // g′ = f·(1 + t)/F and g″ = (1 + t)·[(f′·(1 + t) + f)/F − g′·f/F].
    const g1 = (density * (1 + t)) / cdf;
    const g2 = (1 + t) * ((densitySlope * (1 + t) + density) / cdf - (g1 * density) / cdf);
    let next = g1 > 0 && Number.isFinite(gap) ? w - gap / g1 : Number.NaN;
    // Halley's step is Newton's divided by 1 − g·g″/(2g′²); far from the root, where that factor is
    // far from 1, Newton's step is taken.
    const factor = 1 - (gap * g2) / (2 * g1 * g1);
    let halley = factor > 0.5 && factor < 2;
    if (halley) next = w - gap / g1 / factor;
    // A step too small to move t by T_TOLERANCE is taken as it is: it may land on an end of the
    // bracket only through rounding (near t = 1, w = log 2 cannot change by less than an ulp).
    const tiny = Math.abs(Math.expm1(next) - t) <= T_TOLERANCE;
    if (!(next > low && next < high) && !tiny) {
      next = 0.5 * (low + high);
      halley = false;
    }
    // No step changes 1 + t by more than a factor e^MAX_LOG_STEP: the first bracket reaches
    // 1 + t = 1e-300, and a far-off start (a posterior piled up next to −1) could otherwise jump to a t
    // that is −1 in floating point.
    if (Math.abs(next - w) > MAX_LOG_STEP) {
      next = next < w ? w - MAX_LOG_STEP : w + MAX_LOG_STEP;
      halley = false;
    }
    const nextT = Math.expm1(next);
    const step = Math.abs(nextT - t);
    w = next;
    t = nextT;
    if (!fine) {
      // The bracket of the coarse F may not hold for the accurate one: start afresh.
      if (step <= COARSE_SWITCH * expansion.sd || iteration + 1 >= COARSE_LIMIT) {
        fine = true;
        low = Math.log(1e-300);
        high = Math.log(2);
      }
      continue;
    }
    // Error left after the step: about δ²·|f′/(2f)| for Newton, δ³ times its square for Halley, with
    // |f′/f| ≤ (1 + |z|)/σ near the quantile of a smooth posterior, or the value at t where the density
    // changes faster (a posterior with a category near zero has a cusp).
    if (step <= T_TOLERANCE) return nextT;
    const rate = Math.max(curvature, Math.abs(densitySlope / density));
    const error = halley ? step * step * step * rate * rate : step * step * rate;
    if (error <= SADDLE_T_TOLERANCE) return nextT;
  }
  return t;
}

/**
 * F(t) = P(θ ≤ t) and the density f(t) under Dirichlet(a, b, c) by numerical inversion of a Laplace
 * transform along a path through the saddle point; O(number of nodes), each node a handful of
 * elementary functions.
 *
 * With X, Y, Z independent Gamma(a), Gamma(b), Gamma(c), θ = (X − Z)/(X + Y + Z), so θ ≤ t exactly
 * when L = (1 − t)X − tY − (1 + t)Z ≤ 0. L has the moment generating function
 * `M(s) = (1 − (1 − t)s)^(−a)·(1 + ts)^(−b)·(1 + (1 + t)s)^(−c)` for −1/(1 + t) < Re s < 1/(1 − t), and
 * (Bromwich inversion, the pole of 1/s at 0 on one side of the line)
 * ```
 * F(t)     = (1/2πi) ∫ M(s)/(−s) ds   along Re s = σ < 0
 * 1 − F(t) = (1/2πi) ∫ M(s)/s ds      along Re s = σ > 0
 * f(t)     = (1/2πi) ∫ M(s)·D(s) ds                  (any σ)
 * f′(t)    = −(1/2πi) ∫ s·M(s)·(D(s)² + E(s)) ds     (any σ)
 * ```
 * with D(s) = a/(1 − (1 − t)s) + b/(1 + ts) + c/(1 + (1 + t)s) and E(s) the same sum with squared
 * denominators (∂M/∂t = −s·D·M and ∂D/∂t = −s·E, as each coefficient of L has derivative −1 in t).
 * The smaller tail is computed (σ < 0 when E[L] > 0), with σ the saddle point of `log M(s) − log|s|` on
 * the real axis (Daniels 1954; the integrand is then non-oscillating near the axis and its modulus
 * decreases along the line). By conjugate symmetry each integral is (1/π)∫₀^∞ Re(…) dy with s = σ + iy,
 * and y = w·sinh u (w = 1/sqrt of the curvature at the saddle) turns the algebraic decay of small
 * counts into exponential decay; the trapezoidal rule in u then converges exponentially (the
 * integrand is analytic in a strip around the real u axis). `step` is the step in u and `tolerance` the
 * envelope, relative to the first term, below which the sum stops. With `refine`, the sum's error is
 * estimated from the rules with steps 2h and 4h on the same nodes and, while above REFINE_TOLERANCE,
 * the paths bent the most to either side are tried and then the step halved (up to MAX_HALVINGS
 * times). `start` is a first guess of the saddle point (NaN for none); the saddle point found is
 * returned with F, f and f′.
 */
function distributionBySaddlePoint(
  a: number,
  b: number,
  c: number,
  t: number,
  start: number,
  step: number,
  tolerance: number,
  refine: boolean,
): { cdf: number; density: number; densitySlope: number; saddlePoint: number } {
  const p = 1 - t; // coefficient of X
  const m = -t; // coefficient of Y
  const r = -(1 + t); // coefficient of Z
  const mean = a * p + b * m + c * r;
  const variance = a * p * p + b * m * m + c * r * r;
  const left = mean > 0;
  // Saddle point of log M(s) − log|s|: the root of K′(s) = 1/s on the chosen side (K convex, one root),
  // started from `start` when it lies on the chosen side (NaN otherwise), else from the normal
  // approximation K′(s) ≈ mean + variance·s; safeguarded Newton.
  let lo = left ? -1 / (1 + t) : 0;
  let hi = left ? 0 : 1 / (1 - t);
  const root = Math.sqrt(mean * mean + 4 * variance);
  let s = (left ? -mean - root : -mean + root) / (2 * variance);
  if (start > lo && start < hi) s = start;
  else if (!(s > lo && s < hi)) s = 0.5 * (lo + hi);
  let curvature = 0;
  for (let iteration = 0; iteration < 60; iteration++) {
    const dp = 1 - p * s;
    const dm = 1 - m * s;
    const dr = 1 - r * s;
    const slope = (a * p) / dp + (b * m) / dm + (c * r) / dr - 1 / s;
    curvature = (a * p * p) / (dp * dp) + (b * m * m) / (dm * dm) + (c * r * r) / (dr * dr) + 1 / (s * s);
    if (slope > 0) hi = s;
    else lo = s;
    let next = s - slope / curvature;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    // Relative to the local width, not to |s|: next to a branch point Newton moves by about the
    // distance to it, which can be far smaller than |s| yet far from the root.
    const converged = Math.abs(next - s) <= 1e-3 / Math.sqrt(curvature);
    s = next;
    if (converged) break;
  }
  const dp0 = 1 - p * s;
  const dm0 = 1 - m * s;
  const dr0 = 1 - r * s;
  curvature = (a * p * p) / (dp0 * dp0) + (b * m * m) / (dm0 * dm0) + (c * r * r) / (dr0 * dr0) + 1 / (s * s);
  const width = 1 / Math.sqrt(curvature);
  // Bend the line into the parabola s = σ + w·(iv − κv²) (v = sinh u), which follows the path of
  // steepest descent to second order at the saddle (κ = −g‴/(6g″)·w, kept in [0, 1]); it stays clear of
  // the branch cuts (on the real axis left of −1/(1 + t) and right of 1/(1 − t)) and of the pole at 0,
  // and damps the oscillation of M when one category dominates.
  const qp = p / dp0;
  const qm = m / dm0;
  const qr = r / dr0;
  const third = 2 * (a * qp * qp * qp + b * qm * qm * qm + c * qr * qr * qr) - 2 / (s * s * s);
  // Along the parabola |1 − coef·z|² = d² + (2·d·coef·κ·w + coef²·w²)·v² + coef²·κ²·w²·v⁴ with
  // d = 1 − coef·σ, so each factor of |M| (and |1/z|) never exceeds its value at the saddle when
  // |κ| ≤ w/(2δ) for every singularity δ away from σ on the side the path bends to (the pole at 0, the
  // branch points 1/coef). A larger bend lets a factor with a large shape blow up along the path
  // (|1 + t·z|^(−b) with t ≈ 0 and many passives) and the sum lose every digit to cancellation.
  let leftmost = 1;
  if (s > 0) leftmost = Math.min(leftmost, (0.5 * width) / s);
  if (m < 0) leftmost = Math.min(leftmost, (0.5 * width) / (s - 1 / m));
  leftmost = Math.min(leftmost, (0.5 * width) / (s - 1 / r));
  let rightmost = -1;
  if (s < 0) rightmost = Math.max(rightmost, (0.5 * width) / s);
  if (m > 0) rightmost = Math.max(rightmost, (0.5 * width) / (s - 1 / m));
  rightmost = Math.max(rightmost, (0.5 * width) / (s - 1 / p));
  const bend = Math.min(leftmost, Math.max(rightmost, (-third / (6 * curvature)) * width));
  // Small integer or half-integer shapes (integer counts with the Jeffreys or uniform prior: the tiny
  // samples that need the most nodes) take a branch without logarithms and trigonometry; a total shape
  // of at most HALF_INTEGER_LIMIT keeps every partial product far from overflow along the path.
  const halfIntegers =
    a + b + c <= HALF_INTEGER_LIMIT && Number.isInteger(2 * a) && Number.isInteger(2 * b) && Number.isInteger(2 * c);
  const path: ContourPath = {
    a,
    b,
    c,
    p,
    m,
    r,
    s,
    width,
    bend,
    sign: left ? -1 : 1,
    halfIntegers,
    power: new Float64Array(6),
  };
  // The rules with steps h, 2h and 4h share their nodes. Where the trapezoidal rule converges
  // geometrically, its error at h is about e₂²/e₄ (e₂ = |T₂ₕ − Tₕ|, e₄ = |T₄ₕ − Tₕ|): see ruleError.
  // A path bent little at the saddle can still meet an oscillating factor further out (many passives
  // with t near 0 make M behave like exp(−b·t·z), which only a strong bend to one side damps); it also
  // decays slowly, so its sum needs many nodes. With `refine`, a path bent that little (below
  // STRAIGHT of the strongest bend allowed) is tried after the paths bent the most to either side,
  // and otherwise before them; the first whose sum is accurate is kept, else the most accurate.
  const strongest = Math.abs(leftmost) >= Math.abs(rightmost) ? [leftmost, rightmost] : [rightmost, leftmost];
  const others = strongest.filter((candidate) => Math.abs(candidate) > 2 * Math.abs(bend));
  const straight = Math.abs(bend) < STRAIGHT * Math.max(leftmost, -rightmost);
  const bends = !refine ? [bend] : straight ? [...others, bend] : [bend, ...others];
  let sum = firstSweep({ ...path, bend: bends[0] as number }, step, tolerance);
  for (const candidate of bends.slice(1)) {
    if (sum.estimate === 0) break;
    const other = firstSweep({ ...path, bend: candidate }, step, tolerance);
    if (other.estimate < sum.estimate) sum = other;
  }
  const { sums } = sum;
  let { twice, four, estimate, nodes } = sum;
  let h = step;
  // While the estimate is above REFINE_TOLERANCE of the tail (or the errors do not shrink), the step
  // is halved: the midpoints are added to the sums.
  for (let halving = 0; refine && halving < MAX_HALVINGS && estimate > 0; halving++) {
    four = twice;
    twice = h * (sums[0] as number);
    sweepPath(sum.path, 0.5 * h, h, nodes, tolerance, sums);
    nodes *= 2;
    h *= 0.5;
    estimate = ruleError(h * (sums[0] as number), twice, four);
  }
  const tail = (h * (sums[0] as number)) / Math.PI;
  const density = (h * (sums[1] as number)) / Math.PI;
  const slope = (h * (sums[2] as number)) / Math.PI;
  return { cdf: left ? tail : 1 - tail, density, densitySlope: slope, saddlePoint: s };
}

/** What a sweep along the contour needs (see {@link distributionBySaddlePoint}). */
interface ContourPath {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** Coefficients of X, Y, Z in L. */
  readonly p: number;
  readonly m: number;
  readonly r: number;
  /** Saddle point, width and bend of the parabola. */
  readonly s: number;
  readonly width: number;
  readonly bend: number;
  /** −1 for F (left of the pole), 1 for 1 − F. */
  readonly sign: number;
  readonly halfIntegers: boolean;
  /** Scratch space for {@link inversePower}. */
  readonly power: Float64Array;
}

/** A bend below this fraction of the strongest allowed counts as a straight path (see distributionBySaddlePoint). */
const STRAIGHT = 0.01;
/** From this total shape on, the accurate contour sum estimates its own error (see contourStep). */
const CHECKED_TOTAL = 16;
/** Refinement: the tail's estimated error must be below this fraction of min(tail, 1). */
const REFINE_TOLERANCE = 3e-9;
/** At most this many halvings of the step. */
const MAX_HALVINGS = 3;

/**
 * The first sweep along `path` with step h: its sums (see {@link sweepPath}), the number of nodes,
 * the tail by the rules with steps 2h and 4h on the same nodes, and the estimated error of the tail
 * by the rule with step h when above REFINE_TOLERANCE (else 0; see {@link ruleError}).
 */
function firstSweep(
  path: ContourPath,
  step: number,
  tolerance: number,
): {
  readonly path: ContourPath;
  readonly sums: Float64Array;
  readonly nodes: number;
  readonly twice: number;
  readonly four: number;
  readonly estimate: number;
} {
  const sums = new Float64Array(5);
  const nodes = sweepPath(path, 0, step, 0, tolerance, sums);
  const twice = 2 * step * (sums[3] as number);
  const four = 4 * step * (sums[4] as number);
  return { path, sums, nodes, twice, four, estimate: ruleError(step * (sums[0] as number), twice, four) };
}

/**
 * The estimated error of the trapezoidal sum `current` (step h), from the sums `twice` and `four` with
 * steps 2h and 4h on the same nodes, when it is above REFINE_TOLERANCE of min(|tail|, 1); 0 when it
 * is within. The sums carry the factor π of the tail.
 */
function ruleError(current: number, twice: number, four: number): number {
  const e2 = Math.abs(twice - current);
  const e4 = Math.abs(four - current);
  const estimate = e2 < e4 ? (e2 * e2) / e4 : e2;
  const excess = estimate - REFINE_TOLERANCE * Math.min(Math.abs(current), Math.PI);
  return excess > 0 ? estimate : 0;
}

/**
 * Adds the integrands of the tail, the density and its slope (without the factor step/π) at
 * u = firstU + k·step to sums[0..2]. With `limit` 0 the sweep starts at u = 0 (weight ½) and stops
 * once the tail's envelope falls below `tolerance` times the first one, also adding the tail of every
 * second and every fourth node to sums[3] and sums[4]; otherwise it takes exactly `limit` nodes (the
 * midpoints of an earlier sweep). Returns the number of nodes.
 */
function sweepPath(
  path: ContourPath,
  firstU: number,
  step: number,
  limit: number,
  tolerance: number,
  sums: Float64Array,
): number {
  const { a, b, c, p, m, r, s, width, bend, sign, halfIntegers, power } = path;
  const growth = Math.exp(step);
  const stopSquared = tolerance * tolerance;
  const end = limit > 0 ? limit : 1000;
  let eu = Math.exp(firstU);
  let tail = 0;
  let density = 0;
  let slope = 0;
  let everySecond = 0;
  let everyFourth = 0;
  let firstEnvelope = 0;
  let k = 0;
  for (; k < end; k++) {
    const inverse = 1 / eu;
    const sinhU = 0.5 * (eu - inverse);
    const coshU = 0.5 * (eu + inverse);
    eu *= growth;
    const y = width * sinhU;
    const x = s - width * bend * sinhU * sinhU;
    const du = width * coshU * (limit === 0 && k === 0 ? 0.5 : 1);
    // 1/w for w = 1 − coef·z, z = x + iy, one factor per category.
    const wpR = 1 - p * x;
    const wpI = -p * y;
    const wmR = 1 - m * x;
    const wmI = -m * y;
    const wrR = 1 - r * x;
    const wrI = -r * y;
    const np = 1 / (wpR * wpR + wpI * wpI);
    const nm = 1 / (wmR * wmR + wmI * wmI);
    const nr = 1 / (wrR * wrR + wrI * wrI);
    const ipR = wpR * np;
    const ipI = -wpI * np;
    const imR = wmR * nm;
    const imI = -wmI * nm;
    const irR = wrR * nr;
    const irI = -wrI * nr;
    // D(z) = Σ shape/w and E(z) = Σ shape/w².
    const dRe = a * ipR + b * imR + c * irR;
    const dIm = a * ipI + b * imI + c * irI;
    const eRe = a * (ipR * ipR - ipI * ipI) + b * (imR * imR - imI * imI) + c * (irR * irR - irI * irI);
    const eIm = 2 * (a * ipR * ipI + b * imR * imI + c * irR * irI);
    let mR: number;
    let mI: number;
    if (halfIntegers) {
      // M(z) = Π w^(−shape) by complex multiplication and square roots only (see inversePower).
      inversePower(ipR, ipI, np, a, power, 0);
      inversePower(imR, imI, nm, b, power, 2);
      inversePower(irR, irI, nr, c, power, 4);
      const p0 = power[0] as number;
      const p1 = power[1] as number;
      const p2 = power[2] as number;
      const p3 = power[3] as number;
      const p4 = power[4] as number;
      const p5 = power[5] as number;
      const qR = p0 * p2 - p1 * p3;
      const qI = p0 * p3 + p1 * p2;
      mR = qR * p4 - qI * p5;
      mI = qR * p5 + qI * p4;
    } else {
      const reK = 0.5 * (a * Math.log(np) + b * Math.log(nm) + c * Math.log(nr));
      const imK = -(a * Math.atan2(wpI, wpR) + b * Math.atan2(wmI, wmR) + c * Math.atan2(wrI, wrR));
      const scale = Math.exp(reK);
      mR = scale * Math.cos(imK);
      mI = scale * Math.sin(imK);
    }
    // (1/2πi)∫h(z)dz over the whole path = (1/π)∫₀^∞ Im[h(z)·(i − 2κv)]·w·cosh u du.
    const inverseNorm = 1 / (x * x + y * y);
    const bendTerm = -2 * bend * sinhU;
    const hR = sign * (mR * x + mI * y) * inverseNorm;
    const hI = sign * (mI * x - mR * y) * inverseNorm;
    const nodeTail = (hR + hI * bendTerm) * du;
    tail += nodeTail;
    const gR = mR * dRe - mI * dIm;
    const gI = mR * dIm + mI * dRe;
    density += (gR + gI * bendTerm) * du;
    // f′: h(z) = −z·M·(D² + E).
    const sR = dRe * dRe - dIm * dIm + eRe;
    const sI = 2 * dRe * dIm + eIm;
    const zsR = x * sR - y * sI;
    const zsI = x * sI + y * sR;
    slope -= (mR * zsR - mI * zsI + (mR * zsI + mI * zsR) * bendTerm) * du;
    if (limit > 0) continue;
    if ((k & 1) === 0) everySecond += nodeTail;
    if ((k & 3) === 0) everyFourth += nodeTail;
    // The tail's envelope |M|·du·(1 + |bendTerm|)/|z|, squared.
    const spread = du * (1 + Math.abs(bendTerm));
    const envelope = (mR * mR + mI * mI) * spread * spread * inverseNorm;
    if (k === 0) firstEnvelope = envelope;
    else if (envelope <= stopSquared * firstEnvelope) {
      k++;
      break;
    }
  }
  sums[0] = (sums[0] as number) + tail;
  sums[1] = (sums[1] as number) + density;
  sums[2] = (sums[2] as number) + slope;
  if (limit === 0) {
    sums[3] = everySecond;
    sums[4] = everyFourth;
  }
  return k;
}

/** Largest a + b + c for which the contour uses {@link inversePower} instead of logarithms. */
const HALF_INTEGER_LIMIT = 40;

/**
 * w^(−shape) for a complex w = (re, im) with |w|² = norm and an integer or half-integer shape, on the
 * principal branch (as exp(−shape·Log w)): (1/w)^k by binary powering, times the principal square root
 * of 1/w when shape − k = ½. Writes the real and imaginary parts at `out[at]` and `out[at + 1]`.
 */
function inversePower(invR: number, invI: number, invNorm: number, shape: number, out: Float64Array, at: number): void {
  let whole = Math.floor(shape);
  let resultR = 1;
  let resultI = 0;
  let baseR = invR;
  let baseI = invI;
  while (whole > 0) {
    if (whole & 1) {
      const nextR = resultR * baseR - resultI * baseI;
      resultI = resultR * baseI + resultI * baseR;
      resultR = nextR;
    }
    whole >>= 1;
    if (whole > 0) {
      const squareR = baseR * baseR - baseI * baseI;
      baseI = 2 * baseR * baseI;
      baseR = squareR;
    }
  }
  if (shape !== Math.floor(shape)) {
    // Principal square root of v = 1/w: one of its parts from sqrt((|v| ± Re v)/2), the other by
    // division (no cancellation on either side of the imaginary axis).
    const size = Math.sqrt(invNorm);
    let rootR: number;
    let rootI: number;
    if (invR >= 0) {
      rootR = Math.sqrt(0.5 * (size + invR));
      rootI = invI / (2 * rootR);
    } else {
      rootI = (invI < 0 ? -1 : 1) * Math.sqrt(0.5 * (size - invR));
      rootR = invI / (2 * rootI);
    }
    const nextR = resultR * rootR - resultI * rootI;
    resultI = resultR * rootI + resultI * rootR;
    resultR = nextR;
  }
  out[at] = resultR;
  out[at + 1] = resultI;
}
