import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { type PreparedResponses, prepareResponses } from "../core/prepareResponses.js";
import type { NpsResponse } from "../core/response.js";
import { checkScale, type Scale, STANDARD_SCALE } from "../core/scale.js";
import { describeValue } from "../internal/describe.js";

/**
 * Options of {@link latestByRespondent}.
 *
 * @category Customers
 */
export interface LatestByRespondentOptions {
  /**
   * Only answers given at or before this instant count; later ones are left out and counted in
   * `afterAsOf`. Answers without a date always count. @defaultValue no limit
   */
  readonly asOf?: Date;
  /** The answer scale, used to validate the scores. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * One respondent's most recent answer.
 *
 * @category Customers
 */
export interface RespondentLatest {
  /** The respondent id, exactly as given. */
  readonly respondentId: string;
  /** The most recent answer (the input object itself, not a copy). */
  readonly response: NpsResponse;
  /** Position of that answer in the input array. */
  readonly index: number;
  /** How many answers of this respondent counted (1 or more; answers after `asOf` excluded). */
  readonly responses: number;
}

/**
 * Each respondent's most recent answer; see {@link latestByRespondent}.
 *
 * @category Customers
 */
export interface LatestByRespondent {
  /** One entry per respondent, ordered by respondent id (code-unit order, as `<` compares strings). */
  readonly respondents: ReadonlyArray<RespondentLatest>;
  /** Positions in the input of the answers without a respondent id: reported, never merged. */
  readonly withoutRespondent: ReadonlyArray<number>;
  /** Number of answers left out because they are dated after `asOf` (0 without `asOf`). */
  readonly afterAsOf: number;
}

/**
 * Each respondent's most recent answer, and how many answers they gave: the reduction every
 * customer-level analysis starts from (migration between waves, re-survey cadence).
 *
 * Rule (the same everywhere in npskit): answer a is more recent than answer b when a has a later date;
 * a dated answer is more recent than an undated one; between answers with the same instant, or both
 * undated, the one later in the input wins. Respondent ids are compared exactly: no trimming, no case
 * folding (`"C1"`, `"c1"` and `"C1 "` are three respondents). Answers without a respondent id are
 * listed in `withoutRespondent`, not merged. O(n + r log r) for n answers of r respondents.
 *
 * @param responses - Validated responses.
 * @param options - `asOf` and the scale.
 * @returns The latest answer of each respondent, the answers without an id, and how many answers were
 * after `asOf`. Empty input gives empty lists.
 * @throws {@link NpsError} `invalid_input` when `responses` is not an array of responses or a
 * respondent id is not a string; `invalid_score` for a score outside the scale; `invalid_date` for an
 * invalid date; `invalid_option` when `asOf` is not a valid `Date`.
 * @example
 * ```ts
 * import { latestByRespondent } from "npskit";
 * const result = latestByRespondent([
 *   { score: 3, respondentId: "A", date: new Date("2026-01-10") },
 *   { score: 9, respondentId: "A", date: new Date("2026-04-02") },
 *   { score: 7, respondentId: "B" },
 *   { score: 10 },
 * ]);
 * result.respondents.map((r) => [r.respondentId, r.response.score, r.responses]); // => [["A", 9, 2], ["B", 7, 1]]
 * result.withoutRespondent; // => [3]
 * latestByRespondent([{ score: 9, respondentId: "A", date: new Date("2026-04-02") }], { asOf: new Date("2026-03-01") }).afterAsOf; // => 1
 * ```
 * @category Customers
 */
export function latestByRespondent(
  responses: ReadonlyArray<NpsResponse>,
  options: LatestByRespondentOptions = {},
): LatestByRespondent {
  checkOptions("latestByRespondent", options);
  const fn = "latestByRespondent";
  const asOf = checkAsOf(fn, options.asOf, false);
  const scale = checkScale(fn, options.scale);
  const prepared = prepareResponses(fn, responses, scale);
  return latestOfPrepared(responses, prepared, asOf);
}

/** Throws `invalid_option` unless `value` is a valid `Date` (or absent when not `required`); its instant in ms. */
export function checkAsOf(fn: string, value: unknown, required: true): number;
export function checkAsOf(fn: string, value: unknown, required: boolean): number | undefined;
export function checkAsOf(fn: string, value: unknown, required: boolean): number | undefined {
  if (value === undefined && !required) return undefined;
  const time = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(time)) {
    throw new NpsError("invalid_option", `${fn}: asOf must be a valid Date, received ${describeValue(value)}`);
  }
  return time;
}

/**
 * Whether answer a is more recent than answer b: a later instant; dated before undated; else later in
 * the input. Undated answers have a NaN time.
 */
export function isMoreRecent(times: Float64Array, a: number, b: number): boolean {
  const ta = times[a] as number;
  const tb = times[b] as number;
  const datedA = !Number.isNaN(ta);
  const datedB = !Number.isNaN(tb);
  if (datedA !== datedB) return datedA;
  if (datedA && ta !== tb) return ta > tb;
  return a > b;
}

/** {@link latestByRespondent} on responses already validated and read into flat arrays. O(n + r log r). */
export function latestOfPrepared(
  responses: ReadonlyArray<NpsResponse>,
  prepared: PreparedResponses,
  asOf: number | undefined,
): LatestByRespondent {
  const best = new Int32Array(prepared.respondentCount).fill(-1);
  const counts = new Int32Array(prepared.respondentCount);
  const withoutRespondent: number[] = [];
  let afterAsOf = 0;
  for (let k = 0; k < prepared.length; k++) {
    const time = prepared.times[k] as number;
    if (asOf !== undefined && time > asOf) {
      afterAsOf++;
      continue;
    }
    const r = prepared.respondents[k] as number;
    if (r < 0) {
      withoutRespondent.push(k);
      continue;
    }
    counts[r] = (counts[r] as number) + 1;
    const current = best[r] as number;
    if (current < 0 || isMoreRecent(prepared.times, k, current)) best[r] = k;
  }
  const respondents: RespondentLatest[] = [];
  for (let r = 0; r < prepared.respondentCount; r++) {
    const index = best[r] as number;
    if (index < 0) continue;
    const response = responses[index] as NpsResponse;
    respondents.push({
      respondentId: response.respondentId as string,
      response,
      index,
      responses: counts[r] as number,
    });
  }
  respondents.sort((a, b) => compareIds(a.respondentId, b.respondentId));
  return { respondents, withoutRespondent, afterAsOf };
}

/** Code-unit order of two ids (the order of `<` on strings), independent of locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
