import {
  type Calendar,
  instantText,
  nextPeriodStart,
  periodLabel,
  periodStart,
  type TrendPeriod,
} from "../core/calendar.js";
import { countResponses, resolveCountTime } from "../core/countResponses.js";
import { NpsError } from "../core/errors.js";
import type { AttributeValue, NpsResponse } from "../core/response.js";
import type { Tally } from "../core/tally.js";
import { type ConfidenceInterval, confidenceInterval } from "../inference/confidenceInterval.js";
import { describeValue } from "../internal/describe.js";
import type { CommentedResponse } from "./responses.js";
import { analyseThemes, type ThemesOptions, themeImpact } from "./themes.js";

/**
 * A response with its comment and, for {@link themesByPeriod}, its date (an `NpsResponse` fits).
 *
 * @category Text
 */
export interface DatedCommentedResponse extends CommentedResponse {
  /** When it was answered; undated responses (no date, or `null`) are counted and left out of the periods. */
  readonly date?: Date | null | undefined;
}

/**
 * Options of {@link themesByPeriod}: those of {@link themes} (excerpts aside), and the calendar.
 *
 * @category Text
 */
export interface ThemesByPeriodOptions extends Omit<ThemesOptions, "excerpts" | "redact"> {
  /** The calendar period. */
  readonly period: TrendPeriod;
  /** IANA time zone in which periods are read. @defaultValue "UTC" */
  readonly timeZone?: string;
  /** First day of the week, 0 (Sunday) to 6 (Saturday); 1 gives ISO weeks. @defaultValue 1 */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * One theme in one period.
 *
 * @category Text
 */
export interface ThemePeriodValue {
  /** The theme's name. */
  readonly name: string;
  /** Comments of the period that mention it. */
  readonly mentions: number;
  /** mentions / comments of the period; `undefined` when the period has no comment. */
  readonly share: number | undefined;
  /** The mentioners' NPS and its interval; `undefined` without mentions. */
  readonly mentionersNps: ConfidenceInterval | undefined;
  /** The theme's NPS impact within the period (see {@link themes}); `undefined` without a baseline. */
  readonly impact: number | undefined;
}

/**
 * The themes in one calendar period.
 *
 * @category Text
 */
export interface ThemePeriod {
  /** `2026-03`, `2026-W14`, `2026-Q2`, `2026-03-14`, `2026`. */
  readonly label: string;
  /** First instant of the period, ISO 8601 with the zone's offset (included). */
  readonly start: string;
  /** First instant after the period (excluded). */
  readonly end: string;
  /** Responses of the period, with or without a comment. */
  readonly responses: number;
  /** Responses of the period with a comment. */
  readonly comments: number;
  /** The NPS of every response of the period. */
  readonly nps: number | undefined;
  /** Those of the period who mention no theme (commenters, or everyone, per `compareWith`). */
  readonly baseline: Tally;
  /** One value per theme, in the order of the definitions. */
  readonly themes: ReadonlyArray<ThemePeriodValue>;
}

/**
 * A theme's share and impact by calendar period.
 *
 * @category Text
 */
export interface ThemesByPeriod {
  /** Tags the result. */
  readonly kind: "themes-by-period";
  /** The calendar period. */
  readonly period: TrendPeriod;
  /** The time zone of the calendar. */
  readonly timeZone: string;
  /** Whether the themes were given or suggested (from all the comments, once). */
  readonly source: "given" | "suggested";
  /** The theme names, in order. */
  readonly themes: ReadonlyArray<string>;
  /** Who mentioners were compared with; the baseline of each period follows. */
  readonly compareWith: "other-commenters" | "everyone-else";
  /** The periods that hold a response, oldest first (periods without responses are not listed). */
  readonly points: ReadonlyArray<ThemePeriod>;
  /** Responses without a date, left out of the periods (they count in {@link themes}). */
  readonly undated: number;
}

const ALL = "all";
const COMMENTS = "comments";
const BASELINE = "baseline";

/**
 * A theme's share of comments and NPS impact in each calendar period: the themes are matched once
 * over every comment (as {@link themes} does, with the same definitions — given, or suggested from all
 * the comments), each response is counted into keyed tallies (`countResponses`) by period under the keys
 * "every response", "commented", "mentions no theme" and one per theme it mentions, and each period's
 * figures come from its cells. The impact within a period uses that period's responses and baseline:
 * [100·(P − D) − m·b]/N, the formula of {@link themes}. Unweighted. O(total length of the comments +
 * responses × themes mentioned).
 *
 * @param responses - Scores with their comments and dates (`NpsResponse` fits).
 * @param options - The calendar period and time zone, and the options of {@link themes}.
 * @returns The periods with a response, oldest first.
 * @throws `NpsError` `invalid_option` for a bad period, time zone or theme option; as {@link themes} otherwise.
 * @example
 * ```ts
 * import { themesByPeriod } from "npskit/text";
 * const result = themesByPeriod(
 *   [
 *     { score: 2, comment: "long queue", date: new Date("2026-01-10") },
 *     { score: 10, comment: "great staff", date: new Date("2026-01-12") },
 *     { score: 3, comment: "queue again", date: new Date("2026-02-03") },
 *     { score: 9, comment: "fine", date: new Date("2026-02-05") },
 *   ],
 *   { period: "month", themes: [{ name: "Waiting", keywords: ["queue"] }] },
 * );
 * result.points.map((point) => [point.label, point.themes[0]?.share]); // => [["2026-01", 0.5], ["2026-02", 0.5]]
 * ```
 * @category Text
 */
export function themesByPeriod(
  responses: ReadonlyArray<DatedCommentedResponse>,
  options: ThemesByPeriodOptions,
): ThemesByPeriod {
  const fn = "themesByPeriod";
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  if (options.period === undefined) {
    throw new NpsError(
      "invalid_option",
      `${fn}: period must be "day", "week", "month", "quarter" or "year", received undefined`,
    );
  }
  const time = resolveCountTime(fn, options) as NonNullable<ReturnType<typeof resolveCountTime>>;
  // One frozen attribute record per key, shared by every counted entry.
  const records = new Map<string, Readonly<Record<string, AttributeValue>>>();
  const record = (key: string): Readonly<Record<string, AttributeValue>> => {
    let found = records.get(key);
    if (found === undefined) {
      found = Object.freeze({ key });
      records.set(key, found);
    }
    return found;
  };
  const compareWith = options.compareWith ?? "other-commenters";
  const entries: NpsResponse[] = [];
  let undated = 0;
  const analysis = analyseThemes(fn, responses, { ...options, excerpts: 0 }, (index, matched) => {
    const response = responses[index] as DatedCommentedResponse;
    const date = response.date;
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      undated++;
      return;
    }
    const add = (key: string): void => {
      entries.push({ score: response.score, date, attributes: record(key) });
    };
    add(ALL);
    if (matched === undefined) {
      if (compareWith === "everyone-else") add(BASELINE);
      return;
    }
    add(COMMENTS);
    let any = false;
    for (let t = 0; t < matched.length; t++) {
      if (matched[t] === 1) {
        any = true;
        add(`t${t}`);
      }
    }
    if (!any) add(BASELINE);
  });
  const tallies = countResponses(entries, {
    by: "key",
    period: time.bucket,
    timeZone: time.timeZone,
    weekStartsOn: time.weekStartsOn,
    ...(options.scale === undefined ? {} : { scale: options.scale }),
  });
  const keys = tallies.dimensions[0]?.keys ?? [];
  const byStart = new Map<number, Map<string, Tally>>();
  for (const cell of tallies.cells) {
    const start = cell.start as number;
    let cells = byStart.get(start);
    if (cells === undefined) {
      cells = new Map();
      byStart.set(start, cells);
    }
    cells.set(String(keys[cell.codes[0] as number]), cell.tally);
  }
  const calendar: Calendar = { timeZone: time.timeZone, weekStartsOn: time.weekStartsOn };
  const level = options.level === undefined ? {} : { level: options.level };
  const empty: Tally = { promoters: 0, passives: 0, detractors: 0 };
  const sizeOf = (tally: Tally): number => tally.promoters + tally.passives + tally.detractors;
  const npsOf = (tally: Tally): number | undefined =>
    sizeOf(tally) === 0 ? undefined : (100 * (tally.promoters - tally.detractors)) / sizeOf(tally) + 0;
  const points = [...byStart.keys()]
    .sort((a, b) => a - b)
    .map((start): ThemePeriod => {
      const cells = byStart.get(start) as Map<string, Tally>;
      const all = cells.get(ALL) ?? empty;
      const baseline = cells.get(BASELINE) ?? empty;
      const comments = sizeOf(cells.get(COMMENTS) ?? empty);
      const total = sizeOf(all);
      const baselineNps = npsOf(baseline);
      const begin = periodStart(start, time.bucket, calendar);
      return {
        label: periodLabel(begin, time.bucket, calendar),
        start: instantText(begin),
        end: instantText(nextPeriodStart(begin, time.bucket, calendar)),
        responses: total,
        comments,
        nps: npsOf(all),
        baseline,
        themes: analysis.definitions.map((definition, t): ThemePeriodValue => {
          const mentioners = cells.get(`t${t}`) ?? empty;
          const mentions = sizeOf(mentioners);
          return {
            name: definition.name,
            mentions,
            share: comments === 0 ? undefined : mentions / comments,
            mentionersNps: mentions === 0 ? undefined : confidenceInterval(mentioners, level),
            impact: themeImpact({ ...mentioners, n: mentions }, baselineNps, total),
          };
        }),
      };
    });
  return {
    kind: "themes-by-period",
    period: time.bucket,
    timeZone: time.timeZone,
    source: analysis.source,
    themes: analysis.definitions.map((definition) => definition.name),
    compareWith,
    points,
    undated,
  };
}
