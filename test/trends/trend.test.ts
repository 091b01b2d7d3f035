import { describe, expect, it } from "vitest";
import { compareNps, defineScale, type NpsResponse, type Trend, trend } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const at = (iso: string, score = 10, extra: Partial<NpsResponse> = {}): NpsResponse => ({
  score,
  date: new Date(iso),
  ...extra,
});

/** The point whose [start, end) contains the instant. */
function pointAt(result: Trend, iso: string) {
  const t = new Date(iso).getTime();
  return result.points.find((point) => new Date(point.start).getTime() <= t && t < new Date(point.end).getTime());
}

describe("trend: labels and boundaries", () => {
  it("labels each period kind", () => {
    const responses = [at("2026-04-02T12:00:00Z")];
    const label = (period: "day" | "week" | "month" | "quarter" | "year") =>
      trend(responses, { period }).points.map((point) => point.label);
    expect(label("day")).toEqual(["2026-04-02"]);
    expect(label("week")).toEqual(["2026-W14"]);
    expect(label("month")).toEqual(["2026-04"]);
    expect(label("quarter")).toEqual(["2026-Q2"]);
    expect(label("year")).toEqual(["2026"]);
  });

  it("gives an instant exactly on a boundary to the period that starts there", () => {
    // 2026-03-01T00:00 in Paris is 2026-02-28T23:00Z.
    const result = trend([at("2026-02-28T22:59:59.999Z"), at("2026-02-28T23:00:00.000Z", 0)], {
      timeZone: "Europe/Paris",
    });
    expect(result.points.map((point) => [point.label, point.n, point.nps])).toEqual([
      ["2026-02", 1, 100],
      ["2026-03", 1, -100],
    ]);
    expect(result.points[1]?.start).toBe("2026-03-01T00:00:00.000+01:00");
    expect(result.points[0]?.end).toBe(result.points[1]?.start);
  });

  it("reads a year boundary in the time zone, with ISO week-years", () => {
    const responses = [at("2026-12-31T23:30:00Z")];
    const paris = (period: "week" | "month" | "quarter" | "year") =>
      trend(responses, { period, timeZone: "Europe/Paris" }).points.map((point) => point.label);
    expect(paris("month")).toEqual(["2027-01"]);
    expect(paris("week")).toEqual(["2026-W53"]);
    expect(paris("quarter")).toEqual(["2027-Q1"]);
    expect(paris("year")).toEqual(["2027"]);
    expect(trend(responses, { period: "month" }).points.map((point) => point.label)).toEqual(["2026-12"]);
    const week = trend(responses, { period: "week", timeZone: "Europe/Paris" }).points[0];
    expect([week?.start, week?.end]).toEqual(["2026-12-28T00:00:00.000+01:00", "2027-01-04T00:00:00.000+01:00"]);
    // 2027-01-04 (a Monday) starts ISO week 2027-W01; 2021-01-03 (a Sunday) is in 2020-W53.
    expect(trend([at("2027-01-04T00:00:00Z")], { period: "week" }).points[0]?.label).toBe("2027-W01");
    expect(trend([at("2021-01-03T12:00:00Z")], { period: "week" }).points[0]?.label).toBe("2020-W53");
  });

  it("handles the leap day 2028-02-29", () => {
    const responses = [at("2028-02-28T12:00:00Z"), at("2028-02-29T12:00:00Z", 0), at("2028-03-01T00:00:00Z", 8)];
    const days = trend(responses, { period: "day" });
    expect(days.points.map((point) => [point.label, point.n])).toEqual([
      ["2028-02-28", 1],
      ["2028-02-29", 1],
      ["2028-03-01", 1],
    ]);
    const month = trend(responses, { period: "month" }).points;
    expect(month.map((point) => [point.label, point.start, point.end, point.n])).toEqual([
      ["2028-02", "2028-02-01T00:00:00.000+00:00", "2028-03-01T00:00:00.000+00:00", 2],
      ["2028-03", "2028-03-01T00:00:00.000+00:00", "2028-04-01T00:00:00.000+00:00", 1],
    ]);
    expect(trend([at("2028-02-29T12:00:00Z")], { period: "week" }).points[0]?.label).toBe("2028-W09");
  });

  it("labels weeks starting on another day than Monday by their first day", () => {
    const result = trend([at("2026-03-10T12:00:00Z"), at("2026-03-16T12:00:00Z")], { period: "week", weekStartsOn: 0 });
    expect(result.points.map((point) => [point.label, point.start])).toEqual([
      ["2026-03-08", "2026-03-08T00:00:00.000+00:00"],
      ["2026-03-15", "2026-03-15T00:00:00.000+00:00"],
    ]);
  });
});

describe("trend: daylight-saving transitions", () => {
  it("Europe/Paris 2026-03-29 has a 23-hour day", () => {
    const result = trend([at("2026-03-29T21:59:00Z"), at("2026-03-29T22:30:00Z", 0)], {
      period: "day",
      timeZone: "Europe/Paris",
    });
    expect(result.points.map((point) => [point.label, point.start, point.end, point.n])).toEqual([
      ["2026-03-29", "2026-03-29T00:00:00.000+01:00", "2026-03-30T00:00:00.000+02:00", 1],
      ["2026-03-30", "2026-03-30T00:00:00.000+02:00", "2026-03-31T00:00:00.000+02:00", 1],
    ]);
    const day = result.points[0];
    expect(new Date(day?.end ?? "").getTime() - new Date(day?.start ?? "").getTime()).toBe(23 * 3600_000);
  });

  it("Europe/Paris 2026-10-25 has a 25-hour day", () => {
    const result = trend([at("2026-10-24T22:30:00Z"), at("2026-10-25T22:30:00Z"), at("2026-10-25T23:30:00Z")], {
      period: "day",
      timeZone: "Europe/Paris",
    });
    expect(result.points.map((point) => [point.label, point.start, point.end, point.n])).toEqual([
      ["2026-10-25", "2026-10-25T00:00:00.000+02:00", "2026-10-26T00:00:00.000+01:00", 2],
      ["2026-10-26", "2026-10-26T00:00:00.000+01:00", "2026-10-27T00:00:00.000+01:00", 1],
    ]);
  });

  it("America/New_York 2026-03-08: the day and its ISO week", () => {
    const day = trend([at("2026-03-08T04:59:00Z"), at("2026-03-08T05:00:00Z"), at("2026-03-09T03:59:00Z")], {
      period: "day",
      timeZone: "America/New_York",
    });
    expect(day.points.map((point) => [point.label, point.n])).toEqual([
      ["2026-03-07", 1],
      ["2026-03-08", 2],
    ]);
    expect([day.points[1]?.start, day.points[1]?.end]).toEqual([
      "2026-03-08T00:00:00.000-05:00",
      "2026-03-09T00:00:00.000-04:00",
    ]);
    const week = trend([at("2026-03-09T03:59:00Z")], { period: "week", timeZone: "America/New_York" }).points[0];
    expect([week?.label, week?.start, week?.end]).toEqual([
      "2026-W10",
      "2026-03-02T00:00:00.000-05:00",
      "2026-03-09T00:00:00.000-04:00",
    ]);
  });

  it("Australia/Sydney 2026-04-05 (southern hemisphere, summer time ends)", () => {
    const result = trend([at("2026-03-31T13:30:00Z"), at("2026-04-05T13:30:00Z")], {
      period: "day",
      timeZone: "Australia/Sydney",
    });
    expect(pointAt(result, "2026-04-05T13:30:00Z")).toMatchObject({
      label: "2026-04-05",
      start: "2026-04-05T00:00:00.000+11:00",
      end: "2026-04-06T00:00:00.000+10:00",
      n: 1,
    });
    // 2026-03-31T13:30Z is 00:30 on 1 April in Sydney.
    const months = trend([at("2026-03-31T13:30:00Z")], { period: "month", timeZone: "Australia/Sydney" });
    expect(months.points.map((point) => [point.label, point.start])).toEqual([
      ["2026-04", "2026-04-01T00:00:00.000+11:00"],
    ]);
  });
});

describe("trend: figures, gaps and counting", () => {
  const responses = [
    at("2026-01-05T10:00:00Z", 10),
    at("2026-01-06T10:00:00Z", 9),
    at("2026-01-07T10:00:00Z", 3),
    at("2026-03-05T10:00:00Z", 2),
    at("2026-03-06T10:00:00Z", 8),
    { score: 10 },
  ];

  it("fills gaps with empty points whose figures are undefined", () => {
    const result = trend(responses);
    const gap = result.points[1];
    expect(gap).toMatchObject({
      label: "2026-02",
      index: 1,
      n: 0,
      tally: { promoters: 0, passives: 0, detractors: 0 },
    });
    expect([gap?.shares, gap?.nps, gap?.standardError, gap?.interval, gap?.change]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(result.points[0]?.nps).toBeCloseTo(100 / 3, 12);
    expect(result.points[0]?.interval?.method).toBe("adjusted-wald");
    expect(result.points[0]?.shares).toEqual({ promoters: 2 / 3, passives: 0, detractors: 1 / 3 });
  });

  it("leaves empty periods out with fillGaps: false, keeping their index and comparing with the previous period only", () => {
    const result = trend(responses, { fillGaps: false });
    expect(result.points.map((point) => [point.label, point.index])).toEqual([
      ["2026-01", 0],
      ["2026-03", 2],
    ]);
    expect(result.points[1]?.change).toBeUndefined();
  });

  it("reports the change from the previous period with compareNps", () => {
    const result = trend([...responses, at("2026-02-10T00:00:00Z", 9)], { method: "wald" });
    const [january, february] = result.points;
    if (january === undefined || february === undefined) throw new Error("expected two periods");
    expect(february.change).toEqual(compareNps(february.tally, january.tally, { method: "wald" }));
    expect(february?.change?.difference).toBeCloseTo(100 - 100 / 3, 12);
    const adjusted = trend([...responses, at("2026-02-10T00:00:00Z", 9)], { method: "bayes", comparison: "score" });
    expect(adjusted.points[1]?.change?.method).toBe("score");
    expect(trend(responses, { method: "bootstrap", resamples: 100 }).points[2]?.change).toBeUndefined();
  });

  it("counts responses without a date and never places them", () => {
    const result = trend(responses);
    expect([result.dated, result.undated]).toEqual([5, 1]);
    expect(result.total).toEqual({ promoters: 2, passives: 1, detractors: 2 });
    expect(trend([{ score: 9 }, { score: 3 }])).toMatchObject({ points: [], dated: 0, undated: 2 });
    expect(trend([])).toMatchObject({
      points: [],
      dated: 0,
      undated: 0,
      total: { promoters: 0, passives: 0, detractors: 0 },
    });
  });

  it('counts each respondent once per period with respondents: "latest"', () => {
    const answers = [
      at("2026-01-05T10:00:00Z", 3, { respondentId: "a" }),
      at("2026-01-20T10:00:00Z", 10, { respondentId: "a" }),
      at("2026-01-20T10:00:00Z", 8, { respondentId: "b" }),
      at("2026-01-20T10:00:00Z", 0, { respondentId: "b" }),
      at("2026-01-21T10:00:00Z", 0),
      at("2026-01-21T10:00:00Z", 0),
      at("2026-02-01T10:00:00Z", 5, { respondentId: "a" }),
    ];
    const all = trend(answers);
    expect(all.points.map((point) => point.n)).toEqual([6, 1]);
    const latest = trend(answers, { respondents: "latest" });
    expect(latest.respondents).toBe("latest");
    // a: 10 (the later answer); b: 0 (same instant, later in the input); two anonymous 0s.
    expect(latest.points.map((point) => point.tally)).toEqual([
      { promoters: 1, passives: 0, detractors: 3 },
      { promoters: 0, passives: 0, detractors: 1 },
    ]);
    expect(latest.total).toEqual({ promoters: 1, passives: 0, detractors: 4 });
  });

  it("keeps weights and custom scales on the tallies", () => {
    const weighted = trend([
      at("2026-01-05T00:00:00Z", 10, { weight: 2 }),
      at("2026-01-06T00:00:00Z", 0, { weight: 1 }),
    ]);
    expect(weighted.points[0]?.tally).toEqual({
      promoters: 2,
      passives: 0,
      detractors: 1,
      weighted: {
        counts: { promoters: 1, passives: 0, detractors: 1 },
        squaredWeights: { promoters: 4, passives: 0, detractors: 1 },
      },
    });
    expect(weighted.points[0]?.n).toBe(2);
    const oneToFive = defineScale({ min: 1, max: 5, detractorMax: 3, promoterMin: 5 });
    const custom = trend([at("2026-01-05T00:00:00Z", 5)], { scale: oneToFive });
    expect(custom.points[0]?.tally).toEqual({ promoters: 1, passives: 0, detractors: 0, scale: "1-5" });
    expect(custom.total.scale).toBe("1-5");
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(responses.map((response) => Object.freeze({ ...response })));
    expect(() => trend(frozen, { respondents: "latest" })).not.toThrow();
  });
});

describe("trend: errors", () => {
  it("rejects an unknown time zone with invalid_date", () => {
    const error = errorOf(() => trend([], { timeZone: "Mars/Olympus" }));
    expect(error.code).toBe("invalid_date");
    expect(error.message).toBe('trend: timeZone must be a known IANA time-zone name, received "Mars/Olympus"');
  });

  it("rejects a time zone that is not a string with invalid_option", () => {
    const error = errorOf(() => trend([], { timeZone: 42 as unknown as string }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe('trend: timeZone must be an IANA time-zone name such as "Europe/Paris", received 42');
  });

  it("rejects bad options with invalid_option", () => {
    const cases: Array<[object, string]> = [
      [{ period: "hour" }, 'trend: period must be one of "day", "week", "month", "quarter", "year", received "hour"'],
      [{ weekStartsOn: 7 }, "trend: weekStartsOn must be an integer from 0 to 6, received 7"],
      [{ fillGaps: "yes" }, 'trend: fillGaps must be true or false, received "yes"'],
      [{ respondents: "unique" }, 'trend: respondents must be one of "all", "latest", received "unique"'],
      [{ level: 1 }, "trend: level must be a number greater than 0 and less than 1, received 1"],
      [{ comparison: "bayes" }, 'trend: comparison must be one of "wald", "adjusted-wald", "score", received "bayes"'],
    ];
    for (const [options, message] of cases) {
      const error = errorOf(() => trend([], options as never));
      expect(error.code).toBe("invalid_option");
      expect(error.message).toBe(message);
    }
  });

  it("rejects an invalid date with invalid_date, naming its index", () => {
    const error = errorOf(() => trend([at("2026-01-01T00:00:00Z"), { score: 9, date: new Date("soon") }]));
    expect(error.code).toBe("invalid_date");
    expect(error.message).toBe("trend: date must be a valid Date or absent, received Invalid Date at index 1");
    const text = errorOf(() => trend([{ score: 9, date: "2026-01-01" as unknown as Date }]));
    expect(text.message).toBe('trend: date must be a valid Date or absent, received "2026-01-01" at index 0');
  });

  it("rejects bad responses", () => {
    expect(errorOf(() => trend([{ score: 11 }])).code).toBe("invalid_score");
    const weights = errorOf(() => trend([{ score: 9, weight: 1 }, { score: 9 }]));
    expect(weights.code).toBe("invalid_input");
    expect(weights.message).toBe(
      "trend: weight must be present on every response when any response is weighted, missing at index 1",
    );
    const id = errorOf(() => trend([{ score: 9, respondentId: 7 as unknown as string }]));
    expect(id.message).toBe("trend: respondentId must be a string or absent, received 7 at index 0");
    expect(errorOf(() => trend("x" as never)).code).toBe("invalid_input");
  });
});
