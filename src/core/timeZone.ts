import { describeValue } from "../internal/describe.js";
import { NpsError } from "./errors.js";

/** The time-zone names already found valid. */
const KNOWN_ZONES = new Set<string>();

/**
 * Throws unless `value` names a time zone: `invalid_option` when it is not a non-empty string,
 * `invalid_date` when it is a string that is not a known IANA time-zone name (checked with
 * `Intl.DateTimeFormat`, so the runtime's own time-zone database decides).
 */
export function checkTimeZone(fn: string, value: unknown): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw new NpsError(
      "invalid_option",
      `${fn}: timeZone must be an IANA time-zone name such as "Europe/Paris", received ${describeValue(value)}`,
    );
  }
  // Making an Intl.DateTimeFormat takes about 0.3 ms; a name the runtime knew once it always knows.
  if (KNOWN_ZONES.has(value)) return;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    KNOWN_ZONES.add(value);
  } catch (error) {
    throw new NpsError(
      "invalid_date",
      `${fn}: timeZone must be a known IANA time-zone name, received ${describeValue(value)}`,
      { cause: error },
    );
  }
}

/**
 * Whether `value` names a time zone the runtime knows (an IANA name such as `"Europe/Paris"`, or
 * `"UTC"`), as every function taking a `timeZone` option checks it. O(1).
 *
 * @param value - Any value.
 * @returns `true` for a known IANA time-zone name.
 * @example
 * ```ts
 * import { isTimeZone } from "npskit";
 * isTimeZone("Europe/Paris"); // => true
 * isTimeZone("Mars/Olympus"); // => false
 * ```
 * @category Trends
 */
export function isTimeZone(value: unknown): value is string {
  try {
    checkTimeZone("isTimeZone", value);
    return true;
  } catch {
    return false;
  }
}
