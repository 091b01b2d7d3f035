import { describe, expect, it } from "vitest";
import { confidenceInterval, testAgainstBenchmark } from "../../src/index.js";
import { errorOf, expectClose } from "../helpers/errors.js";
import { ORACLE } from "./fixtures/oracle.js";

describe("testAgainstBenchmark against the reference values", () => {
  describe.each(ORACLE.oneSample)("$id (benchmark $benchmark)", (b) => {
    const alternatives = [
      ["two-sided", "p_two_sided"],
      ["greater", "p_greater"],
      ["less", "p_less"],
    ] as const;

    it.each(alternatives)("score (Tango, the default), %s", (alternative, key) => {
      const r = testAgainstBenchmark(b.counts, b.benchmark, { alternative });
      expect(r?.method).toBe("score");
      expectClose(r?.statistic, b.score.z, 1e-9, "z");
      expectClose(r?.pValue, b.score[key], 1e-12, "p");
    });

    it.each(alternatives)("wald, %s", (alternative, key) => {
      const r = testAgainstBenchmark(b.counts, b.benchmark, { alternative, method: "wald" });
      expectClose(r?.statistic, b.wald.z, 1e-9, "z");
      expectClose(r?.pValue, b.wald[key], 1e-12, "p");
    });
  });

  it("reports the estimate, the benchmark and their signed difference", () => {
    const r = testAgainstBenchmark({ promoters: 50, passives: 30, detractors: 20 }, 40);
    expect(r).toMatchObject({ estimate: 30, benchmark: 40, difference: -10, alternative: "two-sided", n: 100 });
  });
});

describe("testAgainstBenchmark: the score test is dual to the score interval", () => {
  it("has p = 0.05 exactly at the bounds of the 95% score interval", () => {
    const counts = { promoters: 7, passives: 2, detractors: 1 };
    const ci = confidenceInterval(counts, { method: "score" });
    for (const bound of [ci?.lower ?? 0, ci?.upper ?? 0]) {
      expectClose(testAgainstBenchmark(counts, bound)?.pValue, 0.05, 1e-9);
    }
  });

  it("adjusted wald is consistent with the default interval", () => {
    const counts = { promoters: 7, passives: 2, detractors: 1 };
    const ci = confidenceInterval(counts);
    expectClose(testAgainstBenchmark(counts, ci?.upper ?? 0, { method: "adjusted-wald" })?.pValue, 0.05, 1e-9);
  });
});

describe("testAgainstBenchmark: degenerate data", () => {
  const allPromoters = { promoters: 10, passives: 0, detractors: 0 };

  it("score is defined when the standard error is 0; wald is not", () => {
    const score = testAgainstBenchmark(allPromoters, 40);
    expect(score?.statistic).toBeGreaterThan(0);
    expect(score?.pValue).toBeGreaterThan(0);
    expect(score?.pValue).toBeLessThan(0.05);
    const wald = testAgainstBenchmark(allPromoters, 50, { method: "wald" });
    expect(wald?.statistic).toBeUndefined();
    expect(wald?.pValue).toBeUndefined();
    expect(testAgainstBenchmark({ promoters: 0, passives: 3, detractors: 0 }, 0, { method: "wald" })?.pValue).toBe(
      undefined,
    );
  });

  it("all passives against 0: score z = 0 and p = 1", () => {
    const r = testAgainstBenchmark({ promoters: 0, passives: 5, detractors: 0 }, 0);
    expect(r?.statistic).toBe(0);
    expect(r?.pValue).toBe(1);
  });

  it("n = 1 gives a defined score test", () => {
    const r = testAgainstBenchmark({ promoters: 0, passives: 0, detractors: 1 }, 0, { alternative: "less" });
    expect(r?.pValue).toBeGreaterThan(0);
    expect(r?.pValue).toBeLessThan(0.5);
  });

  it("is undefined for zero responses", () => {
    expect(testAgainstBenchmark({ promoters: 0, passives: 0, detractors: 0 }, 10)).toBeUndefined();
  });
});

describe("testAgainstBenchmark: invalid arguments", () => {
  const counts = { promoters: 5, passives: 3, detractors: 2 };
  it.each([
    [100, "benchmark must be a number greater than -100 and less than 100, received 100"],
    [-100, "benchmark must be a number greater than -100 and less than 100, received -100"],
    [Number.NaN, "benchmark must be a number greater than -100 and less than 100, received NaN"],
    ["20", 'benchmark must be a number greater than -100 and less than 100, received "20"'],
  ])("rejects the benchmark %s", (benchmark, message) => {
    const error = errorOf(() => testAgainstBenchmark(counts, benchmark as number));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(`testAgainstBenchmark: ${message}`);
  });

  it("rejects an unknown alternative or method", () => {
    const alternative = errorOf(() => testAgainstBenchmark(counts, 0, { alternative: "above" as never }));
    expect(alternative.code).toBe("invalid_option");
    expect(alternative.message).toBe(
      'testAgainstBenchmark: alternative must be one of "two-sided", "greater", "less", received "above"',
    );
    const method = errorOf(() => testAgainstBenchmark(counts, 0, { method: "t" as never }));
    expect(method.message).toBe(
      'testAgainstBenchmark: method must be one of "score", "wald", "adjusted-wald", received "t"',
    );
  });
});
