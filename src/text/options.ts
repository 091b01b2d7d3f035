import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";

/**
 * The languages whose stop words npskit ships: English, French, Dutch, German and Spanish.
 *
 * @category Text
 */
export type TextLanguage = "en" | "fr" | "nl" | "de" | "es";

/** Every supported language, in a fixed order. */
export const TEXT_LANGUAGES: ReadonlyArray<TextLanguage> = ["en", "fr", "nl", "de", "es"];

/**
 * How comments become words; shared by every function of `npskit/text`, so that the same option means
 * the same thing everywhere.
 *
 * @category Text
 */
export interface TextOptions {
  /** The comments' language: chooses the stop words and, unless `locale` is given, the locale. @defaultValue "en" */
  readonly language?: TextLanguage;
  /** BCP 47 locale for word segmentation and lower-casing. @defaultValue the `language` */
  readonly locale?: string;
  /**
   * `"strip"` removes accents after lower-casing (`système` and `systeme` are one word, as comments
   * typed on phones often lack them); `"keep"` keeps them. @defaultValue "strip"
   */
  readonly accents?: "keep" | "strip";
  /** Whether the language's stop words are removed. @defaultValue true */
  readonly removeStopWords?: boolean;
  /** More words to remove, normalised like the comments. @defaultValue [] */
  readonly extraStopWords?: ReadonlyArray<string>;
  /** Whether stray code-page-850 bytes are repaired first (see {@link repairText}). @defaultValue true */
  readonly repair?: boolean;
  /** Words shorter than this many characters are dropped, an integer from 1 to 100. @defaultValue 2 */
  readonly minLength?: number;
}

/** Text options with their defaults filled in and checked. */
export interface ResolvedTextOptions {
  readonly language: TextLanguage;
  readonly locale: string;
  readonly accents: "keep" | "strip";
  readonly removeStopWords: boolean;
  readonly extraStopWords: ReadonlyArray<string>;
  readonly repair: boolean;
  readonly minLength: number;
}

/** Throws `invalid_option` naming the function, the option and the rule. */
export function optionError(fn: string, name: string, rule: string, value: unknown): NpsError {
  return new NpsError("invalid_option", `${fn}: ${name} must be ${rule}, received ${describeValue(value)}`);
}

/** Fills in and checks the text options. */
export function resolveTextOptions(fn: string, options: TextOptions): ResolvedTextOptions {
  if (options === null || typeof options !== "object") throw optionError(fn, "options", "an object", options);
  const {
    language = "en",
    accents = "strip",
    removeStopWords = true,
    extraStopWords = [],
    repair = true,
    minLength = 2,
  } = options;
  if (!TEXT_LANGUAGES.includes(language)) {
    throw optionError(fn, "language", `one of ${TEXT_LANGUAGES.map((l) => `"${l}"`).join(", ")}`, language);
  }
  const locale = options.locale ?? language;
  if (typeof locale !== "string" || !isLocale(locale)) throw optionError(fn, "locale", "a BCP 47 locale", locale);
  if (accents !== "keep" && accents !== "strip") throw optionError(fn, "accents", '"keep" or "strip"', accents);
  if (typeof removeStopWords !== "boolean") throw optionError(fn, "removeStopWords", "a boolean", removeStopWords);
  if (typeof repair !== "boolean") throw optionError(fn, "repair", "a boolean", repair);
  if (!Array.isArray(extraStopWords) || extraStopWords.some((word) => typeof word !== "string")) {
    throw optionError(fn, "extraStopWords", "an array of strings", extraStopWords);
  }
  checkIntegerOption(fn, "minLength", minLength, 1, 100);
  return { language, locale, accents, removeStopWords, extraStopWords, repair, minLength };
}

/** Throws `invalid_option` unless `value` is an integer from `min` to `max`. */
export function checkIntegerOption(fn: string, name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw optionError(fn, name, `an integer from ${min} to ${max}`, value);
  }
}

function isLocale(locale: string): boolean {
  try {
    return Intl.Segmenter.supportedLocalesOf([locale]).length >= 0;
  } catch {
    return false;
  }
}
