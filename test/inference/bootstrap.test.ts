import { describe, expect, it } from "vitest";
import { confidenceInterval, marginOfError } from "../../src/index.js";
import { bootstrapBounds } from "../../src/inference/bootstrap.js";
import { errorOf } from "../helpers/errors.js";
import { ORACLE } from "./fixtures/oracle.js";

const B = 10_000;

describe("bootstrapBounds", () => {
  /*
   * The reference is the ideal (B → ∞) percentile bootstrap, limit k at each tail. With B = 10,000 the
   * empirical CDF at a lattice point is within 4·sqrt(p(1 − p)/B) of the ideal one (with probability
   * ~1 − 6e-5), so where the ideal CDF at k or k − 1 is that close to the target the finite-B limit may
   * move by as many lattice steps (100/n points) as that margin spans (one step for every small-n case);
   * elsewhere it must equal the ideal limit exactly.
   */
  it.each(ORACLE.ci)("$id ($note): matches the ideal bootstrap", (c) => {
    const n = c.counts.promoters + c.counts.passives + c.counts.detractors;
    const got = bootstrapBounds(c.counts, c.level, B, 2026);
    const limits = [
      [got.lower, c.bootstrapIdeal.lowerK],
      [got.upper, c.bootstrapIdeal.upperK],
    ] as const;
    limits.forEach(([value, idealK], tail) => {
      const margin = c.bootstrapIdeal.cdfMargins[tail];
      if (margin === undefined) throw new Error("missing margin");
      const band = 4 * Math.sqrt((margin.prob * (1 - margin.prob)) / B);
      const close =
        Math.abs(margin.cdfAtK - margin.prob) <= band || Math.abs(margin.cdfAtKMinus1 - margin.prob) <= band;
      const slope = margin.cdfAtK - margin.cdfAtKMinus1;
      const allowedSteps = close ? Math.max(1, Math.ceil(band / slope)) : 0;
      const k = (value * n) / 100;
      expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6); // on the lattice
      expect(Math.abs(Math.round(k) - idealK)).toBeLessThanOrEqual(allowedSteps);
    });
  });

  it("gives the same interval for the same seed, and another seed may differ", () => {
    const counts = { promoters: 52, passives: 31, detractors: 17 };
    const first = bootstrapBounds(counts, 0.95, 2000, 11);
    expect(bootstrapBounds(counts, 0.95, 2000, 11)).toEqual(first);
    const others = [12, 13, 14, 15, 16].map((seed) => bootstrapBounds(counts, 0.95, 2000, seed));
    expect(others.some((other) => other.lower !== first.lower || other.upper !== first.upper)).toBe(true);
  });

  it("keeps a pinned result for a pinned seed (the draws are fully specified)", () => {
    const counts = { promoters: 50, passives: 30, detractors: 20 };
    const result = bootstrapBounds(counts, 0.95, 1000, 1);
    expect(result).toEqual(bootstrapBounds(counts, 0.95, 1000, 1));
    expect(result.lower).toBeGreaterThanOrEqual(10);
    expect(result.upper).toBeLessThanOrEqual(50);
  });

  it("resamples counts, not responses: 10,000 replicates for n = 10⁷ stay on the 1e-5 lattice near 30", () => {
    const n = 10_000_000;
    const got = bootstrapBounds({ promoters: 0.5 * n, passives: 0.3 * n, detractors: 0.2 * n }, 0.95, B, 3);
    // se = sqrt(0.7 − 0.09)/sqrt(n)·100 ≈ 0.0247 points: the limits sit near 30 ± 1.96·se
    expect(Math.abs(got.lower - (30 - 1.96 * 0.0247))).toBeLessThan(0.005);
    expect(Math.abs(got.upper - (30 + 1.96 * 0.0247))).toBeLessThan(0.005);
  });

  it("degenerates to the point for one category and uses the type-1 rule for tiny B", () => {
    expect(bootstrapBounds({ promoters: 0, passives: 7, detractors: 0 }, 0.95, 500, 1)).toEqual({ lower: 0, upper: 0 });
    expect(bootstrapBounds({ promoters: 0, passives: 0, detractors: 9 }, 0.9, 500, 1)).toEqual({
      lower: -100,
      upper: -100,
    });
    // B = 1: both limits are the single replicate
    const one = bootstrapBounds({ promoters: 3, passives: 3, detractors: 4 }, 0.95, 1, 5);
    expect(one.lower).toBe(one.upper);
  });

  it("returns the whole range for zero responses rather than NaN", () => {
    expect(bootstrapBounds({ promoters: 0, passives: 0, detractors: 0 }, 0.95, 100, 1)).toEqual({
      lower: -100,
      upper: 100,
    });
  });
});

describe("bootstrap levels whose tails the resamples cannot resolve", () => {
  const counts = { promoters: 50, passives: 30, detractors: 20 };

  it("refuses a level above 1 - 2/resamples, saying how many resamples it needs", () => {
    const error = errorOf(() => confidenceInterval(counts, { method: "bootstrap", level: 0.999999 }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(
      "confidenceInterval: level must be at most 1 - 2/resamples for the bootstrap (0.9998 with 10000 resamples), received 0.999999; a level this high needs resamples of at least 2000000",
    );
    expect(errorOf(() => marginOfError(counts, { method: "bootstrap", level: 0.9999 })).code).toBe("invalid_option");
  });

  it("accepts the highest resolvable level, and a higher one with more resamples", () => {
    expect(confidenceInterval(counts, { method: "bootstrap", level: 0.9998 })?.lower).toBeTypeOf("number");
    expect(confidenceInterval(counts, { method: "bootstrap", level: 0.99999, resamples: 200_000 })?.lower).toBeTypeOf(
      "number",
    );
  });

  it("leaves the other methods alone at such levels", () => {
    expect(confidenceInterval(counts, { method: "score", level: 0.999999 })?.lower).toBeTypeOf("number");
  });
});
