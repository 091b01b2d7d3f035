import { describe, expect, it } from "vitest";
import { confidenceInterval } from "../../src/index.js";

/**
 * Score (Tango) bounds next to ±100, from bisection on Tango's Z at 90 significant digits (Python
 * mpmath 1.3.0, `mp.dps = 90`, 400 halvings), rounded to doubles.
 */
const REFERENCE = [
  { counts: [0, 1, 9999999], level: 0.99, lower: -99.99999882594535, upper: -99.99985730216265 },
  { counts: [9999999, 1, 0], level: 0.99, lower: 99.99985730216265, upper: 99.99999882594535 },
  { counts: [0, 0, 10], level: 0.95, lower: -100.0, upper: -44.49344002742217 },
  { counts: [1, 0, 1000000], level: 0.95, lower: -99.99996469511996, upper: -99.99886701877212 },
  { counts: [3, 5, 7], level: 0.95, lower: -59.43137701977638, upper: 14.836804449100896 },
  { counts: [50, 30, 20], level: 0.9, lower: 16.61734359466283, upper: 42.17456617651856 },
  { counts: [1, 1, 1], level: 0.5, lower: -30.588305501466355, upper: 30.588305501466355 },
  { counts: [0, 1, 1000000000000], level: 0.999, lower: -99.99999999999216, upper: -99.99999999773449 },
  { counts: [2, 3, 1000000000], level: 0.95, lower: -99.99999970710529, upper: -99.99999820310127 },
];

describe("score interval bounds next to ±100", () => {
  it("gives -99.9999988259453 for 0 / 1 / 9,999,999 at 99%, where the direct formula cancels", () => {
    const interval = confidenceInterval(
      { promoters: 0, passives: 1, detractors: 9999999 },
      { method: "score", level: 0.99 },
    );
    expect(interval?.lower).toBeCloseTo(-99.9999988259453, 13);
  });

  it.each(REFERENCE)(
    "matches the 90-digit bounds to 1e-13 points: $counts at $level",
    ({ counts, level, lower, upper }) => {
      const [promoters, passives, detractors] = counts as [number, number, number];
      const interval = confidenceInterval({ promoters, passives, detractors }, { method: "score", level });
      expect(Math.abs((interval?.lower as number) - lower)).toBeLessThanOrEqual(1e-13);
      expect(Math.abs((interval?.upper as number) - upper)).toBeLessThanOrEqual(1e-13);
    },
  );
});
