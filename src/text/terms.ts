import {
  checkIntegerOption,
  optionError,
  type ResolvedTextOptions,
  resolveTextOptions,
  type TextOptions,
} from "./options.js";
import type { CommentWords } from "./tokenizer.js";

/**
 * Which terms are counted: single words, pairs of adjacent words (not across punctuation or a removed
 * word), or both.
 *
 * @category Text
 */
export type NgramChoice = "unigrams" | "bigrams" | "both";

/**
 * How often a term counts: once per comment that uses it (`"comments"`, so that one comment repeating
 * a word cannot mark a group), or at every occurrence (`"occurrences"`, the multinomial counts of
 * Monroe et al.).
 *
 * @category Text
 */
export type TermCounting = "comments" | "occurrences";

/**
 * Options of {@link countTerms} and {@link distinctiveTerms}.
 *
 * @category Text
 */
export interface TermOptions extends TextOptions {
  /** Which terms are counted. @defaultValue "both" */
  readonly ngrams?: NgramChoice;
  /** Terms counted fewer times than this in all comments together are left out, an integer ≥ 1. @defaultValue 3 */
  readonly minCount?: number;
  /** How often a term counts. @defaultValue "comments" */
  readonly counting?: TermCounting;
}

/** Term options with their defaults filled in and checked. */
export interface ResolvedTermOptions extends ResolvedTextOptions {
  readonly ngrams: NgramChoice;
  readonly minCount: number;
  readonly counting: TermCounting;
}

/** Fills in and checks the term options. */
export function resolveTermOptions(fn: string, options: TermOptions): ResolvedTermOptions {
  const text = resolveTextOptions(fn, options);
  const { ngrams = "both", minCount = 3, counting = "comments" } = options;
  if (ngrams !== "unigrams" && ngrams !== "bigrams" && ngrams !== "both") {
    throw optionError(fn, "ngrams", '"unigrams", "bigrams" or "both"', ngrams);
  }
  if (counting !== "comments" && counting !== "occurrences") {
    throw optionError(fn, "counting", '"comments" or "occurrences"', counting);
  }
  checkIntegerOption(fn, "minCount", minCount, 1, Number.MAX_SAFE_INTEGER);
  return { ...text, ngrams, minCount, counting };
}

/** Calls `add` for each term of a comment (each once per comment when counting comments). */
export function forEachTerm(
  comment: CommentWords,
  options: ResolvedTermOptions,
  seen: Set<string>,
  add: (term: string) => void,
): void {
  const { words, gaps } = comment;
  const once = options.counting === "comments";
  if (once) seen.clear();
  const emit = (term: string): void => {
    if (once) {
      if (seen.has(term)) return;
      seen.add(term);
    }
    add(term);
  };
  const unigrams = options.ngrams !== "bigrams";
  const bigrams = options.ngrams !== "unigrams";
  for (let i = 0; i < words.length; i++) {
    if (unigrams) emit(words[i] as string);
    if (bigrams && i > 0 && gaps[i] === 0) emit(`${words[i - 1]} ${words[i]}`);
  }
}
