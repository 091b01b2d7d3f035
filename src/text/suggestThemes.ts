import { checkOptions } from "../core/checkOptions.js";
import type { Scale } from "../core/scale.js";
import type { ThemeDefinition } from "./defineThemes.js";
import { distinctiveTerms } from "./distinctiveTerms.js";
import { checkIntegerOption } from "./options.js";
import type { CommentedResponse } from "./responses.js";
import type { TermOptions } from "./terms.js";

/**
 * Options of {@link suggestThemes}.
 *
 * @category Text
 */
export interface SuggestThemesOptions extends TermOptions {
  /** Most themes suggested, an integer from 1 to 100. @defaultValue 8 */
  readonly limit?: number;
  /** The smallest z-score a term needs (1.96: two-sided 5 %). @defaultValue 1.96 */
  readonly minZScore?: number;
  /** The answer scale. @defaultValue the standard 0–10 scale */
  readonly scale?: Scale;
}

/**
 * Suggests themes when the user has none: the terms that most mark detractors and promoters
 * ({@link distinctiveTerms}, z ≥ `minZScore`), taken in turn from each side (detractors first), each
 * becoming a theme named after it with itself as keyword; a word already inside a chosen bigram (or a
 * bigram holding a chosen word) is skipped. A starting point to edit, not a classification.
 * O(cost of {@link distinctiveTerms}).
 *
 * @param responses - Scores with their comments.
 * @param options - Term options, limit, minimum z-score.
 * @returns The themes (empty when no term is distinctive enough).
 * @throws `NpsError` (from `npskit`) as {@link distinctiveTerms}; `invalid_option` for a bad limit.
 * @example
 * ```ts
 * import { suggestThemes } from "npskit/text";
 * const responses = [
 *   ...Array.from({ length: 20 }, () => ({ score: 2, comment: "queue too long" })),
 *   ...Array.from({ length: 20 }, () => ({ score: 10, comment: "friendly staff" })),
 * ];
 * suggestThemes(responses, { limit: 2, ngrams: "unigrams" });
 * // => [{ name: "long", keywords: ["long"] }, { name: "friendly", keywords: ["friendly"] }]
 * ```
 * @category Text
 */
export function suggestThemes(
  responses: ReadonlyArray<CommentedResponse>,
  options: SuggestThemesOptions = {},
): ThemeDefinition[] {
  checkOptions("suggestThemes", options);
  const { limit = 8, minZScore = 1.96, ...rest } = options;
  checkIntegerOption("suggestThemes", "limit", limit, 1, 100);
  const result = distinctiveTerms(responses, rest);
  if (result === undefined) return [];
  const sides = [result.groups[0], result.groups[2]].map((group) =>
    (group?.terms ?? []).filter((term) => term.zScore >= minZScore).map((term) => term.term),
  );
  const chosen: string[] = [];
  const overlaps = (term: string): boolean =>
    chosen.some((other) => other === term || ` ${other} `.includes(` ${term} `) || ` ${term} `.includes(` ${other} `));
  const next: [number, number] = [0, 0];
  for (let side: 0 | 1 = 0; chosen.length < limit; side = side === 0 ? 1 : 0) {
    const list = sides[side] as string[];
    while (next[side] < list.length && overlaps(list[next[side]] as string)) next[side]++;
    if (next[side] < list.length) chosen.push(list[next[side]++] as string);
    else if (next[side === 0 ? 1 : 0] >= (sides[side === 0 ? 1 : 0] as string[]).length) break;
  }
  return chosen.map((term) => ({ name: term, keywords: [term] }));
}
