import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ColumnarResponses,
  mergeTallies,
  rollingTrend,
  rollingTrendColumns,
  type SegmentKey,
  segmentBy,
  segmentColumns,
  tallyColumns,
  tallyResponses,
  trend,
  trendColumns,
} from "../../src/index.js";
import { toResponses } from "./helpers.js";

const START = Date.UTC(2025, 9, 20);
const SPAN = 200 * 86_400_000;

const dictionaryKey: fc.Arbitrary<SegmentKey> = fc.oneof(
  fc.constantFrom("a", "b", "__proto__", "", "🙂", "1"),
  fc.constantFrom(1, 0, -2.5, true, false, null),
);

/** Random columnar responses: typed or plain arrays, optional weights, times (some undated), ids and a segment. */
const columnsArbitrary = (weighted: boolean): fc.Arbitrary<ColumnarResponses> =>
  fc
    .record({
      dictionary: fc.array(dictionaryKey, { minLength: 1, maxLength: 6 }),
      rows: fc.array(
        fc.record({
          score: fc.integer({ min: 0, max: 10 }),
          time: fc.oneof(fc.integer({ min: 0, max: SPAN }), fc.constant(Number.NaN)),
          weight: fc.integer({ min: 1, max: 40 }).map((w) => w / 8),
          id: fc.option(fc.constantFrom("r1", "r2", "r3", "r4"), { nil: undefined }),
          code: fc.nat(),
        }),
        { minLength: 1, maxLength: 80 },
      ),
      typed: fc.boolean(),
    })
    .map(({ dictionary, rows, typed }) => {
      const codes = rows.map((row) => (row.code % (dictionary.length + 1)) - 1);
      const scores = rows.map((row) => row.score);
      const times = rows.map((row) => START + row.time);
      const weights = rows.map((row) => row.weight);
      return {
        scores: typed ? Uint8Array.from(scores) : scores,
        times: Float64Array.from(times.map((t, i) => (Number.isNaN(rows[i]?.time) ? Number.NaN : t))),
        ...(weighted ? { weights: typed ? Float64Array.from(weights) : weights } : {}),
        respondentIds: rows.map((row) => row.id),
        segments: { plan: { codes: typed ? Int32Array.from(codes) : codes, dictionary } },
      };
    });

const both = fc.boolean().chain((weighted) => columnsArbitrary(weighted));

describe("the columnar path gives the same results as the object path", () => {
  it("tallyColumns equals tallyResponses of the same responses as objects", () => {
    fc.assert(
      fc.property(both, (columns) => {
        expect(tallyColumns(columns)).toEqual(tallyResponses(toResponses(columns)));
      }),
    );
  });

  it("segmentColumns equals segmentBy on the attribute (order, keys, figures, left-out indices)", () => {
    fc.assert(
      fc.property(
        both,
        fc.constantFrom("key", "nps", "size") as fc.Arbitrary<"key" | "nps" | "size">,
        (columns, sort) => {
          const codes = columns.segments?.plan?.codes as ArrayLike<number>;
          fc.pre(Array.from(codes).some((code) => code >= 0));
          expect(segmentColumns(columns, "plan", { sort, minResponses: 3 })).toEqual(
            segmentBy(toResponses(columns), "plan", { sort, minResponses: 3 }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("trendColumns equals trend (months in Europe/Paris and ISO weeks, every respondent or the latest)", () => {
    fc.assert(
      fc.property(
        both,
        fc.constantFrom("month", "week") as fc.Arbitrary<"month" | "week">,
        fc.constantFrom("all", "latest") as fc.Arbitrary<"all" | "latest">,
        (columns, period, respondents) => {
          const options = { period, respondents, timeZone: "Europe/Paris" };
          expect(trendColumns(columns, options)).toEqual(trend(toResponses(columns), options));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("rollingTrendColumns equals rollingTrend (30-day windows stepped by week, every respondent or the latest)", () => {
    fc.assert(
      fc.property(both, fc.constantFrom("all", "latest") as fc.Arbitrary<"all" | "latest">, (columns, respondents) => {
        const options = { window: { days: 30 }, step: "week" as const, timeZone: "America/New_York", respondents };
        expect(rollingTrendColumns(columns, options)).toEqual(rollingTrend(toResponses(columns), options));
      }),
      { numRuns: 30 },
    );
  });

  it("segment tallies and the left-out responses add up to the overall tally", () => {
    fc.assert(
      fc.property(columnsArbitrary(false), (columns) => {
        const result = segmentColumns(columns, "plan");
        const leftOut = tallyColumns({ scores: (result.leftOutIndices ?? []).map((i) => columns.scores[i] as number) });
        expect(mergeTallies(leftOut, ...result.segments.map((segment) => segment.tally))).toEqual(
          tallyColumns(columns),
        );
      }),
      { numRuns: 50 },
    );
  });
});
