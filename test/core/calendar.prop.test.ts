/**
 * The calendar's shortcuts give what date-fns gives: the start of a UTC day computed as a multiple of
 * 24 hours, and the periods `bucketFinder` remembers (each under every UTC day it overlaps) instead
 * of asking the calendar again.
 */
import { tz } from "@date-fns/tz";
import { fc, test } from "@fast-check/vitest";
import { startOfDay } from "date-fns/startOfDay";
import { describe, expect } from "vitest";
import {
  bucketFinder,
  type Calendar,
  instantText,
  nextPeriodStart,
  periodBoundaries,
  periodLabel,
  periodStart,
  TREND_PERIODS,
  utcPeriodStart,
  type WeekDay,
} from "../../src/core/calendar.js";

const DAY = 86_400_000;
/**
 * From 1987 to 2100. Before about 1935 some of the zones below had local mean time offsets with
 * seconds (Kathmandu +5:41:16 until 1920), where the zoned arithmetic of date-fns gives day starts
 * that do not contain the instant asked about; and at Kathmandu's change from +5:30 to +5:45 on
 * 1 January 1986, the start date-fns gives for that day's period is later than the start of the
 * period after it. Those calendars are not ones a cache can be checked on.
 */
const instant = fc.integer({ min: Date.UTC(1987, 0, 1), max: Date.UTC(2100, 0, 1) });
/** Zones whose midnight can be skipped or repeated, half-hour and quarter-hour offsets, and UTC. */
const ZONES = ["UTC", "Europe/Paris", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns"];
const calendarArbitrary: fc.Arbitrary<Calendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weekStartsOn: fc.constantFrom(0, 1, 6),
});

describe("the start of a day in UTC", () => {
  test.prop([
    fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constantFrom(-8.64e15, 8.64e15 - 1, -1, 0, DAY - 1, DAY)),
  ])("is the instant and the zoned date that date-fns's startOfDay gives", (t) => {
    const ours = periodStart(t, "day", { timeZone: "UTC", weekStartsOn: 1 });
    const theirs = startOfDay(t, { in: tz("UTC") });
    expect(ours.getTime()).toBe(theirs.getTime());
    expect(ours.toISOString()).toBe(theirs.toISOString());
    expect(ours.timeZone).toBe("UTC");
  });
});

describe("bucketFinder", () => {
  test.prop([
    calendarArbitrary,
    fc.constantFrom(...TREND_PERIODS),
    // Instants spread over a few years, and bunched within a few days around a given one.
    fc.array(fc.oneof(instant, fc.tuple(instant, fc.integer({ min: -3 * DAY, max: 3 * DAY }))), {
      minLength: 1,
      maxLength: 60,
    }),
  ])("gives for each instant, in any order, the start of the period that contains it", (calendar, period, draws) => {
    const find = bucketFinder(period, calendar);
    const base = typeof draws[0] === "number" ? draws[0] : draws[0]?.[0];
    for (const draw of draws) {
      const t = typeof draw === "number" ? draw : (base as number) + draw[1];
      expect(find(t), `${new Date(t).toISOString()} ${period} ${calendar.timeZone}`).toBe(
        periodStart(t, period, calendar).getTime(),
      );
    }
  });

  test.prop([calendarArbitrary, fc.constantFrom(...TREND_PERIODS), instant])(
    "after a period is found, tells its first and last instants from those of its neighbours",
    (calendar, period, t) => {
      const find = bucketFinder(period, calendar);
      const start = periodStart(t, period, calendar);
      const end = nextPeriodStart(start, period, calendar).getTime();
      expect(find(t)).toBe(start.getTime());
      expect(find(start.getTime())).toBe(start.getTime());
      expect(find(end - 1)).toBe(start.getTime());
      expect(find(end)).toBe(end);
      expect(find(start.getTime() - 1)).toBe(periodStart(start.getTime() - 1, period, calendar).getTime());
      expect(find(start.getTime() - 1)).toBeLessThan(start.getTime());
    },
  );
});

/** Any instant a `Date` holds, with the edges and the years around 0 and 10000 drawn often. */
const anyInstant = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: Date.UTC(-2, 0, 1), max: Date.UTC(3, 0, 1) }),
  fc.integer({ min: Date.UTC(9998, 0, 1), max: Date.UTC(10_002, 0, 1) }),
  fc.constantFrom(-8.64e15, 8.64e15, -1, 0, DAY - 1, DAY),
);
const weekStart = fc.constantFrom<WeekDay>(0, 1, 2, 3, 4, 5, 6);

describe("periods in UTC, computed arithmetically", () => {
  test.prop([anyInstant, fc.constantFrom(...TREND_PERIODS), weekStart])(
    "utcPeriodStart is the start date-fns gives (NaN where that is no valid date)",
    (t, period, weekStartsOn) => {
      const theirs = periodStart(t, period, { timeZone: "UTC", weekStartsOn }).getTime();
      expect(utcPeriodStart(t, period, weekStartsOn), `${t} ${period}`).toBe(theirs);
    },
  );

  /** The boundaries, labels and texts as zoned dates give them, one period after the other. */
  function zonedBoundaries(first: number, last: number, period: (typeof TREND_PERIODS)[number], calendar: Calendar) {
    const dates = [periodStart(first, period, calendar)];
    while ((dates[dates.length - 1]?.getTime() as number) <= last) {
      dates.push(nextPeriodStart(dates[dates.length - 1] as ReturnType<typeof periodStart>, period, calendar));
    }
    return {
      instants: dates.map((date) => date.getTime()),
      labels: dates.map((date) => periodLabel(date, period, calendar)),
      texts: dates.map(instantText),
    };
  }

  const SPAN: Readonly<Record<(typeof TREND_PERIODS)[number], number>> = {
    day: 40 * DAY,
    week: 200 * DAY,
    month: 1000 * DAY,
    quarter: 3000 * DAY,
    year: 12_000 * DAY,
  };

  test.prop([
    fc.oneof(
      instant,
      fc.integer({ min: Date.UTC(-3, 0, 1), max: Date.UTC(2, 0, 1) }),
      fc.integer({ min: Date.UTC(9990, 0, 1), max: Date.UTC(10_001, 0, 1) }),
      fc.integer({ min: -8.6e15, max: 8.6e15 }),
    ),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom(...TREND_PERIODS),
    weekStart,
  ])(
    "periodBoundaries gives the instants, labels and ISO texts of zoned dates",
    (first, fraction, period, weekStartsOn) => {
      const calendar: Calendar = { timeZone: "UTC", weekStartsOn };
      const last = first + Math.floor(fraction * SPAN[period]);
      const ours = periodBoundaries(first, last, period, calendar);
      const theirs = zonedBoundaries(first, last, period, calendar);
      expect(Array.from(ours.instants)).toEqual(theirs.instants);
      expect(theirs.instants.map((_, p) => ours.label(p))).toEqual(theirs.labels);
      expect(theirs.instants.map((_, p) => ours.text(p))).toEqual(theirs.texts);
    },
  );
});
