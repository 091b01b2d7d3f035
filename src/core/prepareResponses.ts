import { describeValue } from "../internal/describe.js";
import { NpsError } from "./errors.js";
import type { NpsResponse } from "./response.js";
import type { Scale } from "./scale.js";
import { addWeighted, categoryIndex, checkWeight } from "./tally.js";

/** Responses read once into flat arrays (internal to the trend functions). */
export interface PreparedResponses {
  /** Number of responses. */
  readonly length: number;
  /** Instant of each response in ms, NaN when it has no date. */
  readonly times: Float64Array;
  /** Category of each response: 0 promoter, 1 passive, 2 detractor. */
  readonly categories: Uint8Array;
  /** Weight of each response, or `undefined` when no response is weighted. */
  readonly weights: Float64Array | undefined;
  /**
   * Respondent of each response as a small integer, −1 when it has no respondent id (all −1 when
   * respondent ids were not asked for: see {@link prepareResponses}).
   */
  readonly respondents: Int32Array;
  /** Number of distinct respondent ids. */
  readonly respondentCount: number;
  /** Number of responses with a date. */
  readonly dated: number;
  /** Earliest and latest dated instants (ms), NaN when none is dated. */
  readonly first: number;
  readonly last: number;
}

/**
 * Validates responses and reads them into flat arrays in one pass: score (→ category), weight (all or
 * none), date (a valid `Date` or absent), respondent id (a string or absent). O(n).
 *
 * Numbering the respondent ids (a hash map of every distinct id) is by far the most expensive part for
 * large inputs, so a caller that does not use them passes `withRespondents = false`: the ids are still
 * validated, but `respondents` is all −1 and `respondentCount` 0.
 */
export function prepareResponses(
  fn: string,
  responses: ReadonlyArray<NpsResponse>,
  scale: Scale,
  indices?: ReadonlyArray<number>,
  withRespondents = true,
): PreparedResponses {
  if (!Array.isArray(responses)) {
    throw new NpsError("invalid_input", `${fn}: responses must be an array, received ${describeValue(responses)}`);
  }
  const length = indices === undefined ? responses.length : indices.length;
  const at = (k: number): number => (indices === undefined ? k : (indices[k] as number));
  const times = new Float64Array(length);
  const categories = new Uint8Array(length);
  const respondents = new Int32Array(length);
  const ids = new Map<string, number>();
  let weights: Float64Array | undefined;
  let dated = 0;
  let first = Number.NaN;
  let last = Number.NaN;
  for (let k = 0; k < length; k++) {
    const i = at(k);
    const response = responses[i];
    if (response === null || typeof response !== "object") {
      throw new NpsError(
        "invalid_input",
        `${fn}: response must be an object, received ${describeValue(response)} at index ${i}`,
      );
    }
    categories[k] = categoryIndex(response.score, scale, fn, ` at index ${i}`);
    const weight = response.weight ?? undefined;
    if (k === 0 && weight !== undefined) weights = new Float64Array(length);
    if ((weight === undefined) !== (weights === undefined)) {
      throw new NpsError(
        "invalid_input",
        `${fn}: weight must be present on every response when any response is weighted, missing at index ${weight === undefined ? i : at(0)}`,
      );
    }
    if (weights !== undefined) {
      checkWeight(fn, weight, ` at index ${i}`);
      weights[k] = weight;
    }
    const date = response.date ?? undefined;
    if (date === undefined) {
      times[k] = Number.NaN;
    } else {
      const time = date instanceof Date ? date.getTime() : Number.NaN;
      if (Number.isNaN(time)) {
        throw new NpsError(
          "invalid_date",
          `${fn}: date must be a valid Date or absent, received ${describeValue(date)} at index ${i}`,
        );
      }
      times[k] = time;
      if (dated === 0 || time < first) first = time;
      if (dated === 0 || time > last) last = time;
      dated++;
    }
    const id = response.respondentId ?? undefined;
    if (id === undefined || !withRespondents) {
      respondents[k] = -1;
      if (id !== undefined && typeof id !== "string") {
        throw new NpsError(
          "invalid_input",
          `${fn}: respondentId must be a string or absent, received ${describeValue(id)} at index ${i}`,
        );
      }
    } else {
      if (typeof id !== "string") {
        throw new NpsError(
          "invalid_input",
          `${fn}: respondentId must be a string or absent, received ${describeValue(id)} at index ${i}`,
        );
      }
      let number = ids.get(id);
      if (number === undefined) {
        number = ids.size;
        ids.set(id, number);
      }
      respondents[k] = number;
    }
  }
  return { length, times, categories, weights, respondents, respondentCount: ids.size, dated, first, last };
}

/**
 * Running sums of many tallies in one array, 9 slots each: for category c the sum of weights at c,
 * of squared weights at 3 + c, the count at 6 + c (the layout of the core's weighted sums).
 */
export type TallySums = Float64Array;

/** Adds (sign 1) or removes (sign −1) response k of `prepared` to the sums of tally `slot`. */
export function addResponse(sums: TallySums, slot: number, prepared: PreparedResponses, k: number, sign: 1 | -1): void {
  const weight = prepared.weights === undefined ? 1 : (prepared.weights[k] as number);
  addWeighted(sums, prepared.categories[k] as number, weight, slot, sign);
}

/** The earliest and latest dated instants over several prepared sets (NaN when none is dated). */
export function commonRange(parts: ReadonlyArray<Pick<PreparedResponses, "dated" | "first" | "last">>): {
  first: number;
  last: number;
} {
  let first = Number.NaN;
  let last = Number.NaN;
  for (const part of parts) {
    if (part.dated === 0) continue;
    if (!(part.first >= first)) first = part.first;
    if (!(part.last <= last)) last = part.last;
  }
  return { first, last };
}
