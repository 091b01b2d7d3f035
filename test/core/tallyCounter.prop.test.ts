/**
 * The counter's look-up shortcuts (cells of one dimension or none by array index, cells of a counter
 * without dimensions remembered by the UTC day of their start) put every response in the cell that a
 * plain grouping by codes and period start gives.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { periodStart, TREND_PERIODS, type TrendPeriod } from "../../src/core/calendar.js";
import { STANDARD_SCALE } from "../../src/core/scale.js";
import { addWeighted, newWeightedSums } from "../../src/core/tally.js";
import { createTallyCounter } from "../../src/core/tallyCounter.js";

const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 1);

/** A response: a score, codes (−1 for no value), and a time (NaN for none), near BASE or decades away. */
const responseArbitrary = (dimensions: number) =>
  fc.record({
    score: fc.integer({ min: 0, max: 10 }),
    codes: fc.array(fc.integer({ min: -1, max: 4 }), { minLength: dimensions, maxLength: dimensions }),
    time: fc.oneof(
      fc.constant(Number.NaN),
      fc.integer({ min: BASE - 400 * DAY, max: BASE + 400 * DAY }),
      // Around the spring change in London, when two days start on the same UTC day (30 March
      // 2024 at 00:00 and at 23:00 UTC).
      fc.integer({ min: Date.UTC(2024, 2, 29), max: Date.UTC(2024, 3, 2) }),
      // Far from the first day (1987 to 2076): outside the days a counter remembers in its array.
      // Not earlier: at Kathmandu's offset change of 1 January 1986, date-fns's calendar is not
      // consistent (see test/core/calendar.prop.test.ts).
      fc.integer({ min: Date.UTC(1987, 0, 1), max: BASE + 19_000 * DAY }),
    ),
  });

/** The cells as a plain grouping gives them: key `codes|start` → sums. */
function grouped(
  responses: ReadonlyArray<{ score: number; codes: number[]; time: number }>,
  period: TrendPeriod | null,
  timeZone: string,
): Map<string, number[]> {
  const cells = new Map<string, Float64Array>();
  for (const { score, codes, time } of responses) {
    const start =
      period === null || Number.isNaN(time) ? null : periodStart(time, period, { timeZone, weekStartsOn: 1 }).getTime();
    const key = `${codes.join(",")}|${start}`;
    let sums = cells.get(key);
    if (sums === undefined) {
      sums = newWeightedSums();
      cells.set(key, sums);
    }
    addWeighted(sums, score >= 9 ? 0 : score <= 6 ? 2 : 1, 1);
  }
  return new Map([...cells].map(([key, sums]) => [key, Array.from(sums)]));
}

describe("createTallyCounter", () => {
  test.prop([
    fc.integer({ min: 0, max: 3 }).chain((dimensions) =>
      fc.record({
        dimensions: fc.constant(dimensions),
        responses: fc.array(responseArbitrary(dimensions), { minLength: 1, maxLength: 80 }),
      }),
    ),
    fc.option(fc.constantFrom(...TREND_PERIODS), { nil: null }),
    fc.constantFrom("UTC", "Europe/London", "Europe/Paris", "Asia/Kathmandu"),
  ])("puts each response in the cell of its codes and period start", ({ dimensions, responses }, period, timeZone) => {
    const names = Array.from({ length: dimensions }, (_, d) => `d${d}`);
    const time = period === null ? null : { bucket: period, timeZone, weekStartsOn: 1 as const };
    const counter = createTallyCounter(names, time, STANDARD_SCALE, false);
    for (const { score, codes, time: instant } of responses) {
      // The counter's codes are its own: register the keys in order, as the callers do.
      const own = codes.map((code, d) => (code < 0 ? -1 : counter.code(d, `k${code}`)));
      counter.add(score, 1, own, instant);
    }
    const { dimensions: keys, cells } = counter.sums();
    const ours = new Map(
      cells.map((cell) => [
        `${cell.codes.map((code, d) => (code < 0 ? -1 : Number(String(keys[d]?.keys[code]).slice(1)))).join(",")}|${cell.start}`,
        Array.from(cell.sums),
      ]),
    );
    expect(cells.length).toBe(ours.size);
    expect(ours).toEqual(grouped(responses, period, timeZone));
  });

  test.prop([
    fc.array(
      fc.record({
        score: fc.integer({ min: 0, max: 10 }),
        time: fc.integer({ min: Date.UTC(2024, 2, 29), max: Date.UTC(2024, 3, 2) }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
  ])("tells apart two days of London that start on the same UTC day", (responses) => {
    const counter = createTallyCounter(
      [],
      { bucket: "day", timeZone: "Europe/London", weekStartsOn: 1 },
      STANDARD_SCALE,
      false,
    );
    for (const { score, time } of responses) counter.add(score, 1, [], time);
    const ours = new Map(counter.sums().cells.map((cell) => [`|${cell.start}`, Array.from(cell.sums)]));
    expect(ours).toEqual(
      grouped(
        responses.map(({ score, time }) => ({ score, codes: [], time })),
        "day",
        "Europe/London",
      ),
    );
  });
});
