import { type Calendar, checkTimeZone, type WeekDay } from "../core/calendar.js";
import { NpsError } from "../core/errors.js";
import { nps } from "../core/nps.js";
import { checkChoice, checkInteger, checkMinResponses, DEFAULT_MIN_RESPONSES } from "../core/options.js";
import type { TallySums } from "../core/prepareResponses.js";
import type { RespondentPolicy } from "../core/response.js";
import { type Scale, STANDARD_SCALE } from "../core/scale.js";
import { shares } from "../core/shares.js";
import type { CategoryValues, Tally } from "../core/tally.js";
import { tallyOfSums } from "../core/tally.js";
import type { ComparisonMethod, NpsComparison } from "../inference/compareNps.js";
import { compareNps } from "../inference/compareNps.js";
import {
  type ConfidenceInterval,
  type ConfidenceIntervalOptions,
  confidenceInterval,
  resolveIntervalOptions,
} from "../inference/confidenceInterval.js";
import { inferenceCounts } from "../inference/counts.js";
import { standardError } from "../inference/standardError.js";
import { describeValue } from "../internal/describe.js";

/**
 * Options shared by {@link trend} and {@link rollingTrend}; the interval options (`level`, `method`,
 * `prior`, `resamples`, `seed`) are those of {@link confidenceInterval}.
 *
 * @category Trends
 */
export interface TrendCommonOptions extends ConfidenceIntervalOptions {
  /** IANA time zone in which calendar days, weeks, months… are read. @defaultValue "UTC" */
  readonly timeZone?: string;
  /**
   * First day of the week, 0 (Sunday) to 6 (Saturday). Monday gives ISO weeks labelled `2026-W14`;
   * another day gives weeks labelled by their first day (`2026-03-08`). @defaultValue 1
   */
  readonly weekStartsOn?: WeekDay;
  /** Whether each respondent counts once per period or window. @defaultValue "all" */
  readonly respondents?: RespondentPolicy;
  /**
   * Method of the comparison with the previous period or window (see {@link compareNps}).
   * @defaultValue `method` when it is `"wald"`, `"adjusted-wald"` or `"score"`, else `"adjusted-wald"`
   */
  readonly comparison?: ComparisonMethod;
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
  /**
   * Periods or windows with responses but fewer than this (effective) number of them are flagged
   * `small`: their figures are shown but too uncertain to act on. A number ≥ 0; the same default as
   * the segments' (see {@link segmentBy}). @defaultValue 30
   */
  readonly minResponses?: number;
}

/**
 * What the `change` of each point compares it with:
 *
 * - `"previous-period"`: the calendar period just before ({@link trend});
 * - `"latest-non-overlapping-window"`: the latest earlier window that shares no day with it
 *   ({@link rollingTrend}), so that the two samples are independent — with a step shorter than the
 *   window this is not the row above (30-day windows ending each month: often two months back).
 *
 * Each point's `comparedWith` names the point.
 *
 * @category Trends
 */
export type ChangeBasis = "previous-period" | "latest-non-overlapping-window";

/**
 * One point of a trend: a calendar period or a rolling window, with its figures.
 *
 * @category Trends
 */
export interface TrendPoint {
  /** `2026-03`, `2026-W14`, `2026-Q2`, `2026-03-14`, `2026`; for a window, the label of its last step. */
  readonly label: string;
  /** Position on the time axis: periods (or steps) since the first one, from 0. */
  readonly index: number;
  /** First instant of the period or window, ISO 8601 with the zone's offset (included). */
  readonly start: string;
  /** First instant after the period or window, ISO 8601 with the zone's offset (excluded). */
  readonly end: string;
  /** Number of responses counted (after the respondent policy). */
  readonly n: number;
  /** The tally (weighted when the responses are). */
  readonly tally: Tally;
  /** Shares of promoters, passives and detractors (0..1); `undefined` when n = 0. */
  readonly shares: CategoryValues | undefined;
  /** The NPS in points; `undefined` when n = 0. */
  readonly nps: number | undefined;
  /** Standard error of the NPS in points (see {@link standardError}); `undefined` when n = 0. */
  readonly standardError: number | undefined;
  /** Confidence interval of the NPS; `undefined` when n = 0. */
  readonly interval: ConfidenceInterval | undefined;
  /**
   * Change from the previous period (for a rolling window: from the latest earlier window that does
   * not overlap it), this point minus that one; `undefined` for the first point or when either is empty.
   * `difference` is the change of the NPS shown; the interval (`lower`, `upper`) and `pValue` are those
   * of the comparison method, centred on `center` (with the default adjusted Wald, the difference of
   * the +3 adjusted estimates, which is close to `difference` unless a period is small).
   */
  readonly change: NpsComparison | undefined;
  /** The label of the point `change` compares this one with; `undefined` when there is no change. */
  readonly comparedWith: string | undefined;
  /**
   * Whether the point has responses but fewer than `minResponses` of them (effective responses when
   * weighted): its interval and change are too uncertain to act on, and the adjusted-Wald interval,
   * centred on an estimate pulled towards 0, can even exclude the NPS shown. Empty points are not small.
   */
  readonly small: boolean;
}

/** Options with defaults filled in and checked. */
export interface ResolvedTrendOptions {
  /** The function named in errors. */
  readonly fn: string;
  readonly calendar: Calendar;
  readonly respondents: RespondentPolicy;
  readonly interval: ConfidenceIntervalOptions;
  readonly comparison: ComparisonMethod;
  readonly level: number;
  readonly scale: Scale;
  readonly minResponses: number;
}

const COMPARISON_METHODS: ReadonlyArray<ComparisonMethod> = ["wald", "adjusted-wald", "score"];

/** Fills in and checks the options shared by the trend functions, naming `fn` in errors. */
export function resolveTrendOptions(fn: string, options: TrendCommonOptions): ResolvedTrendOptions {
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const {
    timeZone = "UTC",
    weekStartsOn = 1,
    respondents = "all",
    scale = STANDARD_SCALE,
    minResponses = DEFAULT_MIN_RESPONSES,
  } = options;
  checkTimeZone(fn, timeZone);
  checkMinResponses(fn, minResponses);
  checkInteger(fn, "weekStartsOn", weekStartsOn, 0, 6);
  checkChoice(fn, "respondents", respondents, ["all", "latest"]);
  const resolved = resolveIntervalOptions(fn, options);
  const comparison =
    options.comparison ??
    ((COMPARISON_METHODS as ReadonlyArray<string>).includes(resolved.method)
      ? (resolved.method as ComparisonMethod)
      : "adjusted-wald");
  checkChoice(fn, "comparison", comparison, COMPARISON_METHODS);
  return {
    fn,
    calendar: { timeZone, weekStartsOn: weekStartsOn as WeekDay },
    respondents,
    interval: resolved,
    comparison,
    level: resolved.level,
    scale,
    minResponses,
  };
}

/** The figures of one point, from the tally in slot `slot` of the sums (`weighted` when the responses carry weights). */
export function pointOf(
  where: { label: string; index: number; start: string; end: string },
  sums: TallySums,
  slot: number,
  weighted: boolean,
  options: ResolvedTrendOptions,
): Omit<TrendPoint, "change" | "comparedWith"> {
  const tally = tallyOfSums(sums, weighted, options.scale, slot);
  const base = slot * 9;
  const n = (sums[base + 6] as number) + (sums[base + 7] as number) + (sums[base + 8] as number);
  return {
    label: where.label,
    index: where.index,
    start: where.start,
    end: where.end,
    n,
    tally,
    shares: shares(tally),
    nps: nps(tally),
    standardError: standardError(tally),
    interval: confidenceInterval(tally, options.interval),
    small: n > 0 && (inferenceCounts(options.fn, tally)?.effectiveN ?? 0) < options.minResponses,
  };
}

/** A point without its change. */
export type PointFigures = Omit<TrendPoint, "change" | "comparedWith">;

/**
 * The point with its change `current − previous` and the label of `previous`; no change when there
 * is no previous point or either is empty.
 */
export function withChange(
  current: PointFigures,
  previous: PointFigures | undefined,
  options: ResolvedTrendOptions,
): TrendPoint {
  const change =
    previous === undefined
      ? undefined
      : compareNps(current.tally, previous.tally, { level: options.level, method: options.comparison });
  // Written out rather than spread (`{ ...current, … }`), which V8 does several times slower; the keys
  // keep the order of the spread.
  return {
    label: current.label,
    index: current.index,
    start: current.start,
    end: current.end,
    n: current.n,
    tally: current.tally,
    shares: current.shares,
    nps: current.nps,
    standardError: current.standardError,
    interval: current.interval,
    small: current.small,
    change,
    comparedWith: change === undefined ? undefined : previous?.label,
  };
}

export type { RespondentPolicy } from "../core/response.js";
