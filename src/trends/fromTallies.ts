import { locate, type TrendPeriod } from "../core/calendar.js";
import { NpsError } from "../core/errors.js";
import { checkKeyedTallies, dimensionIndex, type KeyedTallies, sumsOfTally } from "../core/keyedTallies.js";
import type { TallySums } from "../core/prepareResponses.js";
import { keyOrder, type SegmentKey } from "../core/segmentKey.js";
import { addSums } from "../core/tally.js";
import {
  type RollingTrend,
  type RollingTrendOptions,
  resolveRollingOptions,
  rollingOfDays,
  type WindowSums,
} from "./rollingTrend.js";
import type { RollingTrendBy } from "./rollingTrendBy.js";
import { resolvePeriodOptions, type Trend, type TrendOptions, trendOfSums } from "./trend.js";
import type { TrendBy } from "./trendBy.js";
import { type ResolvedTrendOptions, resolveTrendOptions } from "./trendPoint.js";

/**
 * Options of {@link trendByFromTallies}.
 *
 * @category Keyed tallies
 */
export interface TrendByFromTalliesOptions extends TrendOptions {
  /** The dimension whose segments get a trend each. @defaultValue the first dimension of the tallies */
  readonly by?: string;
}

/**
 * Options of {@link rollingTrendByFromTallies}.
 *
 * @category Keyed tallies
 */
export interface RollingTrendByFromTalliesOptions extends RollingTrendOptions {
  /** The dimension whose segments get a rolling trend each. @defaultValue the first dimension of the tallies */
  readonly by?: string;
}

/** Which calendar buckets nest in which periods: a day in every period, a month in a quarter and a year… */
const NESTS: Readonly<Record<TrendPeriod, ReadonlyArray<TrendPeriod>>> = {
  day: ["day", "week", "month", "quarter", "year"],
  week: ["week"],
  month: ["month", "quarter", "year"],
  quarter: ["quarter", "year"],
  year: ["year"],
};

/**
 * The trend options for tallies: the tallies' time zone and week start unless the options name the
 * same ones; the `"latest"` policy is refused (it needs every answer of a respondent).
 */
function resolveTallyTrend(
  fn: string,
  tallies: KeyedTallies,
  options: TrendOptions | RollingTrendOptions,
  period: TrendPeriod,
): ResolvedTrendOptions {
  checkKeyedTallies(fn, tallies);
  const time = tallies.time;
  if (time === null) {
    throw new NpsError(
      "invalid_option",
      `${fn}: tallies must be counted by a time bucket (the period option of countResponses), received tallies without one`,
    );
  }
  if (options !== null && typeof options === "object") {
    if (options.timeZone !== undefined && options.timeZone !== time.timeZone) {
      throw new NpsError(
        "invalid_option",
        `${fn}: timeZone must be the time zone the tallies were counted in (${time.timeZone}), received ${JSON.stringify(options.timeZone)}`,
      );
    }
    if (options.weekStartsOn !== undefined && options.weekStartsOn !== time.weekStartsOn) {
      throw new NpsError(
        "invalid_option",
        `${fn}: weekStartsOn must be the week start the tallies were counted with (${time.weekStartsOn}), received ${JSON.stringify(options.weekStartsOn)}`,
      );
    }
    if (options.respondents === "latest") {
      throw new NpsError(
        "invalid_option",
        `${fn}: respondents must be "all" for tallies (the "latest" policy needs every answer of each respondent: use trend or rollingTrend on the responses), received "latest"`,
      );
    }
  }
  if (!(NESTS[time.bucket] as ReadonlyArray<string>).includes(period)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: period must be one that ${time.bucket} buckets nest in (${(NESTS[time.bucket] as ReadonlyArray<string>).join(", ")}), received ${JSON.stringify(period)}`,
    );
  }
  return resolveTrendOptions(fn, {
    ...(options as TrendOptions),
    scale: tallies.scale,
    timeZone: time.timeZone,
    weekStartsOn: time.weekStartsOn,
  });
}

/** The cells of one series: every cell, or the cells of one key of dimension `d`. */
interface Series {
  readonly cells: ReadonlyArray<{ readonly start: number | null; readonly sums: TallySums }>;
  readonly dated: number;
  readonly undated: number;
  readonly first: number;
  readonly last: number;
}

/** Splits the cells into one series (d < 0) or one per key of dimension `d`, and counts the cells left out. */
function seriesOf(tallies: KeyedTallies, d: number): { series: Series[]; leftOut: number } {
  const count = d < 0 ? 1 : (tallies.dimensions[d] as { keys: ReadonlyArray<SegmentKey> }).keys.length;
  const parts = Array.from({ length: count }, () => ({
    cells: [] as { start: number | null; sums: TallySums }[],
    dated: 0,
    undated: 0,
    first: Number.NaN,
    last: Number.NaN,
  }));
  let leftOut = 0;
  for (const cell of tallies.cells) {
    const sums = sumsOfTally(cell.tally);
    const n = (sums[6] as number) + (sums[7] as number) + (sums[8] as number);
    const code = d < 0 ? 0 : (cell.codes[d] as number);
    if (code < 0) {
      leftOut += n;
      continue;
    }
    const part = parts[code] as (typeof parts)[number];
    part.cells.push({ start: cell.start, sums });
    if (cell.start === null) {
      part.undated += n;
      continue;
    }
    part.dated += n;
    if (!(cell.start >= part.first)) part.first = cell.start;
    if (!(cell.start <= part.last)) part.last = cell.start;
  }
  return { series: parts, leftOut };
}

/** The earliest and latest bucket starts over several series (NaN when none is dated). */
function rangeOf(series: ReadonlyArray<Series>): { first: number; last: number } {
  let first = Number.NaN;
  let last = Number.NaN;
  for (const part of series) {
    if (part.dated === 0) continue;
    if (!(part.first >= first)) first = part.first;
    if (!(part.last <= last)) last = part.last;
  }
  return { first, last };
}

/**
 * One trend per key of the dimension `by` (the first by default), in key order, all over the range
 * of every segment's dated buckets; and the number of responses in no segment.
 */
function bySegment<T>(
  fn: string,
  tallies: KeyedTallies,
  by: string | undefined,
  build: (part: Series, range: { first: number; last: number }) => T,
): { segments: Array<{ key: SegmentKey; trend: T }>; leftOut: number } {
  const d = dimensionIndex(fn, tallies, by);
  const { series, leftOut } = seriesOf(tallies, d);
  const range = rangeOf(series);
  const keys = (tallies.dimensions[d] as { keys: ReadonlyArray<SegmentKey> }).keys;
  const segments = keyOrder(keys).map((g) => ({
    key: keys[g] as SegmentKey,
    trend: build(series[g] as Series, range),
  }));
  return { segments, leftOut };
}

/**
 * The sums of a series per period (9 slots each) on the given boundaries. A bucket nests in one
 * period, so its start instant is found among the period boundaries by binary search.
 */
function periodSums(part: Series, instants: Float64Array, periods: number): TallySums {
  const sums = new Float64Array(periods * 9);
  for (const cell of part.cells) {
    if (cell.start !== null) addSums(sums, cell.sums, locate(instants, cell.start));
  }
  return sums;
}

function trendOfSeries(
  part: Series,
  period: TrendPeriod,
  fillGaps: boolean,
  options: ResolvedTrendOptions,
  weighted: boolean,
  range: { first: number; last: number },
): Trend {
  return trendOfSums(
    period,
    fillGaps,
    options,
    range,
    { weighted, dated: part.dated, undated: part.undated },
    (instants, periods) => periodSums(part, instants, periods),
  );
}

/**
 * The calendar trend of {@link trend}, computed from keyed tallies counted by a time bucket: the cells
 * of each period are added up (over every segment), then each period gets its figures and its change
 * from the previous one. The period must be one the buckets nest in: day buckets serve every period,
 * month buckets months, quarters and years. The time zone and week start are those of the tallies.
 * O(cells + periods).
 *
 * @param tallies - Keyed tallies counted with a `period` ({@link countResponses}).
 * @param options - The options of {@link trend}; `period` defaults to the tallies' bucket.
 * @returns The trend, as {@link trend} gives it for the same responses.
 * @throws {@link NpsError} `invalid_input` for a value that is not keyed tallies; `invalid_option`
 * for tallies without a time bucket, a period the buckets do not nest in, another time zone or week
 * start, the `"latest"` respondent policy, or an option outside its range.
 * @example
 * ```ts
 * import { countResponses, trendFromTallies } from "npskit";
 * const tallies = countResponses(
 *   [{ score: 10, date: new Date("2026-01-05T12:00:00Z") }, { score: 0, date: new Date("2026-04-05T12:00:00Z") }],
 *   { period: "day" },
 * );
 * trendFromTallies(tallies, { period: "quarter" }).points.map((point) => [point.label, point.nps]);
 * // => [["2026-Q1", 100], ["2026-Q2", -100]]
 * ```
 * @category Keyed tallies
 */
export function trendFromTallies(tallies: KeyedTallies, options: TrendOptions = {}): Trend {
  return trendOfTallies("trendFromTallies", tallies, options);
}

/** {@link trendFromTallies}, naming `fn` in errors. */
export function trendOfTallies(fn: string, tallies: KeyedTallies, options: TrendOptions): Trend {
  const period = options?.period ?? tallies?.time?.bucket ?? "month";
  const resolved = resolveTallyTrend(fn, tallies, options, period);
  const { fillGaps } = resolvePeriodOptions(fn, { ...options, period });
  const { series } = seriesOf(tallies, -1);
  const part = series[0] as Series;
  return trendOfSeries(part, period, fillGaps, resolved, tallies.weighted, part);
}

/**
 * The per-segment trends of {@link trendBy}, computed from keyed tallies counted by a dimension and a
 * time bucket: one trend per key of the dimension, all on the same periods. O(cells + k·periods).
 *
 * @param tallies - Keyed tallies counted with `by` and a `period`.
 * @param options - The dimension, and the options of {@link trend}; `period` defaults to the bucket.
 * @returns The trends by segment, as {@link trendBy} gives them for the same responses.
 * @throws {@link NpsError} as {@link trendFromTallies}, and `invalid_option` for an unknown dimension.
 * @example
 * ```ts
 * import { countResponses, trendByFromTallies } from "npskit";
 * const tallies = countResponses(
 *   [
 *     { score: 10, date: new Date("2026-01-05T12:00:00Z"), attributes: { plan: "pro" } },
 *     { score: 0, date: new Date("2026-02-05T12:00:00Z"), attributes: { plan: "free" } },
 *   ],
 *   { by: "plan", period: "month" },
 * );
 * trendByFromTallies(tallies).segments.map((segment) => [segment.key, segment.trend.points.map((point) => point.n)]);
 * // => [["free", [0, 1]], ["pro", [1, 0]]]
 * ```
 * @category Keyed tallies
 */
export function trendByFromTallies(tallies: KeyedTallies, options: TrendByFromTalliesOptions = {}): TrendBy {
  return trendByOfTallies("trendByFromTallies", tallies, options);
}

/** {@link trendByFromTallies}, naming `fn` in errors. */
export function trendByOfTallies(fn: string, tallies: KeyedTallies, options: TrendByFromTalliesOptions): TrendBy {
  const period = options?.period ?? tallies?.time?.bucket ?? "month";
  const resolved = resolveTallyTrend(fn, tallies, options, period);
  const { fillGaps } = resolvePeriodOptions(fn, { ...options, period });
  const { segments, leftOut } = bySegment(fn, tallies, options.by, (part, range) =>
    trendOfSeries(part, period, fillGaps, resolved, tallies.weighted, range),
  );
  return {
    kind: "trend-by-segment",
    period,
    timeZone: resolved.calendar.timeZone,
    weekStartsOn: resolved.calendar.weekStartsOn,
    respondents: resolved.respondents,
    segments,
    leftOut,
  };
}

/**
 * Window sums of a series by day, with a tree of partial sums: each window is the sum of O(log d)
 * nodes, added, never subtracted, so weighted windows carry no residue of responses that left.
 */
function treeWindows(part: Series, dayInstants: Float64Array, dayCount: number): WindowSums {
  let size = 1;
  while (size < dayCount) size *= 2;
  const tree = new Float64Array(2 * size * 9);
  for (const cell of part.cells) {
    if (cell.start === null) continue;
    addSums(tree, cell.sums, size + locate(dayInstants, cell.start));
  }
  for (let node = size - 1; node >= 1; node--) {
    addSums(tree, tree, node, 2 * node);
    addSums(tree, tree, node, 2 * node + 1);
  }
  return (sums, startDay, endDay) => {
    sums.fill(0, 0, 9);
    let low = Math.max(0, startDay) + size;
    let high = endDay + size;
    while (low < high) {
      if (low & 1) addSums(sums, tree, 0, low++);
      if (high & 1) addSums(sums, tree, 0, --high);
      low >>= 1;
      high >>= 1;
    }
  };
}

function rollingOfSeries(
  part: Series,
  window: { days: number },
  step: RollingTrendOptions["step"] & string,
  options: ResolvedTrendOptions,
  weighted: boolean,
  range: { first: number; last: number },
): RollingTrend {
  return rollingOfDays(
    window,
    step,
    options,
    range,
    { weighted, dated: part.dated, undated: part.undated },
    (dayInstants, dayCount) => treeWindows(part, dayInstants, dayCount),
  );
}

/**
 * The rolling trend of {@link rollingTrend}, computed from keyed tallies counted by calendar day: each
 * trailing window adds up the day cells it covers. O(cells + windows·log days).
 *
 * @param tallies - Keyed tallies counted with `period: "day"`.
 * @param options - The options of {@link rollingTrend}.
 * @returns The rolling trend, as {@link rollingTrend} gives it for the same responses.
 * @throws {@link NpsError} as {@link trendFromTallies}, and `invalid_option` for tallies not counted by day.
 * @example
 * ```ts
 * import { countResponses, rollingTrendFromTallies } from "npskit";
 * const tallies = countResponses(
 *   [{ score: 10, date: new Date("2026-03-01T12:00:00Z") }, { score: 0, date: new Date("2026-03-02T12:00:00Z") }],
 *   { period: "day" },
 * );
 * rollingTrendFromTallies(tallies, { window: { days: 2 } }).points.map((point) => point.nps); // => [100, 0]
 * ```
 * @category Keyed tallies
 */
export function rollingTrendFromTallies(tallies: KeyedTallies, options: RollingTrendOptions = {}): RollingTrend {
  return rollingTrendOfTallies("rollingTrendFromTallies", tallies, options);
}

/** {@link rollingTrendFromTallies}, naming `fn` in errors. */
export function rollingTrendOfTallies(fn: string, tallies: KeyedTallies, options: RollingTrendOptions): RollingTrend {
  const resolved = resolveTallyTrend(fn, tallies, options, "day");
  const { window, step } = resolveRollingOptions(fn, options);
  const { series } = seriesOf(tallies, -1);
  const part = series[0] as Series;
  return rollingOfSeries(part, window, step, resolved, tallies.weighted, part);
}

/**
 * The per-segment rolling trends of {@link rollingTrendBy}, computed from keyed tallies counted by a
 * dimension and by calendar day. O(cells + k·windows·log days).
 *
 * @param tallies - Keyed tallies counted with `by` and `period: "day"`.
 * @param options - The dimension, and the options of {@link rollingTrend}.
 * @returns The rolling trends by segment, as {@link rollingTrendBy} gives them for the same responses.
 * @throws {@link NpsError} as {@link rollingTrendFromTallies}, and `invalid_option` for an unknown dimension.
 * @example
 * ```ts
 * import { countResponses, rollingTrendByFromTallies } from "npskit";
 * const tallies = countResponses(
 *   [
 *     { score: 10, date: new Date("2026-03-01T12:00:00Z"), attributes: { plan: "pro" } },
 *     { score: 0, date: new Date("2026-03-02T12:00:00Z"), attributes: { plan: "free" } },
 *   ],
 *   { by: "plan", period: "day" },
 * );
 * rollingTrendByFromTallies(tallies, { window: { days: 7 } }).segments.map((segment) => segment.trend.points.length);
 * // => [2, 2]
 * ```
 * @category Keyed tallies
 */
export function rollingTrendByFromTallies(
  tallies: KeyedTallies,
  options: RollingTrendByFromTalliesOptions = {},
): RollingTrendBy {
  return rollingTrendByOfTallies("rollingTrendByFromTallies", tallies, options);
}

/** {@link rollingTrendByFromTallies}, naming `fn` in errors. */
export function rollingTrendByOfTallies(
  fn: string,
  tallies: KeyedTallies,
  options: RollingTrendByFromTalliesOptions,
): RollingTrendBy {
  const resolved = resolveTallyTrend(fn, tallies, options, "day");
  const { window, step } = resolveRollingOptions(fn, options);
  const { segments, leftOut } = bySegment(fn, tallies, options.by, (part, range) =>
    rollingOfSeries(part, window, step, resolved, tallies.weighted, range),
  );
  return {
    kind: "rolling-trend-by-segment",
    window,
    step,
    timeZone: resolved.calendar.timeZone,
    weekStartsOn: resolved.calendar.weekStartsOn,
    respondents: resolved.respondents,
    segments,
    leftOut,
  };
}
