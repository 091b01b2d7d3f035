import { describe, expect, it } from "vitest";
import { confidenceInterval, type IntervalMethod, nps, tally } from "../../src/index.js";
import { errorOf, expectClose } from "../helpers/errors.js";
import { ORACLE } from "./fixtures/oracle.js";

const CLOSED_FORM = 1e-9;
const ITERATIVE = 1e-6;

describe("confidenceInterval against the reference values", () => {
  describe.each(ORACLE.ci)("$id ($note)", (c) => {
    const interval = (method: IntervalMethod, extra = {}) =>
      confidenceInterval(c.counts, { method, level: c.level, ...extra });

    it("wald to 1e-9 points", () => {
      const ci = interval("wald");
      expectClose(ci?.lower, c.wald.lower, CLOSED_FORM, "lower");
      expectClose(ci?.upper, c.wald.upper, CLOSED_FORM, "upper");
      expectClose(ci?.standardError, c.se, CLOSED_FORM, "se");
      expectClose(ci?.estimate, c.nps, CLOSED_FORM, "estimate");
    });

    it("adjusted wald (+3) to 1e-9 points, centred on the shrunk estimate", () => {
      const ci = interval("adjusted-wald");
      expectClose(ci?.lower, c.adjustedWald.lower, CLOSED_FORM, "lower");
      expectClose(ci?.upper, c.adjustedWald.upper, CLOSED_FORM, "upper");
      expectClose(ci?.center, c.adjustedWald.center, CLOSED_FORM, "center");
      expectClose(ci?.standardError, c.adjustedWald.se, CLOSED_FORM, "se");
      expectClose(ci?.estimate, c.nps, CLOSED_FORM, "the estimate stays the raw NPS");
    });

    it("is adjusted wald by default at 95%", () => {
      expect(confidenceInterval(c.counts)).toEqual(interval("adjusted-wald"));
    });

    it("tango score to 1e-6 points", () => {
      const ci = interval("score");
      expectClose(ci?.lower, c.score.lower, ITERATIVE, "lower");
      expectClose(ci?.upper, c.score.upper, ITERATIVE, "upper");
      expect(ci).not.toHaveProperty("standardError");
    });

    it("bayes, jeffreys and uniform priors, to 1e-6 points", () => {
      const jeffreys = interval("bayes");
      expectClose(jeffreys?.lower, c.bayesJeffreys.lower, ITERATIVE, "jeffreys lower");
      expectClose(jeffreys?.upper, c.bayesJeffreys.upper, ITERATIVE, "jeffreys upper");
      const uniform = interval("bayes", { prior: "uniform" });
      expectClose(uniform?.lower, c.bayesUniform.lower, ITERATIVE, "uniform lower");
      expectClose(uniform?.upper, c.bayesUniform.upper, ITERATIVE, "uniform upper");
    });

    // The finite-B percentile sits on the lattice of attainable values (steps of 100/n points, 200/n
    // without passives, where nP* − nD* keeps the parity of n). It may move to the neighbouring point
    // when the ideal CDF there is within 4·sqrt(p(1 − p)/B) of the target level (the oracle's
    // cdfMargins); for large n, where that Monte Carlo band spans several lattice points, it may move
    // by up to 4·sqrt(p(1 − p)/B) / density ≈ 4·sqrt(p(1 − p)/B)·SE/φ(z) points.
    it("bootstrap (10,000 resamples) within one lattice step of the ideal where the CDF margin allows", () => {
      const ci = interval("bootstrap");
      const n = c.counts.promoters + c.counts.passives + c.counts.detractors;
      const step = (c.counts.passives === 0 ? 200 : 100) / n;
      const monteCarlo = (4 * Math.sqrt((0.025 * 0.975) / 10_000) * c.se) / 0.05844506980503538;
      const allowed = (ideal: number, margin: (typeof c.bootstrapIdeal.cdfMargins)[number]): number[] => {
        const slack = 4 * Math.sqrt((margin.prob * (1 - margin.prob)) / 10_000);
        const values = [ideal];
        if (margin.prob - margin.cdfAtKMinus1 < slack) values.push(ideal - step);
        if (margin.cdfAtK - margin.prob < slack) values.push(ideal + step);
        return values.map((value) => Math.min(100, Math.max(-100, value)));
      };
      const [lowMargin, highMargin] = c.bootstrapIdeal.cdfMargins;
      const near = (value: number | undefined, candidates: number[]) =>
        candidates.some((candidate) => Math.abs((value ?? Number.NaN) - candidate) <= 1e-9) ||
        Math.abs((value ?? Number.NaN) - (candidates[0] as number)) <= monteCarlo;
      expect(near(ci?.lower, allowed(c.bootstrapIdeal.lower, lowMargin)), `lower ${ci?.lower}`).toBe(true);
      expect(near(ci?.upper, allowed(c.bootstrapIdeal.upper, highMargin)), `upper ${ci?.upper}`).toBe(true);
    });
  });
});

describe("confidenceInterval: documented results on degenerate data", () => {
  it("n = 1 promoter: wald has zero width, adjusted wald [-48.50, 98.50] excludes nothing but is shrunk", () => {
    const one = { promoters: 1, passives: 0, detractors: 0 };
    expect(confidenceInterval(one, { method: "wald" })).toMatchObject({ lower: 100, upper: 100, estimate: 100 });
    const adjusted = confidenceInterval(one);
    expectClose(adjusted?.lower, -48.49864942025203, CLOSED_FORM);
    expect(adjusted?.center).toBe(25);
    expect(adjusted?.estimate).toBe(100);
  });

  it("all passives: tango gives ±z²/(n + z²)", () => {
    const z = 1.959963984540054;
    const ci = confidenceInterval({ promoters: 0, passives: 10, detractors: 0 }, { method: "score" });
    expectClose(ci?.upper, (100 * z * z) / (10 + z * z), ITERATIVE);
    expectClose(ci?.lower, (-100 * z * z) / (10 + z * z), ITERATIVE);
  });

  it("all detractors: score and wald reach -100 exactly", () => {
    const counts = { promoters: 0, passives: 0, detractors: 7 };
    expect(confidenceInterval(counts, { method: "score" })?.lower).toBe(-100);
    expect(confidenceInterval(counts, { method: "wald" })).toMatchObject({ lower: -100, upper: -100 });
  });

  it("clips wald to [-100, 100] (R NPS would report 100.95 for 99 promoters and 1 passive)", () => {
    const ci = confidenceInterval({ promoters: 99, passives: 1, detractors: 0 }, { method: "wald" });
    expect(ci?.upper).toBe(100);
  });

  it("never returns NaN, and no -0", () => {
    for (const counts of [
      { promoters: 0, passives: 1, detractors: 0 },
      { promoters: 1, passives: 0, detractors: 1 },
      { promoters: 3, passives: 0, detractors: 0 },
    ]) {
      for (const method of ["wald", "adjusted-wald", "score"] as const) {
        const ci = confidenceInterval(counts, { method });
        for (const value of [ci?.lower, ci?.upper, ci?.estimate, ci?.center, ci?.standardError]) {
          if (value !== undefined) {
            expect(Number.isNaN(value)).toBe(false);
            expect(Object.is(value, -0)).toBe(false);
          }
        }
      }
    }
  });

  it("returns undefined for zero responses, whatever the method", () => {
    for (const method of ["wald", "adjusted-wald", "score", "bayes", "bootstrap"] as const) {
      expect(confidenceInterval({ promoters: 0, passives: 0, detractors: 0 }, { method })).toBeUndefined();
    }
  });

  it("reports n and the effective n", () => {
    expect(confidenceInterval({ promoters: 5, passives: 3, detractors: 2 })).toMatchObject({ n: 10, effectiveN: 10 });
  });

  it("is reproducible: the bootstrap gives the same interval for the same seed", () => {
    const counts = { promoters: 50, passives: 30, detractors: 20 };
    const first = confidenceInterval(counts, { method: "bootstrap", seed: 7 });
    expect(confidenceInterval(counts, { method: "bootstrap", seed: 7 })).toEqual(first);
  });
});

describe("confidenceInterval on weighted tallies", () => {
  const w = ORACLE.weighted;
  const weighted = tally(w.scores, { weights: w.weights });

  it("wald uses the linearised standard error (survey::svymean)", () => {
    const ci = confidenceInterval(weighted, { method: "wald" });
    expectClose(ci?.estimate, w.nps, 1e-9);
    expectClose(ci?.standardError, w.seLinearization, 1e-9);
    expectClose(ci?.lower, w.nps - 1.959963984540054 * w.seLinearization, 1e-9);
    expectClose(ci?.effectiveN, w.effectiveN, 1e-9);
    expect(ci?.n).toBe(20);
  });

  it("the other methods use effective counts n_eff · weighted shares", () => {
    const scale = w.effectiveN / (weighted.promoters + weighted.passives + weighted.detractors);
    const effective = {
      promoters: weighted.promoters * scale,
      passives: weighted.passives * scale,
      detractors: weighted.detractors * scale,
    };
    for (const method of ["adjusted-wald", "score", "bayes"] as const) {
      const a = confidenceInterval(weighted, { method });
      const b = confidenceInterval(effective, { method });
      expectClose(a?.lower, b?.lower ?? Number.NaN, 1e-9, method);
      expectClose(a?.upper, b?.upper ?? Number.NaN, 1e-9, method);
      expectClose(a?.estimate, nps(weighted) ?? Number.NaN, 1e-12, method);
    }
  });

  it("the bootstrap resamples round(n_eff) whole responses", () => {
    const ci = confidenceInterval(weighted, { method: "bootstrap" });
    // round(14.81) = 15 responses: bounds on the lattice of 100/15 points.
    for (const bound of [ci?.lower ?? Number.NaN, ci?.upper ?? Number.NaN]) {
      const k = (bound * 15) / 100;
      expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-9);
    }
  });
});

describe("confidenceInterval: invalid options and tallies", () => {
  const counts = { promoters: 5, passives: 3, detractors: 2 };
  it.each([
    [{ level: 1 }, "level must be a number greater than 0 and less than 1, received 1"],
    [{ level: 0 }, "level must be a number greater than 0 and less than 1, received 0"],
    [{ level: 95 }, "level must be a number greater than 0 and less than 1, received 95"],
    [{ level: Number.NaN }, "level must be a number greater than 0 and less than 1, received NaN"],
    [
      { method: "exact" },
      'method must be one of "wald", "adjusted-wald", "score", "bayes", "bootstrap", received "exact"',
    ],
    [{ prior: "flat" }, 'prior must be one of "jeffreys", "uniform", received "flat"'],
    [{ resamples: 50 }, "resamples must be an integer from 100 to 10000000, received 50"],
    [{ resamples: 1000.5 }, "resamples must be an integer from 100 to 10000000, received 1000.5"],
    [{ seed: -1 }, "seed must be an integer from 0 to 4294967295, received -1"],
  ])("rejects %o", (options, message) => {
    const error = errorOf(() => confidenceInterval(counts, options as never));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(`confidenceInterval: ${message}`);
  });

  it("rejects a malformed tally", () => {
    const error = errorOf(() => confidenceInterval({ promoters: -1, passives: 0, detractors: 0 }));
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe("confidenceInterval: tally.promoters must be a finite number >= 0, received -1");
  });

  it("rejects fractional unweighted counts for the bootstrap only", () => {
    const fractional = { promoters: 2.5, passives: 1, detractors: 1 };
    expect(confidenceInterval(fractional, { method: "score" })).toBeDefined();
    const error = errorOf(() => confidenceInterval(fractional, { method: "bootstrap" }));
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe(
      "confidenceInterval: tally.promoters must be an integer for the bootstrap method, received 2.5",
    );
  });
});
