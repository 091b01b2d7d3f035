import { TZDate, tz, tzOffset } from "@date-fns/tz";
import { format } from "date-fns/format";
import { parse } from "date-fns/parse";
import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** 400 Gregorian years, in milliseconds: the calendar repeats exactly after this span. */
const FOUR_CENTURIES = 146_097 * DAY;
/** The largest distance of a valid `Date` from the epoch. */
const MAX_TIME = 8.64e15;

/**
 * `YYYY-MM-DD`, optionally followed by `T` (or a space) and `HH:mm`, `:ss`, a fraction of a second
 * (`.` or `,`, 1–9 digits) and an offset (`Z`, `±HH:mm`, `±HHmm` or `±HH`).
 */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/** date-fns `parse` tokens that make the parsed value an absolute instant (offsets and timestamps). */
const ABSOLUTE_TOKENS = /[XxTt]/;

/** Turns a date string into epoch milliseconds, or `undefined` when it cannot be read. */
export type DateTextReader = (text: string) => number | undefined;

/** Milliseconds of a UTC calendar date-time, correct for years 0–99 too (`Date.UTC` maps them to 19xx). */
function utcTime(
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
  seconds: number,
  ms: number,
): number {
  if (year >= 100) return Date.UTC(year, month, day, hours, minutes, seconds, ms);
  return Date.UTC(year + 400, month, day, hours, minutes, seconds, ms) - FOUR_CENTURIES;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Converts wall-clock times of `timeZone` (given as milliseconds read as if they were UTC) to
 * instants. Most days have one offset: it is looked up once per day and cached for the call, so
 * converting n times costs O(n) plus two offset look-ups per distinct day. Near a transition the
 * two candidate offsets are tried, with the result `TZDate` and `Temporal`'s "compatible" rule give:
 * a time that does not exist (in the spring-forward gap) moves forward by the length of the gap, and
 * a time that exists twice (fall back) is the earlier instant.
 */
export function createWallClockConverter(timeZone: string): (wall: number) => number {
  const offsets = new Map<number, readonly [number, number]>();
  const offsetAt = (time: number): number => tzOffset(timeZone, new Date(time));
  return (wall) => {
    const day = Math.floor(wall / DAY);
    let pair = offsets.get(day);
    if (pair === undefined) {
      // Offsets stay within ±24 h, so every instant whose wall-clock time falls on this day lies
      // between these two look-ups.
      pair = [offsetAt(day * DAY - DAY), offsetAt(day * DAY + 2 * DAY)];
      offsets.set(day, pair);
    }
    const [before, after] = pair;
    if (before === after) return wall - before * MINUTE;
    const withBefore = wall - before * MINUTE;
    const withAfter = wall - after * MINUTE;
    const beforeFits = withBefore + offsetAt(withBefore) * MINUTE === wall;
    const afterFits = withAfter + offsetAt(withAfter) * MINUTE === wall;
    if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
    if (afterFits) return withAfter;
    // Valid with the earlier offset, or in a gap: read with the offset in force before the change.
    return withBefore;
  };
}

/**
 * Reads ISO 8601 dates and date-times; those without an offset are wall-clock times of the zone.
 * The shapes exports write (`2026-03-01`, `2026-03-01T14:05:00`, `…Z`, `…`.`sssZ`) are read by a
 * fast path over the characters, with the same checks and the same arithmetic as the full reader;
 * anything else goes through {@link readIsoText}.
 */
export function createIsoReader(toInstant: (wall: number) => number): DateTextReader {
  return (text) => {
    const fast = fastIsoTime(text, 0, text.length, toInstant);
    return fast === SLOW ? readIsoText(text, toInstant) : fast;
  };
}

/** Returned by {@link fastIsoTime} for a string it does not handle. */
export const SLOW = Number.NEGATIVE_INFINITY;

/** The value of two ASCII digits at `at`, or −1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (exact for every year, 0–99 included). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:mm:ss`, optionally with `.sss` and `Z`, read without a regular
 * expression from `text` between `start` and `end` (so that a reader can parse a field in place); {@link SLOW} for any other string (which may still be valid ISO 8601), `undefined` for
 * one of these shapes with an impossible date or time.
 */
export function fastIsoTime(
  text: string,
  start: number,
  end: number,
  toInstant: (wall: number) => number,
): number | undefined {
  const length = end - start;
  if (length !== 10 && length !== 19 && length !== 20 && length !== 23 && length !== 24) return SLOW;
  if (text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return SLOW;
  const century = twoDigits(text, start + 0);
  const rest = twoDigits(text, start + 2);
  const month = twoDigits(text, start + 5);
  const day = twoDigits(text, start + 8);
  if (century < 0 || rest < 0 || month < 0 || day < 0) return SLOW;
  const year = century * 100 + rest;
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  let ms = 0;
  let zulu = false;
  if (length > 10) {
    const separator = text.charCodeAt(start + 10);
    if (separator !== 84 && separator !== 116 && separator !== 32) return SLOW;
    if (text.charCodeAt(start + 13) !== 58 || text.charCodeAt(start + 16) !== 58) return SLOW;
    hours = twoDigits(text, start + 11);
    minutes = twoDigits(text, start + 14);
    seconds = twoDigits(text, start + 17);
    if (hours < 0 || minutes < 0 || seconds < 0) return SLOW;
    let stop = 19;
    if (length >= 23) {
      if (text.charCodeAt(start + 19) !== 46) return SLOW;
      const hundreds = text.charCodeAt(start + 20) - 48;
      const tens = twoDigits(text, start + 21);
      if (hundreds < 0 || hundreds > 9 || tens < 0) return SLOW;
      ms = hundreds * 100 + tens;
      stop = 23;
    }
    if (length === stop + 1) {
      const last = text.charCodeAt(start + stop);
      if (last !== 90 && last !== 122) return SLOW;
      zulu = true;
    } else if (length !== stop) {
      return SLOW;
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const wall = daysFromCivil(year, month, day) * DAY + ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
  return zulu ? wall : toInstant(wall);
}

/** The full ISO 8601 reader (a regular expression), for every shape the fast path leaves. */
export function readIsoText(text: string, toInstant: (wall: number) => number): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offsetHours, offsetMinutes] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hours = Number(h ?? 0);
  const minutes = Number(mi ?? 0);
  const seconds = Number(s ?? 0);
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const wall = utcTime(year, month - 1, day, hours, minutes, seconds, ms);
  if (zulu !== undefined) return wall;
  if (sign === undefined) return toInstant(wall);
  const offset = Number(offsetHours) * 60 + Number(offsetMinutes ?? 0);
  if (Number(offsetHours) > 23 || Number(offsetMinutes ?? 0) > 59) return undefined;
  return wall - (sign === "-" ? -offset : offset) * MINUTE;
}

/**
 * Reads dates with a date-fns `parse` pattern. Wall-clock fields are parsed once per distinct string
 * (cached for the call) and then placed in the zone by `toInstant`; patterns with offset or
 * timestamp tokens (`X`, `x`, `t`, `T`) give instants directly. Two-digit years (`yy`) are read
 * relative to the year 2000, as date-fns does: `00`–`49` are 2000–2049 and `50`–`99` are 1950–1999.
 *
 * @throws {@link NpsError} `invalid_option` when the pattern is not a valid date-fns pattern.
 */
export function createPatternReader(fn: string, pattern: string, toInstant: (wall: number) => number): DateTextReader {
  const absolute = ABSOLUTE_TOKENS.test(pattern.replace(/'[^']*'?/g, ""));
  const cache = new Map<string, number | undefined>();
  // Parsing in the runtime's local zone is fast; the local wall-clock fields are exact unless a
  // local-zone transition is near, and then the string is parsed again in a UTC context.
  const reference = new Date(2000, 0, 1);
  const utcReference = new TZDate(2000, 0, 1, "UTC");
  const read = (text: string): number | undefined => {
    let parsed: Date;
    try {
      parsed = parse(text, pattern, reference);
    } catch (error) {
      throw invalidDateFormat(fn, pattern, error);
    }
    const local = parsed.getTime();
    if (Number.isNaN(local)) return undefined;
    if (absolute) return local;
    let wall: number;
    if (new Date(local - DAY).getTimezoneOffset() === new Date(local + DAY).getTimezoneOffset()) {
      wall = utcTime(
        parsed.getFullYear(),
        parsed.getMonth(),
        parsed.getDate(),
        parsed.getHours(),
        parsed.getMinutes(),
        parsed.getSeconds(),
        parsed.getMilliseconds(),
      );
    } else {
      wall = parse(text, pattern, utcReference, { in: tz("UTC") }).getTime();
    }
    const instant = toInstant(wall);
    return Math.abs(instant) <= MAX_TIME ? instant : undefined;
  };
  return (text) => {
    const trimmed = text.trim();
    if (cache.has(trimmed)) return cache.get(trimmed);
    const instant = read(trimmed);
    cache.set(trimmed, instant);
    return instant;
  };
}

/**
 * Checks a date-fns pattern up front: the week-year and day-of-year tokens date-fns refuses (`YY`,
 * `YYYY`, `D`, `DD`, usually typos for `yy`, `yyyy`, `d`, `dd`) and letters that are not tokens.
 *
 * @throws {@link NpsError} `invalid_option` naming the pattern.
 */
export function checkDateFormat(fn: string, pattern: unknown): string {
  const fail = (cause?: unknown): NpsError => invalidDateFormat(fn, pattern, cause);
  if (typeof pattern !== "string" || pattern.trim().length === 0) throw fail();
  // Week-numbering years (Y) and days of the year (D) are almost always a mistyped y or d, and
  // date-fns warns on the console about them: refused before date-fns sees them.
  const unquoted = pattern.replace(/'[^']*'?/g, "");
  if (/[YD]/.test(unquoted)) throw fail();
  // The pattern must read back the date it writes: the first instant of 2000, parsed against a
  // reference date that differs in every field, so that a pattern without a year ("dd/MM", "HH:mm")
  // or one that reads nothing ("%Y") is refused here rather than rejecting every row.
  const first = new Date(2000, 0, 1);
  let back: Date;
  try {
    back = parse(format(first, pattern), pattern, new Date(1970, 5, 15, 7, 45, 30));
  } catch (error) {
    throw fail(error);
  }
  if (back.getTime() !== first.getTime()) throw fail();
  return pattern;
}

function invalidDateFormat(fn: string, pattern: unknown, cause: unknown): NpsError {
  return new NpsError(
    "invalid_option",
    `${fn}: dateFormat must be a date-fns parse pattern (yyyy for years, d for days), received ${describeValue(pattern)}`,
    cause === undefined ? {} : { cause },
  );
}
