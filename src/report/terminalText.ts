import { NpsError } from "../core/errors.js";
import { describeValue, escapeControls as escapeText, escapeLines as escapeTextLines } from "../internal/describe.js";

/**
 * Text from the data made safe for a terminal: every C0 and C1 control character, line and paragraph
 * separator and bidirectional override is written as a `\uXXXX` escape, so that `ESC[2J`, an OSC
 * title sequence, a backspace or a right-to-left override is shown, never obeyed. The text and
 * Markdown reports use it for every value taken from the data; JSON and CSV keep the true value.
 * O(length).
 *
 * @param text - Any text.
 * @returns The text with its control characters escaped.
 * @throws {@link NpsError} `invalid_input` when `text` is not a string.
 * @example
 * ```ts
 * import { escapeControls } from "npskit";
 * escapeControls("pro\u001b[2J"); // => "pro\\u001b[2J"
 * ```
 * @category Reports
 */
export function escapeControls(text: string): string {
  checkText("escapeControls", text);
  return escapeText(text);
}

/**
 * {@link escapeControls} on each line of a text, keeping its line feeds: for a whole text output.
 * O(length).
 *
 * @param text - Any text.
 * @returns The text with the control characters of each line escaped.
 * @throws {@link NpsError} `invalid_input` when `text` is not a string.
 * @example
 * ```ts
 * import { escapeLines } from "npskit";
 * escapeLines("a\u0007\nb"); // => "a\\u0007\nb"
 * ```
 * @category Reports
 */
export function escapeLines(text: string): string {
  checkText("escapeLines", text);
  return escapeTextLines(text);
}

function checkText(fn: string, text: unknown): asserts text is string {
  if (typeof text !== "string") {
    throw new NpsError("invalid_input", `${fn}: text must be a string, received ${describeValue(text)}`);
  }
}
