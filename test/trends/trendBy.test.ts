import { describe, expect, it } from "vitest";
import { trend, trendBy } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const responses = [
  { score: 10, date: new Date("2026-01-15T10:00:00Z"), attributes: { plan: "pro" } },
  { score: 3, date: new Date("2026-03-20T10:00:00Z"), attributes: { plan: "free" } },
  { score: 9, date: new Date("2026-03-01T00:00:00Z"), attributes: { plan: "pro" } },
  { score: 7, attributes: { plan: "pro" } },
  { score: 7, date: new Date("2026-02-01T00:00:00Z") },
];

describe("trendBy", () => {
  it("gives each segment a trend on the same periods", () => {
    const result = trendBy(responses, "plan", { period: "month" });
    expect(result).toMatchObject({ period: "month", timeZone: "UTC", weekStartsOn: 1, respondents: "all", leftOut: 1 });
    // Segments in key order.
    expect(result.segments.map((segment) => segment.key)).toEqual(["free", "pro"]);
    for (const segment of result.segments) {
      expect(segment.trend.points.map((point) => point.label)).toEqual(["2026-01", "2026-02", "2026-03"]);
    }
    const pro = result.segments[1]?.trend;
    expect(pro?.points.map((point) => point.n)).toEqual([1, 0, 1]);
    expect([pro?.dated, pro?.undated]).toEqual([2, 1]);
  });

  it("equals the trend of the segment's responses when it spans the whole range", () => {
    const result = trendBy(responses, (response) => (response.score >= 7 ? "high" : undefined), { period: "week" });
    const high = responses.filter((response) => response.score >= 7);
    expect(result.segments[0]?.trend).toEqual(trend(high, { period: "week" }));
    expect(result.leftOut).toBe(1);
  });

  it("passes the options on and checks them", () => {
    expect(trendBy(responses, "plan", { fillGaps: false }).segments[0]?.trend.points.map((p) => p.label)).toEqual([
      "2026-03",
    ]);
    const zone = errorOf(() => trendBy(responses, "plan", { timeZone: "Mars/Olympus" }));
    expect([zone.code, zone.message]).toEqual([
      "invalid_date",
      'trendBy: timeZone must be a known IANA time-zone name, received "Mars/Olympus"',
    ]);
    const attribute = errorOf(() => trendBy(responses, "region"));
    expect(attribute.code).toBe("invalid_option");
    expect(attribute.message).toBe('trendBy: attribute "region" does not exist; attributes are: plan');
  });

  it("has no segments for no responses", () => {
    expect(trendBy([], "plan")).toMatchObject({ segments: [], leftOut: 0 });
  });
});
