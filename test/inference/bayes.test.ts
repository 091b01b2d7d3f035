import { describe, expect, it } from "vitest";
import { bayesBounds } from "../../src/inference/bayes.js";
import { BAYES_BOOT_CASES } from "./fixtures/bayesboot-oracle.js";

const countsOf = (c: { promoters: number; passives: number; detractors: number }) => ({
  promoters: c.promoters,
  passives: c.passives,
  detractors: c.detractors,
});

describe("bayesBounds", () => {
  for (const prior of ["jeffreys", "uniform"] as const) {
    it.each(BAYES_BOOT_CASES)(
      `$id ($promoters, $passives, $detractors) ${prior}: within 1e-6 points of the reference`,
      (c) => {
        const got = bayesBounds(countsOf(c), c.level, prior);
        expect(Math.abs(got.lower - c[prior].lower)).toBeLessThan(1e-6);
        expect(Math.abs(got.upper - c[prior].upper)).toBeLessThan(1e-6);
      },
    );
  }

  it("gives mirrored limits when promoters and detractors are swapped", () => {
    const a = bayesBounds({ promoters: 7, passives: 2, detractors: 1 }, 0.9, "jeffreys");
    const b = bayesBounds({ promoters: 1, passives: 2, detractors: 7 }, 0.9, "jeffreys");
    expect(b.lower).toBe(-a.upper);
    expect(b.upper).toBe(-a.lower);
  });

  it("returns the prior's interval for zero responses, strictly inside ±100", () => {
    // Uniform Dirichlet(1, 1, 1): θ = πP − πD has density 1 − |t| on [−1, 1], so P(θ ≤ t) = (1 + t)²/2
    // for t ≤ 0 and the 2.5% quantile is √0.05 − 1.
    const got = bayesBounds({ promoters: 0, passives: 0, detractors: 0 }, 0.95, "uniform");
    expect(got.lower).toBeCloseTo(100 * (Math.sqrt(0.05) - 1), 8);
    expect(got.upper).toBeCloseTo(-100 * (Math.sqrt(0.05) - 1), 8);
  });

  it("accepts non-integer (effective) counts and lies between its integer neighbours", () => {
    const low = bayesBounds({ promoters: 12, passives: 5, detractors: 3 }, 0.95, "jeffreys");
    const mid = bayesBounds({ promoters: 12.5, passives: 5, detractors: 3 }, 0.95, "jeffreys");
    const high = bayesBounds({ promoters: 13, passives: 5, detractors: 3 }, 0.95, "jeffreys");
    expect(mid.lower).toBeGreaterThan(low.lower);
    expect(mid.lower).toBeLessThan(high.lower);
    expect(mid.upper).toBeGreaterThan(low.upper);
    expect(mid.upper).toBeLessThan(high.upper);
  });

  it("widens with the level and nests the narrower interval", () => {
    const counts = { promoters: 30, passives: 50, detractors: 20 };
    const i90 = bayesBounds(counts, 0.9, "jeffreys");
    const i95 = bayesBounds(counts, 0.95, "jeffreys");
    const i99 = bayesBounds(counts, 0.99, "jeffreys");
    expect(i99.lower).toBeLessThan(i95.lower);
    expect(i95.lower).toBeLessThan(i90.lower);
    expect(i90.upper).toBeLessThan(i95.upper);
    expect(i95.upper).toBeLessThan(i99.upper);
  });

  it("handles extreme shares at large n (10⁶ all promoters, 10⁶ all passives)", () => {
    const promoters = bayesBounds({ promoters: 1_000_000, passives: 0, detractors: 0 }, 0.95, "jeffreys");
    expect(promoters.upper).toBeLessThan(100);
    expect(promoters.upper).toBeGreaterThan(99.999);
    expect(promoters.lower).toBeLessThan(promoters.upper);
    expect(promoters.lower).toBeGreaterThan(99.99);
    const passives = bayesBounds({ promoters: 0, passives: 1_000_000, detractors: 0 }, 0.95, "jeffreys");
    expect(passives.lower).toBe(-passives.upper);
    expect(passives.upper).toBeGreaterThan(0);
    expect(passives.upper).toBeLessThan(0.001);
  });
});
