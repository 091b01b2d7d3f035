import type { Category, Scale } from "../core/scale.js";
import type { CategoryValues } from "../core/tally.js";
import { compareText } from "./countTerms.js";
import { optionError } from "./options.js";
import { CATEGORIES, type CommentedResponse, readCommented } from "./responses.js";
import { forEachTerm, type NgramChoice, resolveTermOptions, type TermCounting, type TermOptions } from "./terms.js";
import { createTokenizer } from "./tokenizer.js";

/**
 * Options of {@link distinctiveTerms}.
 *
 * @category Text
 */
export interface DistinctiveTermsOptions extends TermOptions {
  /**
   * α₀, the strength of the informative Dirichlet prior, a number > 0: each term's prior is
   * α_w = α₀·y_w/n, its share of all counted terms. @defaultValue n, the number of counted terms (α_w = y_w)
   */
  readonly priorStrength?: number;
  /** Keep the first `limit` terms of each group (its most distinctive). @defaultValue all terms */
  readonly limit?: number;
  /** The answer scale. @defaultValue the standard 0–10 scale */
  readonly scale?: Scale;
}

/**
 * One term of a group: how each category uses it and how strongly it marks the group against the rest.
 *
 * @category Text
 */
export interface DistinctiveTerm {
  /** A normalised word, or two separated by one space. */
  readonly term: string;
  /** The term's counts in each category. */
  readonly counts: CategoryValues;
  /** δ, the log-odds ratio (group against the rest) with the prior. */
  readonly logOdds: number;
  /** The estimated variance of δ: 1/(y_group + α_w) + 1/(y_rest + α_w). */
  readonly variance: number;
  /** z = δ / √variance. |z| > 1.96 is the paper's usual threshold. */
  readonly zScore: number;
  /** The group the term marks: the category when z > 0, `"rest"` when z < 0, `"none"` when z = 0. */
  readonly marks: Category | "rest" | "none";
}

/**
 * The distinctive terms of one category against the two others.
 *
 * @category Text
 */
export interface DistinctiveGroup {
  /** The category compared with the two others. */
  readonly category: Category;
  /** Counted terms in the category's comments (n_i). */
  readonly termTotal: number;
  /** Terms by z-score, highest first (those that mark the category first). */
  readonly terms: ReadonlyArray<DistinctiveTerm>;
}

/**
 * What marks each category's comments, by the weighted log-odds ratio with an informative Dirichlet
 * prior.
 *
 * @category Text
 */
export interface DistinctiveTerms {
  /** Tags the result. */
  readonly kind: "distinctive-terms";
  /** Responses in each category, with or without a comment. */
  readonly responses: CategoryValues;
  /** Responses with a non-blank comment in each category. */
  readonly comments: CategoryValues;
  /** Responses whose comment was missing or blank (skipped). */
  readonly emptyComments: number;
  /** Terms kept (counted at least `minCount` times in all). */
  readonly vocabulary: number;
  /** α₀, the prior strength used. */
  readonly priorStrength: number;
  /** Which terms were counted. */
  readonly ngrams: NgramChoice;
  /** How often a term counted. */
  readonly counting: TermCounting;
  /** The minimum count used. */
  readonly minCount: number;
  /** Detractors, passives and promoters, each against the rest. */
  readonly groups: ReadonlyArray<DistinctiveGroup>;
}

/**
 * Finds the words and bigrams that mark detractors, passives and promoters, each against the two
 * other categories, by the log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi &
 * Quinn (2008, "Fightin' Words", *Political Analysis* 16(4), 372–403, §3.5): for term w, group i and
 * the rest j,
 *
 * δ_w = ln[(y_wi + α_w)/(n_i + α₀ − y_wi − α_w)] − ln[(y_wj + α_w)/(n_j + α₀ − y_wj − α_w)],
 * Var(δ_w) ≈ 1/(y_wi + α_w) + 1/(y_wj + α_w), z = δ_w/√Var,
 *
 * where y are the term's counts, n the groups' totals over the kept terms, α_w = α₀·y_w/n the prior
 * (by default the term's count in all comments: α₀ = n). The prior shrinks rare terms towards zero,
 * so that a word said twice by detractors only does not top the list. Weights are not used: every
 * comment counts once. Checked to 1e-9 against an independent Python script
 * (test/text/fixtures/fightin_words.py). O(total length of the comments + t log t).
 *
 * @param responses - Scores with their comments (`NpsResponse` fits); blank comments are skipped and counted.
 * @param options - Tokenising, n-grams, minimum count, counting, prior strength, limit, scale.
 * @returns The groups, or `undefined` when fewer than two terms reach `minCount`.
 * @throws `NpsError` (from `npskit`) `invalid_score` for a score off the scale; `invalid_input` for a malformed
 * response; `invalid_option` for a bad option.
 * @example
 * ```ts
 * import { distinctiveTerms } from "npskit/text";
 * const result = distinctiveTerms([
 *   { score: 2, comment: "long queue at the till" },
 *   { score: 3, comment: "queue too long" },
 *   { score: 10, comment: "friendly staff" },
 *   { score: 9, comment: "staff friendly and helpful" },
 *   { score: 8, comment: "fine" },
 * ], { minCount: 2, ngrams: "unigrams" });
 * result?.groups[0]?.terms.map((t) => `${t.term} ${t.marks}`);
 * // => ["long detractor", "queue detractor", "friendly rest", "staff rest"]
 * ```
 * @category Text
 */
export function distinctiveTerms(
  responses: ReadonlyArray<CommentedResponse>,
  options: DistinctiveTermsOptions = {},
): DistinctiveTerms | undefined {
  const fn = "distinctiveTerms";
  const resolved = resolveTermOptions(fn, options);
  const { priorStrength, limit } = options;
  if (
    priorStrength !== undefined &&
    !(typeof priorStrength === "number" && priorStrength > 0 && priorStrength < Infinity)
  ) {
    throw optionError(fn, "priorStrength", "a finite number greater than 0", priorStrength);
  }
  if (limit !== undefined && !(typeof limit === "number" && Number.isInteger(limit) && limit >= 1)) {
    throw optionError(fn, "limit", "an integer ≥ 1", limit);
  }
  const read = readCommented(fn, responses, options.scale);
  const tokenizer = createTokenizer(fn, resolved);
  const counts = new Map<string, [number, number, number]>();
  const seen = new Set<string>();
  const people: [number, number, number] = [0, 0, 0];
  const commented: [number, number, number] = [0, 0, 0];
  let empty = 0;
  for (const { category, comment } of read) {
    people[category]++;
    if (comment === undefined) {
      empty++;
      continue;
    }
    commented[category]++;
    forEachTerm(tokenizer(comment), resolved, seen, (term) => {
      let row = counts.get(term);
      if (row === undefined) {
        row = [0, 0, 0];
        counts.set(term, row);
      }
      row[category]++;
    });
  }
  const kept: Array<[string, [number, number, number]]> = [];
  const totals: [number, number, number] = [0, 0, 0];
  for (const entry of counts) {
    const row = entry[1];
    if (row[0] + row[1] + row[2] < resolved.minCount) continue;
    kept.push(entry);
    totals[0] += row[0];
    totals[1] += row[1];
    totals[2] += row[2];
  }
  if (kept.length < 2) return undefined;
  kept.sort((a, b) => compareText(a[0], b[0]));
  const n = totals[0] + totals[1] + totals[2];
  const alpha0 = priorStrength ?? n;
  const groups = CATEGORIES.map((category, i): DistinctiveGroup => {
    const ni = totals[i] as number;
    const nj = n - ni;
    const terms = kept.map(([term, row]): DistinctiveTerm => {
      const y = row[0] + row[1] + row[2];
      const alpha = (alpha0 * y) / n;
      const yi = row[i] as number;
      const yj = y - yi;
      const logOdds =
        Math.log((yi + alpha) / (ni + alpha0 - yi - alpha)) - Math.log((yj + alpha) / (nj + alpha0 - yj - alpha));
      const variance = 1 / (yi + alpha) + 1 / (yj + alpha);
      const zScore = logOdds / Math.sqrt(variance);
      return {
        term,
        counts: { detractors: row[0], passives: row[1], promoters: row[2] },
        logOdds,
        variance,
        zScore,
        marks: zScore > 0 ? category : zScore < 0 ? "rest" : "none",
      };
    });
    terms.sort((a, b) => b.zScore - a.zScore || compareText(a.term, b.term));
    return { category, termTotal: ni, terms: limit === undefined ? terms : terms.slice(0, limit) };
  });
  return {
    kind: "distinctive-terms",
    responses: categoryValues(people),
    comments: categoryValues(commented),
    emptyComments: empty,
    vocabulary: kept.length,
    priorStrength: alpha0,
    ngrams: resolved.ngrams,
    counting: resolved.counting,
    minCount: resolved.minCount,
    groups,
  };
}

/** Three numbers in category order (detractors, passives, promoters) as a {@link CategoryValues}. */
export function categoryValues(values: ReadonlyArray<number>): CategoryValues {
  return { detractors: values[0] as number, passives: values[1] as number, promoters: values[2] as number };
}
