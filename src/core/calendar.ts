import { TZDate, tz } from "@date-fns/tz";
import { addMonths } from "date-fns/addMonths";
import { addQuarters } from "date-fns/addQuarters";
import { addYears } from "date-fns/addYears";
import { getISOWeek } from "date-fns/getISOWeek";
import { getISOWeekYear } from "date-fns/getISOWeekYear";
import { startOfDay } from "date-fns/startOfDay";
import { startOfMonth } from "date-fns/startOfMonth";
import { startOfQuarter } from "date-fns/startOfQuarter";
import { startOfWeek } from "date-fns/startOfWeek";
import { startOfYear } from "date-fns/startOfYear";
import { subDays } from "date-fns/subDays";
import { NpsError } from "./errors.js";

/**
 * A calendar period of {@link trend}: a calendar day, week, month, quarter or year in the time zone.
 *
 * @category Trends
 */
export type TrendPeriod = "day" | "week" | "month" | "quarter" | "year";

/** The periods, in the order of {@link TrendPeriod}. */
export const TREND_PERIODS: ReadonlyArray<TrendPeriod> = ["day", "week", "month", "quarter", "year"];

/**
 * First day of the week: 0 Sunday, 1 Monday (ISO weeks), … 6 Saturday.
 *
 * @category Trends
 */
export type WeekDay = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A resolved calendar: the time zone and the first day of the week. */
export interface Calendar {
  readonly timeZone: string;
  readonly weekStartsOn: WeekDay;
}

export { checkTimeZone } from "./timeZone.js";

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The start of the period that contains `instant` (ms), as an instant in the calendar's zone. */
export function periodStart(instant: number, period: TrendPeriod, calendar: Calendar): TZDate {
  if (isUtcDay(period, calendar)) return new TZDate(utcDayStart(instant), "UTC");
  const options = { in: tz(calendar.timeZone) };
  switch (period) {
    case "day":
      return startOfDay(instant, options);
    case "week":
      return startOfWeek(instant, { ...options, weekStartsOn: calendar.weekStartsOn });
    case "month":
      return startOfMonth(instant, options);
    case "quarter":
      return startOfQuarter(instant, options);
    case "year":
      return startOfYear(instant, options);
  }
}

/**
 * In UTC a day starts at a multiple of 24 hours: the instant date-fns finds (a test checks it),
 * without its zoned arithmetic (about 15 µs a call), which a rolling trend would otherwise do about
 * three times per day of data.
 */
function isUtcDay(period: TrendPeriod, calendar: Calendar): boolean {
  return period === "day" && calendar.timeZone === "UTC";
}

/** The start of the UTC day that contains `instant` (ms). */
function utcDayStart(instant: number): number {
  return Math.floor(instant / DAY) * DAY;
}

/** The start of the period after the one starting at `start`. */
export function nextPeriodStart(start: TZDate, period: TrendPeriod, calendar: Calendar): TZDate {
  // A day lasts 23 to 25 hours and a week 7 days ± 1 hour: 36 hours (7.5 days) after the start is
  // always inside the next one, whose start is then found with one call.
  if (period === "day") return periodStart(start.getTime() + 36 * HOUR, period, calendar);
  if (period === "week") return periodStart(start.getTime() + 180 * HOUR, period, calendar);
  const options = { in: tz(calendar.timeZone) };
  let next: TZDate;
  switch (period) {
    case "month":
      next = addMonths(start, 1, options);
      break;
    case "quarter":
      next = addQuarters(start, 1, options);
      break;
    default:
      next = addYears(start, 1, options);
      break;
  }
  // Re-anchor on the period start, so that a day whose midnight does not exist stays consistent.
  return periodStart(next.getTime(), period, calendar);
}

/** The local midnight `days` calendar days before `end` (a local midnight), in the calendar's zone. */
export function daysBefore(end: TZDate, days: number, calendar: Calendar): TZDate {
  const options = { in: tz(calendar.timeZone) };
  return startOfDay(subDays(end, days, options), options);
}

/**
 * The label of the period starting at `start`: `2026-03-14` (day), `2026-W14` (ISO week, when weeks
 * start on Monday) or `2026-03-08` (the first day, for weeks starting on another day), `2026-03`
 * (month), `2026-Q2` (quarter), `2026` (year). The fields are read in the calendar's zone.
 */
export function periodLabel(start: TZDate, period: TrendPeriod, calendar: Calendar): string {
  const year = yearText(start.getFullYear());
  const month = pad(start.getMonth() + 1);
  switch (period) {
    case "day":
      return `${year}-${month}-${pad(start.getDate())}`;
    case "week":
      if (calendar.weekStartsOn === 1) {
        const options = { in: tz(calendar.timeZone) };
        return `${yearText(getISOWeekYear(start, options))}-W${pad(getISOWeek(start, options))}`;
      }
      return `${year}-${month}-${pad(start.getDate())}`;
    case "month":
      return `${year}-${month}`;
    case "quarter":
      return `${year}-Q${Math.floor(start.getMonth() / 3) + 1}`;
    case "year":
      return year;
  }
}

/** An instant as ISO 8601 text with the zone's offset, e.g. `2026-03-01T00:00:00.000+01:00`. */
export function instantText(date: TZDate): string {
  return date.toISOString();
}

/**
 * The most periods (or calendar days of rolling windows) a trend may span: 100,000 days is 273 years.
 * Far more means a mistyped date (a year 0202 or 9999), not a trend anyone reads.
 */
export const MAX_PERIODS = 100_000;

/** The longest a period can last (a day of 25 hours, a week with an extra hour…), in ms. */
const LONGEST: Readonly<Record<TrendPeriod, number>> = {
  day: 25 * HOUR,
  week: 7 * 24 * HOUR + HOUR,
  month: 31 * 24 * HOUR + HOUR,
  quarter: 92 * 24 * HOUR + HOUR,
  year: 366 * 24 * HOUR + HOUR,
};

/**
 * The consecutive periods from the one containing `first` to the one containing `last`: their starts,
 * plus the end of the last one, as a sorted array of instants (ms), and the label and ISO text of
 * the period starting at each instant (`label(p)` is {@link periodLabel} and `text(p)`
 * {@link instantText} of boundary p). O(number of periods).
 */
export interface PeriodBoundaries {
  readonly instants: Float64Array;
  label(p: number): string;
  text(p: number): string;
}

/**
 * The {@link PeriodBoundaries} from the period containing `first` to the one containing `last`
 * (instants in ms). In UTC they are computed arithmetically, without zoned dates (a property test
 * checks them against date-fns); elsewhere through date-fns in the zone.
 *
 * @throws {@link NpsError} `invalid_input` naming both dates when they are more than
 * {@link MAX_PERIODS} periods apart (checked before any period is computed).
 */
export function periodBoundaries(
  first: number,
  last: number,
  period: TrendPeriod,
  calendar: Calendar,
  fn = "trend",
): PeriodBoundaries {
  const tooMany = (): NpsError =>
    new NpsError(
      "invalid_input",
      `${fn}: dates must span at most ${MAX_PERIODS} ${period === "day" ? "days" : `${period}s`}, received ${new Date(first).toISOString()} to ${new Date(last).toISOString()} (a mistyped year?)`,
    );
  if ((last - first) / LONGEST[period] > MAX_PERIODS) throw tooMany();
  if (calendar.timeZone === "UTC") {
    const starts: number[] = [utcPeriodStart(first, period, calendar.weekStartsOn)];
    for (;;) {
      const current = starts[starts.length - 1] as number;
      if (current > last) break;
      const next = utcPeriodStart(current + LONGEST[period] + HOUR, period, calendar.weekStartsOn);
      if (!(next > current)) {
        const stuck = Number.isNaN(current) ? "Invalid Date" : utcText(new Date(current).toISOString());
        throw new NpsError("invalid_date", `calendar: periods must advance in time, stuck at ${stuck}`);
      }
      if (starts.length > MAX_PERIODS + 1) throw tooMany();
      starts.push(next);
    }
    const instants = Float64Array.from(starts);
    const isoTexts: string[] = [];
    const isoOf = (p: number): string => {
      isoTexts[p] ??= new Date(instants[p] as number).toISOString();
      return isoTexts[p];
    };
    return {
      instants,
      label: (p) => utcLabel(instants[p] as number, isoOf(p), period, calendar),
      text: (p) => utcText(isoOf(p)),
    };
  }
  const dates: TZDate[] = [periodStart(first, period, calendar)];
  for (;;) {
    const current = dates[dates.length - 1] as TZDate;
    if (current.getTime() > last) break;
    const next = nextPeriodStart(current, period, calendar);
    if (!(next.getTime() > current.getTime())) {
      throw new NpsError("invalid_date", `calendar: periods must advance in time, stuck at ${current.toISOString()}`);
    }
    if (dates.length > MAX_PERIODS + 1) throw tooMany();
    dates.push(next);
  }
  return {
    instants: Float64Array.from(dates, (date) => date.getTime()),
    label: (p) => periodLabel(dates[p] as TZDate, period, calendar),
    text: (p) => instantText(dates[p] as TZDate),
  };
}

/** {@link instantText} of a UTC instant, from its ISO text (`Date.toISOString`): `+00:00` for `Z`. */
function utcText(iso: string): string {
  return `${iso.slice(0, -1)}+00:00`;
}

/**
 * {@link periodLabel} of a UTC period start, read from its ISO text (`Date.toISOString`) for years 0
 * to 9999 (not ISO weeks).
 */
function utcLabel(instant: number, iso: string, period: TrendPeriod, calendar: Calendar): string {
  if (iso.length === 24) {
    if (period === "day" || (period === "week" && calendar.weekStartsOn !== 1)) return iso.slice(0, 10);
    if (period === "month") return iso.slice(0, 7);
    if (period === "year") return iso.slice(0, 4);
  }
  return periodLabel(new TZDate(instant, "UTC"), period, calendar);
}

/** The earliest and latest instants a `Date` holds. */
const MAX_INSTANT = 8.64e15;

/**
 * The start of the period that contains `instant` (ms) in UTC, computed on the proleptic Gregorian
 * calendar as `Date` counts it: what {@link periodStart} gives in UTC (a property test checks it),
 * NaN where that start is not a valid `Date`, as there. O(1), no object.
 */
export function utcPeriodStart(instant: number, period: TrendPeriod, weekStartsOn: WeekDay): number {
  const day = Math.floor(instant / DAY);
  let startDay: number;
  switch (period) {
    case "day":
      startDay = day;
      break;
    case "week":
      // 1 January 1970 was a Thursday (4).
      startDay = day - ((((day + 4 - weekStartsOn) % 7) + 7) % 7);
      break;
    case "month":
      return utcMonthStart(instant);
    default: {
      const { year, month } = civilOfDay(day);
      if (period === "year") startDay = dayOfCivil(year, 1, 1);
      else startDay = dayOfCivil(year, month - ((month - 1) % 3), 1);
    }
  }
  const start = startDay * DAY;
  return start >= -MAX_INSTANT && start <= MAX_INSTANT ? start : Number.NaN;
}

/**
 * The start of the UTC month that contains `instant` (ms): Hinnant's civil_from_days up to the day of
 * the month, with no object and integer divisions (each quotient but the era's is of a non-negative
 * number), as a monthly trend asks once per response.
 */
function utcMonthStart(instant: number): number {
  const day = Math.floor(instant / DAY);
  const z = day + 719_468;
  const dayOfEra = z - Math.floor(z / 146_097) * 146_097;
  const yearOfEra =
    ((dayOfEra - ((dayOfEra / 1460) | 0) + ((dayOfEra / 36_524) | 0) - ((dayOfEra / 146_096) | 0)) / 365) | 0;
  const dayOfYear = dayOfEra - (365 * yearOfEra + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0));
  const start = (day - dayOfYear + (((153 * (((5 * dayOfYear + 2) / 153) | 0) + 2) / 5) | 0)) * DAY;
  return start >= -MAX_INSTANT ? start : Number.NaN;
}

/** The year and month (1–12) of a day counted from 1 January 1970 (Hinnant's civil_from_days). */
function civilOfDay(day: number): { year: number; month: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month };
}

/** The day, counted from 1 January 1970, of a date (month 1–12) (Hinnant's days_from_civil). */
function dayOfCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The index p such that `instants[p] <= t < instants[p + 1]` (binary search), assuming
 * `instants[0] <= t < instants[instants.length - 1]`. O(log periods).
 */
export function locate(instants: Float64Array, t: number): number {
  let low = 0;
  let high = instants.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if ((instants[middle] as number) <= t) low = middle;
    else high = middle;
  }
  return low;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function yearText(year: number): string {
  return year >= 0 && year <= 9999 ? String(year).padStart(4, "0") : String(year);
}

/** The days around the first one asked about whose period start {@link utcDayMemo} remembers. */
const MEMO_DAYS = 8192;

/**
 * `start` (a UTC period start of an instant), remembered per UTC day in an array for the
 * {@link MEMO_DAYS} days around the first day asked about (about eleven years each side), and
 * computed outside them: an array read costs less than the calendar arithmetic.
 */
function utcDayMemo(start: (time: number) => number): (time: number) => number {
  const starts = new Float64Array(MEMO_DAYS).fill(Number.NaN);
  let origin = Number.NaN;
  return (time) => {
    const day = Math.floor(time / DAY);
    if (Number.isNaN(origin)) origin = day - MEMO_DAYS / 2;
    const i = day - origin;
    if (!(i >= 0 && i < MEMO_DAYS)) return start(time);
    let known = starts[i] as number;
    if (Number.isNaN(known)) {
      known = start(time);
      starts[i] = known;
    }
    return known;
  };
}

/**
 * A function giving the start instant of the period (or day) that contains an instant, remembering
 * each period found under every UTC day it overlaps, so that the calendar is consulted about once
 * per distinct period of data (a month, not each of its days) rather than once per response. O(1)
 * per call after the first in a period. In UTC a day's start is computed, and other periods' starts
 * ({@link utcPeriodStart}) are remembered per day ({@link utcDayMemo}).
 */
export function bucketFinder(period: TrendPeriod, calendar: Calendar): (time: number) => number {
  if (calendar.timeZone === "UTC") {
    // One small function per period, which V8 inlines into the counting loop.
    if (period === "day") return utcDayStart;
    return utcDayMemo(
      period === "month" ? utcMonthStart : (time) => utcPeriodStart(time, period, calendar.weekStartsOn),
    );
  }
  const byDay = new Map<number, number[]>();
  let recentStart = Number.NaN;
  let recentEnd = Number.NaN;
  return (time) => {
    if (time >= recentStart && time < recentEnd) return recentStart;
    const day = Math.floor(time / DAY);
    const known = byDay.get(day);
    if (known !== undefined) {
      for (let i = 0; i < known.length; i += 2) {
        if ((known[i] as number) <= time && time < (known[i + 1] as number)) {
          recentStart = known[i] as number;
          recentEnd = known[i + 1] as number;
          return recentStart;
        }
      }
    }
    const start = periodStart(time, period, calendar);
    recentStart = start.getTime();
    recentEnd = nextPeriodStart(start, period, calendar).getTime();
    for (let d = Math.floor(recentStart / DAY); d * DAY < recentEnd; d++) {
      const periods = byDay.get(d);
      if (periods === undefined) byDay.set(d, [recentStart, recentEnd]);
      else periods.push(recentStart, recentEnd);
    }
    return recentStart;
  };
}
