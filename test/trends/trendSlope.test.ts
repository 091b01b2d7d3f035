import { describe, expect, it } from "vitest";
import { normalCdf, type SlopePoint, standardError, trend, trendSlope } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const point = (index: number, promoters: number, passives: number, detractors: number): SlopePoint => {
  const tally = { promoters, passives, detractors };
  const n = promoters + passives + detractors;
  return { index, tally, nps: (100 * (promoters - detractors)) / n, standardError: standardError(tally) };
};

/** Weighted least squares by the normal equations, written independently (2×2 solve). */
function naiveWls(xs: number[], ys: number[], ws: number[]) {
  const s = (f: (i: number) => number) => xs.reduce((sum, _, i) => sum + f(i), 0);
  const sw = s((i) => ws[i] as number);
  const swx = s((i) => (ws[i] as number) * (xs[i] as number));
  const swy = s((i) => (ws[i] as number) * (ys[i] as number));
  const swxx = s((i) => (ws[i] as number) * (xs[i] as number) ** 2);
  const swxy = s((i) => (ws[i] as number) * (xs[i] as number) * (ys[i] as number));
  const det = sw * swxx - swx * swx;
  return { slope: (sw * swxy - swx * swy) / det, intercept: (swxx * swy - swx * swxy) / det, variance: sw / det };
}

describe("trendSlope", () => {
  it("matches weighted least squares with weights 1/SE², SE from the inverse information", () => {
    const points = [point(0, 40, 30, 30), point(1, 52, 20, 28), point(3, 60, 25, 15), point(4, 30, 40, 30)];
    const result = trendSlope(points);
    const expected = naiveWls(
      points.map((p) => p.index),
      points.map((p) => p.nps as number),
      points.map((p) => 1 / (p.standardError as number) ** 2),
    );
    expect(result?.slope).toBeCloseTo(expected.slope, 10);
    expect(result?.intercept).toBeCloseTo(expected.intercept, 10);
    expect(result?.standardError).toBeCloseTo(Math.sqrt(expected.variance), 10);
    const z = expected.slope / Math.sqrt(expected.variance);
    expect(result?.statistic).toBeCloseTo(z, 10);
    expect(result?.pValue).toBeCloseTo(2 * normalCdf(-Math.abs(z)), 12);
    expect(result?.lower).toBeCloseTo(expected.slope - 1.959963984540054 * Math.sqrt(expected.variance), 10);
    expect(result).toMatchObject({ level: 0.95, points: 4 });
  });

  it("recovers an exact line", () => {
    const result = trendSlope([point(0, 40, 30, 30), point(1, 45, 30, 25), point(2, 50, 30, 20)]);
    expect(result?.slope).toBeCloseTo(10, 12);
    expect(result?.intercept).toBeCloseTo(10, 12);
  });

  it("leaves out empty points and weights points with SE = 0 by the adjusted Wald SE", () => {
    const empty = {
      index: 1,
      tally: { promoters: 0, passives: 0, detractors: 0 },
      nps: undefined,
      standardError: undefined,
    };
    const allPromoters = point(2, 4, 0, 0);
    expect(allPromoters.standardError).toBe(0);
    const result = trendSlope([point(0, 40, 30, 30), empty, allPromoters]);
    expect(result?.points).toBe(2);
    expect(Number.isFinite(result?.slope)).toBe(true);
    expect(result?.slope).toBeCloseTo(45, 12); // two points: the line through them
  });

  it("is undefined with fewer than two usable points", () => {
    expect(trendSlope([])).toBeUndefined();
    expect(trendSlope([point(0, 5, 5, 5)])).toBeUndefined();
    expect(trendSlope([point(2, 5, 5, 5), point(2, 6, 5, 5)])).toBeUndefined();
  });

  it("reads the points of a trend", () => {
    const responses = [10, 9, 3, 10, 10, 8, 10, 10, 10].map((score, i) => ({
      score,
      date: new Date(Date.UTC(2026, Math.floor(i / 3), 10)),
    }));
    const result = trendSlope(trend(responses).points);
    expect(result?.points).toBe(3);
    expect(result?.slope).toBeGreaterThan(0);
  });

  it("rejects bad input", () => {
    const level = errorOf(() => trendSlope([], { level: 0 }));
    expect([level.code, level.message]).toEqual([
      "invalid_option",
      "trendSlope: level must be a number greater than 0 and less than 1, received 0",
    ]);
    const index = errorOf(() => trendSlope([{ ...point(0, 1, 1, 1), index: Number.NaN }]));
    expect([index.code, index.message]).toEqual([
      "invalid_input",
      "trendSlope: index must be a finite number, received NaN at index 0",
    ]);
    expect(errorOf(() => trendSlope("x" as never)).code).toBe("invalid_input");
  });
});
