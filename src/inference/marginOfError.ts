import type { Tally } from "../core/tally.js";
import { type ConfidenceIntervalOptions, intervalOf, resolveIntervalOptions } from "./confidenceInterval.js";
import { inferenceCounts } from "./counts.js";

/**
 * Margin of error of the NPS, in points: half the width of the interval {@link confidenceInterval}
 * returns with the same options, so "NPS 30 ± 7.7" means the interval is 15.4 points wide. For the
 * Wald method away from ±100 this is z·SE; near ±100, where the interval is clipped, it is smaller.
 * Cost: that of the interval.
 *
 * @param tally - A tally (weighted or not).
 * @param options - As for {@link confidenceInterval} (default: adjusted Wald, 95%).
 * @returns The margin in points, or `undefined` when the tally has no responses.
 * @throws {@link NpsError} `invalid_tally` for a malformed tally; `invalid_option` as
 * {@link confidenceInterval}.
 * @example
 * ```ts
 * import { marginOfError, roundScore } from "npskit";
 * const counts = { promoters: 50, passives: 30, detractors: 20 };
 * roundScore(marginOfError(counts) ?? 0, 2); // => 15.08
 * roundScore(marginOfError(counts, { method: "wald", level: 0.9 }) ?? 0, 2); // => 12.85
 * marginOfError({ promoters: 0, passives: 0, detractors: 0 }); // => undefined
 * ```
 * @category Inference
 */
export function marginOfError(tally: Tally, options: ConfidenceIntervalOptions = {}): number | undefined {
  const resolved = resolveIntervalOptions("marginOfError", options);
  const counts = inferenceCounts("marginOfError", tally);
  if (counts === undefined) return undefined;
  const { lower, upper } = intervalOf(counts, resolved);
  return (upper - lower) / 2;
}
