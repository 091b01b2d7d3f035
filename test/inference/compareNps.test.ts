import { describe, expect, it } from "vitest";
import { compareNps, normalCdf, tally } from "../../src/index.js";
import { errorOf, expectClose } from "../helpers/errors.js";
import { ORACLE } from "./fixtures/oracle.js";

describe("compareNps against the reference values", () => {
  describe.each(ORACLE.twoSample)("$id", (t) => {
    it("wald: signed difference, SE, z, p, interval to 1e-9", () => {
      const r = compareNps(t.a, t.b, { method: "wald" });
      expectClose(r?.difference, t.wald.diff, 1e-9, "difference");
      expectClose(r?.standardError, t.wald.se, 1e-9, "se");
      expectClose(r?.statistic, t.wald.z, 1e-9, "z");
      expectClose(r?.pValue, t.wald.p_two_sided, 1e-12, "p");
      expectClose(r?.lower, t.wald.lower95, 1e-9, "lower");
      expectClose(r?.upper, t.wald.upper95, 1e-9, "upper");
    });

    it("adjusted wald (+3 per group, the default) to 1e-9", () => {
      const r = compareNps(t.a, t.b);
      expect(r?.method).toBe("adjusted-wald");
      expectClose(r?.center, t.adjustedWald.diff, 1e-9, "centre");
      expectClose(r?.standardError, t.adjustedWald.se, 1e-9, "se");
      expectClose(r?.statistic, t.adjustedWald.z, 1e-9, "z");
      expectClose(r?.pValue, t.adjustedWald.p_two_sided, 1e-12, "p");
      expectClose(r?.lower, t.adjustedWald.lower95, 1e-9, "lower");
      expectClose(r?.upper, t.adjustedWald.upper95, 1e-9, "upper");
      expectClose(r?.difference, t.wald.diff, 1e-9, "the difference stays the raw one");
    });

    it("score (MOVER with Tango intervals) to 1e-6", () => {
      const r = compareNps(t.a, t.b, { method: "score" });
      expectClose(r?.difference, t.moverScore.diff, 1e-9, "difference");
      expectClose(r?.lower, t.moverScore.lower95, 1e-6, "lower");
      expectClose(r?.upper, t.moverScore.upper95, 1e-6, "upper");
      expectClose(r?.statistic, t.wald.z, 1e-9, "z is the Wald one");
    });

    it("keeps the sign: b − a mirrors a − b", () => {
      for (const method of ["wald", "adjusted-wald", "score"] as const) {
        const ab = compareNps(t.a, t.b, { method });
        const ba = compareNps(t.b, t.a, { method });
        expectClose(ba?.difference, -(ab?.difference ?? 0), 1e-12);
        expectClose(ba?.lower, -(ab?.upper ?? 0), 1e-9);
        expectClose(ba?.upper, -(ab?.lower ?? 0), 1e-9);
        expect(ba?.pValue).toBe(ab?.pValue);
      }
    });
  });
});

describe("compareNps: degenerate data", () => {
  const allPromoters = { promoters: 10, passives: 0, detractors: 0 };
  const allDetractors = { promoters: 0, passives: 0, detractors: 10 };

  it("wald has no statistic when both standard errors are 0, whether the difference is 0 or not", () => {
    for (const [a, b] of [
      [allPromoters, allPromoters],
      [allPromoters, allDetractors],
    ] as const) {
      const r = compareNps(a, b, { method: "wald" });
      expect(r?.standardError).toBe(0);
      expect(r?.statistic).toBeUndefined();
      expect(r?.pValue).toBeUndefined();
      expect(r?.lower).toBe(r?.difference);
    }
  });

  it("adjusted wald is always defined, and the difference of 200 is clipped to [-200, 200]", () => {
    const r = compareNps(allPromoters, allDetractors);
    expect(r?.difference).toBe(200);
    expect(r?.pValue).toBeGreaterThan(0);
    expect(r?.pValue).toBeLessThan(1e-6);
    expect(r?.upper).toBeLessThanOrEqual(200);
    const score = compareNps(allPromoters, allDetractors, { method: "score" });
    expect(score?.upper).toBe(200);
  });

  it("gives tiny p-values without rounding them to 0", () => {
    const a = { promoters: 600, passives: 200, detractors: 200 };
    const b = { promoters: 200, passives: 200, detractors: 600 };
    const r = compareNps(a, b, { method: "wald" });
    // z = 80 / sqrt(2 · 0.64 / 1000) · 1/100 ≈ 22.4, p ≈ 4e-111: 1 − Φ(z) would give 0.
    expect(r?.pValue).toBeGreaterThan(0);
    expect(r?.pValue).toBeLessThan(1e-100);
    expectClose((r?.pValue ?? 0) / (2 * normalCdf(-(r?.statistic ?? 0))), 1, 1e-15);
  });

  it("is undefined when either tally is empty", () => {
    expect(compareNps({ promoters: 0, passives: 0, detractors: 0 }, allPromoters)).toBeUndefined();
    expect(compareNps(allPromoters, { promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
  });

  it("uses linearised standard errors for weighted tallies", () => {
    const w = ORACLE.weighted;
    const weighted = tally(w.scores, { weights: w.weights });
    const r = compareNps(weighted, allPromoters, { method: "wald" });
    expectClose(r?.standardError, w.seLinearization, 1e-9);
    expectClose(r?.difference, w.nps - 100, 1e-9);
  });

  it("rejects invalid options", () => {
    const level = errorOf(() => compareNps(allPromoters, allPromoters, { level: 1.5 }));
    expect(level.code).toBe("invalid_option");
    expect(level.message).toBe("compareNps: level must be a number greater than 0 and less than 1, received 1.5");
    const method = errorOf(() => compareNps(allPromoters, allPromoters, { method: "bayes" as never }));
    expect(method.code).toBe("invalid_option");
    expect(method.message).toBe('compareNps: method must be one of "wald", "adjusted-wald", "score", received "bayes"');
  });
});
