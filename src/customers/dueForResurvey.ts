import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { prepareResponses } from "../core/prepareResponses.js";
import type { NpsResponse } from "../core/response.js";
import { checkScale, type Scale, STANDARD_SCALE } from "../core/scale.js";
import { describeValue } from "../internal/describe.js";
import { checkAsOf, compareIds, latestOfPrepared } from "./latestByRespondent.js";

const DAY_MS = 86_400_000;

/**
 * Options of {@link dueForResurvey}.
 *
 * @category Customers
 */
export interface ResurveyOptions {
  /** The instant the schedule is computed for ("today"); answers dated after it are ignored. Required. */
  readonly asOf: Date;
  /**
   * Minimum number of days between two surveys of the same respondent, an integer from 0 to 36500.
   * Days are 24-hour days counted from the instant of the last answer. @defaultValue 90
   */
  readonly minDays?: number;
  /** The answer scale, used to validate the scores. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * One respondent in a re-survey schedule.
 *
 * @category Customers
 */
export interface ResurveyEntry {
  /** The respondent id, exactly as given. */
  readonly respondentId: string;
  /** Instant of their most recent answer, ISO 8601 in UTC. */
  readonly lastAnswered: string;
  /** Instant they become (or became) due: `lastAnswered` + `minDays` days, ISO 8601 in UTC. */
  readonly dueDate: string;
  /** Whole days (24 h) from the last answer to `asOf`, rounded down. */
  readonly daysSinceLastAnswer: number;
  /** The score of their most recent answer. */
  readonly lastScore: number;
}

/**
 * Who can be surveyed again; see {@link dueForResurvey}.
 *
 * @category Customers
 */
export interface ResurveySchedule {
  /** The `asOf` instant, ISO 8601 in UTC. */
  readonly asOf: string;
  /** The minimum number of days between two surveys. */
  readonly minDays: number;
  /** Respondents whose last answer is at least `minDays` old: oldest due date first, then by id. */
  readonly due: ReadonlyArray<ResurveyEntry>;
  /** Respondents asked too recently (the throttle): the soonest due date first, then by id. */
  readonly throttled: ReadonlyArray<ResurveyEntry>;
  /** Respondents none of whose answers is dated: their cadence cannot be told (sorted by id). */
  readonly undated: ReadonlyArray<string>;
  /** Number of answers without a respondent id (they cannot be scheduled). */
  readonly withoutRespondent: number;
}

/**
 * The re-survey schedule: which respondents answered long enough ago to be asked again (each with the
 * date they became due), and which were asked too recently — the throttle survey tools apply so that
 * a customer is not surveyed more often than every `minDays` days (programmes commonly use 60–90).
 *
 * Each respondent counts once, by their most recent answer at or before `asOf` (the rule of
 * {@link latestByRespondent}); a respondent is due when `asOf` ≥ last answer + `minDays` × 24 h.
 * Ids are compared exactly. `asOf` is required: the function never reads the clock. O(n + r log r).
 *
 * @param responses - Validated responses, with respondent ids and dates.
 * @param options - `asOf` (required), `minDays`, scale.
 * @returns The due and throttled respondents; every respondent appears in exactly one of `due`,
 * `throttled` and `undated`.
 * @throws {@link NpsError} `invalid_option` when `asOf` is not a valid `Date` or `minDays` is not
 * an integer from 0 to 36500; `invalid_input`, `invalid_score`, `invalid_date` for invalid responses.
 * @example
 * ```ts
 * import { dueForResurvey } from "npskit";
 * const schedule = dueForResurvey(
 *   [
 *     { score: 9, respondentId: "A", date: new Date("2026-01-05T00:00:00Z") },
 *     { score: 4, respondentId: "B", date: new Date("2026-05-20T00:00:00Z") },
 *   ],
 *   { asOf: new Date("2026-06-01T00:00:00Z") },
 * );
 * schedule.due.map((entry) => [entry.respondentId, entry.dueDate]); // => [["A", "2026-04-05T00:00:00.000Z"]]
 * schedule.throttled.map((entry) => [entry.respondentId, entry.dueDate]); // => [["B", "2026-08-18T00:00:00.000Z"]]
 * ```
 * @category Customers
 */
export function dueForResurvey(responses: ReadonlyArray<NpsResponse>, options: ResurveyOptions): ResurveySchedule {
  checkOptions("dueForResurvey", options);
  const fn = "dueForResurvey";
  if (options === null || typeof options !== "object") {
    throw new NpsError(
      "invalid_option",
      `${fn}: options must be an object with asOf, received ${describeValue(options)}`,
    );
  }
  const asOf = checkAsOf(fn, options.asOf, true);
  const minDays = options.minDays ?? 90;
  if (typeof minDays !== "number" || !Number.isInteger(minDays) || minDays < 0 || minDays > 36_500) {
    throw new NpsError(
      "invalid_option",
      `${fn}: minDays must be an integer from 0 to 36500, received ${describeValue(minDays)}`,
    );
  }
  const scale = checkScale(fn, options.scale);
  const prepared = prepareResponses(fn, responses, scale);
  const latest = latestOfPrepared(responses, prepared, asOf);
  const due: Array<ResurveyEntry & { readonly time: number }> = [];
  const throttled: Array<ResurveyEntry & { readonly time: number }> = [];
  const undated: string[] = [];
  for (const respondent of latest.respondents) {
    const last = prepared.times[respondent.index] as number;
    if (Number.isNaN(last)) {
      undated.push(respondent.respondentId);
      continue;
    }
    const dueTime = last + minDays * DAY_MS;
    const entry = {
      respondentId: respondent.respondentId,
      lastAnswered: new Date(last).toISOString(),
      dueDate: new Date(dueTime).toISOString(),
      daysSinceLastAnswer: Math.floor((asOf - last) / DAY_MS),
      lastScore: respondent.response.score,
      time: dueTime,
    };
    (dueTime <= asOf ? due : throttled).push(entry);
  }
  const order = (a: { time: number; respondentId: string }, b: { time: number; respondentId: string }): number =>
    a.time - b.time || compareIds(a.respondentId, b.respondentId);
  return {
    asOf: new Date(asOf).toISOString(),
    minDays,
    due: due.sort(order).map(withoutTime),
    throttled: throttled.sort(order).map(withoutTime),
    undated,
    withoutRespondent: latest.withoutRespondent.length,
  };
}

function withoutTime({ time: _time, ...entry }: ResurveyEntry & { readonly time: number }): ResurveyEntry {
  return entry;
}
