import { describe, expect, it } from "vitest";
import { dueForResurvey } from "../../src/index.js";
import { thrown } from "./helpers.js";

describe("dueForResurvey", () => {
  const asOf = new Date("2026-06-01T00:00:00Z");
  const responses = [
    { score: 9, respondentId: "A", date: new Date("2026-01-05T00:00:00Z") },
    { score: 4, respondentId: "A", date: new Date("2026-05-20T00:00:00Z") }, // A is throttled
    { score: 7, respondentId: "B", date: new Date("2026-03-03T00:00:00Z") }, // exactly 90 days: due
    { score: 6, respondentId: "C", date: new Date("2025-11-01T00:00:00Z") },
    { score: 8, respondentId: "D", date: new Date("2026-07-01T00:00:00Z") }, // after asOf: ignored
    { score: 10, respondentId: "E" },
    { score: 10 },
  ];

  it("splits respondents into due (oldest first) and throttled (soonest first)", () => {
    const schedule = dueForResurvey(responses, { asOf });
    expect(schedule.asOf).toBe("2026-06-01T00:00:00.000Z");
    expect(schedule.minDays).toBe(90);
    expect(schedule.due).toEqual([
      {
        respondentId: "C",
        lastAnswered: "2025-11-01T00:00:00.000Z",
        dueDate: "2026-01-30T00:00:00.000Z",
        daysSinceLastAnswer: 212,
        lastScore: 6,
      },
      {
        respondentId: "B",
        lastAnswered: "2026-03-03T00:00:00.000Z",
        dueDate: "2026-06-01T00:00:00.000Z",
        daysSinceLastAnswer: 90,
        lastScore: 7,
      },
    ]);
    expect(schedule.throttled.map((entry) => [entry.respondentId, entry.dueDate])).toEqual([
      ["A", "2026-08-18T00:00:00.000Z"],
    ]);
    expect(schedule.undated).toEqual(["E"]);
    expect(schedule.withoutRespondent).toBe(1);
  });

  it("takes minDays", () => {
    const schedule = dueForResurvey(responses, { asOf, minDays: 10 });
    expect(schedule.due.map((entry) => entry.respondentId)).toEqual(["C", "B", "A"]);
    expect(dueForResurvey(responses, { asOf, minDays: 0 }).throttled).toEqual([]);
  });

  it.each([
    [
      () => dueForResurvey([], {} as never),
      "invalid_option",
      "dueForResurvey: asOf must be a valid Date, received undefined",
    ],
    [
      () => dueForResurvey([], undefined as never),
      "invalid_option",
      "dueForResurvey: options must be an object with asOf, received undefined",
    ],
    [
      () => dueForResurvey([], { asOf, minDays: 1.5 }),
      "invalid_option",
      "dueForResurvey: minDays must be an integer from 0 to 36500, received 1.5",
    ],
    [
      () => dueForResurvey([], { asOf, minDays: -1 }),
      "invalid_option",
      "dueForResurvey: minDays must be an integer from 0 to 36500, received -1",
    ],
  ])("error %#", (call, code, message) => {
    const error = thrown(call);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
