import { checkTally } from "./checkTally.js";
import { NpsError } from "./errors.js";
import type { CategoryValues, Tally } from "./tally.js";

/**
 * Adds tallies together, for example partial tallies from batches, files, shards or workers: merging
 * the tallies of two batches equals tallying both at once. When any tally is weighted the result is
 * weighted, and an unweighted tally joins it as if every weight were 1. O(number of tallies).
 *
 * @param tallies - The tallies to add (none gives the empty tally).
 * @returns Their sum.
 * @throws {@link NpsError} `invalid_tally` for a malformed tally or tallies on different scales.
 * @example
 * ```ts
 * import { mergeTallies, tally } from "npskit";
 * mergeTallies(tally([10, 9]), tally([3])); // => { promoters: 2, passives: 0, detractors: 1 }
 * ```
 * @category Scoring
 */
export function mergeTallies(...tallies: ReadonlyArray<Tally>): Tally {
  return sumTallies("mergeTallies", tallies);
}

/**
 * {@link mergeTallies} of an array, naming `fn` in errors: for callers with many tallies (a spread of
 * a long array into arguments overflows the call stack).
 */
export function sumTallies(fn: string, tallies: ReadonlyArray<Tally>): Tally {
  let scale: string | undefined;
  tallies.forEach((t, i) => {
    checkTally(fn, t);
    if (i > 0 && t.scale !== scale) {
      throw new NpsError(
        "invalid_tally",
        `${fn}: tallies must be on the same scale, received ${JSON.stringify(scale ?? "0-10")} and ${JSON.stringify(t.scale ?? "0-10")}`,
      );
    }
    scale = t.scale;
  });
  const sum = (pick: (t: Tally) => CategoryValues): CategoryValues => ({
    promoters: tallies.reduce((acc, t) => acc + pick(t).promoters, 0),
    passives: tallies.reduce((acc, t) => acc + pick(t).passives, 0),
    detractors: tallies.reduce((acc, t) => acc + pick(t).detractors, 0),
  });
  const merged: Tally = sum((t) => t);
  const result: Tally = tallies.some((t) => t.weighted !== undefined)
    ? {
        ...merged,
        weighted: {
          counts: sum((t) => t.weighted?.counts ?? t),
          squaredWeights: sum((t) => t.weighted?.squaredWeights ?? t),
        },
      }
    : merged;
  return scale === undefined ? result : { ...result, scale };
}
