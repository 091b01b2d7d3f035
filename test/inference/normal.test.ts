import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile, normalSurvival } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";
import { ORACLE } from "./fixtures/oracle.js";

/** Relative difference, exact 0 when both are 0. */
function relative(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

describe("normalQuantile (Wichura AS 241)", () => {
  // AS 241 evaluated in double precision is within about 2 ulp of the exact quantile; this port gives
  // the same doubles as CPython's statistics.NormalDist.inv_cdf (same algorithm and evaluation order).
  it.each(ORACLE.normalQuantile)("matches the 400-digit reference at p = $p within 5e-16", ({ p, quantile }) => {
    expect(relative(normalQuantile(p), quantile)).toBeLessThanOrEqual(5e-16);
  });

  it("gives the z-values of 90, 95 and 99% intervals", () => {
    // R's qnorm values.
    expect(relative(normalQuantile(0.95), 1.6448536269514722)).toBeLessThanOrEqual(5e-16);
    expect(relative(normalQuantile(0.975), 1.959963984540054)).toBeLessThanOrEqual(5e-16);
    expect(relative(normalQuantile(0.995), 2.5758293035489004)).toBeLessThanOrEqual(5e-16);
  });

  it("is not simple-statistics' probit, which returns 1.95716 for 0.975", () => {
    expect(Math.abs(normalQuantile(0.975) - 1.95716)).toBeGreaterThan(0.002);
  });

  it("is odd around 1/2 and infinite at 0 and 1", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(Object.is(normalQuantile(0.5), -0)).toBe(false);
    expect(normalQuantile(0.1)).toBe(-normalQuantile(0.9));
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("inverts normalCdf", () => {
    for (const p of [1e-250, 1e-30, 1e-8, 0.01, 0.2, 0.5, 0.8, 0.99]) {
      expect(relative(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-13);
    }
  });

  it.each([
    [-0.1, "-0.1"],
    [1.5, "1.5"],
    [Number.NaN, "NaN"],
    ["0.5", '"0.5"'],
  ])("rejects p = %s", (p, shown) => {
    const error = errorOf(() => normalQuantile(p as number));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(`normalQuantile: p must be a number from 0 to 1, received ${shown}`);
  });
});

describe("normalCdf and normalSurvival (Cody's erfc)", () => {
  it.each(ORACLE.normalCdf)("matches the 400-digit reference at x = $x", ({ x, cdf }) => {
    // Subnormal results (x ≤ −37.5) carry fewer significant bits than a normal double.
    const tolerance = cdf < 2.2250738585072014e-308 ? 1e-7 : 2e-15;
    expect(relative(normalCdf(x), cdf)).toBeLessThanOrEqual(tolerance);
    expect(relative(normalSurvival(-x), cdf)).toBeLessThanOrEqual(tolerance);
  });

  it("reproduces R's pnorm far in the lower tail", () => {
    expect(relative(normalCdf(-10), 7.61985302416047e-24)).toBeLessThan(1e-14);
    // R: pnorm(-38) = 2.88542835132e-316, a subnormal (about 8 significant digits as a double).
    expect(relative(normalCdf(-38), 2.88542835e-316)).toBeLessThan(1e-7);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it("is symmetric: Φ(x) + Φ(−x) = 1", () => {
    for (const x of [0, 0.2, 0.46875 * Math.SQRT2, 1, 3, 5.656854249492381, 7]) {
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(2.3e-16);
    }
  });

  it("is continuous across the branch points of the approximation", () => {
    for (const y of [0.46875, 4]) {
      const x = y * Math.SQRT2;
      const below = normalCdf(-(x - 1e-12));
      const above = normalCdf(-(x + 1e-12));
      expect(relative(below, above)).toBeLessThan(1e-10);
    }
  });

  it("rejects NaN", () => {
    const error = errorOf(() => normalCdf(Number.NaN));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe("normalCdf: x must be a number, received NaN");
    expect(errorOf(() => normalSurvival(Number.NaN)).message).toBe("normalSurvival: x must be a number, received NaN");
  });
});
