import { checkOptions } from "./checkOptions.js";
import { checkTally, rescaled } from "./checkTally.js";
import { checkScale, type Scale, STANDARD_SCALE } from "./scale.js";
import { type Tally, tallyOfScores } from "./tally.js";

/** Options of {@link nps}. */
export interface NpsOptions {
  /** The answer scale, used when `input` is an array of scores. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * The Net Promoter Score: percentage of promoters minus percentage of detractors, from −100 to 100.
 * Passives count in the denominator only. Computed from the counts with a single division,
 * `100·(P − D) / (P + O + D)`, with no rounding (use {@link roundScore} for display).
 *
 * @param input - A tally, or an array of scores (plain or typed).
 * @param options - The scale for raw scores.
 * @returns The NPS in [−100, 100], or `undefined` when there are no responses.
 * @throws {@link NpsError} `invalid_score` for a score outside the scale (with its index);
 * `invalid_tally` for a malformed tally; `invalid_option` for options that are not an object or a
 * scale that `defineScale` would not make.
 * @example
 * ```ts
 * import { nps } from "npskit";
 * nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]); // => 20
 * nps({ promoters: 50, passives: 30, detractors: 20 }); // => 30
 * nps([]); // => undefined
 * ```
 * @category Scoring
 */
export function nps(input: Tally | ArrayLike<number>, options: NpsOptions = {}): number | undefined {
  checkOptions("nps", options);
  const counts = isTallyLike(input) ? input : tallyOfScores("nps", input, checkScale("nps", options.scale));
  if (checkTally("nps", counts) === 0) return undefined;
  // Divided by a power of two (exact), so that counts near the largest number do not overflow.
  const { promoters, passives, detractors } = rescaled(counts);
  const value = (100 * (promoters - detractors)) / (promoters + passives + detractors);
  // Weighted sums can drift by an ulp past the bounds; the true value never does.
  return value > 100 ? 100 : value < -100 ? -100 : value + 0;
}

/** Whether the input is a tally object rather than an array of scores. */
export function isTallyLike(input: unknown): input is Tally {
  return (
    input !== null &&
    typeof input === "object" &&
    !ArrayBuffer.isView(input) &&
    !Array.isArray(input) &&
    "promoters" in (input as object)
  );
}
