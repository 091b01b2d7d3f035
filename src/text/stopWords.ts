import { optionError, TEXT_LANGUAGES, type TextLanguage } from "./options.js";
import { STOP_WORD_LISTS } from "./stopWordLists.js";

/**
 * Negations and "without", kept although the `stopword` lists hold them: in a comment they carry the
 * meaning ("pas cher" is the opposite of "cher", "nicht freundlich" of "freundlich").
 */
export const KEPT_NEGATIONS: Readonly<Record<TextLanguage, ReadonlyArray<string>>> = {
  en: ["never"],
  fr: ["pas", "sans"],
  nl: ["niet", "geen", "zonder"],
  de: ["nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "ohne"],
  es: ["no", "ni", "sin"],
};

/**
 * The stop words npskit removes for a language: the list of the `stopword` package (version 3.1.5,
 * MIT licence, copied into npskit at build time so that it adds no dependency), less the negations
 * that carry a comment's meaning (English "never"; French "pas", "sans"; Dutch "niet", "geen",
 * "zonder"; German "nicht", "kein…", "nie", "ohne"; Spanish "no", "ni", "sin"). The words are as
 * published (with their accents); the tokenizer normalises them like the comments. O(list length).
 *
 * @param language - One of `"en"`, `"fr"`, `"nl"`, `"de"`, `"es"`.
 * @returns A new array of the language's stop words.
 * @throws `NpsError` (from `npskit`) `invalid_option` for another language.
 * @example
 * ```ts
 * import { stopWords } from "npskit/text";
 * stopWords("fr").includes("les"); // => true
 * stopWords("fr").includes("pas"); // => false
 * ```
 * @category Text
 */
export function stopWords(language: TextLanguage): string[] {
  if (!TEXT_LANGUAGES.includes(language)) {
    throw optionError("stopWords", "language", `one of ${TEXT_LANGUAGES.map((l) => `"${l}"`).join(", ")}`, language);
  }
  const kept = new Set(KEPT_NEGATIONS[language]);
  return (STOP_WORD_LISTS[language] as ReadonlyArray<string>).filter((word) => !kept.has(word));
}
