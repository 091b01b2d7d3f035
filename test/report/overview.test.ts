import { describe, expect, it } from "vitest";
import {
  confidenceInterval,
  distribution,
  marginOfError,
  nps,
  overview,
  sampleResponses,
  shares,
  tallyResponses,
} from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

describe("overview", () => {
  it("takes every figure from the core and inference functions", () => {
    const responses = sampleResponses({ size: 300 });
    const result = overview({ responses }, { level: 0.9, method: "score" });
    const counts = tallyResponses(responses);
    expect(result.tally).toEqual(counts);
    expect(result.nps).toBe(nps(counts));
    expect(result.shares).toEqual(shares(counts));
    expect(result.distribution).toEqual(distribution(responses.map((response) => response.score)));
    const interval = confidenceInterval(counts, { level: 0.9, method: "score" });
    expect(result.interval).toEqual({
      level: 0.9,
      method: "score",
      lower: interval?.lower,
      upper: interval?.upper,
      marginOfError: marginOfError(counts, { level: 0.9, method: "score" }),
      effectiveN: 300,
    });
    expect(result.rows).toEqual({ read: 300, accepted: 300, skipped: 0, rejected: 0 });
    expect(result.weighted).toBe(false);
    expect(result.scale).toBe("0-10");
  });

  it("reports the date range and how many responses have a date", () => {
    const result = overview({
      responses: [
        { score: 9, date: new Date("2026-03-01T10:00:00Z") },
        { score: 3 },
        { score: 8, date: new Date("2025-01-02T00:00:00Z") },
      ],
    });
    expect(result.period).toEqual({ first: "2025-01-02T00:00:00.000Z", last: "2026-03-01T10:00:00.000Z", dated: 2 });
    expect(overview({ responses: [{ score: 9 }] }).period).toBeUndefined();
  });

  it("keeps the counts and the first reasons of a parse", () => {
    const result = overview(
      {
        responses: [{ score: 10 }],
        counts: { rows: 9, accepted: 1, skipped: 2, rejected: 6 },
        skipped: [
          { row: 2, reason: "score is missing" },
          { row: 3, reason: "score is missing" },
        ],
        issues: Array.from({ length: 6 }, (_, i) => ({
          path: [i + 3, "score"],
          row: i + 4,
          field: "score",
          value: "11",
          message: 'score must be an integer from 0 to 10, received "11"',
        })),
      },
      { maxReasons: 3, source: "answers.csv" },
    );
    expect(result.source).toBe("answers.csv");
    expect(result.rows).toEqual({ read: 9, accepted: 1, skipped: 2, rejected: 6 });
    expect(result.firstSkipped).toEqual([
      { row: 2, reason: "score is missing" },
      { row: 3, reason: "score is missing" },
    ]);
    expect(result.firstRejected).toEqual(
      [4, 5, 6].map((row) => ({
        row,
        field: "score",
        message: 'score must be an integer from 0 to 10, received "11"',
      })),
    );
  });

  it("leaves out the figures that are undefined for no responses", () => {
    const result = overview({ responses: [] });
    expect(result.nps).toBeUndefined();
    expect(result.shares).toBeUndefined();
    expect(result.interval).toBeUndefined();
    expect("nps" in result).toBe(false);
    expect(result.distribution).toHaveLength(11);
    expect(result.tally).toEqual({ promoters: 0, passives: 0, detractors: 0 });
  });

  it("handles weighted responses: sums of weights, the effective sample size", () => {
    const result = overview({
      responses: [
        { score: 10, weight: 2 },
        { score: 5, weight: 1 },
        { score: 8, weight: 1 },
      ],
    });
    expect(result.weighted).toBe(true);
    expect(result.tally.promoters).toBe(2);
    expect(result.nps).toBe(25);
    expect(result.interval?.effectiveN).toBeCloseTo(16 / 6, 12);
  });

  it("is JSON-serialisable: a round trip gives the same object", () => {
    const result = overview({ responses: sampleResponses({ size: 50 }) });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("does not change its input", () => {
    const responses = Object.freeze([Object.freeze({ score: 9 }), Object.freeze({ score: 2 })]);
    expect(overview({ responses }).nps).toBe(0);
  });

  it.each([
    [{ maxReasons: -1 }, "overview: maxReasons must be an integer greater than or equal to 0, received -1"],
    [{ maxReasons: 1.5 }, "overview: maxReasons must be an integer greater than or equal to 0, received 1.5"],
  ])("rejects %o with invalid_option", (options, message) => {
    const error = errorOf(() => overview({ responses: [] }, options));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(message);
  });

  it("rejects a bad level or method even without responses", () => {
    expect(errorOf(() => overview({ responses: [] }, { level: 1.5 })).code).toBe("invalid_option");
    expect(errorOf(() => overview({ responses: [{ score: 9 }] }, { method: "nope" as "wald" })).code).toBe(
      "invalid_option",
    );
  });

  it("rejects input that is not an object with a responses array", () => {
    const error = errorOf(() => overview(null as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("overview: input must be an object with a responses array, received null");
  });

  it("rejects an invalid score with the core's error", () => {
    const error = errorOf(() => overview({ responses: [{ score: 11 }] }));
    expect(error.code).toBe("invalid_score");
  });
});
