import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeTallies, type NpsResponse, rollingTrend, type Tally, tallyResponses, trend } from "../../src/index.js";

const zones = ["UTC", "Europe/Paris", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"];
const zone = fc.constantFrom(...zones);
const period = fc.constantFrom("day" as const, "week" as const, "month" as const, "quarter" as const, "year" as const);
// Instants between 2025-12-01 and 2027-02-01, so that windows and periods cross DST and year changes.
const instant = fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 1, 1) });
const response: fc.Arbitrary<NpsResponse> = fc
  .record({
    score: fc.integer({ min: 0, max: 10 }),
    time: fc.option(instant, { nil: undefined, freq: 8 }),
    respondentId: fc.option(fc.constantFrom("a", "b", "c", "d"), { nil: undefined }),
  })
  .map(({ score, time, respondentId }) => ({
    score,
    ...(time === undefined ? {} : { date: new Date(time) }),
    ...(respondentId === undefined ? {} : { respondentId }),
  }));
const responses = fc.array(response, { maxLength: 60 });

const within = (r: NpsResponse, start: string, end: string): boolean => {
  const t = r.date?.getTime() ?? Number.NaN;
  return new Date(start).getTime() <= t && t < new Date(end).getTime();
};

/** The "latest" policy written naively: for each respondent keep the answer with the greatest (instant, position). */
function naiveLatest(all: ReadonlyArray<NpsResponse>, inside: ReadonlyArray<number>): NpsResponse[] {
  const kept = new Map<string, number>();
  const result: NpsResponse[] = [];
  for (const i of inside) {
    const r = all[i] as NpsResponse;
    if (r.respondentId == null) {
      result.push(r);
      continue;
    }
    const previous = kept.get(r.respondentId);
    if (previous === undefined || (all[previous]?.date?.getTime() ?? 0) <= (r.date?.getTime() ?? 0)) {
      kept.set(r.respondentId, i);
    }
  }
  for (const i of kept.values()) result.push(all[i] as NpsResponse);
  return result;
}

const plain = (t: Tally) => ({ promoters: t.promoters, passives: t.passives, detractors: t.detractors });

describe("trend properties", () => {
  it("every dated response falls in exactly one period, and undated ones in none", () => {
    fc.assert(
      fc.property(responses, period, zone, (all, p, timeZone) => {
        const result = trend(all, { period: p, timeZone });
        for (const r of all) {
          const owners = result.points.filter((point) => within(r, point.start, point.end)).length;
          expect(owners).toBe(r.date === undefined ? 0 : 1);
        }
        expect(result.dated + result.undated).toBe(all.length);
      }),
      { numRuns: 60 },
    );
  });

  it("period tallies add up to the total of the dated responses", () => {
    fc.assert(
      fc.property(responses, period, zone, (all, p, timeZone) => {
        const result = trend(all, { period: p, timeZone });
        const dated = all.filter((r) => r.date !== undefined);
        expect(plain(mergeTallies(...result.points.map((point) => point.tally)))).toEqual(plain(tallyResponses(dated)));
        expect(result.points.reduce((sum, point) => sum + point.n, 0)).toBe(dated.length);
        expect(plain(result.total)).toEqual(plain(tallyResponses(dated)));
      }),
      { numRuns: 60 },
    );
  });

  it("consecutive periods touch: each ends where the next starts, and labels are unique", () => {
    fc.assert(
      fc.property(responses, period, zone, (all, p, timeZone) => {
        const points = trend(all, { period: p, timeZone }).points;
        for (let i = 1; i < points.length; i++) {
          expect(new Date(points[i]?.start ?? "").getTime()).toBe(new Date(points[i - 1]?.end ?? "").getTime());
        }
        expect(new Set(points.map((point) => point.label)).size).toBe(points.length);
      }),
      { numRuns: 60 },
    );
  });

  it('with respondents "latest", no respondent counts twice in a period, and the most recent answer counts', () => {
    fc.assert(
      fc.property(responses, period, zone, (all, p, timeZone) => {
        const result = trend(all, { period: p, timeZone, respondents: "latest" });
        for (const point of result.points) {
          const inside = all.flatMap((r, i) => (within(r, point.start, point.end) ? [i] : []));
          const expected = naiveLatest(all, inside);
          expect(point.n).toBe(expected.length);
          expect(plain(point.tally)).toEqual(plain(tallyResponses(expected)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("changing the time zone moves responses between periods but never loses one", () => {
    fc.assert(
      fc.property(responses, period, zone, zone, (all, p, a, b) => {
        const first = trend(all, { period: p, timeZone: a });
        const second = trend(all, { period: p, timeZone: b });
        expect(plain(first.total)).toEqual(plain(second.total));
        expect(first.points.reduce((sum, point) => sum + point.n, 0)).toBe(
          second.points.reduce((sum, point) => sum + point.n, 0),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe("rolling trend properties", () => {
  const step = fc.constantFrom("day" as const, "week" as const, "month" as const);
  const days = fc.integer({ min: 1, max: 120 });

  it("a rolling window's tally equals a direct scan of the responses in that window", () => {
    fc.assert(
      fc.property(responses, days, step, zone, fc.boolean(), (all, windowDays, s, timeZone, latest) => {
        const respondents = latest ? ("latest" as const) : ("all" as const);
        const result = rollingTrend(all, { window: { days: windowDays }, step: s, timeZone, respondents });
        for (const point of result.points) {
          const inside = all.flatMap((r, i) => (within(r, point.start, point.end) ? [i] : []));
          const expected = latest ? naiveLatest(all, inside) : inside.map((i) => all[i] as NpsResponse);
          expect(plain(point.tally)).toEqual(plain(tallyResponses(expected)));
          expect(point.n).toBe(expected.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("every window spans window.days calendar days and windows end one step apart", () => {
    fc.assert(
      fc.property(responses, days, zone, (all, windowDays, timeZone) => {
        const points = rollingTrend(all, { window: { days: windowDays }, timeZone }).points;
        for (let i = 0; i < points.length; i++) {
          const point = points[i];
          const hours = (new Date(point?.end ?? "").getTime() - new Date(point?.start ?? "").getTime()) / 3600_000;
          // Calendar days of 23 to 25 hours (Lord Howe and Chatham shifts are smaller).
          expect(Math.abs(hours - 24 * windowDays)).toBeLessThanOrEqual(1);
          if (i > 0) expect(point?.end).not.toBe(points[i - 1]?.end);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("with weights, window tallies match a direct scan up to rounding", () => {
    const weighted = fc.array(
      fc.record({
        score: fc.integer({ min: 0, max: 10 }),
        time: instant,
        weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(weighted, days, (rows, windowDays) => {
        const all = rows.map((row) => ({ score: row.score, date: new Date(row.time), weight: row.weight }));
        for (const point of rollingTrend(all, { window: { days: windowDays } }).points) {
          const expected = tallyResponses(all.filter((r) => within(r, point.start, point.end)));
          expect(point.tally.promoters).toBeCloseTo(expected.promoters, 9);
          expect(point.tally.detractors).toBeCloseTo(expected.detractors, 9);
          expect(point.tally.weighted?.counts ?? expected).toEqual(expected.weighted?.counts ?? expected);
        }
      }),
      { numRuns: 25 },
    );
  });
});
