import { describe, expect, it } from "vitest";
import { buildReport, NpsError } from "../../src/index.js";

const responses = [{ score: 9, attributes: { plan: "a" }, date: new Date("2026-01-05T00:00:00Z") }];

describe("buildReport's own options", () => {
  it.each([
    [{ by: ["plan"], sort: "bad" }, 'buildReport: sort must be one of "key", "nps", "size", received "bad"'],
    [{ by: ["plan"], minResponses: -1 }, "buildReport: minResponses must be a finite number >= 0, received -1"],
    [{ period: "month", minResponses: "x" }, 'buildReport: minResponses must be a finite number >= 0, received "x"'],
    [{ title: 3 }, "buildReport: title must be a string, received 3"],
  ])("%j is an invalid option named as buildReport's", (options, message) => {
    let error: unknown;
    try {
      buildReport({ responses }, options as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NpsError);
    expect((error as NpsError).code).toBe("invalid_option");
    expect((error as NpsError).message).toBe(message);
  });
});
