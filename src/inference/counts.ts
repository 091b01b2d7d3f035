import { checkTally, rescaled } from "../core/checkTally.js";
import { NpsError } from "../core/errors.js";
import type { CategoryValues, Tally } from "../core/tally.js";

/**
 * What every inference function needs from a tally, computed once (internal).
 *
 * For an unweighted tally `counts` are the tally itself. For a weighted tally they are the
 * effective-sample-size counts n_eff·(p̃P, p̃O, p̃D) (Kish n_eff, weighted shares), which the
 * adjusted-Wald, score, Bayes and bootstrap methods use as a heuristic; the Wald standard error uses
 * Taylor linearisation instead (`docs/intervals.md`, "Weighted data").
 */
export interface InferenceCounts {
  /** Number of responses. */
  readonly n: number;
  /** Kish effective sample size (n when unweighted). */
  readonly effectiveN: number;
  /** The NPS in points. */
  readonly estimate: number;
  /** Counts for the count-based methods (effective counts when weighted). */
  readonly counts: CategoryValues;
  /** Standard error of the NPS in points (linearised when weighted). */
  readonly standardError: number;
  /** Whether the tally was weighted. */
  readonly weighted: boolean;
}

/**
 * Validates a tally and extracts {@link InferenceCounts}; `undefined` when it has no responses.
 * O(1).
 */
export function inferenceCounts(fn: string, tally: Tally): InferenceCounts | undefined {
  const total = checkTally(fn, tally);
  if (total === 0) return undefined;
  if (tally.weighted === undefined) {
    const { promoters, passives, detractors } = tally;
    if (!Number.isFinite(total)) {
      throw new NpsError(
        "invalid_tally",
        `${fn}: tally.promoters + tally.passives + tally.detractors must be a finite number, received ${total}`,
      );
    }
    return {
      n: total,
      effectiveN: total,
      estimate: clipPoints((100 * (promoters - detractors)) / total),
      counts: { promoters, passives, detractors },
      standardError: 100 * Math.sqrt(variancePerObservation(promoters, passives, detractors) / total),
      weighted: false,
    };
  }
  const { counts, squaredWeights: recorded } = tally.weighted;
  const n = counts.promoters + counts.passives + counts.detractors;
  // NPS and its interval do not depend on the scale of the weights: the sums are divided by a power
  // of two (exact) so that weights of 1e200 or 1e-170 give the figures that weights of 1 would.
  const { promoters, passives, detractors, unit } = rescaled(tally);
  const squaredWeights = {
    promoters: squaredSum(recorded.promoters, unit, promoters, counts.promoters),
    passives: squaredSum(recorded.passives, unit, passives, counts.passives),
    detractors: squaredSum(recorded.detractors, unit, detractors, counts.detractors),
  };
  const weightSum = promoters + passives + detractors;
  const sumOfSquares = squaredWeights.promoters + squaredWeights.passives + squaredWeights.detractors;
  if (n === 0 || sumOfSquares === 0) {
    throw new NpsError(
      "invalid_tally",
      `${fn}: tally.weighted must count the responses behind the weights, received ${n} responses for a total weight of ${total}`,
    );
  }
  const effectiveN = (weightSum * weightSum) / sumOfSquares;
  const scale = effectiveN / weightSum;
  // Taylor linearisation: z_i = w_i (y_i − θ̂)/W, v = n/(n−1) Σ z_i², grouped by category; the
  // residuals 1 − θ̂, −θ̂, −1 − θ̂ are written without cancellation.
  const residualSquares =
    (passives + 2 * detractors) ** 2 * squaredWeights.promoters +
    (promoters - detractors) ** 2 * squaredWeights.passives +
    (2 * promoters + passives) ** 2 * squaredWeights.detractors;
  const variance = n > 1 ? ((n / (n - 1)) * residualSquares) / weightSum ** 4 : 0;
  return {
    n,
    effectiveN,
    estimate: clipPoints((100 * (promoters - detractors)) / weightSum),
    counts: { promoters: promoters * scale, passives: passives * scale, detractors: detractors * scale },
    standardError: 100 * Math.sqrt(variance),
    weighted: true,
  };
}

/** The smallest positive normal number, 2^-1022: a sum of squares below it has lost digits. */
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * A category's sum of squared weights in the unit of the rescaled weights. Squares of weights below
 * about 1e-154 underflow while counting; the sum of squares is then at least (Σw)²/n (equal weights),
 * which is taken instead.
 */
function squaredSum(recorded: number, unit: number, weightSum: number, count: number): number {
  const value = recorded / unit / unit;
  if (recorded >= SMALLEST_NORMAL || count === 0) return value;
  return Math.max(value, (weightSum * weightSum) / count);
}

/**
 * pP + pD − (pP − pD)², the variance of one response's score (+1, 0, −1), written as
 * (4·P·D + O·(P + D)) / n² so that no term cancels. Zero for an empty tally.
 */
export function variancePerObservation(promoters: number, passives: number, detractors: number): number {
  // Divided by a power of two (exact), so that counts near the largest number do not overflow.
  const { promoters: p, passives: o, detractors: d } = rescaled({ promoters, passives, detractors });
  const n = p + o + d;
  if (n === 0) return 0;
  return (4 * p * d + o * (p + d)) / (n * n);
}

/** Clips a figure in points to [−100, 100] and turns −0 into 0. */
export function clipPoints(value: number): number {
  return value > 100 ? 100 : value < -100 ? -100 : value + 0;
}
