import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drivers } from "../../src/index.js";

const row = fc.record({
  score: fc.integer({ min: 0, max: 10 }),
  attributes: fc.record({
    a: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    b: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    c: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  }),
});

describe("drivers, properties", () => {
  it("listwise importances are non-negative and add up to an R² between 0 and 1", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 80 }), (rows) => {
        const result = drivers(rows, { drivers: ["a", "b", "c"], resamples: 0 });
        if (result.rSquared === undefined) {
          expect(result.drivers.every((driver) => driver.importance === undefined)).toBe(true);
          return;
        }
        expect(result.rSquared).toBeGreaterThanOrEqual(-1e-12);
        expect(result.rSquared).toBeLessThanOrEqual(1 + 1e-12);
        let sum = 0;
        for (const driver of result.drivers) {
          expect(driver.importance).toBeGreaterThanOrEqual(-1e-12);
          sum += driver.importance ?? 0;
        }
        expect(Math.abs(sum - result.rSquared)).toBeLessThan(1e-9);
      }),
    );
  });

  it("every respondent used falls in exactly one answer level, and used + missing + rejected = all (pairwise)", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const result = drivers(rows, { drivers: ["a", "b", "c"], resamples: 0, missing: "pairwise" });
        for (const driver of result.drivers) {
          const inLevels = driver.levels.reduce(
            (total, level) => total + level.tally.detractors + level.tally.passives + level.tally.promoters,
            0,
          );
          expect(inLevels).toBe(driver.n);
          expect(driver.n + driver.missing + driver.rejected).toBe(rows.length);
          if (driver.spearman !== undefined) expect(Math.abs(driver.spearman)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
