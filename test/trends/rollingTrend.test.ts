import { describe, expect, it } from "vitest";
import { compareNps, type NpsResponse, rollingTrend } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const at = (iso: string, score = 10, extra: Partial<NpsResponse> = {}): NpsResponse => ({
  score,
  date: new Date(iso),
  ...extra,
});

describe("rollingTrend", () => {
  it("ends a window at the end of each day and covers the trailing calendar days", () => {
    const result = rollingTrend(
      [at("2026-03-01T12:00:00Z"), at("2026-03-02T12:00:00Z", 0), at("2026-03-04T12:00:00Z", 9)],
      {
        window: { days: 2 },
      },
    );
    expect(result).toMatchObject({ window: { days: 2 }, step: "day", timeZone: "UTC", respondents: "all" });
    expect(result.points.map((point) => [point.label, point.index, point.start, point.end, point.n])).toEqual([
      ["2026-03-01", 0, "2026-02-28T00:00:00.000+00:00", "2026-03-02T00:00:00.000+00:00", 1],
      ["2026-03-02", 1, "2026-03-01T00:00:00.000+00:00", "2026-03-03T00:00:00.000+00:00", 2],
      ["2026-03-03", 2, "2026-03-02T00:00:00.000+00:00", "2026-03-04T00:00:00.000+00:00", 1],
      ["2026-03-04", 3, "2026-03-03T00:00:00.000+00:00", "2026-03-05T00:00:00.000+00:00", 1],
    ]);
  });

  it("counts calendar days across daylight-saving changes, not 24-hour blocks", () => {
    const responses = [at("2026-03-22T23:30:00Z"), at("2026-03-29T21:59:00Z", 0), at("2026-03-29T22:00:00Z", 8)];
    const result = rollingTrend(responses, { window: { days: 7 }, timeZone: "Europe/Paris" });
    const window = result.points.find((point) => point.label === "2026-03-29");
    // 23 March 00:00 (+01:00) to 30 March 00:00 (+02:00): 7 calendar days, 167 hours.
    expect([window?.start, window?.end, window?.n]).toEqual([
      "2026-03-23T00:00:00.000+01:00",
      "2026-03-30T00:00:00.000+02:00",
      2,
    ]);
    const autumn = rollingTrend([at("2026-10-25T12:00:00Z")], { window: { days: 1 }, timeZone: "Europe/Paris" });
    expect([autumn.points[0]?.start, autumn.points[0]?.end]).toEqual([
      "2026-10-25T00:00:00.000+02:00",
      "2026-10-26T00:00:00.000+01:00",
    ]);
    const sydney = rollingTrend([at("2026-04-05T13:30:00Z")], { window: { days: 1 }, timeZone: "Australia/Sydney" });
    expect(sydney.points.map((point) => [point.label, point.n])).toEqual([["2026-04-05", 1]]);
    const newYork = rollingTrend([at("2026-03-08T12:00:00Z")], { window: { days: 3 }, timeZone: "America/New_York" });
    expect([newYork.points[0]?.start, newYork.points[0]?.end]).toEqual([
      "2026-03-06T00:00:00.000-05:00",
      "2026-03-09T00:00:00.000-04:00",
    ]);
  });

  it("steps by week and by month, windows ending at the end of each", () => {
    const responses = [at("2026-01-10T12:00:00Z"), at("2026-02-20T12:00:00Z", 0)];
    const monthly = rollingTrend(responses, { window: { days: 30 }, step: "month" });
    expect(monthly.points.map((point) => [point.label, point.start, point.end, point.n])).toEqual([
      ["2026-01", "2026-01-02T00:00:00.000+00:00", "2026-02-01T00:00:00.000+00:00", 1],
      ["2026-02", "2026-01-30T00:00:00.000+00:00", "2026-03-01T00:00:00.000+00:00", 1],
    ]);
    const weekly = rollingTrend(responses, { window: { days: 7 }, step: "week" });
    expect(weekly.points[0]).toMatchObject({ label: "2026-W02", end: "2026-01-12T00:00:00.000+00:00", n: 1 });
    expect(weekly.points.at(-1)).toMatchObject({ label: "2026-W08", end: "2026-02-23T00:00:00.000+00:00", n: 1 });
  });

  it("compares each window with the latest earlier window that does not overlap it", () => {
    const responses = [at("2026-03-01T12:00:00Z"), at("2026-03-02T12:00:00Z", 0), at("2026-03-04T12:00:00Z", 9)];
    const result = rollingTrend(responses, { window: { days: 2 }, method: "wald" });
    expect(result.points.map((point) => point.change?.difference)).toEqual([undefined, undefined, -200, 100]);
    const [first, , third] = result.points;
    if (first === undefined || third === undefined) throw new Error("expected four windows");
    expect(third.change).toEqual(compareNps(third.tally, first.tally, { method: "wald" }));
  });

  it('counts each respondent once per window with respondents: "latest"', () => {
    const responses = [
      at("2026-03-01T12:00:00Z", 0, { respondentId: "a" }),
      at("2026-03-02T12:00:00Z", 10, { respondentId: "a" }),
      at("2026-03-02T08:00:00Z", 8, { respondentId: "b" }),
      at("2026-03-02T08:00:00Z", 7),
    ];
    const result = rollingTrend(responses, { window: { days: 2 }, respondents: "latest" });
    expect(result.points.map((point) => point.tally)).toEqual([
      { promoters: 0, passives: 0, detractors: 1 },
      { promoters: 1, passives: 2, detractors: 0 },
    ]);
    const all = rollingTrend(responses, { window: { days: 2 } });
    expect(all.points.map((point) => point.n)).toEqual([1, 4]);
  });

  it("reports responses without a date", () => {
    expect(rollingTrend([{ score: 9 }])).toMatchObject({ points: [], dated: 0, undated: 1 });
    expect(rollingTrend([at("2026-03-01T00:00:00Z"), { score: 1 }])).toMatchObject({ dated: 1, undated: 1 });
  });

  it("uses 90-day windows and daily steps by default", () => {
    const result = rollingTrend([at("2026-03-01T00:00:00Z")]);
    expect([result.window, result.step]).toEqual([{ days: 90 }, "day"]);
    expect(result.points[0]?.start).toBe("2025-12-02T00:00:00.000+00:00");
  });

  it("rejects bad options", () => {
    const cases: Array<[object, string, string]> = [
      [
        { window: { days: 0 } },
        "invalid_option",
        "rollingTrend: window.days must be an integer from 1 to 36600, received 0",
      ],
      [
        { window: { days: 1.5 } },
        "invalid_option",
        "rollingTrend: window.days must be an integer from 1 to 36600, received 1.5",
      ],
      [{ window: 30 }, "invalid_option", "rollingTrend: window must be an object such as { days: 90 }, received 30"],
      [{ step: "year" }, "invalid_option", 'rollingTrend: step must be one of "day", "week", "month", received "year"'],
      [
        { timeZone: "Mars/Olympus" },
        "invalid_date",
        'rollingTrend: timeZone must be a known IANA time-zone name, received "Mars/Olympus"',
      ],
    ];
    for (const [options, code, message] of cases) {
      const error = errorOf(() => rollingTrend([], options as never));
      expect([error.code, error.message]).toEqual([code, message]);
    }
  });
});
