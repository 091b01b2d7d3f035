import { describeValue } from "../internal/describe.js";
import {
  type ColumnarResponses,
  codeAt,
  columnsLength,
  optionalColumn,
  segmentColumn,
  timeAt,
  weightAt,
} from "./columns.js";
import { type CountOptions, checkDistinctBy, resolveCountTime } from "./countResponses.js";
import { NpsError } from "./errors.js";
import { type KeyedTallies, keyedTalliesOf, type TallyTime, weightExponentOf } from "./keyedTallies.js";
import { invalidScoreError, type Scale, STANDARD_SCALE } from "./scale.js";
import type { SegmentKey } from "./segmentKey.js";
import { createTallyCounter, type TallyCounter } from "./tallyCounter.js";

/**
 * Options of {@link countColumns}.
 *
 * @category Keyed tallies
 */
export interface CountColumnsOptions extends CountOptions {
  /** The segment dimensions: names of segment columns (`columns.segments`). @defaultValue no dimensions */
  readonly by?: string | ReadonlyArray<string>;
}

/**
 * Counts responses stored column by column ({@link ColumnarResponses}) into keyed tallies, without
 * one object per response: the columnar twin of {@link countResponses}, with the same cells for the
 * same responses. Dictionary entries that are equal (as a `Map` compares them) are one key. O(n).
 *
 * @param columns - Scores, and optionally times, weights and segment columns.
 * @param options - Dimensions (segment column names), calendar bucket, time zone, week start, scale.
 * @returns The keyed tallies.
 * @throws {@link NpsError} `invalid_score`, `invalid_weight`, `invalid_date` or `invalid_input` for a
 * bad value (with its index); `invalid_option` for an unknown segment column, period or time zone.
 * @example
 * ```ts
 * import { countColumns, segmentsFromTallies } from "npskit";
 * const tallies = countColumns(
 *   { scores: Uint8Array.of(10, 9, 3, 8), segments: { plan: { codes: [0, 0, 1, 1], dictionary: ["pro", "free"] } } },
 *   { by: "plan" },
 * );
 * segmentsFromTallies(tallies).segments.map((segment) => [segment.key, segment.nps]); // => [["free", -50], ["pro", 100]]
 * ```
 * @category Keyed tallies
 */
export function countColumns(columns: ColumnarResponses, options: CountColumnsOptions = {}): KeyedTallies {
  const fn = "countColumns";
  const time = resolveCountTime(fn, options);
  return keyedTalliesOf(
    countColumnsFor(fn, columns, columnNames(fn, options.by), time, options.scale ?? STANDARD_SCALE).sums(),
  );
}

/** The segment column names of a `by` option: none, one name, or a list. */
export function columnNames(fn: string, by: CountColumnsOptions["by"]): ReadonlyArray<string> {
  const names = by === undefined ? [] : typeof by === "string" ? [by] : by;
  if (!Array.isArray(names)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: by must be a segment column name or an array of them, received ${describeValue(by)}`,
    );
  }
  checkDistinctBy(fn, names);
  return names;
}

/**
 * {@link countColumns}, naming `fn` in errors; `leftOut`, when given, receives the indices of the
 * responses without a value in the first dimension. `counterFor`, when given, gives the counter to add
 * to for the batch's weighting and weight exponent (its dimensions must be `by`).
 */
export function countColumnsFor(
  fn: string,
  columns: ColumnarResponses,
  by: ReadonlyArray<string>,
  time: TallyTime | null,
  scale: Scale,
  leftOut?: number[],
  counterFor?: (weighted: boolean, weightExponent: number) => TallyCounter,
): TallyCounter {
  const length = columnsLength(fn, columns);
  const scores = columns.scores;
  const weights = optionalColumn(fn, "weights", columns.weights, length);
  const times = optionalColumn(fn, "times", columns.times, length);
  const segments = by.map((name) => segmentColumn(fn, columns, name, length));
  let largest = 0;
  if (weights !== undefined) {
    for (let i = 0; i < length; i++) {
      const weight = weights[i] as number;
      if (weight > largest && Number.isFinite(weight)) largest = weight;
    }
  }
  const weightExponent = weightExponentOf(largest);
  const counter =
    counterFor === undefined
      ? createTallyCounter(by, time, scale, weights !== undefined, weightExponent)
      : counterFor(weights !== undefined, weightExponent);
  // Dictionary code → counter code, per dimension (−2: not looked up yet).
  const codeMaps = segments.map((column) => new Int32Array(column.dictionary.length).fill(-2));
  const codes = new Int32Array(by.length);
  const { min, max } = scale;
  for (let i = 0; i < length; i++) {
    const score = scores[i] as number;
    if ((score | 0) !== score || score < min || score > max) {
      if (!(Number.isInteger(score) && score >= min && score <= max))
        throw invalidScoreError(fn, score, scale, ` at index ${i}`);
    }
    const weight = weights === undefined ? 1 : weightAt(fn, weights, i);
    for (let d = 0; d < segments.length; d++) {
      const column = segments[d] as (typeof segments)[number];
      const code = codeAt(fn, by[d] as string, column, i);
      if (code < 0) {
        codes[d] = -1;
        continue;
      }
      const map = codeMaps[d] as Int32Array;
      let mapped = map[code] as number;
      if (mapped === -2) {
        mapped = counter.code(d, column.dictionary[code] as SegmentKey);
        map[code] = mapped;
      }
      codes[d] = mapped;
    }
    if (leftOut !== undefined && codes[0] === -1) leftOut.push(i);
    counter.add(score, weight, codes, times === undefined ? Number.NaN : timeAt(fn, times, i));
  }
  return counter;
}
