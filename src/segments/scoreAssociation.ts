import { sampleRankCorrelation } from "simple-statistics";
import { NpsError } from "../core/errors.js";
import type { NpsResponse } from "../core/response.js";
import { invalidScoreError, isValidScore, type Scale, STANDARD_SCALE } from "../core/scale.js";
import { regularizedBeta } from "../internal/beta.js";
import { describeValue } from "../internal/describe.js";
import { type NumericValue, readValues } from "./segmentByTiers.js";

/**
 * Options of {@link scoreAssociation}.
 *
 * @category Segments
 */
export interface ScoreAssociationOptions {
  /** The answer scale (scores are validated against it). @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * Spearman rank correlation between the score and a numeric attribute.
 *
 * @category Segments
 */
export interface ScoreAssociation {
  /** Tells this result apart from others. */
  readonly kind: "score-association";
  /** Number of responses with a value (the pairs used). */
  readonly n: number;
  /** Number of responses left out because their value is missing or not a finite number. */
  readonly leftOut: number;
  /**
   * Spearman's ρ from −1 to 1; `undefined` with fewer than 3 pairs or when all scores or all values
   * are equal (no ranking).
   */
  readonly rho: number | undefined;
  /** t = ρ·sqrt((n − 2)/(1 − ρ²)); `undefined` when `rho` is, and when ρ = ±1 (t would be infinite). */
  readonly statistic: number | undefined;
  /** Degrees of freedom n − 2 of the t approximation. */
  readonly df: number;
  /** Two-sided p-value of "no monotonic association"; `undefined` when `rho` is. */
  readonly pValue: number | undefined;
}

/**
 * Spearman's rank correlation between the score and a numeric attribute (spend, tenure, order count):
 * "are our biggest spenders our biggest promoters?". ρ is Pearson's correlation of the ranks, tied
 * values getting the average of their ranks (simple-statistics `sampleRankCorrelation`) — scores are
 * heavily tied, so this matters.
 *
 * The p-value uses the t approximation t = ρ·sqrt((n − 2)/(1 − ρ²)) with n − 2 degrees of freedom,
 * two-sided, as R `cor.test(x, y, method = "spearman", exact = FALSE)` and `scipy.stats.spearmanr`
 * do (with ties an exact p-value does not exist). It is computed as I_{1−ρ²}((n − 2)/2, ½), the
 * regularised incomplete beta function, so it stays accurate far in the tail. ρ = ±1 gives p = 0.
 *
 * Responses whose value is missing or not a finite number are left out and counted. Weights are not
 * used (rank correlation of the responses as answered). O(n log n).
 *
 * @param responses - The responses (not mutated).
 * @param value - A numeric attribute's name, or a function of a response returning its value.
 * @param options - The scale.
 * @returns ρ, n, t, df and the p-value; figures `undefined` when they are (fewer than 3 pairs, or no
 * variation in the scores or the values).
 * @throws {@link NpsError} `invalid_option` for an attribute that exists on no response;
 * `invalid_score` or `invalid_input` for bad responses.
 * @example
 * ```ts
 * import { roundScore, scoreAssociation } from "npskit";
 * const responses = [
 *   { score: 3, attributes: { spend: 10 } },
 *   { score: 6, attributes: { spend: 25 } },
 *   { score: 8, attributes: { spend: 20 } },
 *   { score: 9, attributes: { spend: 60 } },
 *   { score: 10, attributes: { spend: 90 } },
 *   { score: 10, attributes: { spend: null } },
 * ];
 * const result = scoreAssociation(responses, "spend");
 * [result.n, result.leftOut, roundScore(result.rho ?? 0, 4)]; // => [5, 1, 0.9]
 * roundScore(result.pValue ?? 0, 4); // => 0.0374
 * ```
 * @category Segments
 */
export function scoreAssociation(
  responses: ReadonlyArray<NpsResponse>,
  value: NumericValue,
  options: ScoreAssociationOptions = {},
): ScoreAssociation {
  const fn = "scoreAssociation";
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const scale = options.scale ?? STANDARD_SCALE;
  const values = readValues(fn, responses, value);
  const scores: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < responses.length; i++) {
    const score = (responses[i] as NpsResponse).score;
    if (!isValidScore(score, scale)) throw invalidScoreError(fn, score, scale, ` at index ${i}`);
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    scores.push(score);
    kept.push(v);
  }
  const n = scores.length;
  const df = Math.max(0, n - 2);
  const base = { kind: "score-association" as const, n, leftOut: responses.length - n, df };
  if (n < 3) return { ...base, rho: undefined, statistic: undefined, pValue: undefined };
  const correlation = sampleRankCorrelation(scores, kept);
  if (!Number.isFinite(correlation)) return { ...base, rho: undefined, statistic: undefined, pValue: undefined };
  const rho = Math.min(1, Math.max(-1, correlation)) + 0;
  const oneMinusSquare = (1 - rho) * (1 + rho);
  if (oneMinusSquare === 0) return { ...base, rho, statistic: undefined, pValue: 0 };
  return {
    ...base,
    rho,
    statistic: rho * Math.sqrt(df / oneMinusSquare),
    pValue: Math.min(1, regularizedBeta(df / 2, 0.5, oneMinusSquare, rho * rho)),
  };
}
