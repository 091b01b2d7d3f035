import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AttributeValue, NpsResponse } from "../../src/core/response.js";
import { tallyResponses } from "../../src/core/tallyResponses.js";
import { decomposeChange } from "../../src/segments/decomposeChange.js";
import { groupResponses } from "../../src/segments/groupResponses.js";
import { segmentBy } from "../../src/segments/segmentBy.js";
import { segmentContributions } from "../../src/segments/segmentContributions.js";

const keyValue: fc.Arbitrary<AttributeValue | undefined> = fc.oneof(
  fc.constantFrom("a", "b", "__proto__", "constructor", "", "🙂", "1"),
  fc.constantFrom(1, 0, -2.5, true, false, null),
  fc.constant(undefined),
);

const response = (weighted: boolean): fc.Arbitrary<NpsResponse> =>
  fc
    .record({ score: fc.integer({ min: 0, max: 10 }), key: keyValue, weight: fc.integer({ min: 1, max: 5 }) })
    .map(({ score, key, weight }) => {
      const attributes = Object.create(null) as Record<string, AttributeValue>;
      if (key !== undefined) attributes.plan = key;
      return weighted ? { score, weight, attributes } : { score, attributes };
    });

const responses = (weighted = false) =>
  fc
    .array(response(weighted), { minLength: 1, maxLength: 60 })
    .filter((list) => list.some((r) => r.attributes && "plan" in r.attributes));

describe("segment properties", () => {
  it("every response is in exactly one segment or reported as left out", () => {
    fc.assert(
      fc.property(responses(), (list) => {
        const { groups, leftOut } = groupResponses(list, "plan");
        const seen = [...groups.flatMap((group) => group.indices), ...leftOut].sort((a, b) => a - b);
        expect(seen).toEqual(list.map((_, i) => i));
      }),
    );
  });

  it("segment tallies add up to the overall tally of the segmented responses", () => {
    fc.assert(
      fc.property(responses(), (list) => {
        const result = segmentBy(list, "plan");
        const kept = list.filter((_, i) => !(result.leftOutIndices ?? []).includes(i));
        const overall = tallyResponses(kept);
        const sum = { promoters: 0, passives: 0, detractors: 0 };
        for (const segment of result.segments) {
          sum.promoters += segment.tally.promoters;
          sum.passives += segment.tally.passives;
          sum.detractors += segment.tally.detractors;
        }
        expect(sum).toEqual(overall);
        expect(result.segments.reduce((total, segment) => total + segment.n, 0) + result.leftOut).toBe(list.length);
      }),
    );
  });

  it("contributions add up to the overall NPS (weighted too)", () => {
    fc.assert(
      fc.property(fc.boolean().chain(responses), (list) => {
        const result = segmentContributions(list, "plan");
        const sum = result.segments.reduce((total, segment) => total + segment.contribution, 0);
        expect(Math.abs(sum - (result.nps as number))).toBeLessThan(1e-9);
      }),
    );
  });

  it("mix and rate effects add up to the total change", () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((w) => fc.tuple(responses(w), responses(w))),
        ([before, after]) => {
          const result = decomposeChange(before, after, "plan");
          if (result === undefined) return;
          const sum = result.segments.reduce((total, s) => total + s.mixEffect + s.rateEffect, 0);
          expect(Math.abs(sum - result.change)).toBeLessThan(1e-9);
          expect(Math.abs(result.mixEffect + result.rateEffect - result.change)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it("reordering the responses changes nothing but the left-out indices", () => {
    fc.assert(
      fc.property(
        responses().chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          const a = segmentBy(list, "plan", { minResponses: 3 });
          const b = segmentBy(shuffled, "plan", { minResponses: 3 });
          expect(b.segments).toEqual(a.segments);
          expect(b.total).toEqual(a.total);
          expect(b.leftOut).toBe(a.leftOut);
        },
      ),
    );
  });

  it("Holm-adjusted p-values are never below the raw ones", () => {
    fc.assert(
      fc.property(responses(), (list) => {
        for (const segment of segmentBy(list, "plan").segments) {
          const comparison = segment.vsRest;
          if (comparison?.pValue === undefined) continue;
          expect(comparison.adjustedPValue as number).toBeGreaterThanOrEqual(comparison.pValue);
          expect(comparison.adjustedPValue as number).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
