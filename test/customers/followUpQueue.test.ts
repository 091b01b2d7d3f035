import { describe, expect, it } from "vitest";
import { followUpQueue, type NpsResponse } from "../../src/index.js";
import { thrown } from "./helpers.js";

const responses: NpsResponse[] = [
  { score: 10, respondentId: "P1", date: new Date("2026-03-02T10:00:00Z"), comment: "Love it" },
  { score: 8, respondentId: "O1", date: new Date("2026-03-04T10:00:00Z") },
  { score: 3, respondentId: "D1", date: new Date("2026-03-01T10:00:00Z"), attributes: { spend: 10 } },
  { score: 5, respondentId: "D2", date: new Date("2026-03-03T10:00:00Z"), attributes: { spend: 50 } },
  { score: 6, respondentId: "D3", date: new Date("2026-03-03T10:00:00Z"), attributes: { spend: 900 } },
  { score: 0, respondentId: "D4", attributes: { spend: null } },
  { score: 9, respondentId: "P1", date: new Date("2026-03-05T10:00:00Z") },
];

describe("followUpQueue", () => {
  it("orders detractors first, then by recency, then by value, with the action and comment", () => {
    const queue = followUpQueue(responses, { valueAttribute: "spend" });
    expect(queue.entries.map((e) => e.respondentId)).toEqual(["D3", "D2", "D1", "D4", "O1", "P1", "P1"]);
    expect(queue.entries.map((e) => e.action)).toEqual([
      "contact",
      "contact",
      "contact",
      "contact",
      "ask-improvement",
      "ask-review",
      "ask-review",
    ]);
    expect(queue.entries[0]).toEqual({
      position: 1,
      index: 4,
      respondentId: "D3",
      score: 6,
      category: "detractor",
      action: "contact",
      actionText: "contact quickly: listen, fix the problem, report back",
      date: "2026-03-03T10:00:00.000Z",
      value: 900,
    });
    expect(queue.entries[6]?.comment).toBe("Love it");
    expect(queue.actions).toEqual({ contact: 4, "ask-improvement": 1, "ask-review": 2 });
    expect(queue.workingDaysNeeded).toBe(0);
    expect(queue.entries.every((e) => e.dueDate === undefined)).toBe(true);
  });

  it("keeps one entry per respondent with respondents: latest, and only the chosen categories", () => {
    const latest = followUpQueue(responses, { respondents: "latest" });
    expect(latest.entries.filter((e) => e.respondentId === "P1").map((e) => e.index)).toEqual([6]);
    const detractors = followUpQueue(responses, { categories: ["detractor"] });
    expect(detractors.entries).toHaveLength(4);
  });

  it("spreads the queue over working days from the newest answer's day", () => {
    // Newest answer: Thursday 2026-03-05. Capacity 3: Thu, Fri, then Monday.
    const queue = followUpQueue(responses, { capacityPerDay: 3 });
    expect(queue.entries.map((e) => e.dueDate)).toEqual([
      "2026-03-05",
      "2026-03-05",
      "2026-03-05",
      "2026-03-06",
      "2026-03-06",
      "2026-03-06",
      "2026-03-09",
    ]);
    expect(queue.workingDaysNeeded).toBe(3);
    expect(queue.lastDueDate).toBe("2026-03-09");
    expect(queue.capacityPerDay).toBe(3);
  });

  it("reads the start day in the time zone and takes other working days", () => {
    // 2026-03-06T23:30Z is Saturday 7 March in Tokyo; Saturday is a working day here.
    const queue = followUpQueue(responses, {
      capacityPerDay: 4,
      startDate: new Date("2026-03-06T23:30:00Z"),
      timeZone: "Asia/Tokyo",
      workingDays: [6],
    });
    expect(queue.entries.map((e) => e.dueDate)).toEqual([
      "2026-03-07",
      "2026-03-07",
      "2026-03-07",
      "2026-03-07",
      "2026-03-14",
      "2026-03-14",
      "2026-03-14",
    ]);
  });

  it("returns an empty queue for no responses", () => {
    expect(followUpQueue([], { capacityPerDay: 5 })).toEqual({
      entries: [],
      actions: { contact: 0, "ask-improvement": 0, "ask-review": 0 },
      capacityPerDay: 5,
      workingDaysNeeded: 0,
    });
  });

  it.each([
    [
      () => followUpQueue(responses, { capacityPerDay: 0 }),
      "invalid_option",
      "followUpQueue: capacityPerDay must be a positive integer, received 0",
    ],
    [
      () => followUpQueue(responses, { categories: ["promoters" as never] }),
      "invalid_option",
      'followUpQueue: categories must be one of "promoter", "passive", "detractor", received "promoters"',
    ],
    [
      () => followUpQueue(responses, { workingDays: [] }),
      "invalid_option",
      "followUpQueue: workingDays must be a non-empty array of distinct week days 0 (Sunday) to 6 (Saturday), received []",
    ],
    [
      () => followUpQueue(responses, { workingDays: [1, 1] }),
      "invalid_option",
      "followUpQueue: workingDays must be a non-empty array of distinct week days 0 (Sunday) to 6 (Saturday), received [1,1]",
    ],
    [
      () => followUpQueue(responses, { timeZone: "Mars/Olympus" }),
      "invalid_date",
      'followUpQueue: timeZone must be a known IANA time-zone name, received "Mars/Olympus"',
    ],
    [
      () => followUpQueue([{ score: 3 }], { capacityPerDay: 2 }),
      "invalid_option",
      "followUpQueue: startDate must be a valid Date when capacityPerDay is given and no response is dated, received undefined",
    ],
    [
      () => followUpQueue([{ score: 3, attributes: { spend: "high" } }], { valueAttribute: "spend" }),
      "invalid_input",
      'followUpQueue: attributes.spend must be a finite number or null, received "high" at index 0',
    ],
  ])("error %#", (call, code, message) => {
    const error = thrown(call);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
