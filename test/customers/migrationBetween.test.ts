import { describe, expect, it } from "vitest";
import { compareNps, migrationBetween, type NpsResponse } from "../../src/index.js";
import { PAIRED_CHANGE_REFERENCE } from "./fixtures/pairedChange.js";
import { thrown, wavesOf } from "./helpers.js";

describe("migrationBetween: the paired change against R", () => {
  it.each(PAIRED_CHANGE_REFERENCE)("$id (n = $n)", (reference) => {
    const { before, after } = wavesOf(reference.cells);
    const result = migrationBetween(before, after);
    expect(result.matched).toBe(reference.n);
    expect(result.before.nps).toBeCloseTo(reference.before, 10);
    expect(result.after.nps).toBeCloseTo(reference.after, 10);
    const change = result.change;
    expect(change?.estimate).toBeCloseTo(reference.estimate, 10);
    expect(change?.standardError).toBeCloseTo(reference.standardError, 10);
    expect(change?.statistic).toBeCloseTo(reference.statistic, 10);
    expect(change?.pValue).toBeCloseTo(reference.pValue, 12);
    expect(change?.lower).toBeCloseTo(reference.lower, 10);
    expect(change?.upper).toBeCloseTo(reference.upper, 10);
  });

  it("matches the hand-worked example: 4 pairs, d = (1, 1, 0, 1)", () => {
    // d̄ = 3/4, mean(d²) = 3/4, Var(d̄) = (3/4 − 9/16)/4 = 3/64, SE = 100·√(3/64) = 21.6506…
    const { before, after } = wavesOf([1, 0, 0, 2, 0, 0, 0, 1, 0]);
    const change = migrationBetween(before, after).change;
    expect(change?.estimate).toBe(75);
    expect(change?.standardError).toBeCloseTo(100 * Math.sqrt(3 / 64), 12);
  });

  it("is smaller than the independent-samples standard error when answers are positively correlated", () => {
    const reference = PAIRED_CHANGE_REFERENCE[0];
    const { before, after } = wavesOf(reference.cells);
    const result = migrationBetween(before, after);
    const independent = compareNps(result.after.tally, result.before.tally, { method: "wald" });
    expect(result.change?.standardError).toBeLessThan(independent?.standardError ?? 0);
  });

  it("has no statistic when every respondent changed by the same amount", () => {
    const { before, after } = wavesOf([3, 0, 0, 0, 0, 0, 0, 0, 0]);
    const change = migrationBetween(before, after, { level: 0.9 }).change;
    expect(change).toMatchObject({
      estimate: 0,
      standardError: 0,
      statistic: undefined,
      pValue: undefined,
      level: 0.9,
    });
  });
});

describe("migrationBetween: the table and the panel", () => {
  const before: NpsResponse[] = [
    { score: 8, respondentId: "A", date: new Date("2025-01-01") },
    { score: 2, respondentId: "A", date: new Date("2025-02-01") }, // A's latest in wave 1: detractor
    { score: 9, respondentId: "B" },
    { score: 7, respondentId: "B" }, // same (no) date: the later in the input wins: passive
    { score: 10, respondentId: "a" }, // a different respondent from "A"
    { score: 5 },
  ];
  const after: NpsResponse[] = [
    { score: 10, respondentId: "A" },
    { score: 9, respondentId: "B" },
    { score: 6, respondentId: "A " }, // not "A": ids are compared exactly
  ];

  it("reduces each wave to the latest answer per respondent and matches ids exactly", () => {
    const result = migrationBetween(before, after);
    expect(result.matched).toBe(2);
    expect(result.onlyBefore).toBe(1);
    expect(result.onlyAfter).toBe(1);
    expect(result.withoutRespondent).toEqual({ before: 1, after: 0 });
    expect(result.replaced).toEqual({ before: 2, after: 0 });
    expect(result.table.detractors).toEqual({ promoters: 1, passives: 0, detractors: 0 });
    expect(result.table.passives).toEqual({ promoters: 1, passives: 0, detractors: 0 });
    expect(result.rowShares.detractors).toEqual({ promoters: 1, passives: 0, detractors: 0 });
    expect(result.rowShares.promoters).toBeUndefined();
    expect(result.before.nps).toBe(-50);
    expect(result.after.nps).toBe(100);
  });

  it("gives undefined figures when no respondent is in both waves", () => {
    const result = migrationBetween([{ score: 9, respondentId: "X" }], [{ score: 9, respondentId: "Y" }]);
    expect(result.matched).toBe(0);
    expect(result.before.nps).toBeUndefined();
    expect(result.change).toBeUndefined();
    expect(migrationBetween([], []).change).toBeUndefined();
  });

  it("is JSON-serialisable", () => {
    const result = migrationBetween(before, after);
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(JSON.stringify(result)));
    expect(Object.isFrozen(before)).toBe(false);
  });
});

describe("migrationBetween: errors", () => {
  it.each([
    [
      () => migrationBetween([], [], { level: 1.5 }),
      "invalid_option",
      "migrationBetween: level must be a number greater than 0 and less than 1, received 1.5",
    ],
    [
      () => migrationBetween("x" as never, []),
      "invalid_input",
      'migrationBetween: responses must be an array, received "x"',
    ],
    [
      () => migrationBetween([{ score: 11, respondentId: "A" }], []),
      "invalid_score",
      "migrationBetween: score must be an integer from 0 to 10, received 11 at index 0",
    ],
    [
      () => migrationBetween([], [{ score: 9, respondentId: 7 as never }]),
      "invalid_input",
      "migrationBetween: respondentId must be a string or absent, received 7 at index 0",
    ],
  ])("%#", (call, code, message) => {
    const error = thrown(call);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
