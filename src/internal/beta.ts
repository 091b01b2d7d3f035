/**
 * Special functions of the beta family for the Bayesian interval: log-gamma, log-beta, the beta
 * density, the regularised incomplete beta function `I_x(a, b)` and its inverse.
 *
 * Every function takes the complement `y = 1 − x` as well as `x` when it matters, so that callers who
 * know `1 − x` more accurately than `x` (a point very close to 1) lose nothing to cancellation.
 *
 * References:
 * - Stirling's series for log Γ: Abramowitz & Stegun (1964) 6.1.40–6.1.41; DLMF 5.11.1.
 * - The "large a and b" form of `x^a·y^b / B(a, b)` (no cancellation between huge logarithms) follows
 *   the idea of DiDonato & Morris (1992), "Algorithm 708: significant digit computation of the
 *   incomplete beta function ratios", ACM TOMS 18(3):360–373 (their `brcomp`, `rlog1`, `bcorr`).
 * - The continued fraction for `I_x(a, b)`: DLMF 8.17.22; evaluated with the modified Lentz method
 *   (Thompson & Barnett 1986; Press et al., Numerical Recipes, 3rd ed., §5.2 and §6.4 `betacf`).
 * - The inverse: safeguarded Newton iteration on `log I_x` in the variable `log x` (bisection when a
 *   step leaves the bracket), started from Abramowitz & Stegun 26.5.22 / the tail power law.
 */

const HALF_LOG_TWO_PI = 0.9189385332046728; // ½·log(2π)
const EPSILON = 2.220446049250313e-16;
const TINY = 1e-300;

/**
 * The Stirling correction `δ(z) = log Γ(z) − [(z − ½)·log z − z + ½·log 2π]` for z ≥ 10, from the
 * asymptotic series Σ B₂ₖ / (2k(2k−1)·z^(2k−1)) (A&S 6.1.41), truncated after the z⁻¹⁵ term, which
 * is below 3e-17 at z = 10.
 */
function stirlingCorrection(z: number): number {
  const r = 1 / z;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 *
            (1 / 1260 +
              r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))))
  );
}

/**
 * log Γ(x) for x > 0. For x ≥ 10: Stirling's series with {@link stirlingCorrection}; below, the
 * recurrence Γ(x) = Γ(x + k) / (x(x+1)…(x+k−1)) shifts the argument to ≥ 10 first. Absolute error
 * about 1e-14 (relative for large x). O(1).
 */
export function logGamma(x: number): number {
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingCorrection(x);
  let product = 1;
  let z = x;
  while (z < 10) {
    product *= z;
    z += 1;
  }
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_TWO_PI + stirlingCorrection(z) - Math.log(product);
}

/**
 * log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b) for a, b > 0, arranged so that large arguments do
 * not cancel: with p = min(a, b), q = max(a, b),
 * - p ≥ 10: ½·log 2π − ½·log q + (p − ½)·log(p / (p + q)) − q·log1p(p / q) + δ(p) + δ(q) − δ(p + q);
 * - p < 10 ≤ q: log Γ(p) − p·log(p + q) − (q − ½)·log1p(p / q) + p + δ(q) − δ(p + q);
 * - both < 10: three log-gamma values (all small).
 * O(1).
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    return (
      HALF_LOG_TWO_PI -
      0.5 * Math.log(q) +
      (p - 0.5) * Math.log(p / (p + q)) -
      q * Math.log1p(p / q) +
      stirlingCorrection(p) +
      stirlingCorrection(q) -
      stirlingCorrection(p + q)
    );
  }
  if (q >= 10) {
    return (
      logGamma(p) -
      p * Math.log(p + q) -
      (q - 0.5) * Math.log1p(p / q) +
      p +
      stirlingCorrection(q) -
      stirlingCorrection(p + q)
    );
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/** `u − log(1 + u)` for u > −1, accurate when u is small (series in r = u/(2 + u), DLMF 4.6.4). */
function logOnePlusRemainder(u: number): number {
  if (Math.abs(u) > 0.5) return u - Math.log1p(u);
  const r = u / (2 + u);
  const r2 = r * r;
  // log1p(u) = 2·atanh(r) = 2(r + r³/3 + r⁵/5 + …) and u − 2r = r·u.
  let term = r * r2;
  let sum = 0;
  for (let k = 3; k < 80; k += 2) {
    const next = term / k;
    sum += next;
    if (Math.abs(next) <= EPSILON * Math.abs(sum)) break;
    term *= r2;
  }
  return r * u - 2 * sum;
}

/** log x given x and y = 1 − x, using whichever is accurate. */
function logOf(x: number, y: number): number {
  return x < 0.5 ? Math.log(x) : Math.log1p(-y);
}

/**
 * `x^a·y^b / B(a, b)` for a, b > 0 and x + y = 1 (x, y ≥ 0), to about 1e-14 relative even when a and b
 * are in the millions. For a, b ≥ 10 it is evaluated as
 * `sqrt(ab / (2π(a+b))) · exp(−a·ρ(u) − b·ρ(v) − δ(a) − δ(b) + δ(a+b))`, with `u = (bx − ay)/a`,
 * `v = −(bx − ay)/b`, `ρ(u) = u − log(1+u)` — no difference of large logarithms (DiDonato & Morris
 * 1992, `brcomp`). Otherwise `exp(a·log x + b·log y − log B(a, b))`. O(1).
 */
export function betaPowerTerm(a: number, b: number, x: number, y: number): number {
  if (x <= 0 || y <= 0) return 0;
  if (a >= 10 && b >= 10) {
    const lambda = b * x - a * y; // (a + b)·x − a, without cancellation
    const exponent =
      -a * logOnePlusRemainder(lambda / a) -
      b * logOnePlusRemainder(-lambda / b) -
      stirlingCorrection(a) -
      stirlingCorrection(b) +
      stirlingCorrection(a + b);
    return Math.sqrt((a * b) / (a + b)) * Math.exp(exponent - HALF_LOG_TWO_PI);
  }
  return Math.exp(a * logOf(x, y) + b * logOf(y, x) - logBeta(a, b));
}

/**
 * The Beta(a, b) probability density at x, given x and y = 1 − x (both > 0 for a finite value; at an
 * endpoint the limit: 0, the finite edge value, or Infinity). O(1).
 */
export function betaDensity(a: number, b: number, x: number, y: number): number {
  if (x <= 0 || y <= 0) {
    const exponent = x <= 0 ? a : b;
    if (exponent > 1) return 0;
    if (exponent < 1) return Number.POSITIVE_INFINITY;
    return Math.exp(-logBeta(a, b));
  }
  if (a >= 10 && b >= 10) return betaPowerTerm(a, b, x, y) / (x * y);
  return Math.exp((a - 1) * logOf(x, y) + (b - 1) * logOf(y, x) - logBeta(a, b));
}

/**
 * The continued fraction of DLMF 8.17.22, `I_x(a,b) = x^a y^b / (a·B(a,b)) · 1/(1 + d₁/(1 + d₂/(1 + …)))`
 * with `d₂ₘ₊₁ = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1))`, `d₂ₘ = m(b−m)x / ((a+2m−1)(a+2m))`, by the
 * modified Lentz method. It converges quickly for x < (a+1)/(a+b+2); the number of terms grows like
 * sqrt(min(a, b)) near the mean (about 360 for a, b ≈ 4·10⁵).
 */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const sum = a + b;
  let c = 1;
  let d = 1 - (sum * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= 100_000; m++) {
    const twoM = 2 * m;
    let coefficient = (m * (b - m) * x) / ((a + twoM - 1) * (a + twoM));
    d = 1 + coefficient * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + coefficient / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    fraction *= d * c;
    coefficient = (-(a + m) * (sum + m) * x) / ((a + twoM) * (a + twoM + 1));
    d = 1 + coefficient * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + coefficient / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) <= EPSILON) break;
  }
  return fraction;
}

/**
 * The regularised incomplete beta function `I_x(a, b) = B(x; a, b) / B(a, b)`, the Beta(a, b)
 * distribution function, for a, b > 0 and 0 ≤ x ≤ 1, given `y = 1 − x` too (defaults to `1 − x`).
 * Uses the continued fraction on `(a, b, x)` when x < (a+1)/(a+b+2) and `1 − I_y(b, a)` otherwise
 * (Numerical Recipes `betai`), with the prefactor of {@link betaPowerTerm}. Absolute error about
 * 1e-15 for moderate parameters, 1e-13 for parameters near 10⁶. O(sqrt(min(a, b))) at worst.
 */
export function regularizedBeta(a: number, b: number, x: number, y: number = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  // With one parameter below 1 and the other large, the fraction led by the large parameter cancels
  // badly just past the switch point (x ≈ the mean); the one led by the small parameter converges fast
  // there (its terms are about x·(a+b)/(4m)), so use it instead — for 1 − I only while I stays above
  // ~0.005 (y·(a+b) ≤ 4), so that the subtraction costs no more than two digits.
  return regularizedBetaFromPowerTerm(a, b, x, y, betaPowerTerm(a, b, x, y));
}

/**
 * {@link regularizedBeta} for 0 < x < 1 given `power = betaPowerTerm(a, b, x, y)`, for callers that
 * need the power term anyway (the density is `power / (x·y)`) and should not compute it twice.
 */
export function regularizedBetaFromPowerTerm(a: number, b: number, x: number, y: number, power: number): number {
  const switchPoint = (a + 1) / (a + b + 2);
  if (a < 1 && b >= 30 && x >= switchPoint && x * (a + b) <= 30) {
    return (power * betaContinuedFraction(a, b, x)) / a;
  }
  if (b < 1 && a >= 30 && x < switchPoint && y * (a + b) <= 4) {
    return 1 - (power * betaContinuedFraction(b, a, y)) / b;
  }
  if (x < switchPoint) return (power * betaContinuedFraction(a, b, x)) / a;
  return 1 - (power * betaContinuedFraction(b, a, y)) / b;
}

/**
 * A first guess for the p-quantile of Beta(a, b), p ≤ ½: Abramowitz & Stegun 26.5.22 when a, b ≥ 1,
 * else the left-tail power law `I_x ≈ x^a / (a·B(a, b))` or the right-tail one.
 */
function initialQuantile(a: number, b: number, p: number): number {
  if (a >= 1 && b >= 1) {
    // A&S 26.2.22 for the normal deviate of the upper tail p, then 26.5.22.
    const t = Math.sqrt(-2 * Math.log(p));
    const z = t - (2.30753 + 0.27061 * t) / (1 + t * (0.99229 + 0.04481 * t));
    const lambda = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (-z * Math.sqrt(h + lambda)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5 / 6 - 2 / (3 * h));
    const x = a / (a + b * Math.exp(2 * w));
    if (x > 0 && x < 1) return x;
  }
  const logBetaValue = logBeta(a, b);
  const left = Math.exp((Math.log(p) + Math.log(a) + logBetaValue) / a);
  if (left < a / (a + b)) return left;
  const right = Math.exp((Math.log1p(-p) + Math.log(b) + logBetaValue) / b);
  return right < 1 ? 1 - right : 0.5;
}

/**
 * The p-quantile of Beta(a, b): the x in [0, 1] with `I_x(a, b) = p`, for a, b > 0 and 0 ≤ p ≤ 1
 * (0 → 0, 1 → 1). For p > ½ it returns `1 − quantile(b, a, 1 − p)`; callers needing a point very close
 * to 1 accurately should ask for the complement with swapped parameters themselves. Relative accuracy
 * about 1e-14 in x. A Newton iteration on `log I_x − log p` in the variable `log x` (nearly linear in
 * the left tail, where `I_x ≈ C·x^a`), kept inside a shrinking bracket by bisection; typically 3–6
 * evaluations of {@link regularizedBeta}.
 */
export function inverseRegularizedBeta(a: number, b: number, p: number): number {
  if (!(p > 0)) return 0;
  if (!(p < 1)) return 1;
  if (p > 0.5) return 1 - inverseRegularizedBeta(b, a, 1 - p);
  const logP = Math.log(p);
  // Bracket on w = log x: I is increasing in w.
  let low = -745;
  let high = 0;
  let w = Math.log(initialQuantile(a, b, p));
  if (!(w > low && w < high)) w = -1;
  for (let iteration = 0; iteration < 200; iteration++) {
    const x = Math.exp(w);
    const y = -Math.expm1(w);
    const value = regularizedBeta(a, b, x, y);
    if (value === p) return x;
    if (value < p) low = w;
    else high = w;
    // d log I / d w = x·f(x) / I(x)
    const slope = value > 0 ? (x * betaDensity(a, b, x, y)) / value : 0;
    let next = value > 0 && slope > 0 && Number.isFinite(slope) ? w - (Math.log(value) - logP) / slope : Number.NaN;
    if (!(next > low && next < high))
      next = low === -745 ? Math.max(low, w - 2 * Math.max(1, high - w)) : 0.5 * (low + high);
    if (Math.abs(next - w) <= 4 * EPSILON * Math.max(1, Math.abs(w)) || high - low <= 4 * EPSILON * Math.abs(w)) {
      return Math.exp(next);
    }
    w = next;
  }
  return Math.exp(w);
}
