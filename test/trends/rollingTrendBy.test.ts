import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeTallies, type NpsResponse, rollingTrend, rollingTrendBy, type Tally } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

const response = fc.record({
  score: fc.integer({ min: 0, max: 10 }),
  day: fc.integer({ min: 0, max: 60 }),
  hour: fc.integer({ min: 0, max: 23 }),
  plan: fc.constantFrom("free", "pro", "team"),
});

function toResponses(rows: ReadonlyArray<{ score: number; day: number; hour: number; plan: string }>): NpsResponse[] {
  return rows.map(({ score, day, hour, plan }) => ({
    score,
    date: new Date(START + day * DAY + hour * 3_600_000),
    attributes: { plan },
  }));
}

describe("rollingTrendBy", () => {
  it("segment windows add up, window by window, to the rolling trend of all responses", () => {
    fc.assert(
      fc.property(
        fc.array(response, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 20 }),
        (rows, days) => {
          const responses = toResponses(rows);
          const bySegment = rollingTrendBy(responses, "plan", { window: { days } });
          const all = rollingTrend(responses, { window: { days } });
          for (const segment of bySegment.segments) {
            expect(segment.trend.points.map((point) => point.label)).toEqual(all.points.map((point) => point.label));
          }
          all.points.forEach((point, i) => {
            const parts: Tally[] = bySegment.segments.map((segment) => segment.trend.points[i]?.tally as Tally);
            expect(mergeTallies(...parts)).toEqual(point.tally);
          });
          expect(bySegment.leftOut).toBe(0);
        },
      ),
    );
  });

  it("counts responses in no segment and names its function in errors", () => {
    const responses: NpsResponse[] = [
      { score: 9, date: new Date(START), attributes: { plan: "pro" } },
      { score: 3, date: new Date(START + DAY) },
    ];
    expect(rollingTrendBy(responses, "plan", { window: { days: 7 } }).leftOut).toBe(1);
    const error = errorOf(() => rollingTrendBy(responses, "plan", { window: { days: 0 } }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe("rollingTrendBy: window.days must be an integer from 1 to 36600, received 0");
  });
});
