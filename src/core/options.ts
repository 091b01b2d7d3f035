import { describeValue } from "../internal/describe.js";
import { NpsError } from "./errors.js";

/** Throws `invalid_option` unless `level` is a number strictly between 0 and 1. */
export function checkLevel(fn: string, level: unknown): asserts level is number {
  if (typeof level !== "number" || !(level > 0 && level < 1)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: level must be a number greater than 0 and less than 1, received ${describeValue(level)}`,
    );
  }
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

/** Throws `invalid_option` unless `value` is a boolean. */
export function checkBoolean(fn: string, name: string, value: unknown): asserts value is boolean {
  if (typeof value !== "boolean") {
    throw new NpsError("invalid_option", `${fn}: ${name} must be true or false, received ${describeValue(value)}`);
  }
}

/**
 * The default size below which a segment or a trend period is flagged `small` (its figures are shown
 * but too uncertain to act on): one value for segments and trends.
 */
export const DEFAULT_MIN_RESPONSES = 30;

/** Throws `invalid_option` unless `minResponses` is a finite number ≥ 0. */
export function checkMinResponses(fn: string, minResponses: unknown): asserts minResponses is number {
  if (typeof minResponses !== "number" || !(minResponses >= 0) || minResponses === Number.POSITIVE_INFINITY) {
    throw new NpsError(
      "invalid_option",
      `${fn}: minResponses must be a finite number >= 0, received ${describeValue(minResponses)}`,
    );
  }
}
