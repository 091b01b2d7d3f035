import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";
import { forEachTerm, type NgramChoice, resolveTermOptions, type TermCounting, type TermOptions } from "./terms.js";
import { createTokenizer } from "./tokenizer.js";

/**
 * One term and its count.
 *
 * @category Text
 */
export interface TermCount {
  /** The term: a normalised word, or two separated by one space. */
  readonly term: string;
  /** Comments using it (or occurrences, when counting occurrences). */
  readonly count: number;
}

/**
 * The terms of a set of comments, most frequent first.
 *
 * @category Text
 */
export interface TermCounts {
  /** Tags the result. */
  readonly kind: "term-counts";
  /** Comments that held at least one non-blank character. */
  readonly comments: number;
  /** Comments skipped because they were missing, empty or blank. */
  readonly emptyComments: number;
  /** Which terms were counted. */
  readonly ngrams: NgramChoice;
  /** How often a term counted. */
  readonly counting: TermCounting;
  /** The minimum count used. */
  readonly minCount: number;
  /** Terms counted at least `minCount` times, by count (descending) then term (code-point order). */
  readonly terms: ReadonlyArray<TermCount>;
}

/**
 * Counts the words and bigrams of comments, after {@link tokenize}. Terms live in a `Map`, so words
 * such as `__proto__` or `constructor` are counted like any other. O(total length of the comments +
 * t log t) for t distinct terms.
 *
 * @param comments - The comments; `undefined`, `null`, empty and blank ones are skipped and counted.
 * @param options - Tokenising options, n-grams, minimum count, counting.
 * @returns The counts (with an empty `terms` list when no term reaches `minCount`).
 * @throws `NpsError` (from `npskit`) `invalid_input` when `comments` is not an array or holds a non-string;
 * `invalid_option` for a bad option.
 * @example
 * ```ts
 * import { countTerms } from "npskit/text";
 * const counts = countTerms(["Long wait at the till", "the wait was long", "friendly staff"], { minCount: 2 });
 * counts.terms; // => [{ term: "long", count: 2 }, { term: "wait", count: 2 }]
 * ```
 * @category Text
 */
export function countTerms(comments: ReadonlyArray<string | null | undefined>, options: TermOptions = {}): TermCounts {
  const resolved = resolveTermOptions("countTerms", options);
  if (!Array.isArray(comments)) {
    throw new NpsError("invalid_input", `countTerms: comments must be an array, received ${describeValue(comments)}`);
  }
  const tokenizer = createTokenizer("countTerms", resolved);
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  let used = 0;
  let empty = 0;
  comments.forEach((comment, i) => {
    if (comment === undefined || comment === null) {
      empty++;
      return;
    }
    if (typeof comment !== "string") {
      throw new NpsError(
        "invalid_input",
        `countTerms: comments[${i}] must be a string, null or undefined, received ${describeValue(comment)}`,
      );
    }
    if (comment.trim() === "") {
      empty++;
      return;
    }
    used++;
    forEachTerm(tokenizer(comment), resolved, seen, (term) => counts.set(term, (counts.get(term) ?? 0) + 1));
  });
  const terms: TermCount[] = [];
  for (const [term, count] of counts) if (count >= resolved.minCount) terms.push({ term, count });
  terms.sort((a, b) => b.count - a.count || compareText(a.term, b.term));
  return {
    kind: "term-counts",
    comments: used,
    emptyComments: empty,
    ngrams: resolved.ngrams,
    counting: resolved.counting,
    minCount: resolved.minCount,
    terms,
  };
}

/** Code-point order, the same on every platform (no locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
