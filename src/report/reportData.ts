import type { TrendPeriod } from "../core/calendar.js";
import { checkOptions } from "../core/checkOptions.js";
import { countResponsesFor, resolveCountTime } from "../core/countResponses.js";
import { NpsError } from "../core/errors.js";
import { checkKeyedTallies, type KeyedTallies, keyedTalliesOf, sumsOfTally } from "../core/keyedTallies.js";
import type { NpsResponse } from "../core/response.js";
import { type Category, STANDARD_SCALE } from "../core/scale.js";
import { addSums, newWeightedSums, tallyOfSums } from "../core/tally.js";
import type { IntervalMethod } from "../inference/confidenceInterval.js";
import { describeValue } from "../internal/describe.js";
import type { CrossSegmentBreakdown } from "../segments/crossSegment.js";
import { crossSegmentsOfTallies, segmentsOfTallies } from "../segments/fromTallies.js";
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
 * report.trend !== undefined && "segments" in report.trend; // => true
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
  const interval = {
    ...(options.level === undefined ? {} : { level: options.level }),
    ...(options.method === undefined ? {} : { method: options.method }),
  };
  const overviewOptions = {
    ...(options.source === undefined ? {} : { source: options.source }),
    ...interval,
  };
  const calendar = {
    ...interval,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.respondents === undefined ? {} : { respondents: options.respondents }),
  };
  const [first, second] = by;
  const sorted = options.sort === undefined ? {} : { sort: options.sort };
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
  let trendResult: ReportDocument["trend"];
  if (latest) {
    const list = responses as ReadonlyArray<NpsResponse>;
    if (rolling !== undefined) {
      trendResult = first === undefined ? rollingTrend(list, rolling) : rollingTrendBy(list, first, rolling);
    } else if (options.period !== undefined) {
      const period = { ...calendar, period: options.period };
      trendResult = first === undefined ? trend(list, period) : trendBy(list, first, period);
    }
  } else if (rolling !== undefined) {
    trendResult =
      first === undefined
        ? rollingTrendOfTallies("rollingTrend", tallies, rolling)
        : rollingTrendByOfTallies("rollingTrendBy", tallies, { ...rolling, by: first });
  } else if (options.period !== undefined) {
    const period = { ...calendar, period: options.period };
    trendResult =
      first === undefined
        ? trendOfTallies("trend", tallies, period)
        : trendByOfTallies("trendBy", tallies, { ...period, by: first });
  }
  return {
    overview: result,
    ...(segments === undefined ? {} : { segments }),
    ...(segmentedBy === undefined ? {} : { segmentedBy }),
    ...(trendResult === undefined ? {} : { trend: trendResult }),
  };
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
