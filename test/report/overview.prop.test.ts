import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatOverviewText, overview } from "../../src/index.js";

const responses = fc.array(
  fc.record(
    {
      score: fc.integer({ min: 0, max: 10 }),
      weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
    },
    { requiredKeys: ["score"] },
  ),
  { maxLength: 200 },
);
const unweighted = fc.array(fc.record({ score: fc.integer({ min: 0, max: 10 }) }), { maxLength: 200 });

describe("overview properties", () => {
  it("the distribution counts add up to the number of responses, and the categories to the tally", () => {
    fc.assert(
      fc.property(unweighted, (list) => {
        const result = overview({ responses: list });
        const counts = result.distribution.map((entry) => entry.count);
        expect(counts.reduce((sum, count) => sum + count, 0)).toBe(list.length);
        const sumOf = (category: string) =>
          result.distribution
            .filter((entry) => entry.category === category)
            .reduce((sum, entry) => sum + entry.count, 0);
        expect(result.tally).toEqual({
          promoters: sumOf("promoter"),
          passives: sumOf("passive"),
          detractors: sumOf("detractor"),
        });
      }),
    );
  });

  it("the NPS lies within its interval's clipped range and within −100..100, and is absent exactly when there are no responses", () => {
    fc.assert(
      fc.property(unweighted, (list) => {
        const result = overview({ responses: list });
        expect(result.nps === undefined).toBe(list.length === 0);
        if (result.nps === undefined) return;
        expect(result.nps).toBeGreaterThanOrEqual(-100);
        expect(result.nps).toBeLessThanOrEqual(100);
        const interval = result.interval;
        expect(interval?.lower).toBeGreaterThanOrEqual(-100);
        expect(interval?.upper).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("any overview survives a JSON round trip and its text never exceeds 80 columns nor shows NaN", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          responses.filter(
            (list) => list.every((r) => r.weight !== undefined) || list.every((r) => r.weight === undefined),
          ),
          unweighted,
        ),
        (list) => {
          const result = overview({ responses: list });
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
          const text = formatOverviewText(result);
          expect(text).not.toContain("NaN");
          expect(text).not.toContain("undefined%");
          for (const line of text.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
        },
      ),
      { numRuns: 100 },
    );
  });
});
