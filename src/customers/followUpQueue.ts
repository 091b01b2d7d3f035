import { TZDate } from "@date-fns/tz";
import { checkTimeZone, type WeekDay } from "../core/calendar.js";
import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { checkChoice } from "../core/options.js";
import { prepareResponses } from "../core/prepareResponses.js";
import type { NpsResponse, RespondentPolicy } from "../core/response.js";
import { type Category, checkScale, type Scale, STANDARD_SCALE } from "../core/scale.js";
import { describeValue } from "../internal/describe.js";
import { latestOfPrepared } from "./latestByRespondent.js";

const DAY_MS = 86_400_000;

/**
 * What to do about one answer: `"contact"` a detractor quickly to understand and fix the problem;
 * `"ask-improvement"` of a passive, what would make it a 10; `"ask-review"` of a promoter, a review,
 * testimonial or referral.
 *
 * @category Customers
 */
export type FollowUpAction = "contact" | "ask-improvement" | "ask-review";

/**
 * Options of {@link followUpQueue}.
 *
 * @category Customers
 */
export interface FollowUpOptions {
  /** Which categories need a follow-up. @defaultValue ["detractor", "passive", "promoter"] */
  readonly categories?: ReadonlyArray<Category>;
  /**
   * `"all"`: one entry per answer; `"latest"`: one entry per respondent, for their most recent answer
   * (answers without a respondent id count as themselves). @defaultValue "all"
   */
  readonly respondents?: RespondentPolicy;
  /**
   * Name of a numeric attribute (such as `"spend"`) that breaks ties after category and recency: the
   * higher value first; answers without a value (absent or `null`) come after those with one.
   * @defaultValue none
   */
  readonly valueAttribute?: string;
  /**
   * How many follow-ups the team can make per working day, a positive integer. When given, each entry
   * gets a `dueDate`: the first `capacityPerDay` entries on the first working day, and so on.
   * @defaultValue no capacity: no due dates
   */
  readonly capacityPerDay?: number;
  /**
   * The first day the team can follow up (its calendar day in `timeZone` counts, if it is a working
   * day). @defaultValue the day of the most recent dated answer
   */
  readonly startDate?: Date;
  /** Days of the week on which the team works, 0 (Sunday) to 6 (Saturday). @defaultValue [1, 2, 3, 4, 5] */
  readonly workingDays?: ReadonlyArray<WeekDay>;
  /** IANA time zone in which calendar days are read. @defaultValue "UTC" */
  readonly timeZone?: string;
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * One answer to follow up.
 *
 * @category Customers
 */
export interface FollowUpEntry {
  /** Position in the queue, from 1. */
  readonly position: number;
  /** Position of the answer in the input array. */
  readonly index: number;
  /** The respondent id, when the answer has one. */
  readonly respondentId?: string;
  /** The score. */
  readonly score: number;
  /** The category of the score. */
  readonly category: Category;
  /** What to do. */
  readonly action: FollowUpAction;
  /** The action in words, for a person. */
  readonly actionText: string;
  /** When the answer was given, ISO 8601 in UTC, when it is dated. */
  readonly date?: string;
  /** The respondent's comment, when there is one. */
  readonly comment?: string;
  /** The value of `valueAttribute`, when set and present. */
  readonly value?: number;
  /** The working day the follow-up is due, `YYYY-MM-DD` in `timeZone`, when `capacityPerDay` is given. */
  readonly dueDate?: string;
}

/**
 * The follow-up queue; see {@link followUpQueue}.
 *
 * @category Customers
 */
export interface FollowUpQueue {
  /** The entries, most urgent first. */
  readonly entries: ReadonlyArray<FollowUpEntry>;
  /** Number of entries per action. */
  readonly actions: Readonly<Record<FollowUpAction, number>>;
  /** The capacity per working day, when given. */
  readonly capacityPerDay?: number;
  /** Number of working days the queue spans (0 without a capacity or when empty). */
  readonly workingDaysNeeded: number;
  /** The last due date, `YYYY-MM-DD`, when `capacityPerDay` is given and the queue is not empty. */
  readonly lastDueDate?: string;
}

const ACTIONS: Readonly<Record<Category, FollowUpAction>> = {
  detractor: "contact",
  passive: "ask-improvement",
  promoter: "ask-review",
};

const ACTION_TEXTS: Readonly<Record<FollowUpAction, string>> = {
  contact: "contact quickly: listen, fix the problem, report back",
  "ask-improvement": "ask what would make it a 10",
  "ask-review": "ask for a review, a testimonial or a referral",
};

const CATEGORIES: ReadonlyArray<Category> = ["promoter", "passive", "detractor"];

/**
 * Closing the loop: one entry per answer that needs a follow-up, with the action for its category
 * (detractor: contact quickly; passive: ask what would make it a 10; promoter: ask for a review,
 * testimonial or referral) and the respondent's comment, ordered by urgency.
 *
 * Order: detractors first, then passives, then promoters; within a category the most recent answer
 * first (undated answers last); then the higher `valueAttribute` first (missing values last); then
 * input order. With `capacityPerDay`, the queue is spread over working days in that order: entries
 * 1…c are due on the first working day on or after `startDate`, the next c on the following working
 * day, and so on (Monday to Friday unless `workingDays` says otherwise; calendar days in `timeZone`).
 * O(n log n).
 *
 * @param responses - Validated responses.
 * @param options - Categories, respondent policy, value attribute, capacity and calendar.
 * @returns The queue; empty when no answer needs a follow-up.
 * @throws {@link NpsError} `invalid_option` for an unknown category or respondent policy, a capacity
 * that is not a positive integer, an invalid `startDate`, empty or invalid `workingDays`, or a
 * capacity without `startDate` when no answer is dated; `invalid_date` for an unknown time zone;
 * `invalid_input` when the value attribute holds something other than a number or `null`;
 * `invalid_score`, `invalid_date` for invalid responses.
 * @example
 * ```ts
 * import { followUpQueue } from "npskit";
 * const queue = followUpQueue(
 *   [
 *     { score: 10, respondentId: "A", date: new Date("2026-03-02T09:00:00Z") },
 *     { score: 2, respondentId: "B", date: new Date("2026-03-01T09:00:00Z"), comment: "Too slow" },
 *     { score: 5, respondentId: "C", date: new Date("2026-03-03T09:00:00Z") },
 *   ],
 *   { capacityPerDay: 2, startDate: new Date("2026-03-06T00:00:00Z") },
 * );
 * queue.entries.map((e) => [e.respondentId, e.action, e.dueDate]); // => [["C", "contact", "2026-03-06"], ["B", "contact", "2026-03-06"], ["A", "ask-review", "2026-03-09"]]
 * queue.entries[1]?.comment; // => "Too slow"
 * ```
 * @category Customers
 */
export function followUpQueue(responses: ReadonlyArray<NpsResponse>, options: FollowUpOptions = {}): FollowUpQueue {
  checkOptions("followUpQueue", options);
  const fn = "followUpQueue";
  const {
    categories = CATEGORIES,
    respondents = "all",
    valueAttribute,
    capacityPerDay,
    workingDays = [1, 2, 3, 4, 5],
    timeZone = "UTC",
  } = options;
  const scale = checkScale(fn, options.scale);
  if (!Array.isArray(categories)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: categories must be an array of "promoter", "passive" or "detractor", received ${describeValue(categories)}`,
    );
  }
  for (const category of categories) checkChoice(fn, "categories", category, CATEGORIES);
  checkChoice(fn, "respondents", respondents, ["all", "latest"]);
  if (valueAttribute !== undefined && typeof valueAttribute !== "string") {
    throw new NpsError(
      "invalid_option",
      `${fn}: valueAttribute must be an attribute name, received ${describeValue(valueAttribute)}`,
    );
  }
  if (
    capacityPerDay !== undefined &&
    (typeof capacityPerDay !== "number" || !Number.isSafeInteger(capacityPerDay) || capacityPerDay < 1)
  ) {
    throw new NpsError(
      "invalid_option",
      `${fn}: capacityPerDay must be a positive integer, received ${describeValue(capacityPerDay)}`,
    );
  }
  const days = checkWorkingDays(fn, workingDays);
  checkTimeZone(fn, timeZone);
  const startOption = options.startDate === undefined ? undefined : checkStartDate(fn, options.startDate);
  const prepared = prepareResponses(fn, responses, scale);

  let indices: number[];
  if (respondents === "latest") {
    const latest = latestOfPrepared(responses, prepared, undefined);
    indices = [...latest.withoutRespondent, ...latest.respondents.map((r) => r.index)];
  } else {
    indices = Array.from({ length: prepared.length }, (_, k) => k);
  }
  const wanted = new Set<Category>(categories);
  const values = new Float64Array(prepared.length).fill(Number.NaN);
  const eligible: number[] = [];
  for (const k of indices) {
    const category = CATEGORIES[prepared.categories[k] as number] as Category;
    if (!wanted.has(category)) continue;
    eligible.push(k);
    if (valueAttribute !== undefined) values[k] = attributeValue(fn, responses[k] as NpsResponse, valueAttribute, k);
  }
  const times = prepared.times;
  eligible.sort((a, b) => {
    // Category indices: 0 promoter, 1 passive, 2 detractor; the higher index is more urgent.
    const rank = (prepared.categories[b] as number) - (prepared.categories[a] as number);
    if (rank !== 0) return rank;
    const byTime = descendingMissingLast(times[a] as number, times[b] as number);
    if (byTime !== 0) return byTime;
    const byValue = descendingMissingLast(values[a] as number, values[b] as number);
    return byValue !== 0 ? byValue : a - b;
  });

  let firstDay: number | undefined;
  if (capacityPerDay !== undefined && eligible.length > 0) {
    const start = startOption ?? (Number.isNaN(prepared.last) ? undefined : prepared.last);
    if (start === undefined) {
      throw new NpsError(
        "invalid_option",
        `${fn}: startDate must be a valid Date when capacityPerDay is given and no response is dated, received undefined`,
      );
    }
    const local = new TZDate(start, timeZone);
    firstDay = utcDay(local.getFullYear(), local.getMonth(), local.getDate());
  }
  const actions: Record<FollowUpAction, number> = { contact: 0, "ask-improvement": 0, "ask-review": 0 };
  const entries: FollowUpEntry[] = [];
  let day = firstDay === undefined ? 0 : nextWorkingDay(firstDay, days);
  let usedToday = 0;
  let workingDaysNeeded = 0;
  let lastDueDate: string | undefined;
  eligible.forEach((k, position) => {
    const response = responses[k] as NpsResponse;
    const category = CATEGORIES[prepared.categories[k] as number] as Category;
    const action = ACTIONS[category];
    actions[action]++;
    let dueDate: string | undefined;
    if (capacityPerDay !== undefined && firstDay !== undefined) {
      if (usedToday === capacityPerDay) {
        day = nextWorkingDay(day + DAY_MS, days);
        usedToday = 0;
      }
      if (usedToday === 0) workingDaysNeeded++;
      usedToday++;
      if (!(day <= LAST_TIME)) {
        throw new NpsError(
          "invalid_option",
          `${fn}: startDate must leave room for ${eligible.length} due dates before the last date a Date can hold (+275760-09-13), received a first due day of ${isoDay(firstDay)}`,
        );
      }
      dueDate = isoDay(day);
      lastDueDate = dueDate;
    }
    const time = times[k] as number;
    const value = values[k] as number;
    entries.push({
      position: position + 1,
      index: k,
      ...(response.respondentId === undefined || response.respondentId === null
        ? {}
        : { respondentId: response.respondentId }),
      score: response.score,
      category,
      action,
      actionText: ACTION_TEXTS[action],
      ...(Number.isNaN(time) ? {} : { date: new Date(time).toISOString() }),
      ...(typeof response.comment === "string" && response.comment !== "" ? { comment: response.comment } : {}),
      ...(Number.isNaN(value) ? {} : { value }),
      ...(dueDate === undefined ? {} : { dueDate }),
    });
  });
  return {
    entries,
    actions,
    ...(capacityPerDay === undefined ? {} : { capacityPerDay }),
    workingDaysNeeded,
    ...(lastDueDate === undefined ? {} : { lastDueDate }),
  };
}

/** Descending order with NaN (missing) last. */
function descendingMissingLast(a: number, b: number): number {
  const missingA = Number.isNaN(a);
  const missingB = Number.isNaN(b);
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  return b - a;
}

function attributeValue(fn: string, response: NpsResponse, attribute: string, index: number): number {
  const attributes = response.attributes;
  const value =
    attributes !== undefined && attributes !== null && Object.hasOwn(attributes, attribute)
      ? attributes[attribute]
      : undefined;
  if (value === undefined || value === null) return Number.NaN;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new NpsError(
      "invalid_input",
      `${fn}: attributes.${attribute} must be a finite number or null, received ${describeValue(value)} at index ${index}`,
    );
  }
  return value;
}

function checkStartDate(fn: string, value: unknown): number {
  const time = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(time)) {
    throw new NpsError("invalid_option", `${fn}: startDate must be a valid Date, received ${describeValue(value)}`);
  }
  return time;
}

function checkWorkingDays(fn: string, value: unknown): ReadonlySet<number> {
  const fail = (): never => {
    throw new NpsError(
      "invalid_option",
      `${fn}: workingDays must be a non-empty array of distinct week days 0 (Sunday) to 6 (Saturday), received ${Array.isArray(value) ? JSON.stringify(value) : describeValue(value)}`,
    );
  };
  if (!Array.isArray(value) || value.length === 0) return fail();
  const days = new Set<number>();
  for (const day of value) {
    if (typeof day !== "number" || !Number.isInteger(day) || day < 0 || day > 6 || days.has(day)) fail();
    days.add(day as number);
  }
  return days;
}

/** The first working day on or after `day` (midnight UTC of a calendar date). */
/** The latest time a Date can hold, in milliseconds since 1970. */
const LAST_TIME = 8.64e15;

/**
 * Midnight UTC of a calendar day. `Date.UTC` reads the years 0 to 99 as 1900 to 1999; setting the
 * full year does not.
 */
function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

/** The day of a time as `YYYY-MM-DD`, with the sign and six digits of ISO 8601 outside 0000–9999. */
export function isoDay(time: number): string {
  const text = new Date(time).toISOString();
  return text.slice(0, text.indexOf("T"));
}

function nextWorkingDay(day: number, days: ReadonlySet<number>): number {
  let current = day;
  while (!days.has(new Date(current).getUTCDay())) current += DAY_MS;
  return current;
}
