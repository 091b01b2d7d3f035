import { checkTally } from "./checkTally.js";
import type { CategoryValues, Tally } from "./tally.js";

/**
 * The share of each category as a proportion from 0 to 1 (they add up to 1, up to rounding of the
 * last bit). For a weighted tally these are shares of the total weight.
 *
 * @param tally - A tally.
 * @returns The three shares, or `undefined` when the tally is empty.
 * @throws {@link NpsError} `invalid_tally` for a malformed tally.
 * @example
 * ```ts
 * import { shares } from "npskit";
 * shares({ promoters: 5, passives: 3, detractors: 2 }); // => { promoters: 0.5, passives: 0.3, detractors: 0.2 }
 * ```
 * @category Scoring
 */
export function shares(tally: Tally): CategoryValues | undefined {
  const total = checkTally("shares", tally);
  if (total === 0) return undefined;
  return {
    promoters: tally.promoters / total,
    passives: tally.passives / total,
    detractors: tally.detractors / total,
  };
}
