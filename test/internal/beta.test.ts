import { describe, expect, it } from "vitest";
import {
  betaDensity,
  betaPowerTerm,
  inverseRegularizedBeta,
  logBeta,
  logGamma,
  regularizedBeta,
} from "../../src/internal/beta.js";
import { LOG_BETA, LOG_GAMMA, REGULARIZED_BETA } from "./fixtures/beta-reference.js";

describe("logGamma", () => {
  it.each(LOG_GAMMA)("log Γ(%d) matches mpmath", (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));
  });

  it("satisfies Γ(x + 1) = x·Γ(x) across the switch to Stirling's series", () => {
    for (const x of [0.25, 3.3, 8.9, 9.5, 9.999, 10.2, 55.5]) {
      expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(1e-13);
    }
  });
});

describe("logBeta", () => {
  it.each(LOG_BETA)("log B(%d, %d) matches mpmath", (a, b, expected) => {
    expect(Math.abs(logBeta(a, b) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
    expect(logBeta(b, a)).toBe(logBeta(a, b));
  });
});

describe("regularizedBeta", () => {
  it.each(REGULARIZED_BETA)("I_x(%d, %d) at x = %d matches mpmath", (a, b, x, value, complement) => {
    const got = regularizedBeta(a, b, x, 1 - x);
    // absolute 1e-12 everywhere; relative 1e-9 on the smaller of I and 1 − I (the tail)
    expect(Math.abs(got - value)).toBeLessThan(1e-12);
    if (value < 0.5) expect(Math.abs(got - value)).toBeLessThanOrEqual(1e-9 * value);
    else expect(Math.abs(1 - got - complement)).toBeLessThanOrEqual(1e-9 * complement + 1e-15);
  });

  it("has exact closed forms: I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b", () => {
    for (const x of [1e-9, 0.1, 0.5, 0.77, 0.999]) {
      expect(Math.abs(regularizedBeta(1, 1, x) - x)).toBeLessThan(2e-15);
      expect(Math.abs(regularizedBeta(2.5, 1, x) - x ** 2.5)).toBeLessThan(1e-15);
      expect(Math.abs(regularizedBeta(1, 3.5, x) - (1 - (1 - x) ** 3.5))).toBeLessThan(1e-15);
    }
  });

  it("is 0 at x = 0, 1 at x = 1, and uses the given complement near 1", () => {
    expect(regularizedBeta(2, 3, 0)).toBe(0);
    expect(regularizedBeta(2, 3, 1, 0)).toBe(1);
    // I_x(1, b) = 1 − y^b with y = 1 − x = 1e-20: only the complement carries the information.
    const y = 1e-20;
    expect(1 - regularizedBeta(1, 0.5, 1 - y, y)).toBeCloseTo(1e-10, 16);
    expect(regularizedBeta(0.5, 1, 1 - y, y)).toBe(1);
  });
});

describe("betaPowerTerm and betaDensity", () => {
  it("agree with the direct formula for moderate parameters", () => {
    for (const [a, b, x] of [
      [0.5, 0.5, 0.3],
      [2, 3, 0.4],
      [12, 15, 0.45],
      [30, 11, 0.7],
    ] as const) {
      const direct = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
      expect(Math.abs(betaPowerTerm(a, b, x, 1 - x) / direct - 1)).toBeLessThan(1e-13);
      expect(Math.abs(betaDensity(a, b, x, 1 - x) / (direct / (x * (1 - x))) - 1)).toBeLessThan(1e-13);
    }
  });

  it("integrates to about 1 (midpoint rule) for a large-parameter density", () => {
    const a = 500000.5;
    const b = 300000.5;
    const mean = a / (a + b);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    let sum = 0;
    const step = sd / 50;
    for (let x = mean - 12 * sd; x < mean + 12 * sd; x += step) sum += betaDensity(a, b, x, 1 - x) * step;
    expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
  });

  it("gives the edge limits at 0 and 1", () => {
    expect(betaDensity(0.5, 2, 0, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(betaDensity(2, 2, 0, 1)).toBe(0);
    expect(betaDensity(1, 3, 0, 1)).toBeCloseTo(3, 12);
    expect(betaPowerTerm(2, 2, 0, 1)).toBe(0);
  });
});

describe("inverseRegularizedBeta", () => {
  it.each(REGULARIZED_BETA.filter(([, , , value]) => value > 1e-300 && value < 0.999))(
    "inverts I_x(%d, %d) at x = %d",
    (a, b, x, value) => {
      const q = inverseRegularizedBeta(a, b, value);
      // the quantile is only as well determined as p is: compare I(q) with p, relatively
      const back = regularizedBeta(a, b, q, 1 - q);
      expect(Math.abs(back - value)).toBeLessThanOrEqual(1e-11 * value + 1e-13);
      expect(Math.abs(q - x)).toBeLessThan(1e-6 * x);
    },
  );

  it("finds tiny tail quantiles (1e-17) for skewed and large parameters", () => {
    for (const [a, b] of [
      [0.5, 0.5],
      [1, 10.5],
      [11, 0.5],
      [700000.5, 300000.5],
    ] as const) {
      const q = inverseRegularizedBeta(a, b, 1e-17);
      expect(Math.abs(regularizedBeta(a, b, q, 1 - q) / 1e-17 - 1)).toBeLessThan(1e-9);
    }
  });

  it("maps 0 to 0, 1 to 1 and mirrors p > ½", () => {
    expect(inverseRegularizedBeta(2, 3, 0)).toBe(0);
    expect(inverseRegularizedBeta(2, 3, 1)).toBe(1);
    expect(inverseRegularizedBeta(2, 3, 0.9)).toBeCloseTo(1 - inverseRegularizedBeta(3, 2, 0.1), 14);
    expect(inverseRegularizedBeta(1, 1, 0.25)).toBeCloseTo(0.25, 14);
  });
});
