import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type DistinctiveTermsOptions, distinctiveTerms } from "../../src/text/index.js";
import { errorOf } from "../helpers/errors.js";

const fixtures = join(import.meta.dirname, "fixtures");
const corpus = JSON.parse(readFileSync(join(fixtures, "fightin_words_corpus.json"), "utf8")) as Array<{
  score: number;
  comment?: string;
}>;
interface ReferenceTerm {
  term: string;
  counts: [number, number, number];
  logOdds: number;
  variance: number;
  zScore: number;
}
const expected = JSON.parse(readFileSync(join(fixtures, "fightin_words_expected.json"), "utf8")) as {
  cases: Array<{
    settings: {
      ngrams: "unigrams" | "both";
      counting: "comments" | "occurrences";
      minCount: number;
      priorStrength: number | null;
    };
    result: { vocabulary: number; priorStrength: number; groups: Array<{ termTotal: number; terms: ReferenceTerm[] }> };
  }>;
};

const close = (actual: number, wanted: number): boolean =>
  Math.abs(actual - wanted) <= 1e-9 * Math.max(1, Math.abs(wanted));

describe("distinctiveTerms against the Python reference (fixtures/fightin_words.py)", () => {
  for (const { settings, result } of expected.cases) {
    it(`${settings.ngrams}, counting ${settings.counting}, minCount ${settings.minCount}, prior ${settings.priorStrength ?? "n"}`, () => {
      const options: DistinctiveTermsOptions = {
        ngrams: settings.ngrams,
        counting: settings.counting,
        minCount: settings.minCount,
        removeStopWords: false,
        minLength: 1,
        ...(settings.priorStrength === null ? {} : { priorStrength: settings.priorStrength }),
      };
      const actual = distinctiveTerms(corpus, options);
      expect(actual?.vocabulary).toBe(result.vocabulary);
      expect(actual?.priorStrength).toBe(result.priorStrength);
      result.groups.forEach((group, i) => {
        const mine = actual?.groups[i];
        expect(mine?.termTotal).toBe(group.termTotal);
        const byTerm = new Map(mine?.terms.map((term) => [term.term, term]));
        expect(byTerm.size).toBe(group.terms.length);
        for (const reference of group.terms) {
          const term = byTerm.get(reference.term);
          expect(term, reference.term).toBeDefined();
          expect([term?.counts.detractors, term?.counts.passives, term?.counts.promoters]).toEqual(reference.counts);
          expect(close(term?.logOdds ?? Number.NaN, reference.logOdds), `${reference.term} logOdds`).toBe(true);
          expect(close(term?.variance ?? Number.NaN, reference.variance), `${reference.term} variance`).toBe(true);
          expect(close(term?.zScore ?? Number.NaN, reference.zScore), `${reference.term} z`).toBe(true);
        }
      });
    });
  }

  it("counts __proto__ and constructor like any word", () => {
    const result = distinctiveTerms(corpus, { removeStopWords: false, minCount: 1, ngrams: "unigrams" });
    const terms = result?.groups[0]?.terms.map((term) => term.term) ?? [];
    expect(terms).toContain("__proto__");
    expect(terms).toContain("constructor");
  });
});

describe("distinctiveTerms", () => {
  const responses = [
    { score: 2, comment: "long queue at the till" },
    { score: 3, comment: "queue too long" },
    { score: 10, comment: "friendly staff" },
    { score: 9, comment: "staff friendly and helpful" },
    { score: 8, comment: "fine" },
    { score: 9 },
    { score: 9, comment: "  " },
  ];
  it("sorts each group by z-score and says which group a term marks", () => {
    const result = distinctiveTerms(responses, { minCount: 2, ngrams: "unigrams" });
    const detractors = result?.groups[0];
    expect(detractors?.category).toBe("detractor");
    expect(detractors?.terms.map((term) => [term.term, term.marks])).toEqual([
      ["long", "detractor"],
      ["queue", "detractor"],
      ["friendly", "rest"],
      ["staff", "rest"],
    ]);
    expect(result?.comments).toEqual({ detractors: 2, passives: 1, promoters: 2 });
    expect(result?.responses).toEqual({ detractors: 2, passives: 1, promoters: 4 });
    expect(result?.emptyComments).toBe(2);
  });
  it("keeps the first terms of each group with limit", () => {
    const result = distinctiveTerms(responses, { minCount: 2, ngrams: "unigrams", limit: 1 });
    expect(result?.groups.map((group) => group.terms.length)).toEqual([1, 1, 1]);
  });
  it("is undefined when fewer than two terms reach the minimum count", () => {
    expect(distinctiveTerms([{ score: 9, comment: "great" }])).toBeUndefined();
    expect(distinctiveTerms([])).toBeUndefined();
  });
  it("rejects a score off the scale and bad options", () => {
    const score = errorOf(() => distinctiveTerms([{ score: 11, comment: "x" }]));
    expect(score.code).toBe("invalid_score");
    expect(score.message).toBe("distinctiveTerms: responses[0].score must be an integer from 0 to 10, received 11");
    const prior = errorOf(() => distinctiveTerms(responses, { priorStrength: 0 }));
    expect(prior.code).toBe("invalid_option");
    expect(prior.message).toBe("distinctiveTerms: priorStrength must be a finite number greater than 0, received 0");
  });
});
