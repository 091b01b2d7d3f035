import { describe, expect, it } from "vitest";
import { effectiveSampleSize, marginOfError, standardError, tally } from "../../src/index.js";
import { errorOf, expectClose } from "../helpers/errors.js";
import { ORACLE } from "./fixtures/oracle.js";

describe("standardError", () => {
  it.each(ORACLE.ci)("reproduces the multinomial SE of $id to 1e-9 points", (c) => {
    expectClose(standardError(c.counts), c.se, 1e-9);
  });

  it("includes the covariance term: (5, 0, 5) has variance 1 per response, not 0.5", () => {
    expect(standardError({ promoters: 5, passives: 0, detractors: 5 })).toBe(100 * Math.sqrt(1 / 10));
  });

  it("is 0 when every response is in one category, and for one response", () => {
    expect(standardError({ promoters: 0, passives: 4, detractors: 0 })).toBe(0);
    expect(standardError({ promoters: 0, passives: 0, detractors: 1 })).toBe(0);
    expect(standardError(tally([3], { weights: [2.5] }))).toBe(0);
  });

  it("is undefined for zero responses", () => {
    expect(standardError({ promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
  });

  it("linearises a weighted tally (survey::svymean) to 1e-9 points", () => {
    const w = ORACLE.weighted;
    expectClose(standardError(tally(w.scores, { weights: w.weights })), w.seLinearization, 1e-9);
  });

  it("with all weights 1 equals the unweighted SE times sqrt(n/(n − 1)) (the survey package's convention)", () => {
    const scores = [10, 10, 9, 8, 7, 6, 0, 3, 9, 10];
    const unweighted = standardError(tally(scores)) ?? Number.NaN;
    const weighted = standardError(tally(scores, { weights: scores.map(() => 1) })) ?? Number.NaN;
    expectClose(weighted, unweighted * Math.sqrt(10 / 9), 1e-12);
  });

  it("rejects a malformed tally", () => {
    const error = errorOf(() => standardError({ promoters: 1, passives: Number.NaN, detractors: 0 }));
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe("standardError: tally.passives must be a finite number >= 0, received NaN");
  });

  it("rejects a weighted tally whose counts do not match its weights", () => {
    const error = errorOf(() =>
      standardError({
        promoters: 2,
        passives: 0,
        detractors: 0,
        weighted: {
          counts: { promoters: 0, passives: 0, detractors: 0 },
          squaredWeights: { promoters: 4, passives: 0, detractors: 0 },
        },
      }),
    );
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe(
      "standardError: tally.weighted must count the responses behind the weights, received 0 responses for a total weight of 2",
    );
  });
});

describe("effectiveSampleSize", () => {
  it("is Kish's n_eff for the reference weighted sample", () => {
    const w = ORACLE.weighted;
    expectClose(effectiveSampleSize(tally(w.scores, { weights: w.weights })), w.effectiveN, 1e-9);
  });

  it("equals n when unweighted or when all weights are equal", () => {
    expect(effectiveSampleSize({ promoters: 5, passives: 3, detractors: 2 })).toBe(10);
    expectClose(effectiveSampleSize(tally([10, 8, 0, 5], { weights: [3, 3, 3, 3] })), 4, 1e-12);
    expect(effectiveSampleSize({ promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
  });
});

describe("marginOfError", () => {
  it("is z·SE for wald away from the bounds", () => {
    const c = ORACLE.ci.find((item) => item.id === "c22");
    expectClose(marginOfError(c?.counts ?? ({} as never), { method: "wald" }), 1.959963984540054 * (c?.se ?? 0), 1e-9);
  });

  it("is half the interval's width for every method", () => {
    for (const c of ORACLE.ci) {
      expectClose(marginOfError(c.counts), (c.adjustedWald.upper - c.adjustedWald.lower) / 2, 1e-9, c.id);
      expectClose(marginOfError(c.counts, { method: "score" }), (c.score.upper - c.score.lower) / 2, 1e-6, c.id);
    }
  });

  it("is smaller than z·SE where the interval is clipped at 100", () => {
    const counts = { promoters: 99, passives: 1, detractors: 0 };
    const margin = marginOfError(counts, { method: "wald" }) ?? Number.NaN;
    expect(margin).toBeLessThan(1.959963984540054 * (standardError(counts) ?? 0));
  });

  it("is undefined for zero responses and checks its options", () => {
    expect(marginOfError({ promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
    const error = errorOf(() => marginOfError({ promoters: 1, passives: 0, detractors: 0 }, { level: 2 }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe("marginOfError: level must be a number greater than 0 and less than 1, received 2");
  });
});
