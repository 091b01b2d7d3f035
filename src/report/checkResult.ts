import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";

/** The type a field of a result must have: `?` allows `undefined`. */
type FieldType = "object" | "array" | "number" | "string" | "object?" | "string?" | "number?";

/**
 * Throws `invalid_input` unless `value` is an object whose fields have the given types: formatters
 * take the result of another function, and a value that is not one is reported as such instead of
 * failing on its first missing field.
 */
export function checkResult(
  fn: string,
  name: string,
  rule: string,
  value: unknown,
  fields: Readonly<Record<string, FieldType>>,
): void {
  const fail = (where: string, received: unknown): never => {
    throw new NpsError("invalid_input", `${fn}: ${where} must be ${rule}, received ${describeValue(received)}`);
  };
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail(name, value);
  for (const [field, type] of Object.entries(fields)) {
    const inner = (value as Record<string, unknown>)[field];
    if (type.endsWith("?") && inner === undefined) continue;
    const base = type.replace("?", "");
    const ok =
      base === "array"
        ? Array.isArray(inner)
        : base === "object"
          ? inner !== null && typeof inner === "object" && !Array.isArray(inner)
          : typeof inner === base && (base !== "number" || !Number.isNaN(inner));
    if (!ok) fail(`${name}.${field}`, inner);
  }
}

/** The fields of an overview that the formatters read. */
export const OVERVIEW_FIELDS = {
  source: "string?",
  rows: "object",
  firstSkipped: "array",
  firstRejected: "array",
  distribution: "array",
  tally: "object",
  period: "object?",
  interval: "object?",
  nps: "number?",
} as const;

/** The row counts of an overview. */
export const ROW_FIELDS = { read: "number", accepted: "number", skipped: "number", rejected: "number" } as const;
