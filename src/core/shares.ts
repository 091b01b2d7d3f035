import { checkTally, rescaled } from "./checkTally.js";
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
  if (checkTally("shares", tally) === 0) return undefined;
  // Divided by a power of two (exact), so that counts near the largest number do not overflow.
  const { promoters, passives, detractors } = rescaled(tally);
  const total = promoters + passives + detractors;
  return { promoters: promoters / total, passives: passives / total, detractors: detractors / total };
}
