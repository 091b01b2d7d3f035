import { describe, expect, it } from "vitest";
import { adjustPValues } from "../../src/inference/adjustPValues.js";
import { compareNps } from "../../src/inference/compareNps.js";
import { confidenceInterval } from "../../src/inference/confidenceInterval.js";
import { segmentBy } from "../../src/segments/segmentBy.js";
import reference from "./fixtures/reference.json" with { type: "json" };
import { block, thrown } from "./helpers.js";

const responses = [
  ...block({ plan: "pro" }, 30, 10, 10),
  ...block({ plan: "free" }, 15, 15, 20),
  ...block({ plan: "team" }, 22, 18, 9),
  ...block({ plan: null }, 3, 1, 1),
  { score: 9 },
];

describe("segmentBy", () => {
  it("gives each segment its tally, NPS, interval and comparison with the rest", () => {
    const result = segmentBy(responses, "plan");
    expect(result.segments.map((segment) => segment.key)).toEqual(["free", "pro", "team", null]);
    const pro = result.segments[1];
    expect(pro?.tally).toEqual({ promoters: 30, passives: 10, detractors: 10 });
    expect(pro?.n).toBe(50);
    expect(pro?.nps).toBe(40);
    expect(pro?.shares).toEqual({ promoters: 0.6, passives: 0.2, detractors: 0.2 });
    expect(pro?.share).toBe(50 / 154);
    expect(pro?.interval).toEqual(confidenceInterval(pro?.tally ?? { promoters: 0, passives: 0, detractors: 0 }));
    const rest = { promoters: 15 + 22 + 3, passives: 15 + 18 + 1, detractors: 20 + 9 + 1 };
    const comparison = compareNps({ promoters: 30, passives: 10, detractors: 10 }, rest);
    expect(pro?.vsRest).toMatchObject({ ...comparison, restN: 104 });
    expect(pro?.effectiveN).toBeUndefined();
    expect(result.total?.tally).toEqual({ promoters: 70, passives: 44, detractors: 40 });
    expect(result.leftOut).toBe(1);
    expect(result.leftOutIndices).toEqual([154]);
    expect(result.settings).toEqual({
      level: 0.95,
      method: "adjusted-wald",
      comparison: "adjusted-wald",
      adjust: "holm",
      minResponses: 30,
      sort: "key",
    });
  });

  it("adjusts the p-values across segments (Holm by default, or as asked)", () => {
    for (const adjust of ["holm", "bonferroni", "benjamini-hochberg"] as const) {
      const result = segmentBy(responses, "plan", { adjust });
      const raw = result.segments.map((segment) => segment.vsRest?.pValue as number);
      expect(result.segments.map((segment) => segment.vsRest?.adjustedPValue)).toEqual(adjustPValues(raw, adjust));
    }
  });

  it("uses Holm as R p.adjust does (reference values)", () => {
    const adjusted = adjustPValues(reference.holm.p, "holm");
    adjusted.forEach((value, i) => {
      expect(value).toBeCloseTo(reference.holm.adjusted[i] as number, 15);
    });
  });

  it("flags segments below minResponses without hiding them", () => {
    const result = segmentBy(responses, "plan");
    expect(result.segments.map((segment) => segment.small)).toEqual([false, false, false, true]);
    expect(segmentBy(responses, "plan", { minResponses: 0 }).segments.every((s) => !s.small)).toBe(true);
  });

  it("sorts by key, NPS or size, deterministically (ties by key)", () => {
    // pro and null both have NPS 40: key order puts null last.
    expect(segmentBy(responses, "plan", { sort: "nps" }).segments.map((s) => s.key)).toEqual([
      "pro",
      null,
      "team",
      "free",
    ]);
    expect(segmentBy(responses, "plan", { sort: "size" }).segments.map((s) => s.key)).toEqual([
      "free",
      "pro",
      "team",
      null,
    ]);
  });

  it("orders mixed keys: numbers, strings, false, true, then null", () => {
    const mixed = [true, "b", null, 10, "A", false, 2, Number.NaN, ""].flatMap((v) => block({ v }, 1, 0, 0));
    expect(segmentBy(mixed, "v").segments.map((s) => s.key)).toEqual([
      2,
      10,
      Number.NaN,
      "",
      "A",
      "b",
      false,
      true,
      null,
    ]);
    expect(segmentBy(mixed, "v").segments.map((s) => s.label)).toEqual([
      "2",
      "10",
      "NaN",
      '""',
      "A",
      "b",
      "false",
      "true",
      "(no value)",
    ]);
  });

  it("gives weighted figures with the effective sample size", () => {
    const weighted = [
      ...block({ plan: "a" }, 10, 5, 5, 2),
      ...block({ plan: "a" }, 5, 0, 5, 1),
      ...block({ plan: "b" }, 8, 8, 4, 1),
    ];
    const result = segmentBy(weighted, "plan");
    const a = result.segments[0];
    expect(a?.n).toBe(30);
    expect(a?.tally.promoters).toBe(25);
    expect(a?.nps).toBe((100 * (25 - 15)) / 50);
    expect(a?.effectiveN).toBeCloseTo((50 * 50) / (20 * 4 + 10), 12);
    expect(a?.share).toBe(50 / 70);
    expect(a?.small).toBe(true);
  });

  it("has no comparison for a single segment and nothing for no segmented response", () => {
    const one = segmentBy(block({ plan: "a" }, 3, 2, 1), "plan");
    expect(one.segments[0]?.vsRest).toBeUndefined();
    const none = segmentBy([{ score: 3 }, { score: 9 }], () => undefined);
    expect(none.segments).toEqual([]);
    expect(none.total).toBeUndefined();
    expect(none.leftOut).toBe(2);
    expect(segmentBy([], "plan").segments).toEqual([]);
  });

  it("leaves the Wald p-value undefined when both sides have zero variance, outside the adjustment", () => {
    const result = segmentBy(
      [...block({ p: "a" }, 5, 0, 0), ...block({ p: "b" }, 0, 0, 5), ...block({ p: "c" }, 2, 1, 2)],
      "p",
      {
        comparison: "wald",
      },
    );
    expect(result.segments.map((s) => s.vsRest?.pValue === undefined)).toEqual([false, false, false]);
    const flat = segmentBy([...block({ p: "a" }, 5, 0, 0), ...block({ p: "b" }, 5, 0, 0)], "p", { comparison: "wald" });
    expect(flat.segments.map((s) => s.vsRest?.adjustedPValue)).toEqual([undefined, undefined]);
  });

  it("passes the interval options through", () => {
    const result = segmentBy(responses, "plan", { method: "score", level: 0.9 });
    const pro = result.segments[1];
    expect(pro?.interval).toEqual(
      confidenceInterval(pro?.tally ?? { promoters: 0, passives: 0, detractors: 0 }, { method: "score", level: 0.9 }),
    );
    expect(pro?.vsRest?.level).toBe(0.9);
  });

  it("rejects invalid options and responses with clear messages", () => {
    const cases: [() => unknown, string, string][] = [
      [
        () => segmentBy(responses, "plann"),
        "invalid_option",
        'segmentBy: attribute "plann" does not exist (did you mean "plan"?); attributes are: plan',
      ],
      [
        () => segmentBy(responses, "plan", { sort: "name" as never }),
        "invalid_option",
        'segmentBy: sort must be one of "key", "nps", "size", received "name"',
      ],
      [
        () => segmentBy(responses, "plan", { adjust: "fdr" as never }),
        "invalid_option",
        'segmentBy: adjust must be one of "holm", "bonferroni", "benjamini-hochberg", received "fdr"',
      ],
      [
        () => segmentBy(responses, "plan", { comparison: "bayes" as never }),
        "invalid_option",
        'segmentBy: comparison must be one of "wald", "adjusted-wald", "score", received "bayes"',
      ],
      [
        () => segmentBy(responses, "plan", { minResponses: -1 }),
        "invalid_option",
        "segmentBy: minResponses must be a finite number >= 0, received -1",
      ],
      [
        () => segmentBy(responses, "plan", { level: 95 }),
        "invalid_option",
        "segmentBy: level must be a number greater than 0 and less than 1, received 95",
      ],
      [
        () => segmentBy([{ score: 11, attributes: { plan: "a" } }], "plan"),
        "invalid_score",
        "segmentBy: score must be an integer from 0 to 10, received 11 at index 0",
      ],
      [
        () => segmentBy([{ score: 1, weight: 1 }, { score: 2 }], () => "a"),
        "invalid_input",
        "segmentBy: weight must be present on every response when any response is weighted, missing at index 1",
      ],
      [
        () => segmentBy([{ score: 1, weight: 0 }], () => "a"),
        "invalid_weight",
        "segmentBy: weight must be a finite number greater than 0, received 0 at index 0",
      ],
    ];
    for (const [run, code, message] of cases) {
      const error = thrown(run);
      expect(error.code).toBe(code);
      expect(error.message).toBe(message);
    }
  });

  it("validates left-out responses too", () => {
    const error = thrown(() => segmentBy([{ score: 3, attributes: { plan: "a" } }, { score: -1 }], "plan"));
    expect(error.message).toBe("segmentBy: score must be an integer from 0 to 10, received -1 at index 1");
  });
});
