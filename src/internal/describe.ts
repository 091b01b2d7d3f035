/**
 * Renders a received value for an error message: strings quoted, numbers as written (`NaN`,
 * `-Infinity`, `-0`), everything else by its type. Long strings are cut so messages stay readable.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return escapeControls(JSON.stringify(shown));
  }
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

/**
 * Control characters a terminal would act on: C0 controls, DEL, C1 controls, the
 * bidirectional marks, embeddings, overrides and isolates, and the line and paragraph separators.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the data made safe for a terminal: every character of {@link CONTROLS} is written as a
 * `\uXXXX` escape (as JSON writes C0 controls), so that `ESC[2J`, an OSC title sequence, a backspace
 * or a right-to-left override is shown, never obeyed; a line feed becomes `\u000a`. JSON and CSV
 * outputs keep the true value and do not use this.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A whole text output made safe for a terminal: {@link escapeControls} on each of its lines. */
export function escapeLines(text: string): string {
  return text.split("\n").map(escapeControls).join("\n");
}
