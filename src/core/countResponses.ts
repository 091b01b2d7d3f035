import { describeValue } from "../internal/describe.js";
import { TREND_PERIODS, type TrendPeriod, type WeekDay } from "./calendar.js";
import { NpsError } from "./errors.js";
import { type KeyedTallies, keyedTalliesOf, type TallyTime, weightExponentOf } from "./keyedTallies.js";
import { checkChoice, checkInteger } from "./options.js";
import type { NpsResponse } from "./response.js";
import { invalidScoreError, isValidScore, type Scale, STANDARD_SCALE } from "./scale.js";
import { type SegmentBy, segmentKeyReader } from "./segmentKey.js";
import { checkWeight } from "./tally.js";
import { createTallyCounter } from "./tallyCounter.js";
import { checkTimeZone } from "./timeZone.js";

/**
 * Options of {@link countResponses} and {@link countColumns}: what to count by.
 *
 * @category Keyed tallies
 */
export interface CountOptions {
  /** The calendar period of the time buckets; `"day"` serves every trend and rolling window. @defaultValue no time buckets */
  readonly period?: TrendPeriod;
  /** IANA time zone in which calendar buckets are read. @defaultValue "UTC" */
  readonly timeZone?: string;
  /** First day of the week, 0 (Sunday) to 6 (Saturday); 1 gives ISO weeks. @defaultValue 1 */
  readonly weekStartsOn?: WeekDay;
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * Options of {@link countResponses}.
 *
 * @category Keyed tallies
 */
export interface CountResponsesOptions extends CountOptions {
  /**
   * The segment dimensions: attribute names or functions of a response returning its key (see
   * {@link groupResponses}). @defaultValue no dimensions
   */
  readonly by?: SegmentBy | ReadonlyArray<SegmentBy>;
}

/** The time bucket of count options, checked (`null` without a period). */
export function resolveCountTime(fn: string, options: CountOptions): TallyTime | null {
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const { period, timeZone = "UTC", weekStartsOn = 1 } = options;
  checkTimeZone(fn, timeZone);
  checkInteger(fn, "weekStartsOn", weekStartsOn, 0, 6);
  if (period === undefined) return null;
  checkChoice(fn, "period", period, TREND_PERIODS);
  return { bucket: period, timeZone, weekStartsOn: weekStartsOn as WeekDay };
}

/** The dimensions of `by`: none, one, or a list. */
export function dimensionsOf(by: SegmentBy | ReadonlyArray<SegmentBy> | undefined): ReadonlyArray<SegmentBy> {
  if (by === undefined) return [];
  return Array.isArray(by) ? by : [by as SegmentBy];
}

/**
 * Counts responses into keyed tallies: one cell per combination of segment keys and calendar bucket,
 * plus the distribution of answers and the dated range. Every response is validated (object, score,
 * weight, date, respondent id); a response without a key for a dimension counts with
 * code −1 (in the total and the trend, in no segment). An attribute that no response has is not an
 * error here (one part of the data may lack it): its dimension simply has no keys. Then any figure can be computed from the
 * tallies, and tallies of parts merge ({@link mergeKeyedTallies}). O(n) plus one calendar lookup per
 * distinct day.
 *
 * @param responses - The responses (not mutated).
 * @param options - Dimensions, calendar bucket, time zone, week start and scale.
 * @returns The keyed tallies (no cells for no responses).
 * @throws {@link NpsError} `invalid_score`, `invalid_weight`, `invalid_date` or `invalid_input` for a
 * bad response (with its index); `invalid_option` for an unknown period or time zone, or a segment
 * value that is not a string, number, boolean or null.
 * @example
 * ```ts
 * import { countResponses, trendFromTallies } from "npskit";
 * const responses = [
 *   { score: 10, date: new Date("2026-01-15T10:00:00Z"), attributes: { plan: "pro" } },
 *   { score: 3, date: new Date("2026-02-20T10:00:00Z"), attributes: { plan: "free" } },
 * ];
 * const tallies = countResponses(responses, { by: "plan", period: "month" });
 * tallies.cells.length; // => 2
 * tallies.dimensions[0]?.keys; // => ["pro", "free"]
 * trendFromTallies(tallies).points.map((point) => point.nps); // => [100, -100]
 * ```
 * @category Keyed tallies
 */
export function countResponses(
  responses: ReadonlyArray<NpsResponse>,
  options: CountResponsesOptions = {},
): KeyedTallies {
  const time = resolveCountTime("countResponses", options);
  return keyedTalliesOf(
    countResponsesFor(
      "countResponses",
      responses,
      dimensionsOf(options.by),
      time,
      options.scale ?? STANDARD_SCALE,
      undefined,
      false,
    ).sums(),
  );
}

/**
 * Refuses an attribute named twice in `by`: crossing a segment with itself only repeats the one-way
 * breakdown, so it is a mistake in the call. O(k²) for k ≤ 2 dimensions.
 */
export function checkDistinctBy(fn: string, by: ReadonlyArray<unknown>): void {
  const twice = by.find((name, i) => typeof name === "string" && by.indexOf(name) !== i);
  if (twice !== undefined) {
    throw new NpsError(
      "invalid_option",
      `${fn}: by must name different attributes, received ${describeValue(twice)} twice`,
    );
  }
}

/**
 * {@link countResponses}, naming `fn` in errors; `leftOut`, when given, receives the indices of the
 * responses without a key for the first dimension.
 */
export function countResponsesFor(
  fn: string,
  responses: ReadonlyArray<NpsResponse>,
  by: ReadonlyArray<SegmentBy>,
  time: TallyTime | null,
  scale: Scale,
  leftOut?: number[],
  requireAttributes = true,
): ReturnType<typeof createTallyCounter> {
  if (!Array.isArray(responses)) {
    throw new NpsError("invalid_input", `${fn}: responses must be an array, received ${describeValue(responses)}`);
  }
  checkDistinctBy(fn, by);
  const readers = by.map((dimension) => segmentKeyReader(fn, responses, dimension, requireAttributes));
  const names = by.map((dimension) =>
    typeof dimension === "string" ? dimension : dimension.name === "" ? "(function)" : dimension.name,
  );
  const weighted = responses.some((response) => response?.weight !== undefined && response.weight !== null);
  let largest = 0;
  if (weighted) {
    for (const response of responses) {
      const weight = response?.weight;
      if (typeof weight === "number" && weight > largest && Number.isFinite(weight)) largest = weight;
    }
  }
  const counter = createTallyCounter(names, time, scale, weighted, weightExponentOf(largest));
  const codes = new Int32Array(by.length);
  for (let i = 0; i < responses.length; i++) {
    const response = responses[i];
    const weight = checkedWeight(fn, response, i, scale, weighted);
    const score = (response as NpsResponse).score;
    const date = response.date;
    let instant = Number.NaN;
    if (date !== undefined && date !== null) {
      instant = date instanceof Date ? date.getTime() : Number.NaN;
      if (Number.isNaN(instant)) {
        throw new NpsError(
          "invalid_date",
          `${fn}: date must be a valid Date or absent, received ${describeValue(date)} at index ${i}`,
        );
      }
    }
    const id = response.respondentId;
    if (id !== undefined && id !== null && typeof id !== "string") {
      throw new NpsError(
        "invalid_input",
        `${fn}: respondentId must be a string or absent, received ${describeValue(id)} at index ${i}`,
      );
    }
    for (let d = 0; d < readers.length; d++) {
      const key = (readers[d] as (index: number) => ReturnType<ReturnType<typeof segmentKeyReader>>)(i);
      codes[d] = key === undefined ? -1 : counter.code(d, key);
    }
    if (leftOut !== undefined && codes[0] === -1) leftOut.push(i);
    counter.add(score, weight, codes, instant);
  }
  return counter;
}

/**
 * Checks response `i` (an object, a score inside the scale, a weight when the responses are weighted,
 * where every response must carry one) and returns its weight (1 when unweighted).
 */
export function checkedWeight(fn: string, response: unknown, i: number, scale: Scale, weighted: boolean): number {
  if (response === null || typeof response !== "object") {
    throw new NpsError(
      "invalid_input",
      `${fn}: response must be an object, received ${describeValue(response)} at index ${i}`,
    );
  }
  const { score, weight } = response as NpsResponse;
  if (!isValidScore(score, scale)) throw invalidScoreError(fn, score, scale, ` at index ${i}`);
  if (!weighted) return 1;
  if (weight === undefined || weight === null) {
    throw new NpsError(
      "invalid_input",
      `${fn}: weight must be present on every response when any response is weighted, missing at index ${i}`,
    );
  }
  checkWeight(fn, weight, ` at index ${i}`);
  return weight;
}
