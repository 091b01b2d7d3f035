import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { themes } from "../../src/text/index.js";

const WORDS = ["queue", "price", "staff", "plant", "parking", "fine", "__proto__", "constructor"];
const responseArbitrary = fc.record({
  score: fc.integer({ min: 0, max: 10 }),
  comment: fc.option(
    fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((words) => words.join(" ")),
    {
      nil: undefined,
    },
  ),
});

describe("themes, properties", () => {
  it("the impacts of themes no comment shares add up to the impact of their union", () => {
    fc.assert(
      fc.property(
        fc.array(responseArbitrary, { minLength: 1, maxLength: 60 }),
        fc.constantFrom("other-commenters" as const, "everyone-else" as const),
        (responses, compareWith) => {
          // "queue" and "price" are disjoint once each comment holds only one of them.
          const disjoint = responses.map((response) => ({
            ...response,
            comment: response.comment?.replace(/\bprice\b/g, response.comment.includes("queue") ? "fine" : "price"),
          }));
          const options = { removeStopWords: false, compareWith, excerpts: 0 };
          // The same baseline: every theme set mentions the same words overall (queue, price, staff).
          const apart = themes(disjoint, {
            ...options,
            themes: [
              { name: "Queue", keywords: ["queue"] },
              { name: "Price", keywords: ["price"] },
              { name: "Staff", keywords: ["staff"] },
            ],
          });
          const together = themes(disjoint, {
            ...options,
            themes: [
              { name: "Queue or price", keywords: ["queue", "price"] },
              { name: "Staff", keywords: ["staff"] },
            ],
          });
          const [queue, price] = apart.themes;
          const union = together.themes[0];
          if (union?.impact === undefined) {
            expect(queue?.impact).toBeUndefined();
            return;
          }
          expect(Math.abs((queue?.impact ?? 0) + (price?.impact ?? 0) - union.impact)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it("mentions per category add up to the mentions, and every share lies in [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(responseArbitrary, { maxLength: 60 }), (responses) => {
        const result = themes(responses, {
          removeStopWords: false,
          themes: WORDS.map((word) => ({ name: word, keywords: [word] })),
        });
        for (const theme of result.themes) {
          const { detractors, passives, promoters } = theme.byCategory;
          expect(detractors.mentions + passives.mentions + promoters.mentions).toBe(theme.mentions);
          expect(theme.share).toBeGreaterThanOrEqual(0);
          expect(theme.share).toBeLessThanOrEqual(1);
          const tally = theme.mentioners;
          expect(tally.detractors + tally.passives + tally.promoters).toBe(theme.mentions);
          if (theme.adjustedPValue !== undefined) {
            expect(theme.adjustedPValue).toBeGreaterThanOrEqual(theme.comparison?.pValue ?? 0);
            expect(theme.adjustedPValue).toBeLessThanOrEqual(1);
          }
        }
        const c = result.comments;
        expect(c.detractors + c.passives + c.promoters + result.emptyComments).toBe(responses.length);
      }),
    );
  });
});
