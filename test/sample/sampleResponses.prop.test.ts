import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleResponses } from "../../src/index.js";

describe("sampleResponses properties", () => {
  it("any seed and size give exactly size valid responses, dated inside the period, oldest first", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 0, max: 300 }), (seed, size) => {
        const responses = sampleResponses({ seed, size });
        expect(responses).toHaveLength(size);
        let previous = Number.NEGATIVE_INFINITY;
        for (const response of responses) {
          expect(Number.isInteger(response.score) && response.score >= 0 && response.score <= 10).toBe(true);
          const time = response.date?.getTime() ?? Number.NaN;
          expect(time >= Date.UTC(2024, 11, 1) && time < Date.UTC(2026, 11, 1)).toBe(true);
          expect(time).toBeGreaterThanOrEqual(previous);
          previous = time;
        }
      }),
      { numRuns: 50 },
    );
  });

  it("a smaller sample of the same seed is drawn from the same customers (the first ones)", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const ids = new Set(sampleResponses({ seed, size: 400 }).map((response) => response.respondentId));
        const fewer = sampleResponses({ seed, size: 100 });
        expect(fewer.every((response) => ids.has(response.respondentId))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
