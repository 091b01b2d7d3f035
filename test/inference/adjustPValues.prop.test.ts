import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { adjustPValues } from "../../src/index.js";

const pValues = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 });
const method = fc.constantFrom("holm" as const, "bonferroni" as const, "benjamini-hochberg" as const);

describe("adjustPValues properties", () => {
  test.prop([pValues, method])("adjusted p-values are never below the raw ones and never above 1", (ps, m) => {
    const adjusted = adjustPValues(ps, m);
    expect(adjusted).toHaveLength(ps.length);
    adjusted.forEach((value, i) => {
      expect(value).toBeGreaterThanOrEqual(ps[i] as number);
      expect(value).toBeLessThanOrEqual(1);
    });
  });

  test.prop([pValues, method])(
    "adjustment is monotone: a smaller raw p-value never gets a larger adjusted one",
    (ps, m) => {
      const adjusted = adjustPValues(ps, m);
      for (let i = 0; i < ps.length; i++) {
        for (let j = 0; j < ps.length; j++) {
          if ((ps[i] as number) <= (ps[j] as number)) {
            expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j] as number);
          }
        }
      }
    },
  );

  test.prop([pValues])("benjamini-hochberg ≤ holm ≤ bonferroni", (ps) => {
    const bh = adjustPValues(ps, "benjamini-hochberg");
    const holm = adjustPValues(ps, "holm");
    const bonferroni = adjustPValues(ps, "bonferroni");
    ps.forEach((_, i) => {
      expect(bh[i]).toBeLessThanOrEqual((holm[i] as number) + 1e-15);
      expect(holm[i]).toBeLessThanOrEqual((bonferroni[i] as number) + 1e-15);
    });
  });
});
