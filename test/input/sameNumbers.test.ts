/**
 * Item 14 of issue 15: rows are numbered as lines of a file whose line 1 is the header, in the
 * library as in the command, and `null` means "absent" for every optional field of a response.
 */
import { describe, expect, it } from "vitest";
import {
  countResponses,
  followUpQueue,
  type NpsResponse,
  parseColumnarBatch,
  parseResponses,
  segmentBy,
  tallyResponses,
  trend,
} from "../../src/index.js";

describe("row numbers: the line of the row, the header being line 1", () => {
  const rows = [{ score: "9" }, { score: "eleven" }, { score: "" }, { score: "x" }];

  it("numbers the first row 2 in parseResponses", () => {
    const result = parseResponses(rows, { fields: { score: "score" }, mode: "collect", missingScore: "skip" });
    expect(result.issues.map((issue) => issue.row)).toEqual([3, 5]);
    expect(result.skipped.map((row) => row.row)).toEqual([4]);
    // The path still gives the index in the array.
    expect(result.issues.map((issue) => issue.path[0])).toEqual([1, 3]);
  });

  it("names the line in the strict-mode message", () => {
    expect(() => parseResponses([{ score: 1 }, { score: 12 }], { fields: { score: "score" } })).toThrow(
      /row 3 score must be an integer from 0 to 10/,
    );
  });

  it("numbers the rows of parseColumnarBatch the same way", () => {
    const batch = parseColumnarBatch(rows, { fields: { score: "score" }, missingScore: "skip" });
    expect(Array.from(batch.rowNumbers)).toEqual([2]);
    expect(batch.issues.map((issue) => issue.row)).toEqual([3, 5]);
    expect(batch.skipped.map((row) => row.row)).toEqual([4]);
  });

  it("keeps firstRow for chunks and for item numbers", () => {
    const chunk = parseResponses(rows, { fields: { score: "score" }, mode: "collect", firstRow: 1002 });
    expect(chunk.issues.map((issue) => issue.row)).toEqual([1003, 1004, 1005]);
    const items = parseResponses(rows, { fields: { score: "score" }, mode: "collect", firstRow: 1 });
    expect(items.issues.map((issue) => issue.row)).toEqual([2, 3, 4]);
  });
});

describe("null is absent for the optional fields of a response", () => {
  const withNulls: NpsResponse[] = [
    { score: 10, date: null, respondentId: null, weight: null, comment: null, attributes: null },
    { score: 3, date: new Date("2026-03-02T00:00:00Z"), respondentId: null, attributes: { plan: "pro" } },
    { score: 8, date: null, respondentId: "A", attributes: null },
  ];
  const without: NpsResponse[] = [
    { score: 10 },
    { score: 3, date: new Date("2026-03-02T00:00:00Z"), attributes: { plan: "pro" } },
    { score: 8, respondentId: "A" },
  ];

  it("counts and tallies them as responses without those fields", () => {
    expect(tallyResponses(withNulls)).toEqual(tallyResponses(without));
    expect(countResponses(withNulls, { by: ["plan"], period: "month" })).toEqual(
      countResponses(without, { by: ["plan"], period: "month" }),
    );
    expect(tallyResponses(withNulls).promoters).toBe(1);
  });

  it("segments, trends and queues them as responses without those fields", () => {
    expect(segmentBy(withNulls, "plan")).toEqual(segmentBy(without, "plan"));
    expect(trend(withNulls, { period: "month" })).toEqual(trend(without, { period: "month" }));
    expect(trend(withNulls, { period: "month", respondents: "latest" })).toEqual(
      trend(without, { period: "month", respondents: "latest" }),
    );
    const queue = followUpQueue(withNulls, { startDate: new Date("2026-03-10T00:00:00Z") });
    expect(queue).toEqual(followUpQueue(without, { startDate: new Date("2026-03-10T00:00:00Z") }));
  });

  it("still rejects a weight that is null on one response when others are weighted", () => {
    expect(() =>
      tallyResponses([
        { score: 9, weight: 2 },
        { score: 3, weight: null },
      ]),
    ).toThrow(/weight must be present on every response when any response is weighted, missing at index 1/);
  });

  it("reads null cells as missing values in parseResponses, as JSON and SQL give them", () => {
    const result = parseResponses([{ nps: 9, when: null, id: null, w: 1.5, note: null, plan: null }], {
      fields: { score: "nps", date: "when", respondentId: "id", weight: "w", comment: "note", attributes: ["plan"] },
    });
    expect(result.responses).toEqual([
      { score: 9, weight: 1.5, attributes: Object.assign(Object.create(null), { plan: null }) },
    ]);
  });
});
