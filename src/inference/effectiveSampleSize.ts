import type { Tally } from "../core/tally.js";
import { inferenceCounts } from "./counts.js";

/**
 * Kish's effective sample size n_eff = (Σw)² / Σw² of a weighted tally: the number of unweighted
 * responses that would give about the same precision (L. Kish, *Survey Sampling*, 1965). Equals the
 * number of responses for an unweighted tally. The design effect is n / n_eff. O(1).
 *
 * @param tally - A tally (weighted or not).
 * @returns n_eff, or `undefined` when the tally has no responses.
 * @throws {@link NpsError} `invalid_tally` for a malformed tally.
 * @example
 * ```ts
 * import { effectiveSampleSize, tally } from "npskit";
 * effectiveSampleSize(tally([10, 9, 3])); // => 3
 * effectiveSampleSize(tally([10, 9, 3], { weights: [1, 1, 2] })); // => 2.6666666666666665
 * ```
 * @category Inference
 */
export function effectiveSampleSize(tally: Tally): number | undefined {
  return inferenceCounts("effectiveSampleSize", tally)?.effectiveN;
}
