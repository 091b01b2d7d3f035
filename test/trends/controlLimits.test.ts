import { describe, expect, it } from "vitest";
import { controlLimits, trend } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

describe("controlLimits", () => {
  it("centres on the pooled NPS with limits at ±sigma·SE at the pooled shares and each point's n", () => {
    const result = controlLimits(
      [
        { label: "a", tally: { promoters: 50, passives: 30, detractors: 20 } },
        { label: "b", tally: { promoters: 10, passives: 5, detractors: 10 } },
        { label: "c", tally: { promoters: 0, passives: 0, detractors: 0 } },
      ],
      { sigma: 2 },
    );
    // Pooled 60/35/30 of 125: NPS 24, V = 0.72 − 0.0576 = 0.6624.
    expect(result.center).toBeCloseTo(24, 12);
    expect(result.sigma).toBe(2);
    const halfWidth = (n: number) => 2 * 100 * Math.sqrt(0.6624 / n);
    expect(result.points[0]?.lower).toBeCloseTo(24 - halfWidth(100), 10);
    expect(result.points[0]?.upper).toBeCloseTo(24 + halfWidth(100), 10);
    expect(result.points[1]?.lower).toBeCloseTo(24 - halfWidth(25), 10);
    expect(result.points.map((point) => [point.label, point.n, point.outside])).toEqual([
      ["a", 100, false],
      ["b", 25, false],
      ["c", 0, false],
    ]);
    expect(result.points[2]).toEqual({
      label: "c",
      nps: undefined,
      n: 0,
      lower: undefined,
      upper: undefined,
      outside: false,
    });
  });

  it("flags points outside and clips limits to ±100", () => {
    const result = controlLimits([
      { label: "a", tally: { promoters: 1, passives: 0, detractors: 0 } },
      { label: "b", tally: { promoters: 90, passives: 10, detractors: 0 } },
      { label: "c", tally: { promoters: 10, passives: 10, detractors: 80 } },
    ]);
    expect(result.points[0]?.upper).toBe(100);
    expect(result.points[0]?.lower).toBe(-100);
    expect(result.points.map((point) => point.outside)).toEqual([false, true, true]);
  });

  it("uses the effective n of weighted points", () => {
    const result = controlLimits(
      [
        { label: "a", tally: { promoters: 5, passives: 0, detractors: 5 }, interval: { effectiveN: 4 } },
        { label: "b", tally: { promoters: 5, passives: 0, detractors: 5 } },
      ],
      { sigma: 1 },
    );
    expect(result.points.map((point) => point.n)).toEqual([4, 10]);
    expect(result.points[0]?.upper).toBeCloseTo(100 * Math.sqrt(1 / 4), 12);
  });

  it("has no centre when no point has responses", () => {
    expect(controlLimits([])).toEqual({ kind: "control-limits", center: undefined, sigma: 3, points: [] });
  });

  it("reads the points of a trend", () => {
    const responses = [10, 9, 3, 0, 0, 0].map((score, i) => ({ score, date: new Date(Date.UTC(2026, i, 1)) }));
    const result = controlLimits(trend(responses).points);
    expect(result.points).toHaveLength(6);
    expect(result.center).toBeCloseTo(-100 / 3, 12);
  });

  it("rejects a bad sigma and bad points", () => {
    for (const sigma of [0, -1, Number.POSITIVE_INFINITY, Number.NaN]) {
      const error = errorOf(() => controlLimits([], { sigma }));
      expect(error.code).toBe("invalid_option");
      expect(error.message).toMatch(/^controlLimits: sigma must be a finite number greater than 0, received /);
    }
    expect(errorOf(() => controlLimits([], { sigma: -1 })).message).toBe(
      "controlLimits: sigma must be a finite number greater than 0, received -1",
    );
    expect(errorOf(() => controlLimits("x" as never)).code).toBe("invalid_input");
    expect(
      errorOf(() => controlLimits([{ label: "a", tally: { promoters: -1, passives: 0, detractors: 0 } }])).code,
    ).toBe("invalid_tally");
  });
});
