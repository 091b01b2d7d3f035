import { describeValue } from "../internal/describe.js";
import { NpsError } from "./errors.js";

/**
 * Rounds a figure for display: half away from zero, on the decimal digits the number shows
 * (so `1.005` rounds to `1.01`, as a reader expects, although its binary value is slightly below),
 * and never `-0` (`-0.4` rounds to `0`). npskit never rounds inside a computation; this is the only
 * rounding it does.
 *
 * @param value - A finite number.
 * @param decimals - Digits after the decimal point, an integer from 0 to 15. @defaultValue 0
 * @returns The rounded number.
 * @throws {@link NpsError} `invalid_input` for a value that is not a finite number;
 * `invalid_option` for `decimals` outside 0–15 or not an integer.
 * @example
 * ```ts
 * import { roundScore } from "npskit";
 * roundScore(32.5); // => 33
 * roundScore(-32.5); // => -33
 * roundScore(-0.4); // => 0
 * roundScore(12.345, 2); // => 12.35
 * ```
 * @category Scoring
 */
export function roundScore(value: number, decimals = 0): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new NpsError("invalid_input", `roundScore: value must be a finite number, received ${describeValue(value)}`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new NpsError(
      "invalid_option",
      `roundScore: decimals must be an integer from 0 to 15, received ${describeValue(decimals)}`,
    );
  }
  const magnitude = shiftDecimal(Math.round(shiftDecimal(Math.abs(value), decimals)), -decimals);
  const rounded = value < 0 ? -magnitude : magnitude;
  return rounded === 0 ? 0 : rounded;
}

/** Multiplies by 10^places exactly on the shortest decimal representation of `x`. */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent = "0"] = String(x).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
