import { describe, expect, it } from "vitest";
import {
  classify,
  defineScale,
  distribution,
  mergeTallies,
  NpsError,
  nps,
  roundScore,
  STANDARD_SCALE,
  shares,
  tally,
  tallyResponses,
} from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

describe("classify", () => {
  it("uses 9–10 / 7–8 / 0–6 on the standard scale", () => {
    const categories = Array.from({ length: 11 }, (_, score) => classify(score));
    expect(categories).toEqual([...Array(7).fill("detractor"), "passive", "passive", "promoter", "promoter"]);
  });

  it.each([
    [11, "11"],
    [-1, "-1"],
    [8.5, "8.5"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    ["9", '"9"'],
    [null, "null"],
  ])("rejects %s without coercing it", (value, shown) => {
    const error = errorOf(() => classify(value as number));
    expect(error.code).toBe("invalid_score");
    expect(error.message).toBe(`classify: score must be an integer from 0 to 10, received ${shown}`);
  });
});

describe("defineScale", () => {
  it("accepts the 1–10 variant and classifies on it", () => {
    const scale = defineScale({ min: 1, max: 10, detractorMax: 6, promoterMin: 9 });
    expect(scale).toEqual({ name: "1-10", min: 1, max: 10, detractorMax: 6, promoterMin: 9 });
    expect(() => classify(0, scale)).toThrow(NpsError);
    expect(tally([1, 10, 8], { scale })).toEqual({ promoters: 1, passives: 1, detractors: 1, scale: "1-10" });
  });

  it("allows a scale without passives", () => {
    const scale = defineScale({ name: "yes-no", min: 0, max: 1, detractorMax: 0, promoterMin: 1 });
    expect(nps([0, 1, 1, 1], { scale })).toBe(50);
  });

  it.each([
    [{ min: 0, max: 10, detractorMax: 9, promoterMin: 9 }, "received 0 <= 9 < 9 <= 10"],
    [{ min: 0, max: 10, detractorMax: 6, promoterMin: 11 }, "received 0 <= 6 < 11 <= 10"],
    [{ min: 5, max: 10, detractorMax: 4, promoterMin: 9 }, "received 5 <= 4 < 9 <= 10"],
  ])("rejects thresholds in the wrong order (%o)", (definition, tail) => {
    const error = errorOf(() => defineScale(definition));
    expect(error.code).toBe("invalid_scale");
    expect(error.message).toBe(
      `defineScale: thresholds must satisfy min <= detractorMax < promoterMin <= max, ${tail}`,
    );
  });

  it("rejects non-integer bounds", () => {
    const error = errorOf(() => defineScale({ min: 0, max: 10.5, detractorMax: 6, promoterMin: 9 }));
    expect(error.code).toBe("invalid_scale");
    expect(error.message).toBe("defineScale: max must be an integer, received 10.5");
  });
});

describe("tally", () => {
  it("counts each category", () => {
    expect(tally([10, 9, 8, 7, 6, 5, 0, 10])).toEqual({ promoters: 3, passives: 2, detractors: 3 });
  });

  it("gives the same result for plain and typed arrays", () => {
    const scores = [0, 3, 7, 8, 9, 10, 10, 6];
    const expected = tally(scores);
    expect(tally(Uint8Array.from(scores))).toEqual(expected);
    expect(tally(Float64Array.from(scores))).toEqual(expected);
    expect(tally(Int32Array.from(scores))).toEqual(expected);
  });

  it("names the first invalid value and its index", () => {
    const error = errorOf(() => tally([9, 10, 11, 12]));
    expect(error.code).toBe("invalid_score");
    expect(error.message).toBe("tally: score must be an integer from 0 to 10, received 11 at index 2");
  });

  it("finds the position of an out-of-range byte in a Uint8Array", () => {
    const error = errorOf(() => tally(Uint8Array.from([9, 10, 0, 200, 5])));
    expect(error.message).toBe("tally: score must be an integer from 0 to 10, received 200 at index 3");
  });

  it("rejects a string among numbers", () => {
    const error = errorOf(() => tally([9, "9" as unknown as number]));
    expect(error.message).toBe('tally: score must be an integer from 0 to 10, received "9" at index 1');
  });

  it("weights each score and keeps the sums the variance needs", () => {
    const result = tally([10, 3, 8, 9], { weights: [2, 0.5, 1, 1.5] });
    expect(result).toEqual({
      promoters: 3.5,
      passives: 1,
      detractors: 0.5,
      weighted: {
        counts: { promoters: 2, passives: 1, detractors: 1 },
        squaredWeights: { promoters: 6.25, passives: 1, detractors: 0.25 },
      },
    });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects the weight %s", (weight) => {
    const error = errorOf(() => tally([9, 9], { weights: [1, weight] }));
    expect(error.code).toBe("invalid_weight");
    expect(error.message).toBe(
      `tally: weight must be a finite number greater than 0, received ${String(weight)} at index 1`,
    );
  });

  it("rejects weights of another length", () => {
    const error = errorOf(() => tally([9, 9], { weights: [1] }));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("tally: weights must have one entry per score (2), received 1");
  });

  it("rejects input that is not an array", () => {
    const error = errorOf(() => tally(42 as unknown as number[]));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("tally: scores must be an array of numbers, received 42");
  });

  it("counts scores on a scale beyond 32-bit integers, and still names an invalid one", () => {
    const scale = defineScale({ min: 3e9, max: 3e9 + 10, detractorMax: 3e9 + 6, promoterMin: 3e9 + 9 });
    expect(tally([3e9 + 10, 3e9, 3e9 + 7], { scale })).toEqual({
      promoters: 1,
      passives: 1,
      detractors: 1,
      scale: "3000000000-3000000010",
    });
    expect(errorOf(() => tally([3e9, 3e9 + 11], { scale })).message).toBe(
      "tally: score must be an integer from 3000000000 to 3000000010, received 3000000011 at index 1",
    );
  });

  it("does not modify its input", () => {
    const scores = Object.freeze([10, 9, 0]);
    expect(() => tally(scores)).not.toThrow();
  });
});

describe("tallyResponses", () => {
  it("is weighted only when responses carry weights", () => {
    expect(tallyResponses([{ score: 10 }, { score: 0 }])).toEqual({ promoters: 1, passives: 0, detractors: 1 });
    expect(tallyResponses([{ score: 10, weight: 3 }]).weighted?.counts.promoters).toBe(1);
  });

  it("requires a weight on every response once one has one", () => {
    const error = errorOf(() => tallyResponses([{ score: 10, weight: 3 }, { score: 5 }]));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(
      "tallyResponses: weight must be present on every response when any response is weighted, missing at index 1",
    );
  });

  it("names an invalid score and its index", () => {
    const error = errorOf(() => tallyResponses([{ score: 10 }, { score: -1 }]));
    expect(error.message).toBe("tallyResponses: score must be an integer from 0 to 10, received -1 at index 1");
  });
});

describe("nps", () => {
  it("is %promoters minus %detractors, passives in the denominator only", () => {
    expect(nps({ promoters: 50, passives: 30, detractors: 20 })).toBe(30);
    expect(nps({ promoters: 1, passives: 1, detractors: 0 })).toBe(50);
    expect(nps([0])).toBe(-100);
    expect(nps([10])).toBe(100);
    expect(nps([8])).toBe(0);
  });

  it("is undefined for zero responses", () => {
    expect(nps([])).toBeUndefined();
    expect(nps({ promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
  });

  it("is exact where one division can be: 1 promoter, 2 passives → 100/3", () => {
    expect(nps({ promoters: 1, passives: 2, detractors: 0 })).toBe(100 / 3);
  });

  it("never returns -0", () => {
    expect(Object.is(nps([9, 0]), 0)).toBe(true);
    expect(Object.is(nps([7]), 0)).toBe(true);
  });

  it("rejects malformed tallies", () => {
    const error = errorOf(() => nps({ promoters: -1, passives: 0, detractors: 0 }));
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe("nps: tally.promoters must be a finite number >= 0, received -1");
  });
});

describe("shares", () => {
  it("gives proportions that add up to one", () => {
    expect(shares({ promoters: 1, passives: 1, detractors: 2 })).toEqual({
      promoters: 0.25,
      passives: 0.25,
      detractors: 0.5,
    });
  });

  it("is undefined for an empty tally", () => {
    expect(shares({ promoters: 0, passives: 0, detractors: 0 })).toBeUndefined();
  });
});

describe("mergeTallies", () => {
  it("of nothing is the empty tally", () => {
    expect(mergeTallies()).toEqual({ promoters: 0, passives: 0, detractors: 0 });
  });

  it("treats an unweighted tally as weight 1 when merged with a weighted one", () => {
    const merged = mergeTallies(tally([10, 0]), tally([8], { weights: [2] }));
    expect(merged).toEqual({
      promoters: 1,
      passives: 2,
      detractors: 1,
      weighted: {
        counts: { promoters: 1, passives: 1, detractors: 1 },
        squaredWeights: { promoters: 1, passives: 4, detractors: 1 },
      },
    });
  });

  it("refuses to mix scales", () => {
    const oneToTen = defineScale({ min: 1, max: 10, detractorMax: 6, promoterMin: 9 });
    const error = errorOf(() => mergeTallies(tally([9]), tally([9], { scale: oneToTen })));
    expect(error.code).toBe("invalid_tally");
    expect(error.message).toBe('mergeTallies: tallies must be on the same scale, received "0-10" and "1-10"');
  });
});

describe("distribution", () => {
  it("lists every scale value, zeros included", () => {
    const result = distribution([10, 10, 0, 7]);
    expect(result.map((entry) => entry.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2]);
    expect(result[8]).toEqual({ score: 8, category: "passive", count: 0 });
  });

  it("follows a custom scale", () => {
    const scale = defineScale({ min: 1, max: 5, detractorMax: 3, promoterMin: 5 });
    expect(distribution([1, 5], { scale }).map((entry) => entry.score)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("roundScore", () => {
  it.each([
    [32.5, 0, 33],
    [-32.5, 0, -33],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [-0.4, 0, 0],
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [12.344999, 2, 12.34],
    [1e-7, 2, 0],
    [-1e-7, 3, 0],
    [123456.789, 1, 123456.8],
    [2.675, 2, 2.68],
  ])("rounds %s to %s decimals as %s", (value, decimals, expected) => {
    const rounded = roundScore(value, decimals);
    expect(rounded).toBe(expected);
    expect(Object.is(rounded, -0)).toBe(false);
  });

  it("rejects non-finite values and bad decimals", () => {
    expect(errorOf(() => roundScore(Number.NaN)).message).toBe(
      "roundScore: value must be a finite number, received NaN",
    );
    const error = errorOf(() => roundScore(1, 1.5));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe("roundScore: decimals must be an integer from 0 to 15, received 1.5");
  });
});

describe("STANDARD_SCALE", () => {
  it("is frozen", () => {
    expect(Object.isFrozen(STANDARD_SCALE)).toBe(true);
  });
});
