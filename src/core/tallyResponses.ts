import { describeValue } from "../internal/describe.js";
import { checkOptions } from "./checkOptions.js";
import { NpsError } from "./errors.js";
import type { NpsResponse } from "./response.js";
import { checkScale, type Scale, STANDARD_SCALE } from "./scale.js";
import {
  addWeighted,
  categoryIndex,
  checkWeight,
  increment,
  newWeightedSums,
  type Tally,
  weightedTally,
  withScale,
} from "./tally.js";

/** Options of {@link tallyResponses}. */
export interface TallyResponsesOptions {
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * Tallies validated responses. When any response carries a `weight`, the tally is weighted (sums of
 * weights, plus per-category counts and sums of squared weights), and then every response must carry
 * one. O(n).
 *
 * @param responses - The responses.
 * @param options - The scale.
 * @returns The tally (all zero for no responses).
 * @throws {@link NpsError} `invalid_score` or `invalid_weight` naming the value and its index;
 * `invalid_input` when weights are given on some responses only, or a response is not an object;
 * `invalid_option` for options that are not an object or a scale that `defineScale` would not
 * make.
 * @example
 * ```ts
 * import { tallyResponses } from "npskit";
 * tallyResponses([{ score: 10 }, { score: 3 }, { score: 8 }]); // => { promoters: 1, passives: 1, detractors: 1 }
 * tallyResponses([{ score: 10, weight: 2 }, { score: 3, weight: 1 }]).promoters; // => 2
 * ```
 * @category Scoring
 */
export function tallyResponses(responses: ReadonlyArray<NpsResponse>, options: TallyResponsesOptions = {}): Tally {
  checkOptions("tallyResponses", options);
  const scale = checkScale("tallyResponses", options.scale);
  if (!Array.isArray(responses)) {
    throw new NpsError(
      "invalid_input",
      `tallyResponses: responses must be an array, received ${describeValue(responses)}`,
    );
  }
  const weighted = responses.some((response) => response?.weight !== undefined && response.weight !== null);
  if (!weighted) {
    const counts = new Float64Array(3);
    for (let i = 0; i < responses.length; i++) {
      increment(counts, categoryIndex(scoreAt(responses, i), scale, "tallyResponses", ` at index ${i}`));
    }
    const [promoters = 0, passives = 0, detractors = 0] = counts;
    return withScale({ promoters, passives, detractors }, scale);
  }
  const sums = newWeightedSums();
  for (let i = 0; i < responses.length; i++) {
    const category = categoryIndex(scoreAt(responses, i), scale, "tallyResponses", ` at index ${i}`);
    const weight = (responses[i] as NpsResponse).weight;
    if (weight === undefined || weight === null) {
      throw new NpsError(
        "invalid_input",
        `tallyResponses: weight must be present on every response when any response is weighted, missing at index ${i}`,
      );
    }
    checkWeight("tallyResponses", weight, ` at index ${i}`);
    addWeighted(sums, category, weight);
  }
  return weightedTally(sums, scale);
}

function scoreAt(responses: ReadonlyArray<NpsResponse>, i: number): number {
  const response = responses[i];
  if (response === null || typeof response !== "object") {
    throw new NpsError(
      "invalid_input",
      `tallyResponses: response must be an object, received ${describeValue(response)} at index ${i}`,
    );
  }
  return response.score;
}
