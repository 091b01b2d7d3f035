import { describe, expect, it } from "vitest";
import { chiSquareSurvival, regularizedGammaP, regularizedGammaQ } from "../../src/internal/gamma.js";
import reference from "../segments/fixtures/reference.json" with { type: "json" };

// Reference values: R 4.2.2 pchisq(x, df, lower.tail = FALSE), see test/segments/fixtures/reference.R.
describe("chiSquareSurvival", () => {
  it.each(reference.pchisqUpper)("matches R pchisq(x = $x, df = $df, lower.tail = FALSE)", ({ x, df, q }) => {
    const actual = chiSquareSurvival(x, df);
    expect(Math.abs(actual - q) / q).toBeLessThan(1e-12);
  });

  it("keeps its relative accuracy far in the tail (exp(-200) for df = 2)", () => {
    // Q(1, 200) = e^-200 exactly.
    expect(Math.abs(chiSquareSurvival(400, 2) / Math.exp(-200) - 1)).toBeLessThan(1e-13);
  });

  it("is 1 at 0 and 0 at infinity", () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(Number.POSITIVE_INFINITY, 3)).toBe(0);
  });
});

describe("regularizedGammaP and regularizedGammaQ", () => {
  it("add up to 1 on both branches", () => {
    for (const [a, x] of [
      [0.5, 0.1],
      [2, 1],
      [3, 10],
      [50, 45],
      [50, 60],
    ] as const) {
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
    }
  });

  it("gives the exponential distribution for a = 1", () => {
    expect(regularizedGammaQ(1, 3)).toBeCloseTo(Math.exp(-3), 15);
    expect(regularizedGammaP(1, 0.25)).toBeCloseTo(1 - Math.exp(-0.25), 15);
  });
});
