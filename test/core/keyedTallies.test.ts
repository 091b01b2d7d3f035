import { describe, expect, it } from "vitest";
import {
  buildReport,
  countColumns,
  countInBatches,
  countResponses,
  crossSegment,
  crossSegmentsFromTallies,
  mergeKeyedTallies,
  type NpsResponse,
  rollingTrend,
  rollingTrendBy,
  rollingTrendByFromTallies,
  rollingTrendFromTallies,
  sampleResponses,
  segmentBy,
  segmentsFromTallies,
  trend,
  trendBy,
  trendByFromTallies,
  trendFromTallies,
} from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const responses: NpsResponse[] = [
  { score: 10, date: new Date("2026-03-28T23:30:00Z"), attributes: { plan: "pro", country: "FR" } },
  { score: 3, date: new Date("2026-03-29T12:00:00Z"), attributes: { plan: "free", country: "FR" } },
  { score: 8, date: new Date("2026-04-02T08:00:00Z"), attributes: { plan: "pro", country: null } },
  { score: 9, attributes: { plan: "free", country: "DE" } },
  { score: 0, date: new Date("2026-05-01T00:00:00Z"), attributes: { country: "DE" } },
];

describe("countResponses", () => {
  it("counts one cell per key combination and local calendar day", () => {
    const tallies = countResponses(responses, { by: ["plan", "country"], period: "day", timeZone: "Europe/Paris" });
    expect(tallies.kind).toBe("keyed-tallies");
    expect(tallies.dimensions).toEqual([
      { name: "plan", keys: ["pro", "free"] },
      { name: "country", keys: ["FR", null, "DE"] },
    ]);
    // 23:30 UTC on 28 March is 29 March in Paris (00:30, before the clocks go forward at 02:00).
    expect(
      tallies.cells.map((cell) => [cell.codes, cell.start === null ? null : new Date(cell.start).toISOString()]),
    ).toEqual([
      [[0, 0], "2026-03-28T23:00:00.000Z"],
      [[1, 0], "2026-03-28T23:00:00.000Z"],
      [[0, 1], "2026-04-01T22:00:00.000Z"],
      [[1, 2], null],
      [[-1, 2], "2026-04-30T22:00:00.000Z"],
    ]);
    expect(tallies.distribution).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1]);
    expect([tallies.dated, tallies.first, tallies.last]).toEqual([
      4,
      Date.parse("2026-03-28T23:30:00Z"),
      Date.parse("2026-05-01T00:00:00Z"),
    ]);
  });

  it("does not require an attribute that no response of this part has", () => {
    const tallies = countResponses([{ score: 9, attributes: { country: "FR" } }], { by: "plan" });
    expect(tallies.dimensions).toEqual([{ name: "plan", keys: [] }]);
    expect(tallies.cells).toEqual([{ codes: [-1], start: null, tally: { promoters: 1, passives: 0, detractors: 0 } }]);
  });

  it("validates every response and option", () => {
    expect(errorOf(() => countResponses([{ score: 11 }])).message).toBe(
      "countResponses: score must be an integer from 0 to 10, received 11 at index 0",
    );
    expect(errorOf(() => countResponses([{ score: 9, date: new Date(Number.NaN) }])).code).toBe("invalid_date");
    expect(errorOf(() => countResponses([], { period: "hour" as never })).code).toBe("invalid_option");
    expect(errorOf(() => countResponses([], { timeZone: "Mars/Olympus" })).code).toBe("invalid_date");
  });
});

describe("the …FromTallies functions give the figures of the functions on responses", () => {
  const sample = sampleResponses({ size: 600 });
  const byDay = countResponses(sample, { by: ["plan", "channel"], period: "day" });
  const withoutIndices = <T extends { leftOutIndices?: unknown }>({ leftOutIndices: _, ...rest }: T) => rest;

  it("segments and cross segments", () => {
    expect(segmentsFromTallies(byDay)).toEqual(withoutIndices(segmentBy(sample, "plan")));
    expect(segmentsFromTallies(byDay, { by: "channel", level: 0.9 })).toEqual(
      withoutIndices(segmentBy(sample, "channel", { level: 0.9 })),
    );
    expect(crossSegmentsFromTallies(byDay)).toEqual(withoutIndices(crossSegment(sample, ["plan", "channel"])));
  });

  it("trends, rolling trends and per-segment trends", () => {
    expect(trendFromTallies(byDay, { period: "month" })).toEqual(trend(sample, { period: "month" }));
    expect(trendFromTallies(byDay, { period: "week" })).toEqual(trend(sample, { period: "week" }));
    expect(rollingTrendFromTallies(byDay, { window: { days: 60 }, step: "week" })).toEqual(
      rollingTrend(sample, { window: { days: 60 }, step: "week" }),
    );
    expect(trendByFromTallies(byDay, { by: "channel", period: "quarter" })).toEqual(
      trendBy(sample, "channel", { period: "quarter" }),
    );
    expect(rollingTrendByFromTallies(byDay, { window: { days: 30 }, step: "month" })).toEqual(
      rollingTrendBy(sample, "plan", { window: { days: 30 }, step: "month" }),
    );
  });

  it("columns count like objects", () => {
    const dictionary = ["free", "team", "business", "enterprise"];
    const columns = {
      scores: Uint8Array.from(sample, (response) => response.score),
      times: Float64Array.from(sample, (response) => response.date?.getTime() ?? Number.NaN),
      segments: {
        plan: { codes: sample.map((response) => dictionary.indexOf(response.attributes?.plan as string)), dictionary },
      },
    };
    const fromColumns = countColumns(columns, { by: "plan", period: "month" });
    expect(segmentsFromTallies(fromColumns)).toEqual(withoutIndices(segmentBy(sample, "plan")));
    expect(trendFromTallies(fromColumns)).toEqual(trend(sample, { period: "month" }));
  });
});

describe("computing from tallies: what is refused", () => {
  const byMonth = countResponses(responses, { by: "plan", period: "month", timeZone: "Europe/Paris" });

  it("a period the buckets do not nest in", () => {
    const error = errorOf(() => trendFromTallies(byMonth, { period: "week" }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(
      'trendFromTallies: period must be one that month buckets nest in (month, quarter, year), received "week"',
    );
    expect(errorOf(() => rollingTrendFromTallies(byMonth)).message).toMatch(/^rollingTrendFromTallies: period must be/);
  });

  it("another time zone, tallies without a time bucket, the latest policy", () => {
    expect(errorOf(() => trendFromTallies(byMonth, { timeZone: "UTC" })).message).toBe(
      'trendFromTallies: timeZone must be the time zone the tallies were counted in (Europe/Paris), received "UTC"',
    );
    expect(errorOf(() => trendFromTallies(countResponses(responses))).message).toMatch(
      /^trendFromTallies: tallies must be counted by a time bucket/,
    );
    expect(errorOf(() => trendByFromTallies(byMonth, { respondents: "latest" })).code).toBe("invalid_option");
  });

  it("an unknown dimension, and what is not keyed tallies", () => {
    expect(errorOf(() => segmentsFromTallies(byMonth, { by: "country" })).message).toBe(
      'segmentsFromTallies: tallies have no dimension "country"; dimensions are: "plan"',
    );
    expect(errorOf(() => crossSegmentsFromTallies(byMonth)).message).toBe(
      "crossSegmentsFromTallies: tallies must be counted by at least 2 segment dimensions, received 1",
    );
    expect(errorOf(() => segmentsFromTallies({ promoters: 1 } as never)).code).toBe("invalid_input");
  });

  it("tiers and the latest policy in a report from tallies", () => {
    expect(
      errorOf(() => buildReport({ tallies: byMonth }, { tiers: { attribute: "spend", tiers: 4 } })).message,
    ).toMatch(/^buildReport: tiers need the responses, not tallies/);
    expect(errorOf(() => buildReport({ tallies: byMonth }, { period: "month", respondents: "latest" })).code).toBe(
      "invalid_option",
    );
  });

  it("merging parts counted by other dimensions or buckets", () => {
    const other = countResponses(responses, { by: "country", period: "month", timeZone: "Europe/Paris" });
    expect(errorOf(() => mergeKeyedTallies([byMonth, other])).code).toBe("invalid_tally");
    expect(errorOf(() => mergeKeyedTallies([])).code).toBe("invalid_input");
  });
});

describe("a report from tallies", () => {
  it("equals the report from the responses", () => {
    const sample = sampleResponses({ size: 400 });
    const options = { by: ["plan"], period: "quarter", timeZone: "America/New_York" } as const;
    const tallies = countResponses(sample, { by: "plan", period: "day", timeZone: "America/New_York" });
    const fromTallies = buildReport({ tallies }, options);
    const fromResponses = buildReport({ responses: sample }, options);
    expect(fromTallies).toEqual(fromResponses);
  });
});

describe("countInBatches", () => {
  const sample = sampleResponses({ size: 500 });
  const dictionary = ["free", "team", "business", "enterprise"];
  const columnsOf = (responses: ReadonlyArray<NpsResponse>, weight?: (i: number) => number) => ({
    scores: responses.map((response) => response.score),
    times: responses.map((response) => response.date?.getTime() ?? Number.NaN),
    ...(weight === undefined ? {} : { weights: responses.map((_, i) => weight(i)) }),
    segments: {
      plan: {
        codes: responses.map((response) => dictionary.indexOf(response.attributes?.plan as string)),
        dictionary,
      },
    },
  });

  it("gives the tallies of the whole, batch by batch", () => {
    const options = { by: "plan", period: "day", timeZone: "Europe/Paris" } as const;
    const counter = countInBatches(options);
    for (let at = 0; at < sample.length; at += 77) counter.add(columnsOf(sample.slice(at, at + 77)));
    const whole = countColumns(columnsOf(sample), options);
    expect(counter.result()).toEqual(whole);
    expect(trendFromTallies(counter.result(), { period: "month" })).toEqual(
      trend(sample, { period: "month", timeZone: "Europe/Paris" }),
    );
  });

  it("takes batches whose weights need another power of two", () => {
    const counter = countInBatches({ by: "plan" });
    counter.add(columnsOf(sample.slice(0, 250), () => 1));
    counter.add(columnsOf(sample.slice(250), () => 1e200));
    const result = counter.result();
    expect(result.weightExponent).toBe(664);
    // Weights of 1 beside weights of 1e200 weigh nothing: the NPS is that of the second half.
    const second = countColumns(
      columnsOf(sample.slice(250), () => 1e200),
      { by: "plan" },
    );
    expect(segmentsFromTallies(result).total?.nps).toBeCloseTo(segmentsFromTallies(second).total?.nps as number, 9);
  });

  it("refuses a bad option at once and a bad batch when it is added", () => {
    expect(errorOf(() => countInBatches({ period: "hour" as never })).code).toBe("invalid_option");
    const counter = countInBatches();
    expect(errorOf(() => counter.add({ scores: [11] })).message).toBe(
      "countInBatches: score must be an integer from 0 to 10, received 11 at index 0",
    );
  });
});
