import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";

/**
 * What the bytes 0x80–0x9F mean in code page 850 (the DOS code page of Western Europe), for the
 * letters that occur in French, Spanish, German and Dutch. Read as latin-1, these bytes become the C1
 * control characters U+0080–U+009F, which never stand for anything in a comment.
 */
const CP850: ReadonlyArray<string> = [
  "Ç",
  "ü",
  "é",
  "â",
  "ä",
  "à",
  "å",
  "ç",
  "ê",
  "ë",
  "è",
  "ï",
  "î",
  "ì",
  "Ä",
  "Å",
  "É",
  "æ",
  "Æ",
  "ô",
  "ö",
  "ò",
  "û",
  "ù",
  "ÿ",
  "Ö",
  "Ü",
  "ø",
  "£",
  "Ø",
  "×",
  "ƒ",
];

/**
 * Repairs the stray code-page-850 bytes of a comment that was typed on one system and exported as
 * latin-1 (or Windows-1252) by another: every C1 control character U+0080–U+009F, which a latin-1
 * decoder produces for the bytes 0x80–0x9F, is replaced by its code-page-850 letter (`\x82` → `é`,
 * `\x8c` → `î`, `\x96` → `û`…). The byte 0x80 is `Ç` in code page 850 but `€` in Windows-1252, and
 * exports carry both: after a digit (`15\x80`, `15 \x80`) it becomes `€`, elsewhere `Ç`. Text
 * without C1 characters is returned unchanged. O(length).
 *
 * @param text - A comment, as decoded from the file.
 * @returns The comment with its C1 control characters replaced.
 * @example
 * ```ts
 * import { repairText } from "npskit/text";
 * repairText("tr\u0082s long, un bon de 15\u0080"); // => "trés long, un bon de 15€"
 * repairText("\u0080A SERAIT BIEN"); // => "ÇA SERAIT BIEN"
 * ```
 * @category Text
 */
export function repairText(text: string): string {
  if (typeof text !== "string") {
    throw new NpsError("invalid_input", `repairText: text must be a string, received ${describeValue(text)}`);
  }
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (char, offset: number) => {
    const code = char.charCodeAt(0) - 0x80;
    if (code === 0 && /\d\s?$/.test(text.slice(Math.max(0, offset - 2), offset))) return "€";
    return CP850[code] as string;
  });
}
