import type { Benchmark } from "../benchmarks/benchmark.js";
import { type BenchmarkComparison, compareToBenchmark } from "../benchmarks/compareToBenchmark.js";
import type { TrendPeriod } from "../core/calendar.js";
import { checkOptions } from "../core/checkOptions.js";
import { countResponsesFor, resolveCountTime } from "../core/countResponses.js";
import { NpsError } from "../core/errors.js";
import { checkKeyedTallies, type KeyedTallies, keyedTalliesOf, sumsOfTally } from "../core/keyedTallies.js";
import { checkChoice, checkMinResponses } from "../core/options.js";
import type { NpsResponse } from "../core/response.js";
import { type Category, STANDARD_SCALE } from "../core/scale.js";
import { addSums, newWeightedSums, tallyOfSums } from "../core/tally.js";
import type { DriverAnalysis } from "../drivers/drivers.js";
import type { IntervalMethod } from "../inference/confidenceInterval.js";
import { describeValue } from "../internal/describe.js";
import type { CrossSegmentBreakdown } from "../segments/crossSegment.js";
import { crossSegmentsOfTallies, segmentsOfTallies } from "../segments/fromTallies.js";
import { DEFAULT_TOP, limitSegments, resolveSegmentLimits, type SmallSegments } from "../segments/limitSegments.js";
import type { SegmentBreakdown } from "../segments/segmentBy.js";
import { segmentByTiers, type TierBreakdown } from "../segments/segmentByTiers.js";
import type { SegmentSort } from "../segments/segmentFigures.js";
import {
  rollingTrendByOfTallies,
  rollingTrendOfTallies,
  trendByOfTallies,
  trendOfTallies,
} from "../trends/fromTallies.js";
import { type RollingStep, type RollingTrend, rollingTrend } from "../trends/rollingTrend.js";
import { type RollingTrendBy, rollingTrendBy } from "../trends/rollingTrendBy.js";
import { type Trend, trend } from "../trends/trend.js";
import { type TrendBy, trendBy } from "../trends/trendBy.js";
import type { RespondentPolicy } from "../trends/trendPoint.js";
import { type Overview, type OverviewInput, overview, overviewOfParts } from "./overview.js";
import { type CommentSection, checkWhyInputs } from "./why.js";

const FN = "buildReport";

/**
 * Options of {@link buildReport}: what to break the responses down by, and the interval settings
 * shared by every figure.
 *
 * @category Reports
 */
export interface ReportOptions {
  /** A label for the data (a file name), copied to the overview. @defaultValue none */
  readonly source?: string;
  /** Confidence level of every interval, in (0, 1). @defaultValue 0.95 */
  readonly level?: number;
  /** Interval method (see {@link confidenceInterval}). @defaultValue "adjusted-wald" */
  readonly method?: IntervalMethod;
  /**
   * Attributes to segment by: one gives {@link segmentBy}, two give {@link crossSegment}.
   * @defaultValue no segments
   */
  readonly by?: ReadonlyArray<string>;
  /**
   * Tiers of a numeric attribute ({@link segmentByTiers}): a number of quantile tiers or explicit
   * cut points. Numeric strings (`"12.5"`, as read from CSV) count as numbers. Not with `by`.
   * @defaultValue no tiers
   */
  readonly tiers?: {
    /** The numeric attribute. */
    readonly attribute: string;
    /** A number of quantile tiers (2–100) or strictly increasing cut points. */
    readonly tiers: number | ReadonlyArray<number>;
  };
  /**
   * Calendar period of a trend ({@link trend}; {@link trendBy} the first `by` attribute when there is
   * one). @defaultValue no trend
   */
  readonly period?: TrendPeriod;
  /** A trend over trailing windows ({@link rollingTrend}; {@link rollingTrendBy} the first `by` attribute when there is one); not with `period`. @defaultValue no rolling trend */
  readonly rolling?: {
    /** Length of each window in days, an integer from 1 to 36600. */
    readonly days: number;
    /** A window ends every day, week or month. @defaultValue "day" */
    readonly step?: RollingStep;
  };
  /** IANA time zone of the trend's calendar. @defaultValue "UTC" */
  readonly timeZone?: string;
  /** Whether each respondent counts once per period or window in the trend. @defaultValue "all" */
  readonly respondents?: RespondentPolicy;
  /** The order of the segments (see {@link segmentBy}). @defaultValue "key" */
  readonly sort?: SegmentSort;
  /**
   * A benchmark to compare the overall NPS with ({@link compareToBenchmark}): the id of a built-in
   * row ({@link builtInBenchmarks}) or a row of your own ({@link defineBenchmarks}). The comparison
   * uses the report's level, its default score method, and the UTC year of the newest dated answer
   * as `asOf` (no clock is read). @defaultValue no benchmark
   */
  readonly benchmark?: Benchmark | string;
  /** The report's title, shown by the Markdown and HTML renderers and the text overview. @defaultValue "NPS report: " and the source */
  readonly title?: string;
  /**
   * The "What customers say" section: the results of `themes`, and optionally `distinctiveTerms` and
   * `themesByPeriod` (from `npskit/text`), computed on the same responses. Copied to the document.
   * @defaultValue no such section
   */
  readonly comments?: CommentSection;
  /** The "What drives the score" section: the result of {@link drivers}. @defaultValue no such section */
  readonly drivers?: DriverAnalysis;
  /**
   * Segments, trend periods and windows with fewer (effective) responses than this are flagged
   * `small` (see {@link segmentBy} and {@link trend}). A number ≥ 0. @defaultValue 30
   */
  readonly minResponses?: number;
  /**
   * Small segments: flagged in place (`"flag"`), shown after the others (`"apart"`) or not shown
   * (`"hide"`), see {@link limitSegments}. @defaultValue "flag"
   */
  readonly smallSegments?: SmallSegments;
  /**
   * Show at most this many segments (or cells), the largest, or `"all"` (see {@link limitSegments});
   * the per-segment trend shows the same segments. Hidden segments are counted in the breakdown's
   * `hidden` and still count in the total and in every comparison. @defaultValue 50
   */
  readonly top?: number | "all";
}

/**
 * The input of {@link buildReport} when the responses were counted elsewhere: keyed tallies (from
 * {@link countResponses}, {@link countColumns}, {@link countSqlRows} or merged parts), with the row
 * accounting of the reading when there was one.
 *
 * @category Reports
 */
export interface TalliesInput extends Omit<OverviewInput, "responses"> {
  /** The keyed tallies, counted by the dimensions and time bucket the report asks for. */
  readonly tallies: KeyedTallies;
}

/**
 * Everything a report shows, as plain JSON-serialisable data: the overview, and the segments and the
 * trend when they were asked for. The Markdown, CSV and HTML renderers read it; `npskit report
 * --format json` prints it.
 *
 * @category Reports
 */
export interface ReportDocument {
  /** The overview of all the responses ({@link overview}). */
  readonly overview: Overview;
  /** The segments: one attribute, two crossed, or tiers of a numeric one; absent when not asked for. */
  readonly segments?: SegmentBreakdown | TierBreakdown | CrossSegmentBreakdown;
  /** What the segments are: the attribute names, or the tiered attribute; absent without segments. */
  readonly segmentedBy?: ReadonlyArray<string>;
  /** The trend: calendar periods, per segment, or trailing windows; absent when not asked for. */
  readonly trend?: Trend | TrendBy | RollingTrend | RollingTrendBy;
  /** The comparison with the `benchmark` option's row; absent when not asked for or with no responses. */
  readonly benchmark?: BenchmarkComparison;
  /** The `title` option; absent when not given (renderers then write "NPS report: " and the source). */
  readonly title?: string;
  /** What customers say: themes, distinctive terms, themes by period; absent when not given. */
  readonly comments?: CommentSection;
  /** What drives the score; absent when not given. */
  readonly drivers?: DriverAnalysis;
  /**
   * The trend of all the responses when `trend` is per segment (the same periods or windows, the
   * responses in no segment included), so that the overall line is never lost; absent otherwise.
   */
  readonly overallTrend?: Trend | RollingTrend;
}

/**
 * Builds a report: the {@link overview} of the responses, their segments ({@link segmentBy} for one
 * attribute, {@link crossSegment} for two, {@link segmentByTiers} for tiers) and their trend
 * ({@link trend} or {@link rollingTrend}, or per segment {@link trendBy} or {@link rollingTrendBy} with one `by` attribute), all with the same
 * confidence level and interval method. It computes nothing itself. Browser-safe. O(n log n) for n
 * responses (the costs of the functions called).
 *
 * @param input - Responses, optionally with the counts, skipped rows and issues of their parse (the
 * result of {@link parseResponses} fits).
 * @param options - Segments, trend, time zone, respondent policy, level and method.
 * @returns The report document (no `segments` or `trend` unless asked for).
 * @throws {@link NpsError} `invalid_option` for more than two `by` attributes, `tiers` with `by`,
 * `rolling` with `period`, `period` or `rolling` with two `by` attributes, and anything the functions called
 * reject (an attribute present on no response, an unknown time zone…).
 * @example
 * ```ts
 * import { buildReport, sampleResponses } from "npskit";
 * const report = buildReport({ responses: sampleResponses({ size: 200 }) }, { by: ["plan"], period: "year" });
 * report.overview.rows.accepted; // => 200
 * report.segments?.settings.level; // => 0.95
 * report.segmentedBy; // => ["plan"]
 * report.trend?.kind; // => "trend-by-segment"
 * ```
 * @category Reports
 */
export function buildReport(input: OverviewInput | TalliesInput, options: ReportOptions = {}): ReportDocument {
  checkOptions("buildReport", options);
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${FN}: options must be an object, received ${describeValue(options)}`);
  }
  const by = options.by ?? [];
  if (!Array.isArray(by) || by.length > 2 || by.some((name) => typeof name !== "string")) {
    throw new NpsError(
      "invalid_option",
      `${FN}: by must be an array of at most two attribute names, received ${describeValue(by)}`,
    );
  }
  if (options.tiers !== undefined && by.length > 0) {
    throw new NpsError("invalid_option", `${FN}: tiers must not be combined with by, received both`);
  }
  if (options.rolling !== undefined && options.period !== undefined) {
    throw new NpsError("invalid_option", `${FN}: rolling must not be combined with period, received both`);
  }
  if (options.rolling !== undefined && by.length === 2) {
    throw new NpsError(
      "invalid_option",
      `${FN}: rolling must be combined with at most one by attribute, received ${describeValue(by)}`,
    );
  }
  if (options.period !== undefined && by.length === 2) {
    throw new NpsError(
      "invalid_option",
      `${FN}: period must be combined with at most one by attribute, received ${describeValue(by)}`,
    );
  }
  if (options.title !== undefined && typeof options.title !== "string") {
    throw new NpsError("invalid_option", `${FN}: title must be a string, received ${describeValue(options.title)}`);
  }
  checkWhyInputs(FN, options.comments, options.drivers);
  if (options.sort !== undefined) checkChoice(FN, "sort", options.sort, ["key", "nps", "size"]);
  if (options.minResponses !== undefined) checkMinResponses(FN, options.minResponses);
  const interval = {
    ...(options.level === undefined ? {} : { level: options.level }),
    ...(options.method === undefined ? {} : { method: options.method }),
  };
  const small = options.minResponses === undefined ? {} : { minResponses: options.minResponses };
  const overviewOptions = {
    ...(options.source === undefined ? {} : { source: options.source }),
    ...interval,
  };
  const calendar = {
    ...interval,
    ...small,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.respondents === undefined ? {} : { respondents: options.respondents }),
  };
  const [first, second] = by;
  const sorted = { ...small, ...(options.sort === undefined ? {} : { sort: options.sort }) };
  const limits = resolveSegmentLimits(FN, options.top ?? DEFAULT_TOP, options.smallSegments, "smallSegments");
  const rolling =
    options.rolling === undefined
      ? undefined
      : {
          ...calendar,
          window: { days: options.rolling.days },
          ...(options.rolling.step === undefined ? {} : { step: options.rolling.step }),
        };
  const fromTallies = input !== null && typeof input === "object" && "tallies" in input;
  if (!fromTallies && (input === null || typeof input !== "object" || !Array.isArray(input.responses))) {
    // The overview names the problem.
    overview(input as OverviewInput, overviewOptions);
  }
  const responses = fromTallies ? undefined : (input as OverviewInput).responses;
  // What needs every response: quantile tiers, and each respondent's latest answer.
  const latest = options.respondents === "latest" && (options.period !== undefined || rolling !== undefined);
  if (fromTallies && (options.tiers !== undefined || latest)) {
    throw new NpsError(
      "invalid_option",
      `${FN}: ${options.tiers !== undefined ? "tiers" : 'respondents "latest"'} need the responses, not tallies (quantiles and each respondent's latest answer cannot come from counts)`,
    );
  }
  let tallies: KeyedTallies;
  if (fromTallies) {
    tallies = (input as TalliesInput).tallies;
    checkKeyedTallies(FN, tallies);
  } else {
    const bucket = options.period ?? (rolling === undefined ? undefined : "day");
    const time = resolveCountTime(FN, {
      ...(bucket === undefined || latest ? {} : { period: bucket }),
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    });
    const dimensions = options.tiers === undefined ? by : [];
    const fn = second !== undefined ? "crossSegment" : first !== undefined ? "segmentBy" : FN;
    tallies = keyedTalliesOf(
      countResponsesFor(fn, responses as ReadonlyArray<NpsResponse>, dimensions, time, STANDARD_SCALE).sums(),
    );
  }
  const result = overviewOfTallies(tallies, input, overviewOptions);
  let segments: ReportDocument["segments"];
  let segmentedBy: ReadonlyArray<string> | undefined;
  if (options.tiers !== undefined) {
    const name = options.tiers.attribute;
    segments = segmentByTiers(responses as ReadonlyArray<NpsResponse>, (response) => numericValue(response, name), {
      ...interval,
      ...sorted,
      tiers: options.tiers.tiers,
    });
    segmentedBy = [name];
  } else if (first !== undefined && second !== undefined) {
    segments = crossSegmentsOfTallies("crossSegment", tallies, { ...interval, ...sorted, by: [first, second] });
    segmentedBy = [first, second];
  } else if (first !== undefined) {
    segments = segmentsOfTallies("segmentBy", tallies, { ...interval, ...sorted, by: first });
    segmentedBy = [first];
  }
  const all = segments;
  if (segments !== undefined) segments = limitSegments(segments, limits);
  // The trend of all responses, and per segment with one `by` attribute (beside the overall one).
  let overallTrend: Trend | RollingTrend | undefined;
  let segmentTrends: TrendBy | RollingTrendBy | undefined;
  if (latest) {
    const list = responses as ReadonlyArray<NpsResponse>;
    if (rolling !== undefined) {
      overallTrend = rollingTrend(list, rolling);
      if (first !== undefined) segmentTrends = rollingTrendBy(list, first, rolling);
    } else if (options.period !== undefined) {
      const period = { ...calendar, period: options.period };
      overallTrend = trend(list, period);
      if (first !== undefined) segmentTrends = trendBy(list, first, period);
    }
  } else if (rolling !== undefined) {
    overallTrend = rollingTrendOfTallies("rollingTrend", tallies, rolling);
    if (first !== undefined)
      segmentTrends = rollingTrendByOfTallies("rollingTrendBy", tallies, { ...rolling, by: first });
  } else if (options.period !== undefined) {
    const period = { ...calendar, period: options.period };
    overallTrend = trendOfTallies("trend", tallies, period);
    if (first !== undefined) segmentTrends = trendByOfTallies("trendBy", tallies, { ...period, by: first });
  }
  if (all !== undefined && segments !== undefined && segments.hidden !== undefined && segmentTrends !== undefined) {
    segmentTrends = sameSegments(segmentTrends, all, segments);
  }
  const newest = result.period?.last;
  const benchmark =
    options.benchmark === undefined
      ? undefined
      : compareToBenchmark(result.tally, options.benchmark, {
          ...(options.level === undefined ? {} : { level: options.level }),
          ...(newest === undefined ? {} : { asOf: new Date(newest).getUTCFullYear() }),
        });
  return {
    ...(options.title === undefined ? {} : { title: options.title }),
    overview: result,
    ...(segments === undefined ? {} : { segments }),
    ...(segmentedBy === undefined ? {} : { segmentedBy }),
    ...(segmentTrends !== undefined
      ? { trend: segmentTrends, ...(overallTrend === undefined ? {} : { overallTrend }) }
      : overallTrend === undefined
        ? {}
        : { trend: overallTrend }),
    ...(benchmark === undefined ? {} : { benchmark }),
    ...(options.comments === undefined ? {} : { comments: options.comments }),
    ...(options.drivers === undefined ? {} : { drivers: options.drivers }),
  };
}

/** A per-segment trend with the segments the limited breakdown shows, in its order; another trend as it is. */
function sameSegments<T extends TrendBy | RollingTrendBy>(
  trendResult: T,
  all: NonNullable<ReportDocument["segments"]>,
  shown: NonNullable<ReportDocument["segments"]>,
): T {
  if (all.kind !== "segment-breakdown" || shown.kind !== "segment-breakdown") return trendResult;
  const keys = shown.segments.map((segment) => segment.key);
  const byKey = new Map<unknown, (typeof trendResult.segments)[number]>(
    trendResult.segments.map((segment) => [segment.key, segment]),
  );
  const segments = keys.flatMap((key) => {
    const found = byKey.get(key);
    return found === undefined ? [] : [found];
  });
  return { ...trendResult, segments } as T;
}

/** The overview of keyed tallies: their total tally, distribution and dated range. */
function overviewOfTallies(
  tallies: KeyedTallies,
  input: Omit<OverviewInput, "responses">,
  options: { source?: string; level?: number; method?: IntervalMethod },
): Overview {
  const { scale } = tallies;
  const total = newWeightedSums();
  for (const cell of tallies.cells) addSums(total, sumsOfTally(cell.tally));
  const distribution = tallies.distribution.map((count, i) => {
    const score = scale.min + i;
    const category: Category =
      score >= scale.promoterMin ? "promoter" : score <= scale.detractorMax ? "detractor" : "passive";
    return { score, category, count };
  });
  const period =
    tallies.first === null || tallies.last === null
      ? undefined
      : {
          first: new Date(tallies.first).toISOString(),
          last: new Date(tallies.last).toISOString(),
          dated: tallies.dated,
        };
  return overviewOfParts({ tally: tallyOfSums(total, tallies.weighted, scale), distribution, period }, input, {
    ...options,
    scale,
  });
}

const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** An attribute as a number: a finite number, or a string holding one; `undefined` otherwise. */
function numericValue(response: NpsResponse, name: string): number | undefined {
  const attributes = response.attributes;
  const value =
    attributes !== undefined && attributes !== null && Object.hasOwn(attributes, name) ? attributes[name] : undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && NUMBER.test(value)) {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}
