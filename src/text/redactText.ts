import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";
/**
 * How many of each kind of personal detail were masked.
 *
 * @category Text
 */
export interface MaskedCounts {
  /** E-mail addresses, replaced by `[email]`. */
  readonly emails: number;
  /** Phone numbers (9 to 15 digits with separators or a leading `+`), replaced by `[phone]`. */
  readonly phones: number;
  /** Card, account or order numbers (runs of 6 or more digits), replaced by `[number]`. */
  readonly numbers: number;
}

/**
 * A comment with its personal details masked, and what was masked.
 *
 * @category Text
 */
export interface RedactedText {
  /** Tags the result. */
  readonly kind: "redacted-text";
  /** The text with its personal details replaced. */
  readonly text: string;
  /** How many details of each kind were masked. */
  readonly masked: MaskedCounts;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** 13 to 19 digits, alone or in groups separated by single spaces or hyphens: payment cards. */
const CARD = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
/** 9 to 15 digits with spaces, dots, hyphens or brackets between them, or a leading + or 00. */
const PHONE = /(?<![\d\p{L}])(?:\+|00)?\(?\d(?:[ .\-()]{0,2}\d){8,14}(?![\d])/gu;
const DIGITS = /\d{6,}/g;

/**
 * Masks the personal details of a comment before it is shown: e-mail addresses (`[email]`), payment
 * card numbers and other runs of 6 or more digits (`[number]`: account, order, loyalty-card numbers)
 * and phone numbers (`[phone]`: 9 to 15 digits, possibly separated by spaces, dots, hyphens or
 * brackets, possibly after `+` or `00`). Prices, dates and postcodes have fewer digits and are kept.
 * This is a safety net for excerpts, not an anonymiser: names and addresses are not found. O(length).
 *
 * @param text - A comment.
 * @returns The masked text and how many details of each kind were masked.
 * @example
 * ```ts
 * import { redactText } from "npskit/text";
 * const result = redactText("Call me on +33 6 12 34 56 78 or jo@example.fr, card 4970 1012 3456 7890");
 * result.text; // => "Call me on [phone] or [email], card [number]"
 * result.masked; // => { emails: 1, phones: 1, numbers: 1 }
 * ```
 * @category Text
 */
export function redactText(text: string): RedactedText {
  if (typeof text !== "string") {
    throw new NpsError("invalid_input", `redactText: text must be a string, received ${describeValue(text)}`);
  }
  let emails = 0;
  let phones = 0;
  let numbers = 0;
  const masked = text
    .replace(EMAIL, () => {
      emails++;
      return "[email]";
    })
    .replace(CARD, () => {
      numbers++;
      return "[number]";
    })
    .replace(PHONE, () => {
      phones++;
      return "[phone]";
    })
    .replace(DIGITS, () => {
      numbers++;
      return "[number]";
    });
  return { kind: "redacted-text", text: masked, masked: { emails, phones, numbers } };
}
