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
  const { promoters, passives, detractors } = counts;
  // Z(θ0; P, D) = −Z(−θ0; D, P): each half is computed from its distance to the nearer end.
  return theta0 <= 0
    ? statisticNearMinus100(promoters, passives, detractors, 1 + theta0)
    : -statisticNearMinus100(detractors, passives, promoters, 1 - theta0);
}

/**
 * Tango's Z at θ0 = −1 + δ, written in δ so that nothing cancels next to −100: with m = P + O, the
 * discriminant W² + 8n·D·θ0(1 − θ0) is 4m² + C₁δ + C₂δ² with C₁ = 4D(P − O) − 4m(P + 2O) and
 * C₂ = (D − P)² + 4O·n (a sum of squares), the variance term n(2q̃ + θ0(1 − θ0)) is
 * (C₁δ + C₂δ²)/(2(√Δ + 2m)) + ((4m + P + 3D)δ − 2nδ²)/2, and the numerator P − D − nθ0 is
 * 2P + O − nδ. The direct form loses about half the digits when θ0 is within 1e-7 of −1.
 */
function statisticNearMinus100(promoters: number, passives: number, detractors: number, delta: number): number {
  const m = promoters + passives;
  const n = m + detractors;
  const c1 = 4 * detractors * (promoters - passives) - 4 * m * (promoters + 2 * passives);
  const c2 = (detractors - promoters) ** 2 + 4 * passives * n;
  const linear = c1 * delta + c2 * delta * delta;
  const root = Math.sqrt(Math.max(0, 4 * m * m + linear));
  const variance =
    0.5 * (linear / (root + 2 * m) + (4 * m + promoters + 3 * detractors) * delta - 2 * n * delta * delta);
  const numerator = 2 * promoters + passives - n * delta;
  if (!(variance > 0)) {
    return numerator > 0 ? Number.POSITIVE_INFINITY : numerator < 0 ? Number.NEGATIVE_INFINITY : 0;
  }
  return numerator / Math.sqrt(variance);
}

/**
 * Tango's score interval {θ0 : |Z(θ0)| ≤ z} on the proportion scale. Each bound is found by bisection
 * on its distance to the nearer end (−1 + δ below 0, 1 − δ above), until the bracket cannot be split
 * (about 60 to 100 evaluations of Z), so a bound next to ±1 keeps every digit that ±1 ∓ δ can hold.
 * The lower bound is −1 when every response is a detractor and the upper bound 1 when every
 * response is a promoter. O(1).
 */
export function tangoBounds(counts: CategoryValues, z: number): { lower: number; upper: number } {
  const { promoters: p, passives: o, detractors: d } = counts;
  const n = p + o + d;
  let lower = d >= n ? -1 : -1 + distance(p, o, d, z, "lower");
  if (lower > 0) lower = 1 - distance(d, o, p, z, "upper");
  let upper = p >= n ? 1 : 1 - distance(d, o, p, z, "lower");
  if (upper < 0) upper = -1 + distance(p, o, d, z, "upper");
  return { lower, upper };
}

/**
 * The δ where Z(−1 + δ) crosses z (the lower bound, δ below 1 + estimate) or −z (the upper bound,
 * δ above it), by bisection until the bracket cannot be split (at most 1100 halvings, the exponent
 * range of a double; in practice 60 to 100).
 */
function distance(
  promoters: number,
  passives: number,
  detractors: number,
  z: number,
  bound: "lower" | "upper",
): number {
  // 1 + (P − D)/n, written without cancellation.
  const estimate = (2 * promoters + passives) / (promoters + passives + detractors);
  let lo = bound === "lower" ? 0 : estimate;
  let hi = bound === "lower" ? estimate : 2;
  for (let i = 0; i < 1100; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    const statistic = statisticNearMinus100(promoters, passives, detractors, mid);
    if (bound === "lower" ? statistic > z : statistic >= -z) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
