import { describe, expect, it } from "vitest";
import { crossSegment } from "../../src/segments/crossSegment.js";
import { decomposeChange } from "../../src/segments/decomposeChange.js";
import { segmentBy } from "../../src/segments/segmentBy.js";
import { segmentContributions } from "../../src/segments/segmentContributions.js";
import { block, thrown } from "./helpers.js";

describe("crossSegment", () => {
  const responses = [
    ...block({ plan: "pro", country: "FR" }, 10, 5, 5),
    ...block({ plan: "pro", country: "DE" }, 4, 4, 2),
    ...block({ plan: "free", country: "FR" }, 5, 5, 10),
    ...block({ plan: "free" }, 1, 1, 1),
  ];

  it("gives one cell per pair of keys with the per-segment figures", () => {
    const result = crossSegment(responses, ["plan", "country"]);
    expect(result.cells.map((cell) => [cell.keys, cell.label, cell.n, cell.nps])).toEqual([
      [["free", "FR"], "free × FR", 20, -25],
      [["pro", "DE"], "pro × DE", 10, 20],
      [["pro", "FR"], "pro × FR", 20, 25],
    ]);
    expect(result.leftOut).toBe(3);
    const single = segmentBy(responses, (r) =>
      r.attributes?.country === undefined ? undefined : `${r.attributes.plan}|${r.attributes.country}`,
    );
    expect(result.cells.map((cell) => cell.vsRest?.pValue)).toEqual(single.segments.map((s) => s.vsRest?.pValue));
  });

  it("sorts by NPS", () => {
    expect(crossSegment(responses, ["plan", "country"], { sort: "nps" }).cells.map((cell) => cell.label)).toEqual([
      "pro × FR",
      "pro × DE",
      "free × FR",
    ]);
  });

  it("rejects a by that is not a pair", () => {
    const error = thrown(() => crossSegment(responses, ["plan"] as never));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe("crossSegment: by must be a pair of attribute names or functions, received an array");
  });
});

describe("segmentContributions", () => {
  it("splits the overall NPS into share × NPS per segment, and the NPS without each", () => {
    const responses = [...block({ plan: "a" }, 6, 2, 2), ...block({ plan: "b" }, 2, 4, 4), { score: 9 }];
    const result = segmentContributions(responses, "plan", { sort: "nps" });
    expect(result.nps).toBe(10);
    expect(result.n).toBe(20);
    expect(result.leftOut).toBe(1);
    expect(result.segments).toEqual([
      { key: "a", label: "a", n: 10, share: 0.5, nps: 40, contribution: 20, npsWithout: -20 },
      { key: "b", label: "b", n: 10, share: 0.5, nps: -20, contribution: -10, npsWithout: 40 },
    ]);
  });

  it("has no NPS without the only segment, and no NPS at all without responses", () => {
    expect(segmentContributions(block({ plan: "a" }, 1, 0, 0), "plan").segments[0]?.npsWithout).toBeUndefined();
    expect(segmentContributions([], "plan")).toEqual({
      kind: "contribution-breakdown",
      segments: [],
      nps: undefined,
      n: 0,
      leftOut: 0,
    });
  });

  it("rejects an invalid sort", () => {
    const error = thrown(() => segmentContributions([], "plan", { sort: "x" as never }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe('segmentContributions: sort must be one of "key", "nps", "size", received "x"');
  });
});

describe("decomposeChange", () => {
  it("splits the change into mix and rate effects that add up to it", () => {
    const before = [...block({ plan: "a" }, 6, 2, 2), ...block({ plan: "b" }, 2, 4, 4)];
    const after = [...block({ plan: "a" }, 12, 4, 4), ...block({ plan: "b" }, 3, 3, 4)];
    const result = decomposeChange(before, after, "plan");
    expect(result?.before).toEqual({ n: 20, nps: 10, leftOut: 0 });
    expect(result?.after.nps).toBeCloseTo(23.333333333333332, 12);
    const a = result?.segments[0];
    // a: w 0.5 → 2/3, NPS 40 → 40: mix (1/6)·40, rate 0.
    expect(a?.mixEffect).toBeCloseTo(40 / 6, 12);
    expect(a?.rateEffect).toBe(0);
    const b = result?.segments[1];
    // b: w 0.5 → 1/3, NPS −20 → −10: mix (−1/6)·(−15), rate 10·(5/12).
    expect(b?.mixEffect).toBeCloseTo(2.5, 12);
    expect(b?.rateEffect).toBeCloseTo(50 / 12, 12);
    expect((result?.mixEffect ?? 0) + (result?.rateEffect ?? 0)).toBeCloseTo(result?.change ?? Number.NaN, 12);
  });

  it("puts the whole effect of a segment present in one period only in the mix effect", () => {
    const before = [...block({ plan: "a" }, 5, 0, 5), ...block({ plan: "old" }, 0, 0, 10)];
    const after = [...block({ plan: "a" }, 5, 0, 5), ...block({ plan: "new" }, 10, 0, 0)];
    const result = decomposeChange(before, after, "plan");
    expect(result?.change).toBe(100);
    const byKey = new Map(result?.segments.map((s) => [s.key, s]));
    expect(byKey.get("new")).toMatchObject({
      before: { n: 0, share: 0, nps: undefined },
      mixEffect: 50,
      rateEffect: 0,
    });
    expect(byKey.get("old")).toMatchObject({ after: { n: 0, share: 0, nps: undefined }, mixEffect: 50, rateEffect: 0 });
  });

  it("is undefined when a period has no segmented response", () => {
    expect(decomposeChange([], block({ plan: "a" }, 1, 0, 0), "plan")).toBeUndefined();
  });
});
