import { describe, expect, it } from "vitest";
import { marginOfErrorForSampleSize, requiredSampleSize } from "../../src/index.js";
import { errorOf, expectClose } from "../helpers/errors.js";
import { ORACLE } from "./fixtures/oracle.js";

const SHARES = { promoters: 0.5, passives: 0.3, detractors: 0.2 };

describe("requiredSampleSize", () => {
  it.each(ORACLE.sampleSize)("reproduces $id (wald and adjusted)", (s) => {
    const options = {
      marginOfError: s.marginOfError,
      level: s.level,
      ...(s.shares === null ? {} : { shares: s.shares }),
    };
    expect(requiredSampleSize(options)).toBe(s.wald);
    expect(requiredSampleSize({ ...options, method: "adjusted-wald" })).toBe(s.adjustedWald);
  });

  it("reproduces the planning table of STATISTICS.md §5", () => {
    expect(requiredSampleSize({ marginOfError: 5, shares: SHARES })).toBe(938);
    expect(requiredSampleSize({ marginOfError: 10, shares: SHARES })).toBe(235);
    expect(requiredSampleSize({ marginOfError: 5 })).toBe(1537);
    expect(requiredSampleSize({ marginOfError: 10 })).toBe(385);
    expect(requiredSampleSize({ marginOfError: 5, shares: SHARES, level: 0.9 })).toBe(661);
    expect(requiredSampleSize({ marginOfError: 5, shares: SHARES, level: 0.99 })).toBe(1619);
    expect(
      [5, 10].flatMap((e) =>
        [SHARES, undefined].map((shares) =>
          requiredSampleSize({ marginOfError: e, method: "adjusted-wald", ...(shares ? { shares } : {}) }),
        ),
      ),
    ).toEqual([935, 1534, 232, 382]);
  });

  it("accepts counts of a previous survey as shares", () => {
    expect(requiredSampleSize({ marginOfError: 5, shares: { promoters: 50, passives: 30, detractors: 20 } })).toBe(938);
  });

  it("applies the finite population correction n0 / (1 + (n0 − 1)/N)", () => {
    const n0 = (1.959963984540054 ** 2 * 1) / 0.05 ** 2;
    expect(requiredSampleSize({ marginOfError: 5, populationSize: 2000 })).toBe(Math.ceil(n0 / (1 + (n0 - 1) / 2000)));
    expect(requiredSampleSize({ marginOfError: 1, populationSize: 50 })).toBeLessThanOrEqual(50);
  });

  it("is the smallest n whose margin is within the target", () => {
    for (const marginOfError of [1, 2.5, 3, 5, 7.5, 10, 20]) {
      for (const options of [
        {},
        { shares: SHARES },
        { method: "adjusted-wald" as const },
        { populationSize: 1000 },
        { level: 0.9 },
      ]) {
        const n = requiredSampleSize({ marginOfError, ...options });
        expect(marginOfErrorForSampleSize(n, options)).toBeLessThanOrEqual(marginOfError);
        if (n > 1) expect(marginOfErrorForSampleSize(n - 1, options)).toBeGreaterThan(marginOfError);
      }
    }
  });

  it("needs 1 response when the expected shares have no variance, or the margin is huge", () => {
    expect(requiredSampleSize({ marginOfError: 5, shares: { promoters: 1, passives: 0, detractors: 0 } })).toBe(1);
    expect(requiredSampleSize({ marginOfError: 500 })).toBe(1);
  });

  it.each([
    [{ marginOfError: 0 }, "marginOfError must be a finite number greater than 0, received 0"],
    [
      { marginOfError: Number.POSITIVE_INFINITY },
      "marginOfError must be a finite number greater than 0, received Infinity",
    ],
    [{}, "marginOfError must be a finite number greater than 0, received undefined"],
    [{ marginOfError: 5, level: 1 }, "level must be a number greater than 0 and less than 1, received 1"],
    [
      { marginOfError: 5, shares: { promoters: -0.1, passives: 0.6, detractors: 0.5 } },
      "shares.promoters must be a finite number >= 0, received -0.1",
    ],
    [
      { marginOfError: 5, shares: { promoters: 0, passives: 0, detractors: 0 } },
      "shares must not all be 0, received 0, 0 and 0",
    ],
    [{ marginOfError: 5, populationSize: 10.5 }, "populationSize must be an integer >= 1, received 10.5"],
    [{ marginOfError: 5, method: "yes" }, 'method must be one of "wald", "adjusted-wald", received "yes"'],
  ])("rejects %o", (options, message) => {
    const error = errorOf(() => requiredSampleSize(options as never));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(`requiredSampleSize: ${message}`);
  });
});

describe("marginOfErrorForSampleSize", () => {
  it("is z·100·sqrt(V/n)", () => {
    expectClose(
      marginOfErrorForSampleSize(938, { shares: SHARES }),
      1.959963984540054 * 100 * Math.sqrt(0.61 / 938),
      1e-12,
    );
    expectClose(marginOfErrorForSampleSize(100), 19.59963984540054, 1e-12);
    expectClose(marginOfErrorForSampleSize(97, { method: "adjusted-wald" }), 19.59963984540054, 1e-12);
  });

  it("shrinks to 0 when the whole population answers", () => {
    expect(marginOfErrorForSampleSize(400, { populationSize: 400 })).toBe(0);
    expect(marginOfErrorForSampleSize(1, { populationSize: 1 })).toBe(0);
  });

  it.each([
    [0, {}, "n must be an integer >= 1, received 0"],
    [10.5, {}, "n must be an integer >= 1, received 10.5"],
    [401, { populationSize: 400 }, "n must be an integer from 1 to the population size 400, received 401"],
  ])("rejects n = %s", (n, options, message) => {
    const error = errorOf(() => marginOfErrorForSampleSize(n, options));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(`marginOfErrorForSampleSize: ${message}`);
  });
});

describe("requiredSampleSize on margins too small for floating point", () => {
  it("refuses a margin whose sample size passes Number.MAX_SAFE_INTEGER, without hanging", () => {
    const started = Date.now();
    const error = errorOf(() => requiredSampleSize({ marginOfError: 1e-6 }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(
      "requiredSampleSize: marginOfError must need at most 9007199254740991 responses (Number.MAX_SAFE_INTEGER), received 0.000001, which needs about 3.84e+16",
    );
    const tiny = errorOf(() => requiredSampleSize({ marginOfError: 1e-300 }));
    expect(tiny.code).toBe("invalid_option");
    // The size overflows to Infinity: said in words, not as "Infinity".
    expect(tiny.message).toMatch(/received 1e-300, which needs more than any number can hold$/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("still answers just above the limit, and with a population asks for everyone", () => {
    expect(requiredSampleSize({ marginOfError: 1e-5 })).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    expect(requiredSampleSize({ marginOfError: 1e-300, populationSize: 5000 })).toBe(5000);
    expect(requiredSampleSize({ marginOfError: 1e-6, populationSize: Number.MAX_SAFE_INTEGER })).toBeLessThanOrEqual(
      Number.MAX_SAFE_INTEGER,
    );
  });
});
