import { describeValue } from "../internal/describe.js";
import { NpsError } from "./errors.js";

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
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch (error) {
    throw new NpsError(
      "invalid_date",
      `${fn}: timeZone must be a known IANA time-zone name, received ${describeValue(value)}`,
      { cause: error },
    );
  }
}
