import { NpsError } from "../core/errors.js";
import type { Category, Scale } from "../core/scale.js";
import type { CategoryValues, Tally } from "../core/tally.js";
import { adjustPValues, type PValueAdjustment } from "../inference/adjustPValues.js";
import { type ComparisonMethod, compareNps, type NpsComparison } from "../inference/compareNps.js";
import { type ConfidenceInterval, confidenceInterval } from "../inference/confidenceInterval.js";
import { checkThemes, PATTERN_INPUT_LENGTH, type ThemeDefinition } from "./defineThemes.js";
import { categoryValues } from "./distinctiveTerms.js";
import { checkIntegerOption, optionError, resolveTextOptions, type TextOptions } from "./options.js";
import { type MaskedCounts, redactText } from "./redactText.js";
import { repairText } from "./repairText.js";
import { CATEGORIES, type CommentedResponse, readCommented } from "./responses.js";
import { suggestThemes } from "./suggestThemes.js";
import { createTokenizer } from "./tokenizer.js";

/**
 * Options of {@link themes}.
 *
 * @category Text
 */
export interface ThemesOptions extends TextOptions {
  /** The themes (see {@link defineThemes}). @defaultValue themes suggested by {@link suggestThemes} */
  readonly themes?: ReadonlyArray<ThemeDefinition>;
  /** Whether themes may hold regular expressions (`patterns`). @defaultValue false */
  readonly allowPatterns?: boolean;
  /**
   * Time budget of all pattern matching, in milliseconds (1 to 600,000): past it, `themes` stops with
   * an error naming the slowest theme. @defaultValue 2000
   */
  readonly patternTimeLimit?: number;
  /**
   * Who mentioners are compared with: the respondents who commented but did not mention the theme
   * (`"other-commenters"`), or everyone else, with or without a comment (`"everyone-else"`). The
   * impact's baseline follows: those (commenters, or everyone) who mention none of the themes.
   * @defaultValue "other-commenters"
   */
  readonly compareWith?: "other-commenters" | "everyone-else";
  /** Confidence level of the intervals. @defaultValue 0.95 */
  readonly level?: number;
  /** Interval method of the comparison (see {@link compareNps}). @defaultValue "adjusted-wald" */
  readonly method?: ComparisonMethod;
  /** How the p-values are adjusted across themes (see {@link adjustPValues}). @defaultValue "holm" */
  readonly adjustment?: PValueAdjustment;
  /** Comments shown per theme, an integer from 0 to 100. @defaultValue 3 */
  readonly excerpts?: number;
  /** Whether excerpts go through {@link redactText}. @defaultValue true */
  readonly redact?: boolean;
  /** The answer scale. @defaultValue the standard 0–10 scale */
  readonly scale?: Scale;
}

/**
 * One comment shown for a theme.
 *
 * @category Text
 */
export interface ThemeExcerpt {
  /** The comment (repaired, and masked unless `redact` is false). */
  readonly text: string;
  /** The respondent's score. */
  readonly score: number;
  /** The respondent's category. */
  readonly category: Category;
  /** What was masked in this comment (all zero when `redact` is false). */
  readonly masked: MaskedCounts;
}

/**
 * Mentions of a theme in one category.
 *
 * @category Text
 */
export interface CategoryMentions {
  /** Comments of the category that mention the theme. */
  readonly mentions: number;
  /** Comments of the category. */
  readonly comments: number;
  /** mentions / comments, from 0 to 1; `undefined` when the category has no comment. */
  readonly share: number | undefined;
}

/**
 * What one theme says about the score.
 *
 * @category Text
 */
export interface ThemeResult {
  /** The theme's name. */
  readonly name: string;
  /** Comments that mention the theme. */
  readonly mentions: number;
  /** mentions / comments, from 0 to 1. */
  readonly share: number;
  /** The share of each category's comments that mention it. */
  readonly byCategory: {
    /** Among detractors' comments. */
    readonly detractors: CategoryMentions;
    /** Among passives' comments. */
    readonly passives: CategoryMentions;
    /** Among promoters' comments. */
    readonly promoters: CategoryMentions;
  };
  /** The tally of those who mention it. */
  readonly mentioners: Tally;
  /** Their NPS and its interval; `undefined` when nobody mentions it. */
  readonly mentionersNps: ConfidenceInterval | undefined;
  /** The tally of the others (see `compareWith`). */
  readonly others: Tally;
  /** Their NPS and its interval; `undefined` when there are none. */
  readonly othersNps: ConfidenceInterval | undefined;
  /** NPS(mentioners) − NPS(others), its interval and two-sided test; `undefined` when either side is empty. */
  readonly comparison: NpsComparison | undefined;
  /** The comparison's p-value adjusted across themes; `undefined` when it has none. */
  readonly adjustedPValue: number | undefined;
  /**
   * The points the overall NPS would gain (negative: lose) if those who mention the theme scored like
   * the baseline: (1/N)·Σ over mentioners of (s − b), where s is 100, 0 or −100 for a promoter,
   * passive or detractor, b the baseline's NPS and N every response. `undefined` without a baseline.
   */
  readonly impact: number | undefined;
  /** The first `excerpts` comments that mention it, in input order. */
  readonly excerpts: ReadonlyArray<ThemeExcerpt>;
}

/**
 * What customers talk about and how it goes with their score.
 *
 * @category Text
 */
export interface ThemeAnalysis {
  /** Tags the result. */
  readonly kind: "themes";
  /** Whether the themes were given or suggested from the distinctive terms. */
  readonly source: "given" | "suggested";
  /** The themes used (the suggested ones, when none were given). */
  readonly definitions: ReadonlyArray<ThemeDefinition>;
  /** Every response, with or without a comment. */
  readonly responses: CategoryValues;
  /** Responses with a non-blank comment, per category: the comment rate is comments / responses. */
  readonly comments: CategoryValues;
  /** Missing or blank comments, skipped. */
  readonly emptyComments: number;
  /** NPS of every response. */
  readonly nps: number | undefined;
  /** Who mentioners were compared with. */
  readonly compareWith: "other-commenters" | "everyone-else";
  /** Those who mention none of the themes (commenters only, or everyone, per `compareWith`). */
  readonly baseline: Tally;
  /** Comments that mention no theme. */
  readonly unmatched: number;
  /** How p-values were adjusted across themes. */
  readonly adjustment: PValueAdjustment;
  /** Whether excerpts were masked, and how many details of each kind in all. */
  readonly redaction: {
    /** Whether excerpts were masked. */
    readonly enabled: boolean;
  } & MaskedCounts;
  /** One result per theme, in the order given. */
  readonly themes: ReadonlyArray<ThemeResult>;
}

/** A keyword made of normalised words; the last may be a prefix. */
interface Phrase {
  readonly theme: number;
  readonly words: ReadonlyArray<string>;
  readonly prefix: boolean;
}

/**
 * Finds which comments mention which themes, and what that goes with: mentions and their share of
 * comments, overall and per category; the NPS of those who mention each theme against the others
 * (`compareWith`), with intervals and a signed two-sided test ({@link compareNps}), p-values adjusted
 * across themes ({@link adjustPValues}); and the theme's NPS impact.
 *
 * **Impact.** With N responses, b the NPS of the baseline (those who mention none of the themes) and
 * s = 100, 0, −100 for a promoter, passive, detractor, the impact of theme t is
 * (1/N)·Σ_{i mentions t} (s_i − b) = [100·(P_t − D_t) − m_t·b]/N: the overall NPS minus the NPS it
 * would have if those who mention t scored like the baseline (negative: the theme costs points; the
 * NPS would rise by as much). It is a sum over mentioners, so the
 * impacts of themes that no comment shares add up to the impact of their union; overlapping
 * themes count shared comments in each.
 *
 * **Matching.** Keywords are matched as whole words after normalisation (see {@link defineThemes});
 * with no themes given, {@link suggestThemes} proposes them. Regular expressions run only with
 * `allowPatterns`, on each comment's first 1,000 characters, after a check that refuses
 * back-references, nested quantifiers and more than two unbounded repetitions, and within
 * `patternTimeLimit`.
 *
 * Responses are unweighted; a comment is optional, so commenters are a self-selected group
 * (`comments` against `responses` shows the comment rate per category). O(total length of the
 * comments + themes × keywords).
 *
 * @param responses - Scores with their comments (`NpsResponse` fits).
 * @param options - Themes, text options, comparison, adjustment, excerpts, redaction.
 * @returns The analysis; themes nobody mentions have `mentions: 0` and no comparison.
 * @throws `NpsError` (from `npskit`) `invalid_score` for a score off the scale; `invalid_input` for a malformed
 * response; `invalid_option` for a bad option or theme (naming it), or patterns past their time limit.
 * @example
 * ```ts
 * import { themes } from "npskit/text";
 * const result = themes(
 *   [
 *     { score: 2, comment: "Long queue at the till" },
 *     { score: 4, comment: "queues, queues" },
 *     { score: 9, comment: "Friendly staff" },
 *     { score: 10, comment: "staff were great" },
 *     { score: 8 },
 *   ],
 *   {
 *     themes: [{ name: "Waiting", keywords: ["queue*"] }, { name: "Staff", keywords: ["staff"] }],
 *     compareWith: "everyone-else",
 *   },
 * );
 * result.themes.map((theme) => [theme.name, theme.mentions, theme.impact]);
 * // => [["Waiting", 2, -40], ["Staff", 2, 40]]
 * ```
 * @category Text
 */
export function themes(responses: ReadonlyArray<CommentedResponse>, options: ThemesOptions = {}): ThemeAnalysis {
  return analyseThemes("themes", responses, options);
}

/**
 * The NPS impact of a theme: (1/N)·Σ over mentioners of (s − b) = [100·(P − D) − m·b]/N, with P and D
 * the promoters and detractors among the m mentioners, b the baseline's NPS and N every response.
 * `undefined` without a baseline or responses. The one place this formula is written.
 */
export function themeImpact(
  mentioners: { readonly promoters: number; readonly detractors: number; readonly n: number },
  baselineNps: number | undefined,
  total: number,
): number | undefined {
  if (baselineNps === undefined || total === 0) return undefined;
  return (100 * (mentioners.promoters - mentioners.detractors) - mentioners.n * baselineNps) / total + 0;
}

/**
 * {@link themes} under another function name, calling `onResponse` with each response's index and
 * the themes it mentions (a 0/1 flag per theme, reused between calls; `undefined` for a blank comment).
 */
export function analyseThemes(
  fn: string,
  responses: ReadonlyArray<CommentedResponse>,
  options: ThemesOptions,
  onResponse?: (index: number, matched: Uint8Array | undefined) => void,
): ThemeAnalysis {
  const text = resolveTextOptions(fn, options);
  const {
    allowPatterns = false,
    patternTimeLimit = 2000,
    compareWith = "other-commenters",
    level = 0.95,
    method = "adjusted-wald",
    adjustment = "holm",
    excerpts = 3,
    redact = true,
  } = options;
  if (typeof allowPatterns !== "boolean") throw optionError(fn, "allowPatterns", "a boolean", allowPatterns);
  if (typeof redact !== "boolean") throw optionError(fn, "redact", "a boolean", redact);
  checkIntegerOption(fn, "patternTimeLimit", patternTimeLimit, 1, 600_000);
  checkIntegerOption(fn, "excerpts", excerpts, 0, 100);
  if (compareWith !== "other-commenters" && compareWith !== "everyone-else") {
    throw optionError(fn, "compareWith", '"other-commenters" or "everyone-else"', compareWith);
  }
  const read = readCommented(fn, responses, options.scale);
  const given = options.themes !== undefined;
  const definitions = given ? checkThemes(fn, options.themes) : suggestThemes(responses, { ...options, limit: 8 });
  if (!allowPatterns) {
    const index = definitions.findIndex((theme) => (theme.patterns ?? []).length > 0);
    if (index >= 0) {
      throw optionError(
        fn,
        `themes[${index}] (${JSON.stringify(definitions[index]?.name)}).patterns`,
        "enabled with allowPatterns: true",
        definitions[index]?.patterns?.[0],
      );
    }
  }
  const tokenizer = createTokenizer(fn, text);
  // Keywords become phrases of normalised words, indexed by their first word.
  const byFirstWord = new Map<string, Phrase[]>();
  const prefixes: Phrase[] = [];
  definitions.forEach((theme, t) => {
    (theme.keywords ?? []).forEach((keyword, k) => {
      const prefix = /\*\s*$/.test(keyword);
      const words = tokenizer(keyword).words;
      if (words.length === 0) {
        throw optionError(
          fn,
          `themes[${t}] (${JSON.stringify(theme.name)}).keywords[${k}]`,
          "a word or phrase that keeps a word after normalisation (stop words, numbers and one-letter words are dropped)",
          keyword,
        );
      }
      const phrase: Phrase = { theme: t, words, prefix };
      if (prefix && words.length === 1) prefixes.push(phrase);
      else {
        const first = words[0] as string;
        const list = byFirstWord.get(first);
        if (list === undefined) byFirstWord.set(first, [phrase]);
        else list.push(phrase);
      }
    });
  });
  const patterns = definitions.map((theme) => (theme.patterns ?? []).map((pattern) => new RegExp(pattern, "iu")));
  const patternTime = new Float64Array(definitions.length);
  let patternTotal = 0;
  const normalise = (comment: string): string => {
    const lower = (text.repair ? repairText(comment) : comment).toLocaleLowerCase(text.locale);
    return text.accents === "strip" ? lower.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC") : lower;
  };

  const count = definitions.length;
  // Per theme and category: mentions among commenters; tallies of mentioners.
  const mentions = definitions.map((): [number, number, number] => [0, 0, 0]);
  const chosen: number[][] = definitions.map(() => []);
  const people: [number, number, number] = [0, 0, 0];
  const commented: [number, number, number] = [0, 0, 0];
  const baseline: [number, number, number] = [0, 0, 0];
  let unmatched = 0;
  let empty = 0;
  const matched = new Uint8Array(count);
  read.forEach(({ category, comment }, index) => {
    people[category]++;
    if (comment === undefined) {
      onResponse?.(index, undefined);
      empty++;
      if (compareWith === "everyone-else") baseline[category]++;
      return;
    }
    commented[category]++;
    matched.fill(0);
    const { words, gaps } = tokenizer(comment);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      const candidates = byFirstWord.get(word);
      if (candidates !== undefined) {
        for (const phrase of candidates) {
          if (matched[phrase.theme] === 1) continue;
          if (matchesAt(phrase, words, gaps, i)) matched[phrase.theme] = 1;
        }
      }
      for (const phrase of prefixes) if (word.startsWith(phrase.words[0] as string)) matched[phrase.theme] = 1;
    }
    if (allowPatterns) {
      const target = normalise(comment.slice(0, PATTERN_INPUT_LENGTH));
      for (let t = 0; t < count; t++) {
        const list = patterns[t] as RegExp[];
        if (matched[t] === 1 || list.length === 0) continue;
        const start = Date.now();
        if (list.some((pattern) => pattern.test(target))) matched[t] = 1;
        const spent = Date.now() - start;
        patternTime[t] = (patternTime[t] as number) + spent;
        patternTotal += spent;
        if (patternTotal > patternTimeLimit) {
          let slowest = 0;
          for (let u = 1; u < count; u++)
            if ((patternTime[u] as number) > (patternTime[slowest] as number)) slowest = u;
          throw new NpsError(
            "invalid_option",
            `${fn}: patterns must run within patternTimeLimit (${patternTimeLimit} ms), received patterns that took longer by comment ${index + 1}, most in themes[${slowest}] (${JSON.stringify(definitions[slowest]?.name)})`,
          );
        }
      }
    }
    onResponse?.(index, matched);
    let any = false;
    for (let t = 0; t < count; t++) {
      if (matched[t] === 0) continue;
      any = true;
      (mentions[t] as [number, number, number])[category]++;
      const list = chosen[t] as number[];
      if (list.length < excerpts) list.push(index);
    }
    if (!any) {
      unmatched++;
      baseline[category]++;
    }
  });

  const totalResponses = read.length;
  const totalComments = commented.reduce((a, b) => a + b, 0);
  const baselineTally = categoryTally(baseline);
  const baselineN = baseline[0] + baseline[1] + baseline[2];
  const baselineNps =
    baselineN === 0 ? undefined : (100 * ((baseline[2] as number) - (baseline[0] as number))) / baselineN;
  const masked = { emails: 0, phones: 0, numbers: 0 };
  const results = definitions.map((theme, t) => {
    const m = mentions[t] as [number, number, number];
    const mentionCount = m[0] + m[1] + m[2];
    const pool = compareWith === "everyone-else" ? people : commented;
    const otherCounts = [pool[0] - m[0], pool[1] - m[1], pool[2] - m[2]];
    const mentioners = categoryTally(m);
    const others = categoryTally(otherCounts);
    const comparison = mentionCount === 0 ? undefined : compareNps(mentioners, others, { level, method });
    const impact = themeImpact(
      { promoters: m[2] as number, detractors: m[0] as number, n: mentionCount },
      baselineNps,
      totalResponses,
    );
    const shown = (chosen[t] as number[]).map((index): ThemeExcerpt => {
      const response = responses[index] as CommentedResponse;
      const raw = read[index]?.comment as string;
      const repaired = text.repair ? repairText(raw) : raw;
      const redacted = redact ? redactText(repaired) : { text: repaired, masked: { emails: 0, phones: 0, numbers: 0 } };
      masked.emails += redacted.masked.emails;
      masked.phones += redacted.masked.phones;
      masked.numbers += redacted.masked.numbers;
      return {
        text: redacted.text,
        score: response.score,
        category: CATEGORIES[read[index]?.category ?? 0] as Category,
        masked: redacted.masked,
      };
    });
    const byCategory = (c: 0 | 1 | 2): CategoryMentions => ({
      mentions: m[c],
      comments: commented[c],
      share: commented[c] === 0 ? undefined : m[c] / commented[c],
    });
    return {
      name: theme.name,
      mentions: mentionCount,
      share: totalComments === 0 ? 0 : mentionCount / totalComments,
      byCategory: { detractors: byCategory(0), passives: byCategory(1), promoters: byCategory(2) },
      mentioners,
      mentionersNps: confidenceInterval(mentioners, { level }),
      others,
      othersNps: confidenceInterval(others, { level }),
      comparison,
      impact,
      excerpts: shown,
    };
  });
  const tested = results.filter((result) => result.comparison?.pValue !== undefined);
  const adjusted = adjustPValues(
    tested.map((result) => result.comparison?.pValue as number),
    adjustment,
  );
  const adjustedOf = new Map(tested.map((result, i) => [result, adjusted[i]]));
  const all = categoryTally(people);
  return {
    kind: "themes",
    source: given ? "given" : "suggested",
    definitions,
    responses: categoryValues(people),
    comments: categoryValues(commented),
    emptyComments: empty,
    nps: totalResponses === 0 ? undefined : (100 * (all.promoters - all.detractors)) / totalResponses + 0,
    compareWith,
    baseline: baselineTally,
    unmatched,
    adjustment,
    redaction: { enabled: redact, ...masked },
    themes: results.map((result): ThemeResult => ({ ...result, adjustedPValue: adjustedOf.get(result) })),
  };
}

function matchesAt(phrase: Phrase, words: ReadonlyArray<string>, gaps: ReadonlyArray<number>, at: number): boolean {
  const length = phrase.words.length;
  if (at + length > words.length) return false;
  for (let k = 1; k < length; k++) {
    // A phrase may skip stop words ("temps de l'attente") but not punctuation.
    if ((gaps[at + k] as number) > 1) return false;
    const word = words[at + k] as string;
    const wanted = phrase.words[k] as string;
    if (phrase.prefix && k === length - 1 ? !word.startsWith(wanted) : word !== wanted) return false;
  }
  return true;
}

function categoryTally(values: ReadonlyArray<number>): Tally {
  return categoryValues(values);
}
