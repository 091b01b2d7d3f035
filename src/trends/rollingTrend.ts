import { daysBefore, locate, nextPeriodStart, periodBoundaries, periodStart, type WeekDay } from "../core/calendar.js";
import { countResponsesFor } from "../core/countResponses.js";
import { NpsError } from "../core/errors.js";
import { keyedTalliesOf } from "../core/keyedTallies.js";
import { checkChoice } from "../core/options.js";
import { addResponse, type PreparedResponses, prepareResponses, type TallySums } from "../core/prepareResponses.js";
import type { NpsResponse } from "../core/response.js";
import { describeValue } from "../internal/describe.js";
import { rollingTrendOfTallies } from "./fromTallies.js";
import { orderByBucket, sortWithinBuckets } from "./latest.js";
import { timeOf } from "./trend.js";
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
 * How far apart consecutive rolling windows end: every calendar day, week or month.
 *
 * @category Trends
 */
export type RollingStep = "day" | "week" | "month";

/**
 * The length of a rolling window.
 *
 * @category Trends
 */
export interface RollingWindow {
  /** Number of calendar days, an integer from 1 to 36600. */
  readonly days: number;
}

/**
 * Options of {@link rollingTrend}.
 *
 * @category Trends
 */
export interface RollingTrendOptions extends TrendCommonOptions {
  /** Length of each trailing window. @defaultValue `{ days: 90 }` */
  readonly window?: RollingWindow;
  /** A window ends at the end of every calendar day, week or month. @defaultValue "day" */
  readonly step?: RollingStep;
}

/**
 * A trend over trailing windows, made by {@link rollingTrend}.
 *
 * @category Trends
 */
export interface RollingTrend {
  /** Tells a rolling trend apart from other results. */
  readonly kind: "rolling-trend";
  /** Length of each window. */
  readonly window: RollingWindow;
  /** How far apart consecutive windows end. */
  readonly step: RollingStep;
  /** The time zone in which days were read. */
  readonly timeZone: string;
  /** First day of the week (1 = Monday, ISO weeks). */
  readonly weekStartsOn: WeekDay;
  /** The respondent policy. */
  readonly respondents: RespondentPolicy;
  /** What each point's `change` compares it with: the latest earlier window that does not overlap it. */
  readonly changeBasis: Extract<ChangeBasis, "latest-non-overlapping-window">;
  /** Windows with responses but fewer than this (effective) number of them are flagged `small`. */
  readonly minResponses: number;
  /**
   * One point per step, oldest first, from the step that contains the first dated response to the
   * one that contains the last. Each point's `label` is the label of its step (the day, week or month
   * at whose end the window ends).
   */
  readonly points: ReadonlyArray<TrendPoint>;
  /** Number of responses with a date. */
  readonly dated: number;
  /** Number of responses without a date: counted here, in no window. */
  readonly undated: number;
}

const STEPS: ReadonlyArray<RollingStep> = ["day", "week", "month"];

/**
 * NPS over trailing windows of `window.days` calendar days, one window ending at the end of each
 * calendar day (or week, or month) in the time zone: the window of the step ending at midnight E
 * covers [E − days calendar days, E). Across a daylight-saving change a day is a calendar day (23 or
 * 25 hours), not 24 hours. Each point has the figures of {@link trend}; its `change` compares it with
 * the latest earlier window that does not overlap it (overlapping windows share responses, so their
 * difference is not a test between independent samples).
 *
 * Computed by sliding: responses are placed in calendar days once (binary search among the day
 * starts, computed once per day) and ordered by day with a counting sort; then each response enters
 * and leaves the running tally once. Cost O(n·log d + d + w) for n responses, d days and w windows —
 * not n × w. With `respondents: "latest"`, each respondent counts once per window with their most
 * recent answer in it; responses are then also sorted by instant within each day.
 *
 * @param responses - Validated responses; those with a `date` are placed in windows.
 * @param options - Window length, step, time zone, respondent policy, interval and comparison methods.
 * @returns The rolling trend; no points when no response has a date.
 * @throws {@link NpsError} `invalid_option` for a window that is not `{ days }` with an integer from 1
 * to 36600, an unknown step, method or respondent policy; `invalid_date` for a date that is not a
 * valid `Date` or an unknown time-zone name; `invalid_score`, `invalid_weight`, `invalid_input` for
 * bad responses.
 * @example
 * ```ts
 * import { rollingTrend } from "npskit";
 * const responses = [
 *   { score: 10, date: new Date("2026-03-01T12:00:00Z") },
 *   { score: 0, date: new Date("2026-03-02T12:00:00Z") },
 *   { score: 9, date: new Date("2026-03-04T12:00:00Z") },
 * ];
 * const result = rollingTrend(responses, { window: { days: 2 } });
 * result.points.map((point) => point.label); // => ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"]
 * result.points.map((point) => point.n); // => [1, 2, 1, 1]
 * result.points.map((point) => point.nps); // => [100, 0, -100, 100]
 * result.points[1]?.start; // => "2026-03-01T00:00:00.000+00:00"
 * ```
 * @category Trends
 */
export function rollingTrend(responses: ReadonlyArray<NpsResponse>, options: RollingTrendOptions = {}): RollingTrend {
  const resolved = resolveTrendOptions("rollingTrend", options);
  const { window, step } = resolveRollingOptions("rollingTrend", options);
  if (resolved.respondents === "all") {
    const tallies = keyedTalliesOf(
      countResponsesFor("rollingTrend", responses, [], timeOf("day", resolved), resolved.scale).sums(),
    );
    return rollingTrendOfTallies("rollingTrend", tallies, options);
  }
  const prepared = prepareResponses(
    "rollingTrend",
    responses,
    resolved.scale,
    undefined,
    resolved.respondents === "latest",
  );
  return rollingOfPrepared(prepared, window, step, resolved, prepared);
}

/** Checks `window` and `step`. */
export function resolveRollingOptions(
  fn: string,
  options: RollingTrendOptions,
): { window: RollingWindow; step: RollingStep } {
  const { window = { days: 90 }, step = "day" } = options;
  if (window === null || typeof window !== "object") {
    throw new NpsError(
      "invalid_option",
      `${fn}: window must be an object such as { days: 90 }, received ${describeValue(window)}`,
    );
  }
  const days = window.days;
  if (typeof days !== "number" || !Number.isInteger(days) || days < 1 || days > 36600) {
    throw new NpsError(
      "invalid_option",
      `${fn}: window.days must be an integer from 1 to 36600, received ${describeValue(days ?? window)}`,
    );
  }
  checkChoice(fn, "step", step, STEPS);
  return { window: { days }, step };
}

/** The rolling trend of prepared responses over the steps spanning `range`. */
export function rollingOfPrepared(
  prepared: PreparedResponses,
  window: RollingWindow,
  step: RollingStep,
  options: ResolvedTrendOptions,
  range: { readonly first: number; readonly last: number },
): RollingTrend {
  const counts = {
    weighted: prepared.weights !== undefined,
    dated: prepared.dated,
    undated: prepared.length - prepared.dated,
  };
  return rollingOfDays(window, step, options, range, counts, (dayInstants, dayCount) => {
    const dayOf = new Int32Array(prepared.length);
    for (let k = 0; k < prepared.length; k++) {
      const time = prepared.times[k] as number;
      dayOf[k] = Number.isNaN(time) ? -1 : locate(dayInstants, time);
    }
    const { order, starts: dayStarts } = orderByBucket(dayOf, dayCount);
    const latest = options.respondents === "latest";
    if (latest) sortWithinBuckets(prepared, order, dayStarts);
    const counted = latest ? new Int32Array(prepared.respondentCount).fill(-1) : undefined;
    return slidingWindow(
      (sums, day) => {
        const to = dayStarts[day + 1] as number;
        for (let entered = dayStarts[day] as number; entered < to; entered++) {
          const k = order[entered] as number;
          const r = prepared.respondents[k] as number;
          if (counted !== undefined && r >= 0) {
            const current = counted[r] as number;
            if (current >= 0) addResponse(sums, 0, prepared, current, -1);
            counted[r] = k;
          }
          addResponse(sums, 0, prepared, k, 1);
        }
      },
      (sums, day) => {
        const to = dayStarts[day + 1] as number;
        for (let left = dayStarts[day] as number; left < to; left++) {
          const k = order[left] as number;
          const r = prepared.respondents[k] as number;
          if (counted !== undefined && r >= 0) {
            if (counted[r] !== k) continue;
            counted[r] = -1;
          }
          addResponse(sums, 0, prepared, k, -1);
        }
      },
    );
  });
}

/**
 * The running tally of a trailing window, made by `daysOf` once the day boundaries are known: fills
 * slot 0 of `sums` with the tally of the days `startDay` (included) to `endDay` (excluded). Windows
 * are asked for in order, each ending no earlier than the one before.
 */
export type WindowSums = (sums: TallySums, startDay: number, endDay: number) => void;

/**
 * A {@link WindowSums} that slides: the responses of each day enter and leave the running tally in
 * day order (`enter` and `leave` add or remove the responses of one day).
 */
export function slidingWindow(
  enter: (sums: TallySums, day: number) => void,
  leave: (sums: TallySums, day: number) => void,
): WindowSums {
  let entered = 0;
  let left = 0;
  return (sums, startDay, endDay) => {
    for (; entered < endDay; entered++) enter(sums, entered);
    for (; left < startDay; left++) leave(sums, left);
  };
}

/**
 * The rolling trend over the steps spanning `range`, sliding over calendar days: the part of
 * {@link rollingTrend} after the responses are read, shared with callers that keep per-day sums
 * instead of responses. `daysOf` receives the day boundaries (d + 1 instants for d days).
 */
export function rollingOfDays(
  window: RollingWindow,
  step: RollingStep,
  options: ResolvedTrendOptions,
  range: { readonly first: number; readonly last: number },
  counts: { readonly weighted: boolean; readonly dated: number; readonly undated: number },
  daysOf: (dayInstants: Float64Array, dayCount: number) => WindowSums,
): RollingTrend {
  const { calendar } = options;
  const header = {
    kind: "rolling-trend" as const,
    window,
    step,
    timeZone: calendar.timeZone,
    weekStartsOn: calendar.weekStartsOn,
    respondents: options.respondents,
    changeBasis: "latest-non-overlapping-window" as const,
    minResponses: options.minResponses,
  };
  const { undated } = counts;
  if (Number.isNaN(range.first)) return { ...header, points: [], dated: 0, undated };
  // Calendar days from `window.days` days before the first step to the end of the last step: every
  // window starts and ends on one of these boundaries, so a window is a range of day indices and its
  // start is found by counting days back, with no further calendar arithmetic.
  const firstStep = periodStart(range.first, step, calendar);
  const lastStepEnd = nextPeriodStart(periodStart(range.last, step, calendar), step, calendar);
  const days = periodBoundaries(
    daysBefore(firstStep, window.days, calendar).getTime(),
    lastStepEnd.getTime() - 1,
    "day",
    calendar,
    options.fn,
  );
  // The steps: the days themselves from the first step on, or their own boundaries.
  const steps = step === "day" ? undefined : periodBoundaries(range.first, range.last, step, calendar, options.fn);
  const firstStepDay = dayIndexOf(days.instants, firstStep.getTime());
  const windows = steps === undefined ? days.instants.length - 1 - firstStepDay : steps.instants.length - 1;
  const texts: string[] = [];
  const textOf = (day: number): string => {
    texts[day] ??= days.text(day);
    return texts[day];
  };
  const dayCount = days.instants.length - 1;
  const windowSums = daysOf(days.instants, dayCount);
  const sums = new Float64Array(9);
  const computed: PointFigures[] = [];
  const points: TrendPoint[] = [];
  const endDays: number[] = [];
  let before = -1;
  for (let w = 0; w < windows; w++) {
    const endDay =
      steps === undefined ? firstStepDay + w + 1 : dayIndexOf(days.instants, steps.instants[w + 1] as number);
    const startDay = endDay - window.days;
    windowSums(sums, startDay, endDay);
    const label = steps === undefined ? days.label(firstStepDay + w) : steps.label(w);
    const point = pointOf(
      { label, index: w, start: textOf(startDay), end: textOf(endDay) },
      sums,
      0,
      counts.weighted,
      options,
    );
    endDays.push(endDay);
    while (before + 1 < w && (endDays[before + 1] as number) <= startDay) before++;
    points.push(withChange(point, before >= 0 ? computed[before] : undefined, options));
    computed.push(point);
  }
  return { ...header, points, dated: counts.dated, undated };
}

/** The index of a day boundary (0 to d), the last one included. */
function dayIndexOf(instants: Float64Array, time: number): number {
  return time >= (instants[instants.length - 1] as number) ? instants.length - 1 : locate(instants, time);
}
