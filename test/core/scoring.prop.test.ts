import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classify,
  distribution,
  mergeTallies,
  nps,
  roundScore,
  shares,
  tally,
  tallyResponses,
} from "../../src/index.js";

const score = fc.integer({ min: 0, max: 10 });
const scores = fc.array(score, { maxLength: 300 });
const nonEmptyScores = fc.array(score, { minLength: 1, maxLength: 300 });
const weight = fc.double({ min: 0.01, max: 100, noNaN: true });

/** The naive definition, written independently of the library: count with filter, divide once. */
function naiveNps(values: ReadonlyArray<number>): number {
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  return (100 * (promoters - detractors)) / values.length;
}

describe("NPS properties", () => {
  it("NPS stays within −100..100", () => {
    fc.assert(
      fc.property(nonEmptyScores, (values) => {
        const value = nps(values) as number;
        expect(value).toBeGreaterThanOrEqual(-100);
        expect(value).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("weighted NPS stays within −100..100", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(score, weight), { minLength: 1, maxLength: 200 }), (pairs) => {
        const value = nps(
          tally(
            pairs.map((p) => p[0]),
            { weights: pairs.map((p) => p[1]) },
          ),
        ) as number;
        expect(value).toBeGreaterThanOrEqual(-100);
        expect(value).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("NPS equals the naive definition computed from the scores", () => {
    fc.assert(
      fc.property(nonEmptyScores, (values) => {
        expect(nps(values)).toBe(naiveNps(values));
      }),
    );
  });

  it("NPS does not change when responses are reordered", () => {
    fc.assert(
      fc.property(nonEmptyScores, fc.func(fc.integer()), (values, key) => {
        const shuffled = [...values].sort((a, b) => key(a) - key(b) || a - b);
        expect(nps(shuffled)).toBe(nps(values));
      }),
    );
  });

  it("tallying two batches and merging equals tallying both", () => {
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        expect(mergeTallies(tally(a), tally(b))).toEqual(tally([...a, ...b]));
      }),
    );
  });

  it("merging weighted batches equals tallying both (up to floating-point addition order)", () => {
    const batch = fc.array(fc.tuple(score, weight), { maxLength: 50 });
    fc.assert(
      fc.property(batch, batch, (a, b) => {
        const weighted = (pairs: typeof a) => tallyResponses(pairs.map(([s, w]) => ({ score: s, weight: w })));
        const merged = mergeTallies(weighted(a), weighted(b));
        const direct = weighted([...a, ...b]);
        if (a.length + b.length === 0) return;
        expect(merged.weighted?.counts).toEqual(direct.weighted?.counts);
        expect(merged.promoters).toBeCloseTo(direct.promoters, 9);
        expect(merged.detractors).toBeCloseTo(direct.detractors, 9);
      }),
    );
  });

  it("all promoters give 100 and all detractors −100", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 9, max: 10 }), { minLength: 1 }), (values) => {
        expect(nps(values)).toBe(100);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1 }), (values) => {
        expect(nps(values)).toBe(-100);
      }),
    );
  });

  it("adding a promoter never lowers NPS and adding a detractor never raises it", () => {
    fc.assert(
      fc.property(nonEmptyScores, fc.integer({ min: 9, max: 10 }), fc.integer({ min: 0, max: 6 }), (values, p, d) => {
        const before = nps(values) as number;
        expect(nps([...values, p])).toBeGreaterThanOrEqual(before);
        expect(nps([...values, d])).toBeLessThanOrEqual(before);
      }),
    );
  });

  it("every score falls in exactly one category, and the distribution adds up to the tally", () => {
    fc.assert(
      fc.property(scores, (values) => {
        const counts = tally(values);
        expect(counts.promoters + counts.passives + counts.detractors).toBe(values.length);
        const entries = distribution(values);
        for (const category of ["promoter", "passive", "detractor"] as const) {
          const fromDistribution = entries
            .filter((entry) => entry.category === category)
            .reduce((sum, entry) => sum + entry.count, 0);
          expect(fromDistribution).toBe(values.filter((v) => classify(v) === category).length);
        }
      }),
    );
  });

  it("shares add up to one and NPS is 100 × (promoter share − detractor share)", () => {
    fc.assert(
      fc.property(nonEmptyScores, (values) => {
        const s = shares(tally(values));
        if (s === undefined) throw new Error("unexpected empty tally");
        expect(s.promoters + s.passives + s.detractors).toBeCloseTo(1, 12);
        expect(100 * (s.promoters - s.detractors)).toBeCloseTo(nps(values) as number, 10);
      }),
    );
  });

  it("scores outside 0..10 or not integers are always rejected", () => {
    const bad = fc.oneof(
      fc.integer({ min: 11 }),
      fc.integer({ max: -1 }),
      fc.double({ noInteger: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    );
    fc.assert(
      fc.property(scores, bad, scores, (before, value, after) => {
        expect(() => nps([...before, value, ...after])).toThrow(`received ${String(value)} at index ${before.length}`);
      }),
    );
  });
});

describe("roundScore properties", () => {
  it("roundScore never returns −0", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (value, decimals) => {
          expect(Object.is(roundScore(value, decimals), -0)).toBe(false);
        },
      ),
    );
  });

  it("roundScore is symmetric around zero and within half a unit of the value", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (value, decimals) => {
          const rounded = roundScore(value, decimals);
          const mirrored = roundScore(-value, decimals);
          expect(rounded === 0 ? 0 : -rounded).toBe(mirrored);
          expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals * (1 + 1e-9) + 1e-9);
        },
      ),
    );
  });
});
