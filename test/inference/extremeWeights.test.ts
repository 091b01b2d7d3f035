import { describe, expect, it } from "vitest";
import {
  compareNps,
  confidenceInterval,
  effectiveSampleSize,
  marginOfError,
  nps,
  shares,
  standardError,
  type Tally,
  tally,
  testAgainstBenchmark,
} from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

/** The tally with every weight multiplied by `factor` (a power of two, so the product is exact). */
function timesWeights(t: Tally, factor: number): Tally {
  const w = t.weighted as NonNullable<Tally["weighted"]>;
  return {
    promoters: t.promoters * factor,
    passives: t.passives * factor,
    detractors: t.detractors * factor,
    weighted: {
      counts: w.counts,
      squaredWeights: {
        promoters: w.squaredWeights.promoters * factor * factor,
        passives: w.squaredWeights.passives * factor * factor,
        detractors: w.squaredWeights.detractors * factor * factor,
      },
    },
  };
}

const reference = tally([10, 0, 7, 9, 3, 10, 8], { weights: [3, 1, 2, 1, 0.5, 4, 2] });
const METHODS = ["wald", "adjusted-wald", "score", "bootstrap"] as const;

describe("NPS and its intervals do not depend on the scale of the weights", () => {
  it.each([2 ** 500, 2 ** -500])("weights times %d give the same figures", (factor) => {
    const scaled = timesWeights(reference, factor);
    expect(nps(scaled)).toBe(nps(reference));
    expect(shares(scaled)).toEqual(shares(reference));
    expect(standardError(scaled)).toBe(standardError(reference));
    expect(effectiveSampleSize(scaled)).toBe(effectiveSampleSize(reference));
    expect(marginOfError(scaled)).toBe(marginOfError(reference));
    for (const method of METHODS) {
      expect(confidenceInterval(scaled, { method }), method).toEqual(confidenceInterval(reference, { method }));
    }
    expect(compareNps(scaled, reference)?.difference).toBe(0);
    expect(testAgainstBenchmark(scaled, 0)).toEqual(testAgainstBenchmark(reference, 0));
  });

  it("works when the squared weights underflow to 0 while counting (weights of 1e-170)", () => {
    const tiny = tally([10, 3], { weights: [1e-170, 1e-170] });
    const ones = tally([10, 3], { weights: [1, 1] });
    expect(standardError(tiny)).toBe(standardError(ones));
    expect(confidenceInterval(tiny, { method: "score" })).toEqual(confidenceInterval(ones, { method: "score" }));
  });

  it("works with weights whose squares are near the largest number (1e150)", () => {
    const huge = tally([10, 0, 7], { weights: [1e150, 1e150, 1e150] });
    const ones = tally([10, 0, 7], { weights: [1, 1, 1] });
    expect(standardError(huge)).toBeCloseTo(standardError(ones) as number, 12);
    expect(confidenceInterval(huge)?.lower).toBeCloseTo(confidenceInterval(ones)?.lower ?? Number.NaN, 10);
  });
});

describe("huge but finite counts", () => {
  it("give a number, never NaN", () => {
    expect(nps({ promoters: 1e308, passives: 0, detractors: 1e308 })).toBe(0);
    expect(nps({ promoters: 1e308, passives: 1e308, detractors: 0 })).toBe(50);
    expect(nps({ promoters: Number.MAX_VALUE, passives: 0, detractors: 0 })).toBe(100);
    expect(shares({ promoters: 1e308, passives: 1e308, detractors: 0 })).toEqual({
      promoters: 0.5,
      passives: 0.5,
      detractors: 0,
    });
  });

  it("or a clear error from the inference functions when their total is not finite", () => {
    const error = errorOf(() => confidenceInterval({ promoters: 1e308, passives: 0, detractors: 1e308 }));
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe(
      "confidenceInterval: tally.promoters + tally.passives + tally.detractors must be a finite number, received Infinity",
    );
  });

  it("weighted: null is an invalid tally, not a TypeError", () => {
    const error = errorOf(() =>
      confidenceInterval({ promoters: 1, passives: 0, detractors: 1, weighted: null } as unknown as Tally),
    );
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe(
      "confidenceInterval: tally.weighted must be an object with counts and squaredWeights, received null",
    );
  });
});
