import type { CategoryValues } from "../core/tally.js";

/**
 * Tango's score statistic Z(θ0) for H0: πP − πD = θ0 (proportion scale), internal.
 *
 * NPS is the difference b − c of a paired 2×2 table with b = promoters, c = detractors and the
 * passives concordant; Tango's statistic depends on (b, c, n) only. The constrained maximum-likelihood
 * estimate of πD is the positive root q̃ of 2n·q² + W·q − nD·θ0(1 − θ0) = 0, and
 * Z = (nP − nD − n·θ0) / sqrt(n·(2q̃ + θ0(1 − θ0))). T. Tango, "Equivalence test and confidence
 * interval for the difference in proportions for the paired-sample design", *Statistics in Medicine*
 * 17, 1998, 891–908; as in R `PropCIs::scoreci.mp` and Rocks' "iterative" NPS interval. Z decreases
 * in θ0. Non-integer (effective) counts are accepted. O(1).
 */
export function tangoStatistic(counts: CategoryValues, theta0: number): number {
  const { promoters, detractors } = counts;
  const n = promoters + counts.passives + detractors;
  const a = theta0 * (1 - theta0);
  const w = -promoters - detractors + (2 * n - promoters + detractors) * theta0;
  const k = 8 * n * detractors * a;
  const s = Math.sqrt(Math.max(0, w * w + k));
  // (s − w)/(4n), rewritten as k/(4n(s + w)) when w > 0 to avoid cancellation.
  const q = w > 0 ? (2 * detractors * a) / (s + w) : (s - w) / (4 * n);
  const variance = n * (2 * q + a);
  const numerator = promoters - detractors - n * theta0;
  if (!(variance > 0)) {
    return numerator > 0 ? Number.POSITIVE_INFINITY : numerator < 0 ? Number.NEGATIVE_INFINITY : 0;
  }
  return numerator / Math.sqrt(variance);
}

/**
 * Tango's score interval {θ0 : |Z(θ0)| ≤ z} on the proportion scale, each bound found by bisection
 * to below 1e-13 (at most 50 evaluations of Z per bound). The lower bound is −1 when every
 * response is a detractor and the upper bound 1 when every response is a promoter. O(1).
 */
export function tangoBounds(counts: CategoryValues, z: number): { lower: number; upper: number } {
  const n = counts.promoters + counts.passives + counts.detractors;
  const estimate = (counts.promoters - counts.detractors) / n;
  const lower = counts.detractors >= n ? -1 : bisect(-1, estimate, (theta0) => tangoStatistic(counts, theta0) > z);
  const upper = counts.promoters >= n ? 1 : bisect(estimate, 1, (theta0) => tangoStatistic(counts, theta0) >= -z);
  return { lower, upper };
}

/**
 * The boundary in (low, high) where `isBelow` switches from true to false, by bisection until the
 * bracket is narrower than 1e-13 or cannot be split further.
 */
function bisect(low: number, high: number, isBelow: (x: number) => boolean): number {
  let lo = low;
  let hi = high;
  for (let i = 0; i < 60 && hi - lo > 1e-13; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (isBelow(mid)) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
