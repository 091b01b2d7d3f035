import { type Calendar, checkTimeZone, type WeekDay } from "../core/calendar.js";
import { NpsError } from "../core/errors.js";
import { nps } from "../core/nps.js";
import { checkChoice, checkInteger } from "../core/options.js";
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
}

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
   */
  readonly change: NpsComparison | undefined;
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
}

const COMPARISON_METHODS: ReadonlyArray<ComparisonMethod> = ["wald", "adjusted-wald", "score"];

/** Fills in and checks the options shared by the trend functions, naming `fn` in errors. */
export function resolveTrendOptions(fn: string, options: TrendCommonOptions): ResolvedTrendOptions {
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const { timeZone = "UTC", weekStartsOn = 1, respondents = "all", scale = STANDARD_SCALE } = options;
  checkTimeZone(fn, timeZone);
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
  };
}

/** The figures of one point, from the tally in slot `slot` of the sums (`weighted` when the responses carry weights). */
export function pointOf(
  where: { label: string; index: number; start: string; end: string },
  sums: TallySums,
  slot: number,
  weighted: boolean,
  options: ResolvedTrendOptions,
): Omit<TrendPoint, "change"> {
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
  };
}

/** The comparison `current − previous`, or `undefined` when there is no previous point. */
export function changeOf(
  current: Omit<TrendPoint, "change">,
  previous: Omit<TrendPoint, "change"> | undefined,
  options: ResolvedTrendOptions,
): NpsComparison | undefined {
  if (previous === undefined) return undefined;
  return compareNps(current.tally, previous.tally, { level: options.level, method: options.comparison });
}

export type { RespondentPolicy } from "../core/response.js";
