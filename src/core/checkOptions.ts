import { describeValue } from "../internal/describe.js";
import { NpsError } from "./errors.js";

/** Throws `invalid_option` unless `options` is an object (not `null`, not an array); `undefined` passes. */
export function checkOptions(fn: string, options: unknown, name = "options"): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new NpsError("invalid_option", `${fn}: ${name} must be an object, received ${describeValue(options)}`);
  }
}
