import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { compareNps, testAgainstBenchmark } from "../../src/index.js";

const counts = fc
  .record({
    promoters: fc.integer({ min: 0, max: 1000 }),
    passives: fc.integer({ min: 0, max: 1000 }),
    detractors: fc.integer({ min: 0, max: 1000 }),
  })
  .filter((c) => c.promoters + c.passives + c.detractors > 0);
const comparisonMethod = fc.constantFrom("wald" as const, "adjusted-wald" as const, "score" as const);

describe("compareNps properties", () => {
  test.prop([counts, counts, comparisonMethod])(
    "the difference of a and b is minus the difference of b and a, and so is the interval",
    (a, b, method) => {
      const ab = compareNps(a, b, { method });
      const ba = compareNps(b, a, { method });
      expect(ba?.difference).toBe(-(ab?.difference ?? Number.NaN) + 0);
      expect(Math.abs((ba?.lower ?? 0) + (ab?.upper ?? 0))).toBeLessThan(1e-9);
      expect(Math.abs((ba?.upper ?? 0) + (ab?.lower ?? 0))).toBeLessThan(1e-9);
    },
  );

  test.prop([counts, counts, comparisonMethod])(
    "p-values lie in [0, 1] and the interval in [-200, 200]",
    (a, b, method) => {
      const r = compareNps(a, b, { method });
      if (r?.pValue !== undefined) {
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
      }
      expect(r?.lower).toBeGreaterThanOrEqual(-200);
      expect(r?.upper).toBeLessThanOrEqual(200);
      expect(r?.lower).toBeLessThanOrEqual(r?.upper ?? Number.NaN);
    },
  );

  test.prop([counts, counts])("the adjusted wald test always has a p-value", (a, b) => {
    expect(compareNps(a, b)?.pValue).toBeTypeOf("number");
  });
});

describe("testAgainstBenchmark properties", () => {
  test.prop([
    counts,
    fc.double({ min: -99.9, max: 99.9, noNaN: true }),
    fc.constantFrom("two-sided" as const, "greater" as const, "less" as const),
    fc.constantFrom("score" as const, "wald" as const, "adjusted-wald" as const),
  ])("p-values lie in [0, 1]; the score test is always defined", (c, benchmark, alternative, method) => {
    const r = testAgainstBenchmark(c, benchmark, { alternative, method });
    if (method !== "wald") expect(r?.pValue).toBeTypeOf("number");
    if (r?.pValue !== undefined) {
      expect(r.pValue).toBeGreaterThanOrEqual(0);
      expect(r.pValue).toBeLessThanOrEqual(1);
    }
  });

  test.prop([counts, fc.double({ min: -99.9, max: 99.9, noNaN: true })])(
    "the one-sided p-values add up to 1",
    (c, benchmark) => {
      const greater = testAgainstBenchmark(c, benchmark, { alternative: "greater" })?.pValue ?? Number.NaN;
      const less = testAgainstBenchmark(c, benchmark, { alternative: "less" })?.pValue ?? Number.NaN;
      expect(Math.abs(greater + less - 1)).toBeLessThan(1e-12);
    },
  );
});
