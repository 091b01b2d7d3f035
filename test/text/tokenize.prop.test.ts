import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTerms, tokenize } from "../../src/text/index.js";

/** Characters of the tokenizer's fast path, weighted towards the ones with word-break rules. */
const fastChar = fc.constantFrom(..."abcdeéèàçñüßœABCÉ0123456789_ .,;:'’!?-()\"\n\t€$%@#/".split(""));

describe("tokenize, properties", () => {
  it("the fast path finds the same words as Intl.Segmenter", () => {
    const segmenter = new Intl.Segmenter("en", { granularity: "word" });
    fc.assert(
      fc.property(
        fc.array(fastChar, { maxLength: 40 }).map((chars) => chars.join("")),
        (text) => {
          const lower = text.toLocaleLowerCase("en").normalize("NFC");
          const viaSegmenter = [...segmenter.segment(lower)]
            .filter((part) => part.isWordLike)
            .flatMap((part) => part.segment.split(/[.:]/))
            .map((word) => word.replace(/\u2019/g, "'"))
            .filter((word) => /\p{L}/u.test(word) && [...word].length >= 1);
          expect(tokenize(text, { removeStopWords: false, accents: "keep", minLength: 1 })).toEqual(viaSegmenter);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("stripping accents through the table gives the same words as NFD on the whole comment", () => {
    const latin = fc.integer({ min: 0x20, max: 0x24f }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(latin, fc.constant(" ")), { maxLength: 40 }).map((chars) => chars.join("")),
        (text) => {
          const viaNfd = text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
          const options = { removeStopWords: false, repair: false, minLength: 1 } as const;
          expect(tokenize(text, options)).toEqual(tokenize(viaNfd, { ...options, accents: "keep" }));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("every word is lower case, has a letter, and is never a stop word", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        for (const word of tokenize(text, { language: "fr" })) {
          expect(word).toBe(word.toLocaleLowerCase("fr"));
          expect(/\p{L}/u.test(word)).toBe(true);
          expect(["les", "de", "est"]).not.toContain(word);
        }
      }),
    );
  });

  it("a term counted once per comment is counted at most once per comment", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .array(fc.constantFrom("wait", "long", "staff", "__proto__", "constructor"), { maxLength: 6 })
            .map((w) => w.join(" ")),
          { maxLength: 20 },
        ),
        (comments) => {
          const counts = countTerms(comments, { minCount: 1, removeStopWords: false });
          for (const { count } of counts.terms) expect(count).toBeLessThanOrEqual(counts.comments);
        },
      ),
    );
  });
});
