import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { confidenceInterval, type IntervalMethod } from "../../src/index.js";

const counts = (max: number) =>
  fc
    .record({
      promoters: fc.integer({ min: 0, max }),
      passives: fc.integer({ min: 0, max }),
      detractors: fc.integer({ min: 0, max }),
    })
    .filter((c) => c.promoters + c.passives + c.detractors > 0);

const FAST: ReadonlyArray<IntervalMethod> = ["wald", "adjusted-wald", "score"];
const ALL: ReadonlyArray<IntervalMethod> = ["wald", "adjusted-wald", "score", "bayes", "bootstrap"];
const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99);

describe("confidenceInterval properties", () => {
  test.prop([counts(2000), fc.constantFrom(...ALL), level], { numRuns: 150 })(
    "every interval lies in [-100, 100], is ordered, and has no NaN",
    (c, method, lvl) => {
      const ci = confidenceInterval(c, { method, level: lvl, resamples: 1000 });
      expect(ci).toBeDefined();
      if (ci === undefined) return;
      expect(ci.lower).toBeGreaterThanOrEqual(-100);
      expect(ci.upper).toBeLessThanOrEqual(100);
      expect(ci.lower).toBeLessThanOrEqual(ci.upper);
      expect(Number.isNaN(ci.lower) || Number.isNaN(ci.upper)).toBe(false);
    },
  );

  test.prop([counts(2000), fc.constantFrom(...FAST), level])(
    "wald, adjusted wald and score contain the estimate (adjusted wald: except a single promoter or detractor)",
    (c, method, lvl) => {
      const n = c.promoters + c.passives + c.detractors;
      fc.pre(!(method === "adjusted-wald" && n === 1 && c.passives === 0));
      const ci = confidenceInterval(c, { method, level: lvl });
      expect(ci?.lower).toBeLessThanOrEqual(ci?.estimate ?? Number.NaN);
      expect(ci?.upper).toBeGreaterThanOrEqual(ci?.estimate ?? Number.NaN);
    },
  );

  test.prop([counts(300)], { numRuns: 40 })(
    "the bayes interval contains the estimate unless every response is a promoter or every one a detractor",
    (c) => {
      const n = c.promoters + c.passives + c.detractors;
      fc.pre(c.promoters < n && c.detractors < n);
      const ci = confidenceInterval(c, { method: "bayes" });
      expect(ci?.lower).toBeLessThanOrEqual(ci?.estimate ?? Number.NaN);
      expect(ci?.upper).toBeGreaterThanOrEqual(ci?.estimate ?? Number.NaN);
    },
  );

  test.prop([counts(2000), fc.constantFrom<IntervalMethod>("wald", "adjusted-wald", "score", "bayes")], {
    numRuns: 60,
  })("the interval widens as the level rises", (c, method) => {
    const narrow = confidenceInterval(c, { method, level: 0.9 });
    const wide = confidenceInterval(c, { method, level: 0.99 });
    expect(wide?.lower).toBeLessThanOrEqual((narrow?.lower ?? Number.NaN) + 1e-9);
    expect(wide?.upper).toBeGreaterThanOrEqual((narrow?.upper ?? Number.NaN) - 1e-9);
  });

  test.prop([counts(500), fc.constantFrom<IntervalMethod>("wald", "adjusted-wald", "score", "bayes")], { numRuns: 60 })(
    "the interval narrows as n grows with fixed shares (counts doubled)",
    (c, method) => {
      const doubled = { promoters: 2 * c.promoters, passives: 2 * c.passives, detractors: 2 * c.detractors };
      const small = confidenceInterval(c, { method });
      const large = confidenceInterval(doubled, { method });
      const width = (ci: typeof small) => (ci?.upper ?? Number.NaN) - (ci?.lower ?? Number.NaN);
      expect(width(large)).toBeLessThanOrEqual(width(small) + 1e-9);
    },
  );

  test.prop([counts(2000), fc.constantFrom(...FAST)])(
    "swapping promoters and detractors mirrors the interval",
    (c, method) => {
      const mirrored = { promoters: c.detractors, passives: c.passives, detractors: c.promoters };
      const ci = confidenceInterval(c, { method });
      const other = confidenceInterval(mirrored, { method });
      expect(Math.abs((other?.lower ?? 0) + (ci?.upper ?? 0))).toBeLessThan(1e-9);
      expect(Math.abs((other?.upper ?? 0) + (ci?.lower ?? 0))).toBeLessThan(1e-9);
    },
  );
});
