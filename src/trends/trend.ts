import { locate, periodBoundaries, TREND_PERIODS, type TrendPeriod, type WeekDay } from "../core/calendar.js";
import { countResponsesFor } from "../core/countResponses.js";
import { keyedTalliesOf, type TallyTime } from "../core/keyedTallies.js";
import { sumTallies } from "../core/mergeTallies.js";
import { checkBoolean, checkChoice } from "../core/options.js";
import { addResponse, type PreparedResponses, prepareResponses, type TallySums } from "../core/prepareResponses.js";
import type { NpsResponse } from "../core/response.js";
import { type Tally, withScale } from "../core/tally.js";
import { trendOfTallies } from "./fromTallies.js";
import { dedupeLatest } from "./latest.js";
import {
  type ChangeBasis,
  type PointFigures,
  pointOf,
  type ResolvedTrendOptions,
  type RespondentPolicy,
  resolveTrendOptions,
  type TrendCommonOptions,
  type TrendPoint,
  withChange,
} from "./trendPoint.js";

/**
 * Options of {@link trend}.
 *
 * @category Trends
 */
export interface TrendOptions extends TrendCommonOptions {
  /** The calendar period of each point. @defaultValue "month" */
  readonly period?: TrendPeriod;
  /**
   * Whether periods without responses between the first and the last one appear as points with
   * n = 0 and `undefined` figures. @defaultValue true
   */
  readonly fillGaps?: boolean;
}

/**
 * A trend over calendar periods, made by {@link trend}.
 *
 * @category Trends
 */
export interface Trend {
  /** Tells a calendar trend apart from other results. */
  readonly kind: "trend";
  /** The calendar period of each point. */
  readonly period: TrendPeriod;
  /** The time zone in which periods were read. */
  readonly timeZone: string;
  /** First day of the week (1 = Monday, ISO weeks). */
  readonly weekStartsOn: WeekDay;
  /** The respondent policy. */
  readonly respondents: RespondentPolicy;
  /** What each point's `change` compares it with: the previous calendar period. */
  readonly changeBasis: Extract<ChangeBasis, "previous-period">;
  /** Points with responses but fewer than this (effective) number of them are flagged `small`. */
  readonly minResponses: number;
  /** One point per period, oldest first, from the period of the first dated response to that of the last. */
  readonly points: ReadonlyArray<TrendPoint>;
  /** Sum of the points' tallies: every dated response counted (once per period with `"latest"`). */
  readonly total: Tally;
  /** Number of responses with a date. */
  readonly dated: number;
  /** Number of responses without a date: counted here, in no period. */
  readonly undated: number;
}

/**
 * NPS per calendar period — day, week, month, quarter or year — read in an IANA time zone: for each
 * period its start and end instants, a label (`2026-03`, `2026-W14`, `2026-Q2`), the tally, shares,
 * NPS, standard error, confidence interval, and the change from the previous period with its p-value
 * ({@link compareNps}). Calendar arithmetic is done with date-fns and `@date-fns/tz`, so periods are
 * right across daylight-saving changes and year boundaries.
 *
 * A period owns the instants from its start (included) to the next period's start (excluded), so an
 * answer given exactly at midnight on the 1st belongs to the month that starts then. Weeks are ISO
 * weeks by default (Monday, labelled with the ISO week-year: 2026-12-31T23:30Z is in 2027-01 in Paris
 * but in week 2026-W53). Responses without a date are counted in `undated`, never silently dropped.
 * With `respondents: "latest"`, each respondent counts once per period, with their most recent
 * answer in it. See `docs/trends.md`.
 *
 * Cost: O(n·log p + p) for n responses and p periods — each response is placed by binary search among
 * the period starts, which are computed once per period.
 *
 * @param responses - Validated responses; those with a `date` are placed in periods.
 * @param options - Period, time zone, week start, gaps, respondent policy, interval and comparison methods.
 * @returns The trend; no points when no response has a date.
 * @throws {@link NpsError} `invalid_date` for a date that is not a valid `Date`, or a time-zone name
 * that is not a known IANA zone; `invalid_option` for an unknown period, method or respondent policy,
 * a `weekStartsOn` outside 0..6, a non-boolean `fillGaps`, a level outside (0, 1);
 * `invalid_score`, `invalid_weight`, `invalid_input` for bad responses (see {@link tallyResponses}).
 * @example
 * ```ts
 * import { trend } from "npskit";
 * const responses = [
 *   { score: 10, date: new Date("2026-01-15T10:00:00Z") },
 *   { score: 3, date: new Date("2026-01-20T10:00:00Z") },
 *   { score: 9, date: new Date("2026-03-01T00:00:00Z") },
 *   { score: 8 },
 * ];
 * const result = trend(responses, { period: "month" });
 * result.points.map((point) => point.label); // => ["2026-01", "2026-02", "2026-03"]
 * result.points.map((point) => point.nps); // => [0, undefined, 100]
 * result.points[0]?.start; // => "2026-01-01T00:00:00.000+00:00"
 * result.undated; // => 1
 * trend(responses, { period: "month", timeZone: "America/New_York" }).points.map((point) => point.label);
 * // => ["2026-01", "2026-02"]
 * ```
 * @category Trends
 */
export function trend(responses: ReadonlyArray<NpsResponse>, options: TrendOptions = {}): Trend {
  const resolved = resolveTrendOptions("trend", options);
  const { period, fillGaps } = resolvePeriodOptions("trend", options);
  if (resolved.respondents === "all") {
    const tallies = keyedTalliesOf(
      countResponsesFor("trend", responses, [], timeOf(period, resolved), resolved.scale).sums(),
    );
    return trendOfTallies("trend", tallies, { ...options, period });
  }
  const prepared = prepareResponses("trend", responses, resolved.scale, undefined, resolved.respondents === "latest");
  return trendOfPrepared(prepared, period, fillGaps, resolved, prepared);
}

/** Checks `period` and `fillGaps`. */
export function resolvePeriodOptions(fn: string, options: TrendOptions): { period: TrendPeriod; fillGaps: boolean } {
  const { period = "month", fillGaps = true } = options;
  checkChoice(fn, "period", period, TREND_PERIODS);
  checkBoolean(fn, "fillGaps", fillGaps);
  return { period, fillGaps };
}

/**
 * The trend of prepared responses over the periods spanning `range` (its first and last dated
 * instants: the responses' own, or wider to align segments on one axis).
 */
export function trendOfPrepared(
  prepared: PreparedResponses,
  period: TrendPeriod,
  fillGaps: boolean,
  options: ResolvedTrendOptions,
  range: { readonly first: number; readonly last: number },
): Trend {
  const counts = {
    weighted: prepared.weights !== undefined,
    dated: prepared.dated,
    undated: prepared.length - prepared.dated,
  };
  return trendOfSums(period, fillGaps, options, range, counts, (instants, periods) => {
    const sums = new Float64Array(periods * 9);
    const periodOf = new Int32Array(prepared.length);
    for (let k = 0; k < prepared.length; k++) {
      const time = prepared.times[k] as number;
      periodOf[k] = Number.isNaN(time) ? -1 : locate(instants, time);
    }
    if (options.respondents === "all") {
      for (let k = 0; k < prepared.length; k++) {
        const p = periodOf[k] as number;
        if (p >= 0) addResponse(sums, p, prepared, k, 1);
      }
    } else {
      for (const k of dedupeLatest(prepared, periodOf, periods))
        addResponse(sums, periodOf[k] as number, prepared, k, 1);
    }
    return sums;
  });
}

/**
 * The trend over the periods spanning `range`, from the running sums of each period that `sumsOf`
 * returns (9 slots per period, see {@link TallySums}) given the period boundaries: the part of
 * {@link trend} after the responses are read, shared with callers that keep sums instead of responses.
 */
export function trendOfSums(
  period: TrendPeriod,
  fillGaps: boolean,
  options: ResolvedTrendOptions,
  range: { readonly first: number; readonly last: number },
  counts: { readonly weighted: boolean; readonly dated: number; readonly undated: number },
  sumsOf: (instants: Float64Array, periods: number) => TallySums,
): Trend {
  const header = {
    kind: "trend" as const,
    period,
    timeZone: options.calendar.timeZone,
    weekStartsOn: options.calendar.weekStartsOn,
    respondents: options.respondents,
    changeBasis: "previous-period" as const,
    minResponses: options.minResponses,
  };
  const { undated } = counts;
  if (Number.isNaN(range.first)) {
    return { ...header, points: [], total: emptyTally(options), dated: 0, undated };
  }
  const boundaries = periodBoundaries(range.first, range.last, period, options.calendar, options.fn);
  const { instants } = boundaries;
  const periods = instants.length - 1;
  const sums = sumsOf(instants, periods);
  const points: TrendPoint[] = [];
  const texts = Array.from(instants, (_, p) => boundaries.text(p));
  let previous: PointFigures | undefined;
  for (let p = 0; p < periods; p++) {
    const where = {
      label: boundaries.label(p),
      index: p,
      start: texts[p] as string,
      end: texts[p + 1] as string,
    };
    const point = pointOf(where, sums, p, counts.weighted, options);
    if (fillGaps || point.n > 0) points.push(withChange(point, previous, options));
    previous = point;
  }
  const total = sumTallies("trend", [emptyTally(options), ...points.map((point) => point.tally)]);
  return { ...header, points, total, dated: counts.dated, undated };
}

/** The time bucket of a trend's calendar. */
export function timeOf(period: TrendPeriod, options: ResolvedTrendOptions): TallyTime {
  return { bucket: period, timeZone: options.calendar.timeZone, weekStartsOn: options.calendar.weekStartsOn };
}

function emptyTally(options: ResolvedTrendOptions): Tally {
  return withScale({ promoters: 0, passives: 0, detractors: 0 }, options.scale);
}
