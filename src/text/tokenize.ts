import { resolveTextOptions, type TextOptions } from "./options.js";
import { createTokenizer } from "./tokenizer.js";

/**
 * Splits a comment into normalised words, as every function of `npskit/text` sees it:
 * 1. stray code-page-850 bytes repaired ({@link repairText}, option `repair`);
 * 2. lower-cased for the locale, accents stripped (option `accents`), Unicode NFC;
 * 3. cut into words by the Unicode word-break rules (UAX #29) of `Intl.Segmenter` for the locale;
 *    comments written only in Latin script take an equivalent regular expression, about fifty times
 *    faster (a property test checks that both agree), and a `.` or `:` inside a word splits it
 *    ("ouverte.le" is two words);
 * 4. French elisions cut (`l'attente` → `attente`), `’` read as `'`;
 * 5. numbers, words shorter than `minLength` and stop words ({@link stopWords} plus `extraStopWords`)
 *    dropped.
 *
 * O(length of the comment).
 *
 * @param text - One comment.
 * @param options - Language, locale, accents, stop words.
 * @returns The words, in order (empty when nothing is left).
 * @throws `NpsError` (from `npskit`) `invalid_input` when `text` is not a string; `invalid_option` for a bad option.
 * @example
 * ```ts
 * import { tokenize } from "npskit/text";
 * tokenize("Le délai d'attente est TROP long!!!!", { language: "fr" }); // => ["delai", "attente", "trop", "long"]
 * tokenize("Staff were not helpful", { language: "en", removeStopWords: false }); // => ["staff", "were", "not", "helpful"]
 * ```
 * @category Text
 */
export function tokenize(text: string, options: TextOptions = {}): string[] {
  return createTokenizer("tokenize", resolveTextOptions("tokenize", options))(text).words;
}
