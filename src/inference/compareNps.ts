import { checkOptions } from "../core/checkOptions.js";
import { checkChoice, checkLevel } from "../core/options.js";
import type { Tally } from "../core/tally.js";
import { adjustedWald } from "./confidenceInterval.js";
import { type InferenceCounts, inferenceCounts } from "./counts.js";
import { criticalValue, twoSidedPValue } from "./normal.js";
import { tangoBounds } from "./tango.js";

/**
 * How {@link compareNps} builds the interval of a difference.
 *
 * - `"adjusted-wald"` (default): the +3 adjustment applied to each group, D′ = θ′a − θ′b,
 *   SE′ = sqrt(SE′a² + SE′b²) (Rocks' `nps_test_(x, y, test = "adjusted.wald")`).
 * - `"wald"`: D ± z·sqrt(SEa² + SEb²), the unpooled z-test of R NPS 1.1 `nps.test` (with the sign kept).
 * - `"score"`: MOVER (square-and-add, Newcombe 1998; Zou & Donner 2008) from each group's Tango score
 *   interval.
 *
 * @category Inference
 */
export type ComparisonMethod = "wald" | "adjusted-wald" | "score";

/**
 * Options of {@link compareNps}.
 *
 * @category Inference
 */
export interface CompareNpsOptions {
  /** Two-sided confidence level of the interval, strictly between 0 and 1. @defaultValue 0.95 */
  readonly level?: number;
  /** The method. @defaultValue "adjusted-wald" */
  readonly method?: ComparisonMethod;
}

/**
 * The comparison of two independent NPS, a − b, in points.
 *
 * @category Inference
 */
export interface NpsComparison {
  /** The signed difference NPS(a) − NPS(b) of the raw estimates, from −200 to 200. */
  readonly difference: number;
  /** NPS of the first tally. */
  readonly estimateA: number;
  /** NPS of the second tally. */
  readonly estimateB: number;
  /** Lower bound of the interval of the difference, in [−200, 200]. */
  readonly lower: number;
  /** Upper bound of the interval of the difference, in [−200, 200]. */
  readonly upper: number;
  /** The confidence level used. */
  readonly level: number;
  /** The method used. */
  readonly method: ComparisonMethod;
  /**
   * The centre the test uses: the difference for `"wald"` and `"score"`, the difference of the
   * adjusted estimates D′ for `"adjusted-wald"`.
   */
  readonly center: number;
  /** Standard error of `center` (points): unpooled Wald for `"wald"` and `"score"`, SE′ for `"adjusted-wald"`. */
  readonly standardError: number;
  /**
   * z = center / standardError; `undefined` when the standard error is 0 (both groups have all their
   * responses in one category, which only the Wald form allows).
   */
  readonly statistic: number | undefined;
  /** Two-sided p-value 2·Φ(−|z|) of "no difference"; `undefined` when `statistic` is. */
  readonly pValue: number | undefined;
}

const COMPARISON_METHODS: ReadonlyArray<ComparisonMethod> = ["wald", "adjusted-wald", "score"];

/**
 * Compares the NPS of two independent samples (two regions, two quarters with different
 * respondents): the signed difference a − b, its standard error, an interval, z and the two-sided
 * p-value. The sign is kept (R NPS 1.1 reports |a − b|). For a segment against the whole sample, compare
 * the segment with the rest of the sample instead: the two must not overlap.
 *
 * Var(D) = Var(a) + Var(b), each the multinomial variance of its NPS (`docs/intervals.md`, "Comparing two scores"); the
 * p-value is computed as 2·Φ(−|z|), accurate far in the tail. For `"score"` the interval is MOVER–Tango
 * and z and the p-value are the Wald ones. Weighted tallies: Wald uses linearised standard errors,
 * the other methods effective counts (see {@link confidenceInterval}). O(1).
 *
 * @param a - The first tally.
 * @param b - The second tally.
 * @param options - Level and method.
 * @returns The comparison, or `undefined` when either tally has no responses.
 * @throws {@link NpsError} `invalid_tally` for a malformed tally; `invalid_option` for a level outside
 * (0, 1) or an unknown method.
 * @example
 * ```ts
 * import { compareNps, roundScore } from "npskit";
 * const q2 = { promoters: 50, passives: 30, detractors: 20 };
 * const q1 = { promoters: 40, passives: 30, detractors: 30 };
 * const result = compareNps(q2, q1, { method: "wald" });
 * roundScore(result?.difference ?? 0, 2); // => 20
 * roundScore(result?.pValue ?? 0, 4); // => 0.0794
 * [roundScore(result?.lower ?? 0, 2), roundScore(result?.upper ?? 0, 2)]; // => [-2.35, 42.35]
 * roundScore(compareNps(q1, q2, { method: "wald" })?.difference ?? 0, 2); // => -20
 * ```
 * @category Inference
 */
export function compareNps(a: Tally, b: Tally, options: CompareNpsOptions = {}): NpsComparison | undefined {
  checkOptions("compareNps", options);
  const { level = 0.95, method = "adjusted-wald" } = options;
  checkLevel("compareNps", level);
  checkChoice("compareNps", "method", method, COMPARISON_METHODS);
  const countsA = inferenceCounts("compareNps", a);
  const countsB = inferenceCounts("compareNps", b);
  if (countsA === undefined || countsB === undefined) return undefined;
  const z = criticalValue(level);
  const difference = countsA.estimate - countsB.estimate + 0;
  let center = difference;
  let standardError = Math.hypot(countsA.standardError, countsB.standardError);
  let lower: number;
  let upper: number;
  if (method === "adjusted-wald") {
    const adjustedA = adjustedWald(countsA);
    const adjustedB = adjustedWald(countsB);
    center = adjustedA.center - adjustedB.center + 0;
    standardError = Math.hypot(adjustedA.standardError, adjustedB.standardError);
  }
  if (method === "score") {
    const boundsA = scoreBounds(countsA, z);
    const boundsB = scoreBounds(countsB, z);
    lower = difference - Math.hypot(countsA.estimate - boundsA.lower, boundsB.upper - countsB.estimate);
    upper = difference + Math.hypot(boundsA.upper - countsA.estimate, countsB.estimate - boundsB.lower);
  } else {
    lower = center - z * standardError;
    upper = center + z * standardError;
  }
  const statistic = standardError > 0 ? center / standardError : undefined;
  return {
    difference,
    estimateA: countsA.estimate,
    estimateB: countsB.estimate,
    lower: clipDifference(lower),
    upper: clipDifference(upper),
    level,
    method,
    center,
    standardError,
    statistic,
    pValue: statistic === undefined ? undefined : twoSidedPValue(statistic),
  };
}

/** Tango bounds of one group, in points. */
function scoreBounds(counts: InferenceCounts, z: number): { lower: number; upper: number } {
  const { lower, upper } = tangoBounds(counts.counts, z);
  return { lower: 100 * lower, upper: 100 * upper };
}

function clipDifference(value: number): number {
  return value > 200 ? 200 : value < -200 ? -200 : value + 0;
}
