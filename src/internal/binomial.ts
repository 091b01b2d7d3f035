import { logGamma } from "./beta.js";
import type { RandomSource } from "./random.js";

/**
 * Draws one Binomial(n, p) variate from a {@link RandomSource}, in O(1) expected time for any n.
 *
 * - p > ½ uses the mirror `n − Bin(n, 1 − p)`, so the work below always has p ≤ ½.
 * - n·p < 10: inversion by sequential search from 0 (Kachitvichyanukul & Schmeiser 1988, algorithm
 *   BINV): one uniform, at most about n·p + 1 steps, i.e. O(1) because n·p < 10.
 * - n·p ≥ 10: BTRS, transformed rejection with squeeze (W. Hörmann, "The generation of binomial
 *   random variates", J. Statist. Comput. Simul. 46 (1993) 101–110, algorithm BTRS with the constants
 *   of its Table 1): two uniforms per trial, acceptance about 0.9 or better, so O(1) expected.
 *
 * Only `nextDouble()` and `Math.floor`, `Math.sqrt`, `Math.log`, `Math.log1p`, `Math.exp`, `Math.abs`
 * are used. The arithmetic operators are exact IEEE-754 everywhere; the Math functions are the fdlibm
 * algorithms in V8 and SpiderMonkey, so the same seed gives the same draws on every platform in
 * practice (ECMAScript itself only requires them to be "implementation-approximated"; a difference in
 * the last bit could only change a draw whose acceptance test lands within 1e-16 of its threshold).
 *
 * @param random - The generator to draw uniforms from (its state advances).
 * @param n - Number of trials, an integer ≥ 0.
 * @param p - Success probability in [0, 1].
 * @returns An integer in [0, n].
 */
export function binomialSample(random: RandomSource, n: number, p: number): number {
  if (!(n > 0) || !(p > 0)) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialSample(random, n, 1 - p);
  return n * p < 10 ? binomialInversion(random, n, p) : binomialBtrs(random, n, p);
}

/** BINV: walk the pmf from 0, f(k+1) = f(k)·((n+1)/(k+1) − 1)·p/q, until the uniform is used up. */
function binomialInversion(random: RandomSource, n: number, p: number): number {
  const q = 1 - p;
  const ratio = p / q;
  const scaled = (n + 1) * ratio;
  const atZero = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = random.nextDouble();
    let k = 0;
    let mass = atZero;
    while (u > mass) {
      u -= mass;
      k += 1;
      if (k > n) break; // rounding left u above the total mass: draw again
      mass *= scaled / k - ratio;
    }
    if (k <= n) return k;
  }
}

/**
 * `log k! − [(k + ½)·log(k + 1) − (k + 1) + ½·log 2π]`, the Stirling remainder used by BTRS's exact
 * acceptance test (from log Γ for k < 10, the series 1/(12z) − 1/(360z³) + 1/(1260z⁵), z = k + 1, beyond).
 */
function stirlingTail(k: number): number {
  if (k < 10) return logGamma(k + 1) - (k + 0.5) * Math.log(k + 1) + (k + 1) - 0.9189385332046728;
  const kp1 = k + 1;
  const kp1Squared = kp1 * kp1;
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1Squared) / kp1Squared) / kp1;
}

/** BTRS (Hörmann 1993), for p ≤ ½ and n·p ≥ 10. */
function binomialBtrs(random: RandomSource, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const vr = 0.92 - 4.2 / b;
  const r = p / q;
  const m = Math.floor((n + 1) * p);
  // Only needed when the squeeze fails (about one trial in ten): computed then, once.
  let modeTerm = Number.NaN;
  for (;;) {
    const u = random.nextDouble() - 0.5;
    let v = random.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (Number.isNaN(modeTerm)) {
      modeTerm = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
    }
    // log(f(k) / f(m)) for the binomial pmf f, via Stirling's formula with exact remainders.
    const bound =
      modeTerm +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}
