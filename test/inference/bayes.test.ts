import { describe, expect, it } from "vitest";
import { bayesBounds } from "../../src/inference/bayes.js";
import { createRandom } from "../../src/internal/random.js";
import { bayesBoundsByQuadrature } from "./bayesReference.js";
import { BAYES_SCIPY } from "./fixtures/bayesScipy.js";
import { ORACLE } from "./fixtures/oracle.js";

/** Time limit of the tests that run thousands of cases through the reference quadrature (ms). */
const LONG_TEST = 60_000;

describe("bayesBounds", () => {
  for (const prior of ["jeffreys", "uniform"] as const) {
    it.each(ORACLE.ci)(`$id ($note) ${prior}: within 1e-6 points of the reference`, (c) => {
      const got = bayesBounds(c.counts, c.level, prior);
      const expected = prior === "jeffreys" ? c.bayesJeffreys : c.bayesUniform;
      expect(Math.abs(got.lower - expected.lower)).toBeLessThan(1e-6);
      expect(Math.abs(got.upper - expected.upper)).toBeLessThan(1e-6);
    });
  }

  it.each(BAYES_SCIPY)(
    "$counts.promoters/$counts.passives/$counts.detractors $prior at $level: within 1e-8 points of SciPy",
    (c) => {
      // Extreme samples (see the fixture). The reference quadrature is off by 3.8e-7 points on
      // 10412/8704/0 with the Jeffreys prior (no detractors beside thousands of promoters and passives).
      const got = bayesBounds(c.counts, c.level, c.prior);
      expect(Math.abs(got.lower - c.lower)).toBeLessThan(1e-8);
      expect(Math.abs(got.upper - c.upper)).toBeLessThan(1e-8);
    },
  );

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

describe("bayesBounds against the quadrature on a grid of counts from 10 to 10⁷ responses", () => {
  // Balanced and lopsided counts, from posteriors far from normal to nearly normal ones; bayesBounds
  // must agree with the reference quadrature to 1e-6 points.
  const grid: [number, number, number][] = [];
  for (const n of [10, 100, 1_000, 3_000, 10_000, 100_000, 1_000_000, 10_000_000]) {
    for (const [p, o] of [
      [0.5, 0.3],
      [0.3, 0.5],
      [0.1, 0.1],
      [0.9, 0.05],
      [0.02, 0.96],
      [0.33, 0.34],
      [0.98, 0.01],
    ] as const) {
      const promoters = Math.round(n * p);
      const passives = Math.round(n * o);
      grid.push([promoters, passives, n - promoters - passives]);
    }
    grid.push([n, 0, 0], [n, 3, 0], [n / 2, 0, n / 2]);
  }
  it.each(grid)("(%d, %d, %d): matches the quadrature within 1e-6 points at levels 0.8–0.999", (p, o, d) => {
    const counts = { promoters: p, passives: o, detractors: d };
    for (const prior of ["jeffreys", "uniform"] as const) {
      for (const level of [0.8, 0.95, 0.999]) {
        const fast = bayesBounds(counts, level, prior);
        const exact = bayesBoundsByQuadrature(counts, level, prior);
        expect(Math.abs(fast.lower - exact.lower)).toBeLessThan(1e-6);
        expect(Math.abs(fast.upper - exact.upper)).toBeLessThan(1e-6);
      }
    }
  });
});

describe("bayesBounds against the quadrature on small, one-sided and random samples", () => {
  // Small, one-sided and non-integer counts, where the posterior is far from normal: bayesBounds must
  // agree with the reference quadrature within 1e-6 points.
  const grid: [number, number, number][] = [
    [0, 0, 0],
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
    [2, 3, 0],
    [3, 2, 0],
    [9, 1, 0],
    [5, 3, 2],
    [0, 10, 0],
    [45, 30, 25],
    [2.5, 7.3, 0.2],
    [0.1, 0.2, 0.3],
    [1000, 3, 0],
    [1000, 0, 0],
    [5000, 10, 2],
    [1_000_000, 0, 1],
    [3, 0, 1_000_000],
    // Passive-heavy, θ near 0 (an earlier method, a saddle-point contour integral, failed here).
    [0, 297, 3],
    [0, 50, 3],
    [3, 3000, 5],
    [0, 1_000_000, 6],
  ];
  it.each(grid)("(%d, %d, %d): matches the quadrature within 1e-6 points at levels 0.8–0.999", (p, o, d) => {
    const counts = { promoters: p, passives: o, detractors: d };
    for (const prior of ["jeffreys", "uniform"] as const) {
      for (const level of [0.8, 0.9, 0.99, 0.999]) {
        const fast = bayesBounds(counts, level, prior);
        const exact = bayesBoundsByQuadrature(counts, level, prior);
        expect(Math.abs(fast.lower - exact.lower)).toBeLessThan(1e-6);
        expect(Math.abs(fast.upper - exact.upper)).toBeLessThan(1e-6);
      }
    }
  });

  it("reproduces the closed form of the uniform prior with no responses at several levels", () => {
    // Dirichlet(1, 1, 1): P(θ ≤ t) = (1 + t)²/2 for t ≤ 0, so the q-quantile is √(2q) − 1.
    for (const level of [0.8, 0.95, 0.999]) {
      const got = bayesBounds({ promoters: 0, passives: 0, detractors: 0 }, level, "uniform");
      const expected = 100 * (Math.sqrt(1 - level) - 1);
      expect(Math.abs(got.lower - expected)).toBeLessThan(1e-7);
      expect(got.upper).toBe(-got.lower);
    }
  });

  it("matches the quadrature within 1e-6 points for every sample of 1 to 12 responses", { timeout: LONG_TEST }, () => {
    // Every integer count vector with n ≤ 12, both priors, three levels.
    let worst = 0;
    for (let n = 1; n <= 12; n++) {
      for (let p = 0; p <= n; p++) {
        for (let d = 0; d <= n - p; d++) {
          const counts = { promoters: p, passives: n - p - d, detractors: d };
          for (const prior of ["jeffreys", "uniform"] as const) {
            for (const level of [0.8, 0.95, 0.999]) {
              const fast = bayesBounds(counts, level, prior);
              const exact = bayesBoundsByQuadrature(counts, level, prior);
              worst = Math.max(worst, Math.abs(fast.lower - exact.lower), Math.abs(fast.upper - exact.upper));
            }
          }
        }
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it("matches the quadrature within 1e-6 points on 1000 seeded random samples up to 200,000 responses", {
    timeout: LONG_TEST,
  }, () => {
    // Balanced, promoter-heavy and passive-heavy samples (an approximation once failed near θ = 0 for
    // counts like (0, 297, 3)), both priors, five levels.
    const random = createRandom(20261123);
    let worst = 0;
    for (let i = 0; i < 1000; i++) {
      const n = Math.floor(Math.exp(random.nextDouble() * Math.log(200_000))) + 1;
      const style = random.nextDouble();
      let promoters = Math.round(n * random.nextDouble());
      let passives = Math.round((n - promoters) * random.nextDouble());
      if (style < 0.2) passives = n - promoters - Math.floor(random.nextDouble() * 4);
      if (style > 0.8) {
        promoters = Math.floor(random.nextDouble() * 3);
        passives = n - promoters - Math.floor(random.nextDouble() * 5);
      }
      promoters = Math.min(Math.max(promoters, 0), n);
      passives = Math.min(Math.max(passives, 0), n - promoters);
      const counts = { promoters, passives, detractors: n - promoters - passives };
      const prior = random.nextDouble() < 0.5 ? "jeffreys" : "uniform";
      const level = [0.8, 0.9, 0.95, 0.99, 0.999][Math.floor(random.nextDouble() * 5)] ?? 0.95;
      const fast = bayesBounds(counts, level, prior);
      const exact = bayesBoundsByQuadrature(counts, level, prior);
      worst = Math.max(worst, Math.abs(fast.lower - exact.lower), Math.abs(fast.upper - exact.upper));
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it("stays accurate and ordered on extreme counts and levels (10⁻⁴ to 0.999999, up to 10¹² responses)", {
    timeout: LONG_TEST,
  }, () => {
    // Found by fuzzing an earlier method: a step below the resolution of log(1 + t) next to t = 1 once
    // sent the search to −1 (first case), and a normal expansion applied to a posterior of 10¹¹
    // passives, far from normal, put the lower limit above the upper one (second case).
    const found: Array<[number, number, number, number, "jeffreys" | "uniform"]> = [
      [27_596_322_495.601578, 1, 2.7268922328948974e-7, 0.0001, "jeffreys"],
      [0, 101_642_381_691.40234, 0, 0.999999, "jeffreys"],
      [129.6930215214274, 2.0374735887162386e-7, 7.014054220635444e-7, 0.999999, "uniform"],
      // A start far from the quantile once jumped to t = −1 in floating point (a limit of −100).
      [0, 0, 48_726_738, 0.9999, "jeffreys"],
    ];
    for (const [promoters, passives, detractors, level, prior] of found) {
      const counts = { promoters, passives, detractors };
      const fast = bayesBounds(counts, level, prior);
      const exact = bayesBoundsByQuadrature(counts, level, prior);
      expect(Math.abs(fast.lower - exact.lower)).toBeLessThan(1e-6);
      expect(Math.abs(fast.upper - exact.upper)).toBeLessThan(1e-6);
      expect(fast.lower).toBeLessThanOrEqual(fast.upper);
      expect(fast.lower).toBeGreaterThan(-100);
      expect(fast.upper).toBeLessThan(100);
    }
    const random = createRandom(7);
    const count = (): number => {
      const r = random.nextDouble();
      if (r < 0.15) return 0;
      if (r < 0.3) return Math.floor(random.nextDouble() * 5);
      if (r < 0.45) return random.nextDouble() * 2;
      if (r < 0.6) return random.nextDouble() * 1e-6;
      return Math.exp(random.nextDouble() * Math.log(1e12));
    };
    const levels = [1e-4, 0.01, 0.3, 0.5, 0.8, 0.95, 0.99, 0.999, 0.99999, 0.999999];
    for (let i = 0; i < 2000; i++) {
      const counts = { promoters: count(), passives: count(), detractors: count() };
      const level = levels[Math.floor(random.nextDouble() * levels.length)] ?? 0.95;
      const prior = random.nextDouble() < 0.5 ? "jeffreys" : "uniform";
      const got = bayesBounds(counts, level, prior);
      expect(Number.isFinite(got.lower) && Number.isFinite(got.upper)).toBe(true);
      expect(got.lower).toBeLessThanOrEqual(got.upper);
      expect(got.lower).toBeGreaterThan(-100 - 1e-9);
      expect(got.upper).toBeLessThan(100 + 1e-9);
    }
  });

  it("matches the quadrature on passive-heavy samples at levels whose limits fall near 0 (0.2–0.99)", () => {
    // Many passives and few promoters or detractors, limits next to 0. An earlier method (a contour
    // integral of the posterior's transform) was off by up to 1.5e-5 points here, e.g. (0, 67, 0.98)
    // with the Jeffreys prior at level 0.2.
    const random = createRandom(5);
    let worst = 0;
    for (let i = 0; i < 300; i++) {
      const passives = Math.round(Math.exp(Math.log(50) + random.nextDouble() * Math.log(2e5)));
      let promoters = random.nextDouble() < 0.4 ? 0 : random.nextDouble() * 5;
      let detractors = random.nextDouble() * 6;
      if (random.nextDouble() < 0.5) {
        promoters = Math.round(promoters);
        detractors = Math.round(detractors);
      }
      const counts = { promoters, passives, detractors };
      const level = [0.2, 0.5, 0.8, 0.95, 0.99][Math.floor(random.nextDouble() * 5)] ?? 0.5;
      const prior = random.nextDouble() < 0.5 ? "jeffreys" : "uniform";
      const fast = bayesBounds(counts, level, prior);
      const exact = bayesBoundsByQuadrature(counts, level, prior);
      worst = Math.max(worst, Math.abs(fast.lower - exact.lower), Math.abs(fast.upper - exact.upper));
    }
    expect(worst).toBeLessThan(1e-6);
    const known = bayesBounds({ promoters: 0, passives: 67, detractors: 0.9831810691393912 }, 0.2, "jeffreys");
    const exact = bayesBoundsByQuadrature(
      { promoters: 0, passives: 67, detractors: 0.9831810691393912 },
      0.2,
      "jeffreys",
    );
    expect(Math.abs(known.upper - exact.upper)).toBeLessThan(1e-7);
  });

  it("matches the quadrature at levels 0.9999 to 0.999999 on larger samples (far tails)", () => {
    // An earlier method, a normal expansion, was off by up to 1e-5 points at level 0.999999 here.
    const random = createRandom(17);
    let worst = 0;
    for (let i = 0; i < 300; i++) {
      const n = Math.exp(Math.log(100) + random.nextDouble() * Math.log(1e6));
      const promoterShare = random.nextDouble();
      const passiveShare = random.nextDouble() * (1 - promoterShare);
      const counts = {
        promoters: n * promoterShare,
        passives: n * passiveShare,
        detractors: n * (1 - promoterShare - passiveShare),
      };
      const level = [0.9999, 0.99999, 0.999999][Math.floor(random.nextDouble() * 3)] ?? 0.9999;
      const prior = random.nextDouble() < 0.5 ? "jeffreys" : "uniform";
      const fast = bayesBounds(counts, level, prior);
      const exact = bayesBoundsByQuadrature(counts, level, prior);
      worst = Math.max(worst, Math.abs(fast.lower - exact.lower), Math.abs(fast.upper - exact.upper));
    }
    expect(worst).toBeLessThan(1e-6);
  });
});
