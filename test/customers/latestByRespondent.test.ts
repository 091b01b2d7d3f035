import { describe, expect, it } from "vitest";
import { latestByRespondent } from "../../src/index.js";
import { thrown } from "./helpers.js";

describe("latestByRespondent", () => {
  it("keeps the most recent answer: a later date; dated before undated; then the later in the input", () => {
    const responses = [
      { score: 1, respondentId: "A", date: new Date("2026-02-01") },
      { score: 2, respondentId: "A", date: new Date("2026-01-01") },
      { score: 3, respondentId: "A" },
      { score: 4, respondentId: "B", date: new Date("2026-01-01") },
      { score: 5, respondentId: "B", date: new Date("2026-01-01") },
      { score: 6, respondentId: "C" },
      { score: 7, respondentId: "C" },
    ];
    const result = latestByRespondent(responses);
    expect(result.respondents.map((r) => [r.respondentId, r.index, r.responses])).toEqual([
      ["A", 0, 3],
      ["B", 4, 2],
      ["C", 6, 2],
    ]);
    expect(result.respondents[0]?.response).toBe(responses[0]);
  });

  it("compares ids exactly and orders them by code unit", () => {
    const result = latestByRespondent([
      { score: 9, respondentId: "b" },
      { score: 9, respondentId: "B" },
      { score: 9, respondentId: "B " },
      { score: 9, respondentId: "" },
    ]);
    expect(result.respondents.map((r) => r.respondentId)).toEqual(["", "B", "B ", "b"]);
  });

  it("reports answers without an id and after asOf", () => {
    const result = latestByRespondent(
      [
        { score: 9 },
        { score: 9, respondentId: "A", date: new Date("2026-05-01") },
        { score: 3, respondentId: "A", date: new Date("2026-01-01") },
        { score: 5, date: new Date("2026-06-01") },
      ],
      { asOf: new Date("2026-03-01") },
    );
    expect(result.withoutRespondent).toEqual([0]);
    expect(result.afterAsOf).toBe(2);
    expect(result.respondents.map((r) => r.response.score)).toEqual([3]);
  });

  it("returns empty lists for no responses", () => {
    expect(latestByRespondent([])).toEqual({ respondents: [], withoutRespondent: [], afterAsOf: 0 });
  });

  it.each([
    [
      () => latestByRespondent([], { asOf: new Date("nope") }),
      "invalid_option",
      "latestByRespondent: asOf must be a valid Date, received Invalid Date",
    ],
    [
      () => latestByRespondent([], { asOf: "2026-01-01" as never }),
      "invalid_option",
      'latestByRespondent: asOf must be a valid Date, received "2026-01-01"',
    ],
    [
      () => latestByRespondent([{ score: 9, date: "2026" as never }]),
      "invalid_date",
      'latestByRespondent: date must be a valid Date or absent, received "2026" at index 0',
    ],
  ])("error %#", (call, code, message) => {
    const error = thrown(call);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
