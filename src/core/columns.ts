import { describeValue } from "../internal/describe.js";
import { didYouMean } from "./columnNames.js";
import { NpsError } from "./errors.js";
import { invalidScoreError, type Scale } from "./scale.js";
import type { SegmentKey } from "./segmentKey.js";
import { checkArrayLike, checkWeight } from "./tally.js";

/**
 * One segment column in columnar form: an integer code per response and the dictionary the codes
 * index. Code `i` means the key `dictionary[i]`; code `-1` means the response has no value for this
 * column (it is left out, as a response without the attribute is). Two codes whose dictionary entries
 * are equal (compared as a `Map` does) are the same segment.
 *
 * @category Columnar
 */
export interface SegmentColumn {
  /** Dictionary index of each response's key, or −1 for no value; one per score. */
  readonly codes: Uint8Array | Uint16Array | Uint32Array | Int32Array | ReadonlyArray<number>;
  /** The segment keys the codes index (strings, numbers, booleans or `null`). */
  readonly dictionary: ReadonlyArray<SegmentKey>;
}

/**
 * Responses stored column by column: one array per field, all of the same length, index `i` of each
 * being response `i`. The columnar functions ({@link tallyColumns}, {@link segmentColumns},
 * {@link trendColumns}, {@link rollingTrendColumns}) read these arrays directly, without building one
 * object per response, and validate them as strictly as the object path (every error names the
 * index). Response `i` is the same as the object
 * `{ score: scores[i], date: new Date(times[i]), weight: weights[i], respondentId: respondentIds[i],
 * attributes: { [name]: segments[name].dictionary[segments[name].codes[i]] } }`, with `date` absent
 * when `times[i]` is `NaN`, `respondentId` absent when it is `undefined`, and an attribute absent when
 * its code is −1.
 *
 * @category Columnar
 */
export interface ColumnarResponses {
  /** The answers: integers inside the scale. Typed arrays (`Uint8Array`, `Float64Array`) are fastest. */
  readonly scores: Uint8Array | Float64Array | ReadonlyArray<number>;
  /** Instant of each answer in epoch milliseconds; `NaN` for an answer without a date. */
  readonly times?: Float64Array | ReadonlyArray<number>;
  /** Weight of each answer (finite, > 0); when present, results are weighted. */
  readonly weights?: Float64Array | ReadonlyArray<number>;
  /** Segment columns by name (the equivalent of `attributes`). */
  readonly segments?: Readonly<Record<string, SegmentColumn>>;
  /** Respondent of each answer, `undefined` when unknown (used by `respondents: "latest"`). */
  readonly respondentIds?: ReadonlyArray<string | undefined>;
}

/** Largest magnitude of a valid `Date` time value (ECMAScript time range). */
const MAX_TIME = 8.64e15;

/** Checks that `columns` is an object with an array-like `scores`; returns the number of responses. */
export function columnsLength(fn: string, columns: ColumnarResponses): number {
  if (columns === null || typeof columns !== "object") {
    throw new NpsError(
      "invalid_input",
      `${fn}: columns must be an object with a scores array, received ${describeValue(columns)}`,
    );
  }
  checkArrayLike(fn, "scores", columns.scores);
  return columns.scores.length;
}

/** Checks that an optional column has one entry per score; returns it (or `undefined`). */
export function optionalColumn<T extends ArrayLike<unknown>>(
  fn: string,
  name: string,
  column: T | undefined,
  length: number,
): T | undefined {
  if (column === undefined) return undefined;
  if (column === null || typeof column !== "object" || typeof (column as { length?: unknown }).length !== "number") {
    throw new NpsError("invalid_input", `${fn}: ${name} must be an array, received ${describeValue(column)}`);
  }
  if (column.length !== length) {
    throw new NpsError(
      "invalid_input",
      `${fn}: ${name} must have one entry per score (${length}), received ${column.length}`,
    );
  }
  return column;
}

/** Category of the score at index `i` (0 promoter, 1 passive, 2 detractor), or throws `invalid_score`. */
export function categoryAt(fn: string, scores: ArrayLike<number>, i: number, scale: Scale): 0 | 1 | 2 {
  const score = scores[i] as number;
  if ((score | 0) !== score || score < scale.min || score > scale.max) {
    if (!(Number.isInteger(score) && score >= scale.min && score <= scale.max)) {
      throw invalidScoreError(fn, score, scale, ` at index ${i}`);
    }
  }
  if (score >= scale.promoterMin) return 0;
  if (score <= scale.detractorMax) return 2;
  return 1;
}

/** The weight at index `i`, or throws `invalid_weight`. */
export function weightAt(fn: string, weights: ArrayLike<number>, i: number): number {
  const weight = weights[i];
  checkWeight(fn, weight, ` at index ${i}`);
  return weight;
}

/** The time at index `i` (NaN for no date), or throws `invalid_date`. */
export function timeAt(fn: string, times: ArrayLike<number>, i: number): number {
  const time = times[i] as number;
  if (typeof time !== "number" || (!Number.isNaN(time) && !(Math.abs(time) <= MAX_TIME))) {
    throw new NpsError(
      "invalid_date",
      `${fn}: time must be epoch milliseconds within the Date range or NaN for no date, received ${describeValue(time)} at index ${i}`,
    );
  }
  return time;
}

/** The respondent id at index `i` (`undefined` when unknown), or throws `invalid_input`. */
export function respondentAt(fn: string, ids: ArrayLike<unknown>, i: number): string | undefined {
  const id = ids[i] ?? undefined;
  if (id !== undefined && typeof id !== "string") {
    throw new NpsError(
      "invalid_input",
      `${fn}: respondentId must be a string or undefined, received ${describeValue(id)} at index ${i}`,
    );
  }
  return id;
}

/** A checked segment column: its codes and dictionary. */
export interface CheckedSegmentColumn {
  readonly codes: ArrayLike<number>;
  readonly dictionary: ReadonlyArray<SegmentKey>;
}

/** Looks up and checks the segment column `name` (shape, length and dictionary entries). */
export function segmentColumn(
  fn: string,
  columns: ColumnarResponses,
  name: string,
  length: number,
): CheckedSegmentColumn {
  if (typeof name !== "string") {
    throw new NpsError(
      "invalid_option",
      `${fn}: segment must be a segment column name, received ${describeValue(name)}`,
    );
  }
  const segments = columns.segments;
  if (segments === undefined || segments === null || !Object.hasOwn(segments, name)) {
    const names = segments === undefined || segments === null ? [] : Object.keys(segments);
    throw new NpsError(
      "invalid_option",
      `${fn}: segment column ${JSON.stringify(name)} does not exist${didYouMean(name, names)}; segment columns are: ${names.length === 0 ? "(none)" : names.join(", ")}`,
    );
  }
  const column = segments[name];
  if (column === null || typeof column !== "object" || !Array.isArray(column.dictionary)) {
    throw new NpsError(
      "invalid_input",
      `${fn}: segments.${name} must be an object with codes and a dictionary array, received ${describeValue(column)}`,
    );
  }
  const codes = optionalColumn(fn, `segments.${name}.codes`, column.codes as ArrayLike<number>, length);
  if (codes === undefined) {
    throw new NpsError("invalid_input", `${fn}: segments.${name}.codes must be an array, received undefined`);
  }
  column.dictionary.forEach((key, i) => {
    if (key !== null && typeof key !== "string" && typeof key !== "number" && typeof key !== "boolean") {
      throw new NpsError(
        "invalid_input",
        `${fn}: segments.${name}.dictionary entry must be a string, number, boolean or null, received ${describeValue(key)} at index ${i}`,
      );
    }
  });
  return { codes, dictionary: column.dictionary };
}

/** The code at index `i` of a checked segment column (−1 for no value), or throws `invalid_input`. */
export function codeAt(fn: string, name: string, column: CheckedSegmentColumn, i: number): number {
  const code = column.codes[i] as number;
  if ((code | 0) !== code || code < -1 || code >= column.dictionary.length) {
    throw new NpsError(
      "invalid_input",
      `${fn}: segments.${name}.codes must be integers from -1 to ${column.dictionary.length - 1} (dictionary index, -1 for no value), received ${describeValue(code)} at index ${i}`,
    );
  }
  return code;
}
