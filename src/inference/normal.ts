import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";

/**
 * The standard normal quantile Φ⁻¹(p): the z-value below which a share `p` of a standard normal
 * distribution lies, for example the 1.96 of a 95% interval (`normalQuantile(0.975)`).
 *
 * Algorithm AS 241 (PPND16) of M. J. Wichura, "The percentage points of the normal distribution",
 * *Applied Statistics* 37(3), 1988, 477–484: three rational approximations (central region
 * |p − ½| ≤ 0.425, then in r = √(−ln min(p, 1 − p)) for r ≤ 5 and r > 5), accurate to about 1 part in
 * 10¹⁶ (within 5e-16 relative, 2 ulp, in double precision). The same algorithm is behind R's `qnorm` and
 * Python's `statistics.NormalDist.inv_cdf`. O(1).
 *
 * @param p - A probability from 0 to 1.
 * @returns The quantile; `-Infinity` for 0 and `Infinity` for 1.
 * @throws {@link NpsError} `invalid_option` when `p` is not a number from 0 to 1.
 * @example
 * ```ts
 * import { normalQuantile, roundScore } from "npskit";
 * roundScore(normalQuantile(0.975), 9); // => 1.959963985
 * normalQuantile(0.5); // => 0
 * roundScore(normalQuantile(0.05), 6); // => -1.644854
 * ```
 * @category Inference
 */
export function normalQuantile(p: number): number {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new NpsError(
      "invalid_option",
      `normalQuantile: p must be a number from 0 to 1, received ${describeValue(p)}`,
    );
  }
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(r, AS241_A)) / horner(r, AS241_B) + 0;
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const value =
    r <= 5 ? horner(r - 1.6, AS241_C) / horner(r - 1.6, AS241_D) : horner(r - 5, AS241_E) / horner(r - 5, AS241_F);
  return q < 0 ? -value : value;
}

// biome-ignore-start lint/correctness/noPrecisionLoss: coefficients as published, rounded once by the parser
// Coefficients of AS 241 (PPND16), highest degree first, as published by Wichura (1988).
const AS241_A = [
  2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457, 13731.693765509461125,
  1971.5909503065514427, 133.14166789178437745, 3.387132872796366608,
];
const AS241_B = [
  5226.495278852854561, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867, 5394.1960214247511077,
  687.1870074920579083, 42.313330701600911252, 1,
];
const AS241_C = [
  7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258,
  3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734,
];
const AS241_D = [
  1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459,
  0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1,
];
const AS241_E = [
  2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386, 0.026532189526576123093,
  0.29656057182850489123, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772,
];
const AS241_F = [
  2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4,
  0.0148753612908506148525, 0.13692988092273580531, 0.59983220655588793769, 1,
];

// biome-ignore-end lint/correctness/noPrecisionLoss: end of the published coefficients

/** Evaluates the polynomial with the given coefficients (highest degree first) at x. */
function horner(x: number, coefficients: ReadonlyArray<number>): number {
  let value = 0;
  for (const coefficient of coefficients) value = value * x + coefficient;
  return value;
}

/**
 * The standard normal distribution function Φ(x) = P(Z ≤ x), accurate to about 1e-15 relative to the
 * result even far in the lower tail (`normalCdf(-10)` ≈ 7.62e-24, not 0), so p-values computed as
 * `2 · normalCdf(-Math.abs(z))` keep their precision.
 *
 * Φ(x) = ½·erfc(−x/√2) with erfc from the rational Chebyshev approximations of W. J. Cody, "Rational
 * Chebyshev approximations for the error function", *Mathematics of Computation* 23(107), 1969,
 * 631–637 (the coefficients of his SPECFUN routine CALERF, as in many math libraries). The factor
 * exp(−x²/2) is evaluated as exp(−x₀²/2)·exp(−(x − x₀)(x + x₀)/2) with x₀ = x rounded down to 1/16,
 * as CALERF and R's `pnorm` do, so the rounding of x² does not cost accuracy in the tail. O(1).
 *
 * @param x - Any number (±Infinity give 0 and 1).
 * @returns Φ(x) in [0, 1].
 * @throws {@link NpsError} `invalid_option` when `x` is not a number or is NaN.
 * @example
 * ```ts
 * import { normalCdf, roundScore } from "npskit";
 * normalCdf(0); // => 0.5
 * roundScore(normalCdf(1.959963984540054), 6); // => 0.975
 * normalCdf(-10) > 7.6e-24; // => true
 * ```
 * @category Inference
 */
export function normalCdf(x: number): number {
  if (typeof x !== "number" || Number.isNaN(x)) {
    throw new NpsError("invalid_option", `normalCdf: x must be a number, received ${describeValue(x)}`);
  }
  return x < 0 ? lowerTail(-x) : 1 - lowerTail(x);
}

/**
 * The standard normal survival function 1 − Φ(x) = P(Z > x) = Φ(−x), computed without subtracting
 * from 1, so it keeps about 1e-15 relative accuracy for large x. See {@link normalCdf}. O(1).
 *
 * @param x - Any number.
 * @returns P(Z > x) in [0, 1].
 * @throws {@link NpsError} `invalid_option` when `x` is not a number or is NaN.
 * @example
 * ```ts
 * import { normalCdf, normalSurvival } from "npskit";
 * normalSurvival(0); // => 0.5
 * normalSurvival(10) === normalCdf(-10); // => true
 * ```
 * @category Inference
 */
export function normalSurvival(x: number): number {
  if (typeof x !== "number" || Number.isNaN(x)) {
    throw new NpsError("invalid_option", `normalSurvival: x must be a number, received ${describeValue(x)}`);
  }
  return x > 0 ? lowerTail(x) : 1 - lowerTail(-x);
}

/** Two-sided normal p-value 2·Φ(−|z|), never computed as 1 − something. */
export function twoSidedPValue(z: number): number {
  return Math.min(1, 2 * lowerTail(Math.abs(z)));
}

/** sqrt(1/2). */
const SQRT_HALF = Math.SQRT1_2;

/** 1/sqrt(π) = 0.56418958354775628695… */
const ONE_OVER_SQRT_PI = 0.5641895835477563;

/**
 * Φ(−x) for x ≥ 0 (not checked). Cody's CALERF in y = x/√2: erf on y ≤ 0.46875, then erfc(y) =
 * exp(−y²)·R(y) on (0.46875, 4] and exp(−y²)/y·(1/√π − P/Q(1/y²)) beyond.
 */
function lowerTail(x: number): number {
  const y = x * SQRT_HALF;
  if (y <= 0.46875) {
    const t = y * y;
    return 0.5 - (0.5 * y * horner(t, CODY_A)) / horner(t, CODY_B);
  }
  if (x > 40) return 0;
  let rational: number;
  if (y <= 4) {
    rational = horner(y, CODY_C) / horner(y, CODY_D);
  } else {
    const t = 1 / (y * y);
    rational = (ONE_OVER_SQRT_PI - (t * horner(t, CODY_P)) / horner(t, CODY_Q)) / y;
  }
  // exp(-x²/2) = exp(-x0²/2) · exp(-(x - x0)(x + x0)/2), x0 = x truncated to a multiple of 1/16 (x0² exact).
  const x0 = Math.trunc(x * 16) / 16;
  const delta = (x - x0) * (x + x0);
  return 0.5 * rational * Math.exp(-0.5 * x0 * x0) * Math.exp(-0.5 * delta);
}

// biome-ignore-start lint/correctness/noPrecisionLoss: coefficients as published, rounded once by the parser
// Coefficients of Cody's CALERF (1969), highest degree first: erf on [0, 0.46875] (A/B), erfc·exp(y²)
// on (0.46875, 4] (C/D), and the asymptotic form beyond 4 (P/Q).
const CODY_A = [
  0.185777706184603153, 3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947,
];
const CODY_B = [1, 23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const CODY_C = [
  2.15311535474403846e-8, 0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131,
  881.95222124176909, 1712.04761263407058, 2051.07837782607147, 1230.33935479799725,
];
const CODY_D = [
  1, 15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
const CODY_P = [
  0.0163153871373020978, 0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  6.58749161529837803e-4,
];
const CODY_Q = [
  1, 2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185,
];
// biome-ignore-end lint/correctness/noPrecisionLoss: end of the published coefficients

/** The two-sided critical value z = Φ⁻¹(1 − (1 − level)/2) of a checked level. */
export function criticalValue(level: number): number {
  return normalQuantile(1 - (1 - level) / 2);
}
