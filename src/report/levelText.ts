import { NpsError } from "../core/errors.js";
import { roundScore } from "../core/roundScore.js";
import { describeValue } from "../internal/describe.js";

/**
 * A confidence level (0..1) as a percentage with at most `decimals` decimals — `95%`, `97.5%` — and
 * more when fewer would print 100% (or 0%) for a level strictly between 0 and 1 (`99.9999999%`, not
 * `100%`). The reports print levels with it. O(1).
 *
 * @param level - A level strictly between 0 and 1.
 * @param decimals - Decimals to show at most, unless more are needed. @defaultValue 2
 * @returns The percentage text.
 * @throws {@link NpsError} `invalid_option` for a level outside (0, 1) or decimals that are not an
 * integer from 0 to 15.
 * @example
 * ```ts
 * import { levelText } from "npskit";
 * levelText(0.95); // => "95%"
 * levelText(0.999999999); // => "99.9999999%"
 * ```
 * @category Reports
 */
export function levelText(level: number, decimals = 2): string {
  if (typeof level !== "number" || !(level > 0 && level < 1)) {
    throw new NpsError(
      "invalid_option",
      `levelText: level must be a number greater than 0 and less than 1, received ${describeValue(level)}`,
    );
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new NpsError(
      "invalid_option",
      `levelText: decimals must be an integer from 0 to 15, received ${describeValue(decimals)}`,
    );
  }
  let places = decimals;
  let shown = roundScore(100 * level, places);
  while ((shown >= 100 || shown <= 0) && places < 15) {
    places++;
    shown = roundScore(100 * level, places);
  }
  return `${shown}%`;
}
