import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { similarNames, unknownNameMessage } from "../../src/index.js";

describe("similarNames", () => {
  it("suggests the same name in another case or with other separators first", () => {
    expect(similarNames("survey_sub_type", ["SURVEY_TYPE", "SURVEY_SUB_TYPE", "score"])).toEqual([
      "SURVEY_SUB_TYPE",
      "SURVEY_TYPE",
    ]);
    expect(similarNames("Survey Sub-Type", ["score", "survey_sub_type"])).toEqual(["survey_sub_type"]);
  });

  it("suggests names within a few typing mistakes, closest first", () => {
    expect(similarNames("contry", ["plan", "country", "county"])).toEqual(["country", "county"]);
    expect(similarNames("plna", ["plan", "score"])).toEqual(["plan"]);
  });

  it("does not suggest far names, nor near names for very short ones", () => {
    expect(similarNames("region", ["id", "score"])).toEqual([]);
    expect(similarNames("q3", ["q1", "q2"])).toEqual([]);
    expect(similarNames("Q1", ["q1", "q2"])).toEqual(["q1"]);
  });

  it("never suggests the name itself and keeps at most the limit", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), fc.integer({ min: 0, max: 5 }), (name, names, limit) => {
        const found = similarNames(name, names, limit);
        expect(found.length).toBeLessThanOrEqual(limit);
        for (const candidate of found) {
          expect(candidate).not.toBe(name);
          expect(names).toContain(candidate);
        }
      }),
    );
  });

  it("always suggests a name that differs only in case", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z_]{0,12}$/), (name) => {
        expect(similarNames(name, ["other", name.toUpperCase()])).toContain(name.toUpperCase());
      }),
    );
  });
});

describe("unknownNameMessage", () => {
  it("names the value, the suggestions and the columns", () => {
    expect(unknownNameMessage("plna", ["plan", "score"])).toBe(
      'no column named "plna" (did you mean "plan"?); the columns are "plan", "score"',
    );
    expect(unknownNameMessage("x", [], "attribute", "the built-in sample")).toBe(
      'no attribute named "x" in the built-in sample; the attributes are (none)',
    );
  });

  it("shows control characters in names escaped and lists at most 30 columns", () => {
    const names = Array.from({ length: 32 }, (_, i) => `c${i}`);
    const message = unknownNameMessage("a\u001b[31m", names);
    expect(message).not.toContain("\u001b");
    expect(message).toContain("and 2 more");
  });
});

describe("the library's unknown-name errors suggest close names too", () => {
  it("segmentBy, segmentColumns and segmentsFromTallies", async () => {
    const { countResponses, segmentBy, segmentColumns, segmentsFromTallies } = await import("../../src/index.js");
    const responses = [{ score: 9, attributes: { Plan: "pro" } }];
    expect(() => segmentBy(responses, "plan")).toThrowError('attribute "plan" does not exist (did you mean "Plan"?)');
    expect(() =>
      segmentColumns({ scores: [9], segments: { Plan: { codes: [0], dictionary: ["pro"] } } }, "plan"),
    ).toThrowError('segment column "plan" does not exist (did you mean "Plan"?)');
    const tallies = countResponses(responses, { by: ["Plan"] });
    expect(() => segmentsFromTallies(tallies, { by: "plan" })).toThrowError(
      'tallies have no dimension "plan" (did you mean "Plan"?)',
    );
  });
});
