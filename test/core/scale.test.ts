import { describe, expect, it } from "vitest";
import { checkScale } from "../../src/core/scale.js";
import {
  classify,
  defineScale,
  distribution,
  dueForResurvey,
  followUpQueue,
  latestByRespondent,
  migrationBetween,
  nps,
  overview,
  STANDARD_SCALE,
  tally,
  tallyResponses,
} from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const oneToTen = defineScale({ min: 1, max: 10, detractorMax: 6, promoterMin: 9 });
const responses = [
  { score: 9, respondentId: "a", date: new Date("2026-01-01T00:00:00Z") },
  { score: 3, respondentId: "b", date: new Date("2026-01-02T00:00:00Z") },
];

describe("checkScale", () => {
  it("returns the standard scale for undefined and accepts a defined scale", () => {
    expect(checkScale("tally", undefined)).toBe(STANDARD_SCALE);
    expect(checkScale("tally", oneToTen)).toBe(oneToTen);
    expect(checkScale("tally", { name: "0-10", min: 0, max: 10, detractorMax: 6, promoterMin: 9 }).min).toBe(0);
  });

  it.each([
    ["0-10", 'tally: scale must be a scale made by defineScale, received "0-10"'],
    [null, "tally: scale must be a scale made by defineScale, received null"],
    [[0, 10], "tally: scale must be a scale made by defineScale, received an array"],
    [{}, "tally: scale.min must be an integer, received undefined"],
    [{ min: 0, max: 10 }, "tally: scale.detractorMax must be an integer, received undefined"],
    [
      { min: 0, max: 10, detractorMax: 6, promoterMin: 9.5 },
      "tally: scale.promoterMin must be an integer, received 9.5",
    ],
    [
      { name: "x", min: 0, max: 10, detractorMax: 9, promoterMin: 6 },
      "tally: scale must satisfy min <= detractorMax < promoterMin <= max with at most 1001 values, received 0 <= 9 < 6 <= 10",
    ],
    [
      { name: "x", min: 0, max: 5000, detractorMax: 6, promoterMin: 9 },
      "tally: scale must satisfy min <= detractorMax < promoterMin <= max with at most 1001 values, received 0 <= 6 < 9 <= 5000",
    ],
    [
      { min: 0, max: 10, detractorMax: 6, promoterMin: 9 },
      "tally: scale.name must be a non-empty string, received undefined",
    ],
  ])("refuses %j", (scale, message) => {
    const error = errorOf(() => checkScale("tally", scale));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(message);
  });
});

describe("every function taking a scale checks it", () => {
  const bad = { min: 0, max: 10 } as never;
  const message = (fn: string) => `${fn}: scale.detractorMax must be an integer, received undefined`;
  it.each<[string, () => unknown]>([
    ["tally", () => tally([9, 10, 0, 5], { scale: bad })],
    ["tally", () => tally([9, 10], { scale: bad, weights: [1, 2] })],
    ["nps", () => nps([9, 10, 0, 5], { scale: bad })],
    ["classify", () => classify(9, bad)],
    ["distribution", () => distribution([9], { scale: bad })],
    ["tallyResponses", () => tallyResponses(responses, { scale: bad })],
    ["overview", () => overview({ responses }, { scale: bad })],
    ["migrationBetween", () => migrationBetween(responses, responses, { scale: bad })],
    ["latestByRespondent", () => latestByRespondent(responses, { scale: bad })],
    ["dueForResurvey", () => dueForResurvey(responses, { scale: bad, asOf: new Date("2026-06-01T00:00:00Z") })],
    ["followUpQueue", () => followUpQueue(responses, { scale: bad })],
  ])("%s", (fn, call) => {
    const error = errorOf(call);
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe(message(fn));
  });

  it("no longer counts every score as passive on a scale without thresholds", () => {
    expect(errorOf(() => tally([9, 10, 0, 5], { scale: {} as never })).code).toBe("invalid_option");
    expect(errorOf(() => tally([9, 10, 0, 5], { scale: "0-10" as never })).code).toBe("invalid_option");
    expect(tally([9, 10, 1, 5], { scale: oneToTen })).toEqual({
      promoters: 2,
      passives: 0,
      detractors: 2,
      scale: "1-10",
    });
  });
});
