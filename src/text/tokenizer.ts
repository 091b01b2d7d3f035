import { NpsError } from "../core/errors.js";
import type { ResolvedTextOptions } from "./options.js";
import { repairText } from "./repairText.js";
import { stopWords } from "./stopWords.js";

/**
 * The words of one comment, in order, with what separated each from the one before: `0` nothing but
 * spaces (the two may form a bigram), `1` a removed word (a stop word, a number, a short word), `2`
 * punctuation or the start of the comment.
 */
export interface CommentWords {
  readonly words: string[];
  readonly gaps: number[];
}

/** A tokenizer built once for a set of options (the stop words normalised, the segmenter made). */
export type Tokenizer = (text: string) => CommentWords;

/**
 * Characters whose word-break properties (Unicode UAX #29) the fast path below reproduces exactly:
 * ASCII, the Latin-1 letters and symbols (without the soft hyphen U+00AD and the middle dot U+00B7,
 * which have their own rules), Latin Extended-A/B and Additional, and the typographic quotes, dashes,
 * ellipsis and euro sign of word processors. A comment with any other character goes through
 * `Intl.Segmenter`.
 */
const FAST_PATH =
  /^[\t\n\r\u0020-\u007e\u00a0-\u00ac\u00ae-\u00b6\u00b8-\u024f\u1e00-\u1eff\u2013\u2014\u2019\u201c\u201d\u2026\u20ac]*$/;

/**
 * A word as UAX #29 segments it within the fast-path characters: letters, digits and underscores,
 * joined by one `.` `:` `'` `’` between letters (WB6–7) or one `.` `,` `;` `'` `’` between digits
 * (WB11–12).
 */
const FAST_WORD =
  /[\p{L}\p{M}0-9_]+(?:(?:(?<=[\p{L}\p{M}])[.:'\u2019](?=\p{L})|(?<=[0-9])[.,;'\u2019](?=[0-9]))[\p{L}\p{M}0-9_]+)*/gu;

/** French elisions: `l'`, `d'`, `qu'`… are cut off the word they precede. */
const FRENCH_ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)'/;

/** Latin letters with accents, to be stripped through a table rather than NFD for every comment. */
const LATIN_ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/g;

/** Creates the tokenizer of checked options. */
export function createTokenizer(fn: string, options: ResolvedTextOptions): Tokenizer {
  const { locale, accents, repair, minLength, language } = options;
  let segmenter: Intl.Segmenter | undefined;
  // Only Turkish, Azerbaijani and Lithuanian lower-case differently from the root locale.
  const localeLower = /^(?:tr|az|lt)\b/i.test(locale);
  const stripped = new Map<string, string>();
  const strip = (char: string): string => {
    let plain = stripped.get(char);
    if (plain === undefined) {
      plain = char.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
      stripped.set(char, plain);
    }
    return plain;
  };
  const normalise = (text: string): string => {
    const lower = localeLower ? text.toLocaleLowerCase(locale) : text.toLowerCase();
    if (!/[^\t\n\r\u0020-\u007e]/.test(lower)) return lower;
    if (accents === "keep") return lower.normalize("NFC");
    // Latin-script comments: a table of the accented letters; anything else: NFD, marks removed, NFC.
    if (/[^\t\n\r\u0020-\u007e\u00a0-\u024f\u1e00-\u1eff\u2000-\u20cf]/.test(lower)) {
      return lower.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
    }
    return lower.replace(LATIN_ACCENTED, strip);
  };
  const stop = new Set<string>();
  const addStop = (word: string): void => {
    for (const piece of normalise(word)
      .replace(/\u2019/g, "'")
      .split(/[.:]/)) {
      const cut = language === "fr" ? piece.replace(FRENCH_ELISION, "") : piece;
      if (cut !== "") stop.add(cut);
    }
  };
  if (options.removeStopWords) for (const word of stopWords(language)) addStop(word);
  for (const word of options.extraStopWords) addStop(word);
  const french = language === "fr";
  // Made once per tokenizer: bundlers may turn a \p{…} literal into `new RegExp` at every evaluation.
  const letterPattern = /\p{L}/u;
  const spacePattern = /\s/;
  return (raw: string): CommentWords => {
    if (typeof raw !== "string") {
      throw new NpsError("invalid_input", `${fn}: a comment must be a string, received ${typeof raw}`);
    }
    const text = normalise(repair ? repairText(raw) : raw);
    const words: string[] = [];
    const gaps: number[] = [];
    let gap = 2;
    let end = 0;
    const take = (segment: string, start: number): void => {
      // Anything but white space between two words (punctuation, a symbol) stops bigrams and phrases.
      for (let k = end; k < start; k++) {
        const code = text.charCodeAt(k);
        if (
          code !== 32 &&
          code !== 9 &&
          code !== 10 &&
          code !== 13 &&
          code !== 0xa0 &&
          !spacePattern.test(text[k] as string)
        ) {
          gap = 2;
          break;
        }
      }
      end = start + segment.length;
      // UAX #29 keeps "ouverte.le" and "S:t" together; in comments a missing space is far more common.
      const split = segment.includes(".") || segment.includes(":");
      const pieces = split ? segment.split(/[.:]/) : undefined;
      const count = pieces === undefined ? 1 : pieces.length;
      for (let k = 0; k < count; k++) {
        if (k > 0) gap = 2;
        let word = pieces === undefined ? segment : (pieces[k] as string);
        if (word.includes("\u2019")) word = word.replace(/\u2019/g, "'");
        if (french && word.includes("'")) word = word.replace(FRENCH_ELISION, "");
        const first = word.charCodeAt(0);
        const letter = (first >= 97 && first <= 122) || letterPattern.test(word);
        const long = word.length >= 2 * minLength || (word.length >= minLength && [...word].length >= minLength);
        if (!letter || !long || stop.has(word)) {
          if (gap === 0) gap = 1;
          continue;
        }
        words.push(word);
        gaps.push(gap);
        gap = 0;
      }
    };
    if (FAST_PATH.test(text)) {
      FAST_WORD.lastIndex = 0;
      for (let match = FAST_WORD.exec(text); match !== null; match = FAST_WORD.exec(text)) take(match[0], match.index);
    } else {
      segmenter ??= new Intl.Segmenter(locale, { granularity: "word" });
      for (const part of segmenter.segment(text)) if (part.isWordLike) take(part.segment, part.index);
    }
    return { words, gaps };
  };
}
