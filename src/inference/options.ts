import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";
import { normalQuantile } from "./normal.js";

/** Throws `invalid_option` unless `level` is a number strictly between 0 and 1. */
export function checkLevel(fn: string, level: unknown): asserts level is number {
  if (typeof level !== "number" || !(level > 0 && level < 1)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: level must be a number greater than 0 and less than 1, received ${describeValue(level)}`,
    );
  }
}

/** The two-sided critical value z = Φ⁻¹(1 − (1 − level)/2) of a checked level. */
export function criticalValue(level: number): number {
  return normalQuantile(1 - (1 - level) / 2);
}

/** Throws `invalid_option` unless `value` is one of `choices`. */
export function checkChoice<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  choices: ReadonlyArray<T>,
): asserts value is T {
  if (typeof value !== "string" || !(choices as ReadonlyArray<string>).includes(value)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: ${name} must be one of ${choices.map((choice) => `"${choice}"`).join(", ")}, received ${describeValue(value)}`,
    );
  }
}

/** Throws `invalid_option` unless `value` is an integer in [min, max]. */
export function checkInteger(
  fn: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new NpsError(
      "invalid_option",
      `${fn}: ${name} must be an integer from ${min} to ${max}, received ${describeValue(value)}`,
    );
  }
}
