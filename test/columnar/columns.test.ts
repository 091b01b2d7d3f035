import { describe, expect, it } from "vitest";
import {
  defineScale,
  rollingTrendColumns,
  segmentColumns,
  tallyColumns,
  tallyResponses,
  trendColumns,
} from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const plan = (codes: ArrayLike<number>, dictionary: ReadonlyArray<string | null> = ["pro", "free"]) => ({
  plan: { codes: codes as ReadonlyArray<number>, dictionary },
});

describe("tallyColumns", () => {
  it("tallies typed and plain arrays alike, weighted when weights are given", () => {
    const scores = [10, 9, 8, 7, 6, 0, 10];
    expect(tallyColumns({ scores: Uint8Array.from(scores) })).toEqual({ promoters: 3, passives: 2, detractors: 2 });
    expect(tallyColumns({ scores: Float64Array.from(scores) })).toEqual(tallyColumns({ scores }));
    const weights = [1, 2, 0.5, 1, 1, 3, 0.25];
    expect(tallyColumns({ scores, weights: Float64Array.from(weights) })).toEqual(
      tallyResponses(scores.map((score, i) => ({ score, weight: weights[i] as number }))),
    );
    expect(tallyColumns({ scores: [] })).toEqual({ promoters: 0, passives: 0, detractors: 0 });
  });

  it("names the scale on other scales", () => {
    const scale = defineScale({ name: "1-5", min: 1, max: 5, detractorMax: 3, promoterMin: 5 });
    expect(tallyColumns({ scores: [5, 4, 1] }, { scale })).toEqual({
      promoters: 1,
      passives: 1,
      detractors: 1,
      scale: "1-5",
    });
  });

  it("rejects a bad score or weight with its index", () => {
    let error = errorOf(() => tallyColumns({ scores: [10, 8.5] }));
    expect(error.code).toBe("invalid_score");
    expect(error.message).toMatch(/^tallyColumns: score must be .*received 8\.5 at index 1$/);
    error = errorOf(() => tallyColumns({ scores: Uint8Array.from([1, 2, 11]) }));
    expect(error.code).toBe("invalid_score");
    expect(error.message).toMatch(/received 11 at index 2$/);
    error = errorOf(() => tallyColumns({ scores: [10, 9], weights: [1, Number.NaN] }));
    expect(error.code).toBe("invalid_weight");
    expect(error.message).toBe("tallyColumns: weight must be a finite number greater than 0, received NaN at index 1");
  });

  it("rejects columns of another length or shape", () => {
    let error = errorOf(() => tallyColumns({ scores: [10, 9], weights: [1] }));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("tallyColumns: weights must have one entry per score (2), received 1");
    error = errorOf(() => tallyColumns(null as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("tallyColumns: columns must be an object with a scores array, received null");
    error = errorOf(() => tallyColumns({ scores: "9" as never }));
    expect(error.code).toBe("invalid_input");
  });
});

describe("segmentColumns", () => {
  it("groups by dictionary key; code -1 is left out; equal dictionary entries are one segment", () => {
    const result = segmentColumns(
      {
        scores: [10, 9, 3, 10, 8, 2, 7],
        segments: plan(Int32Array.from([0, 2, 0, 1, 1, 1, -1]), ["pro", "free", "pro"]),
      },
      "plan",
    );
    expect(result.segments.map((segment) => [segment.key, segment.n])).toEqual([
      ["free", 3],
      ["pro", 3],
    ]);
    expect(result.leftOutIndices).toEqual([6]);
    expect(result.total?.n).toBe(6);
  });

  it("returns no segments when every code is -1", () => {
    const result = segmentColumns({ scores: [10, 3], segments: plan([-1, -1]) }, "plan");
    expect(result.segments).toEqual([]);
    expect(result.total).toBeUndefined();
    expect(result.leftOut).toBe(2);
  });

  it("rejects a code outside the dictionary with its index", () => {
    for (const codes of [Uint8Array.from([0, 2]), [0, 1.5], [0, -2], Uint16Array.from([0, 7])]) {
      const error = errorOf(() => segmentColumns({ scores: [10, 9], segments: plan(codes) }, "plan"));
      expect(error.code).toBe("invalid_input");
      expect(error.message).toMatch(
        /^segmentColumns: segments\.plan\.codes must be integers from -1 to 1 \(dictionary index, -1 for no value\), received -?[\d.]+ at index 1$/,
      );
    }
  });

  it("validates scores and weights of left-out responses too", () => {
    const error = errorOf(() => segmentColumns({ scores: [10, 9], weights: [1, 0], segments: plan([0, -1]) }, "plan"));
    expect(error.code).toBe("invalid_weight");
    expect(error.message).toBe("segmentColumns: weight must be a finite number greater than 0, received 0 at index 1");
  });

  it("rejects an unknown segment column, a bad dictionary and codes of another length", () => {
    let error = errorOf(() => segmentColumns({ scores: [10], segments: plan([0]) }, "country"));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe('segmentColumns: segment column "country" does not exist; segment columns are: plan');
    error = errorOf(() => segmentColumns({ scores: [10] }, "plan"));
    expect(error.message).toBe('segmentColumns: segment column "plan" does not exist; segment columns are: (none)');
    error = errorOf(() =>
      segmentColumns({ scores: [10], segments: { plan: { codes: [0], dictionary: [{}] as never } } }, "plan"),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(
      "segmentColumns: segments.plan.dictionary entry must be a string, number, boolean or null, received an object at index 0",
    );
    error = errorOf(() => segmentColumns({ scores: [10, 9], segments: plan([0]) }, "plan"));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("segmentColumns: segments.plan.codes must have one entry per score (2), received 1");
  });
});

describe("trendColumns and rollingTrendColumns", () => {
  const times = Float64Array.from([Date.UTC(2026, 0, 31, 23, 30), Date.UTC(2026, 1, 1, 10), Number.NaN]);

  it("buckets epoch-ms times in the time zone; NaN is undated", () => {
    const result = trendColumns({ scores: [10, 3, 9], times }, { period: "month", timeZone: "Europe/Paris" });
    expect(result.points.map((point) => [point.label, point.n])).toEqual([["2026-02", 2]]);
    expect(result.undated).toBe(1);
    expect(trendColumns({ scores: [10] }).points).toEqual([]);
  });

  it("rejects a time that is not epoch milliseconds or NaN, with its index", () => {
    for (const bad of [Number.POSITIVE_INFINITY, 9e15]) {
      const error = errorOf(() => trendColumns({ scores: [10, 9], times: [0, bad] }));
      expect(error.code).toBe("invalid_date");
      expect(error.message).toBe(
        `trendColumns: time must be epoch milliseconds within the Date range or NaN for no date, received ${bad === 9e15 ? "9000000000000000" : "Infinity"} at index 1`,
      );
    }
  });

  it("rejects a respondent id that is not a string", () => {
    const error = errorOf(() =>
      rollingTrendColumns(
        { scores: [10, 9], times: [0, 1], respondentIds: ["a", 7 as never] },
        { respondents: "latest" },
      ),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(
      "rollingTrendColumns: respondentId must be a string or undefined, received 7 at index 1",
    );
  });

  it("checks options before the data", () => {
    const error = errorOf(() => trendColumns({ scores: [99] }, { period: "fortnight" as never }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toMatch(/^trendColumns: period must be one of/);
  });
});
