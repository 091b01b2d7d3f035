import { checkOptions } from "./checkOptions.js";
import type { Category, Scale } from "./scale.js";
import { checkScale, STANDARD_SCALE } from "./scale.js";
import { checkArrayLike, histogramOf } from "./tally.js";

/**
 * The number of answers at one scale value.
 *
 * @category Scoring
 */
export interface DistributionEntry {
  /** The scale value. */
  readonly score: number;
  /** Its category. */
  readonly category: Category;
  /** How many answers gave it. */
  readonly count: number;
}

/** Options of {@link distribution}. */
export interface DistributionOptions {
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * How many answers gave each value of the scale, every value listed (zeros included), lowest first.
 * O(n).
 *
 * @param scores - Integer answers on the scale.
 * @param options - The scale.
 * @returns One entry per scale value.
 * @throws {@link NpsError} `invalid_score` naming the first invalid value and its index;
 * `invalid_option` for options that are not an object or a scale that `defineScale` would not
 * make.
 * @example
 * ```ts
 * import { distribution } from "npskit";
 * distribution([10, 10, 7])[10]; // => { score: 10, category: "promoter", count: 2 }
 * distribution([]).length; // => 11
 * ```
 * @category Scoring
 */
export function distribution(
  scores: ArrayLike<number>,
  options: DistributionOptions = {},
): ReadonlyArray<DistributionEntry> {
  checkOptions("distribution", options);
  const scale = checkScale("distribution", options.scale);
  checkArrayLike("distribution", "scores", scores);
  const histogram = histogramOf("distribution", scores, scale);
  return Array.from(histogram, (count, i) => {
    const score = scale.min + i;
    const category: Category =
      score >= scale.promoterMin ? "promoter" : score <= scale.detractorMax ? "detractor" : "passive";
    return { score, category, count };
  });
}
