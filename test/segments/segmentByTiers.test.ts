import { quantileSorted } from "simple-statistics";
import { describe, expect, it } from "vitest";
import type { NpsResponse } from "../../src/core/response.js";
import { segmentByTiers } from "../../src/segments/segmentByTiers.js";
import { thrown } from "./helpers.js";

const spends = [-12.5, 0, 10, 30, 30, 45, 60, 80, 100, 250, 400, 1000];
const responses: NpsResponse[] = [
  ...spends.map((spend, i) => ({ score: i % 11, attributes: { spend } })),
  { score: 9, attributes: { spend: null } },
  { score: 9, attributes: { spend: "12" } },
  { score: 9 },
];

describe("segmentByTiers", () => {
  it("makes quartiles with R type-7 quantiles, labels showing the bounds", () => {
    const result = segmentByTiers(responses, "spend", { minResponses: 1 });
    const sorted = [...spends].sort((a, b) => a - b);
    const cuts = [0.25, 0.5, 0.75].map((p) => quantileSorted(sorted, p));
    expect(result.tiering).toBe("quantiles");
    expect(result.cutPoints).toEqual(cuts);
    expect(cuts).toEqual([25, 52.5, 137.5]);
    expect(result.segments.map((tier) => tier.label)).toEqual([
      "Q1 [-12.5, 25)",
      "Q2 [25, 52.5)",
      "Q3 [52.5, 137.5)",
      "Q4 [137.5, 1000]",
    ]);
    expect(result.segments.map((tier) => tier.n)).toEqual([3, 3, 3, 3]);
    expect(result.segments.map((tier) => [tier.key, tier.lower, tier.upper])).toEqual([
      [1, -12.5, 25],
      [2, 25, 52.5],
      [3, 52.5, 137.5],
      [4, 137.5, 1000],
    ]);
  });

  it("leaves out missing and non-numeric values and counts them", () => {
    const result = segmentByTiers(responses, "spend");
    expect(result.leftOut).toBe(3);
    expect(result.leftOutIndices).toEqual([12, 13, 14]);
  });

  it("puts a value equal to a cut point in the upper tier", () => {
    const result = segmentByTiers(responses, "spend", { tiers: [30, 100] });
    expect(result.tiering).toBe("cut-points");
    expect(result.segments.map((tier) => [tier.label, tier.n])).toEqual([
      ["T1 < 30", 3],
      ["T2 [30, 100)", 5],
      ["T3 >= 100", 4],
    ]);
    expect(result.segments[0]?.lower).toBeNull();
    expect(result.segments[2]?.upper).toBeNull();
  });

  it("merges tied quantiles and skips empty tiers", () => {
    const tied: NpsResponse[] = [0, 0, 0, 0, 0, 0, 5, 9].map((orders) => ({ score: 9, attributes: { orders } }));
    const result = segmentByTiers(tied, "orders", { tiers: 4 });
    expect(result.cutPoints).toEqual([1.25]);
    expect(result.segments.map((tier) => [tier.label, tier.n])).toEqual([
      ["Q1 [0, 1.25)", 6],
      ["Q2 [1.25, 9]", 2],
    ]);
    const cut = segmentByTiers(tied, "orders", { tiers: [-5, 1, 100] });
    expect(cut.segments.map((tier) => tier.key)).toEqual([2, 3]);
  });

  it("reads the value from a function", () => {
    const result = segmentByTiers(responses, (response) => response.score, { tiers: [7, 9] });
    expect(result.segments.map((tier) => tier.n)).toEqual([8, 2, 5]);
    expect(result.leftOut).toBe(0);
  });

  it("rounds label bounds to 6 significant digits and keeps exact bounds", () => {
    const thirds = [1, 2, 3, 4].map((v) => ({ score: 5, attributes: { v: v / 3 } }));
    const result = segmentByTiers(thirds, "v", { tiers: 2 });
    expect(result.segments[0]?.label).toBe("Q1 [0.333333, 0.833333)");
    expect(result.segments[0]?.upper).toBe(quantileSorted([1 / 3, 2 / 3, 1, 4 / 3], 0.5));
  });

  it("has no tiers when no response has a value", () => {
    const result = segmentByTiers([{ score: 3, attributes: { spend: null } }], "spend");
    expect(result.segments).toEqual([]);
    expect(result.cutPoints).toEqual([]);
    expect(result.total).toBeUndefined();
    expect(result.leftOut).toBe(1);
  });

  it("rejects invalid tiers and unknown attributes", () => {
    const cases: [unknown, string][] = [
      [1, "segmentByTiers: tiers must be an integer from 2 to 100 or an array of cut points, received 1"],
      [2.5, "segmentByTiers: tiers must be an integer from 2 to 100 or an array of cut points, received 2.5"],
      [[], "segmentByTiers: tiers must be an integer from 2 to 100 or an array of cut points, received an array"],
      [[5, 5], "segmentByTiers: tiers[1] must be a finite number greater than the cut point before it, received 5"],
      [
        [1, Number.NaN],
        "segmentByTiers: tiers[1] must be a finite number greater than the cut point before it, received NaN",
      ],
    ];
    for (const [tiers, message] of cases) {
      const error = thrown(() => segmentByTiers(responses, "spend", { tiers: tiers as never }));
      expect(error.code).toBe("invalid_option");
      expect(error.message).toBe(message);
    }
    const unknown = thrown(() => segmentByTiers(responses, "spent"));
    expect(unknown.message).toBe(
      'segmentByTiers: attribute "spent" does not exist (did you mean "spend"?); attributes are: spend',
    );
  });
});
