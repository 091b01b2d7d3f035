import type { Tally } from "../core/tally.js";
import { inferenceCounts } from "./counts.js";

/**
 * Standard error of the NPS, in points.
 *
 * Unweighted: the multinomial plug-in SE = 100·sqrt((pP + pD − (pP − pD)²)/n), which includes the
 * covariance −πPπD/n of the promoter and detractor shares (Rocks, R package NPS 1.1 `nps.se`;
 * `docs/intervals.md`, "Why the NPS needs its own variance"). Weighted tallies: Taylor linearisation of the weighted (Hájek) estimate,
 * v = n/(n − 1)·Σ zᵢ² with zᵢ = wᵢ(yᵢ − θ̂)/Σw, computed from the per-category sums of weights and
 * squared weights (identical to R `survey::svymean(~y, svydesign(ids = ~1, weights = ~w))`); it is 0
 * for a single response. O(1).
 *
 * @param tally - A tally (weighted or not).
 * @returns The standard error in points (0 when every response is in one category), or `undefined`
 * when the tally has no responses.
 * @throws {@link NpsError} `invalid_tally` for a malformed tally.
 * @example
 * ```ts
 * import { roundScore, standardError } from "npskit";
 * roundScore(standardError({ promoters: 50, passives: 30, detractors: 20 }) ?? 0, 4); // => 7.8102
 * standardError({ promoters: 5, passives: 0, detractors: 5 }); // => 31.622776601683793
 * standardError({ promoters: 10, passives: 0, detractors: 0 }); // => 0
 * standardError({ promoters: 0, passives: 0, detractors: 0 }); // => undefined
 * ```
 * @category Inference
 */
export function standardError(tally: Tally): number | undefined {
  return inferenceCounts("standardError", tally)?.standardError;
}
