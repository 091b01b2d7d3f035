import { describe, expect, it } from "vitest";
import type { NpsResponse } from "../../src/core/response.js";
import { categoryIndependence } from "../../src/segments/categoryIndependence.js";
import { scoreAssociation } from "../../src/segments/scoreAssociation.js";
import reference from "./fixtures/reference.json" with { type: "json" };
import { block, thrown } from "./helpers.js";

// Reference values: R 4.2.2, test/segments/fixtures/reference.R (calls stored next to each value).

function tableResponses(table: number[][]): NpsResponse[] {
  return table.flatMap((row, i) => block({ segment: `s${i}` }, row[0] ?? 0, row[1] ?? 0, row[2] ?? 0));
}

describe("categoryIndependence", () => {
  it.each(reference.chisq)("matches R chisq.test for $name", (entry) => {
    const result = categoryIndependence(tableResponses(entry.table), "segment");
    expect(result.df).toBe(entry.df);
    expect(Math.abs((result.statistic as number) - entry.statistic)).toBeLessThan(1e-12 * entry.statistic);
    expect(Math.abs((result.pValue as number) - entry.pValue) / entry.pValue).toBeLessThan(1e-11);
    expect(result.smallExpected).toBe(entry.smallExpected);
    expect(result.warning !== undefined).toBe(entry.warning);
  });

  it("drops categories with a zero total and says which were kept", () => {
    const result = categoryIndependence(
      tableResponses([
        [20, 0, 5],
        [10, 0, 15],
      ]),
      "segment",
    );
    expect(result.categories).toEqual(["promoters", "detractors"]);
    expect(result.df).toBe(1);
    expect(result.rows[0]?.expected.passives).toBe(0);
  });

  it("warns about small expected counts", () => {
    const result = categoryIndependence(
      tableResponses([
        [3, 1, 2],
        [1, 4, 0],
      ]),
      "segment",
    );
    expect(result.warning).toBe(
      "chi-square approximation may be inaccurate: 6 of 6 expected counts are below 5 (smallest 0.909)",
    );
  });

  it("has no test with a single segment or a single category", () => {
    const one = categoryIndependence(block({ segment: "a" }, 5, 3, 2), "segment");
    expect([one.statistic, one.pValue, one.df, one.warning]).toEqual([undefined, undefined, 0, undefined]);
    const flat = categoryIndependence(
      tableResponses([
        [5, 0, 0],
        [7, 0, 0],
      ]),
      "segment",
    );
    expect(flat.statistic).toBeUndefined();
  });

  it("uses effective counts for weighted responses", () => {
    const weighted = [...block({ segment: "a" }, 10, 5, 5, 2), ...block({ segment: "b" }, 5, 10, 5, 2)];
    const unweighted = [...block({ segment: "a" }, 10, 5, 5), ...block({ segment: "b" }, 5, 10, 5)];
    const a = categoryIndependence(weighted, "segment");
    const b = categoryIndependence(unweighted, "segment");
    expect(a.weighted).toBe(true);
    expect(a.statistic).toBeCloseTo(b.statistic as number, 12);
    expect(a.rows[0]?.n).toBe(20);
  });

  it("rejects an attribute that does not exist", () => {
    const error = thrown(() => categoryIndependence(block({ plan: "a" }, 1, 1, 1), "segment"));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe('categoryIndependence: attribute "segment" does not exist; attributes are: plan');
  });
});

describe("scoreAssociation", () => {
  it.each(reference.spearman)("matches R cor.test(method = 'spearman', exact = FALSE) for $name", (entry) => {
    const responses = entry.score.map((score, i) => ({ score, attributes: { value: entry.value[i] ?? null } }));
    const result = scoreAssociation(responses, "value");
    expect(result.n).toBe(entry.score.length);
    expect(result.rho).toBeCloseTo(entry.rho, 13);
    expect(Math.abs((result.pValue as number) - entry.pValue) / entry.pValue).toBeLessThan(1e-10);
  });

  it("gives undefined figures when there is no ranking", () => {
    const constant = [3, 5, 9].map((score) => ({ score, attributes: { value: 1 } }));
    expect(scoreAssociation(constant, "value")).toEqual({
      kind: "score-association",
      n: 3,
      leftOut: 0,
      df: 1,
      rho: undefined,
      statistic: undefined,
      pValue: undefined,
    });
    expect(scoreAssociation([{ score: 3, attributes: { value: 1 } }], "value").rho).toBeUndefined();
    expect(scoreAssociation([], (response) => response.score).n).toBe(0);
  });

  it("gives p = 0 for a perfect rank correlation", () => {
    const perfect = [1, 2, 3, 4].map((score) => ({ score, attributes: { value: score * 10 } }));
    expect(scoreAssociation(perfect, "value")).toMatchObject({ rho: 1, statistic: undefined, pValue: 0 });
  });

  it("rejects invalid scores", () => {
    const error = thrown(() => scoreAssociation([{ score: 12, attributes: { value: 1 } }], "value"));
    expect(error.code).toBe("invalid_score");
    expect(error.message).toBe("scoreAssociation: score must be an integer from 0 to 10, received 12 at index 0");
  });
});
