/**
 * The badDate option of parseResponses and parseColumnarBatch: a date that does not parse rejects
 * the row (the default) or leaves it undated, accepted and listed in `undated`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type NpsIssue, parseColumnarBatch, parseResponses } from "../../src/index.js";

const fields = { score: "score", date: "date", weight: "w" };
const rows = [
  { score: "9", date: "2026-03-01", w: "1" },
  { score: "3", date: "31/02/2026", w: "2" },
  { score: "12", date: "nope", w: "1" },
  { score: "7", date: "", w: "1" },
  { score: "10", date: "later", w: "0" },
];

describe("parseResponses: badDate", () => {
  it("rejects a row whose date does not parse by default, as before", () => {
    const result = parseResponses(rows, { fields, mode: "collect" });
    expect(result.counts).toEqual({ rows: 5, accepted: 2, skipped: 0, rejected: 3 });
    expect(result.undated).toEqual([]);
    expect(() => parseResponses(rows.slice(0, 2), { fields })).toThrow(/row 3 date must be an ISO 8601 date/);
  });

  it('keeps a valid row without its date with "undated", and lists it', () => {
    const result = parseResponses(rows, { fields, mode: "collect", badDate: "undated" });
    expect(result.counts).toEqual({ rows: 5, accepted: 3, skipped: 0, rejected: 2 });
    expect(result.responses).toEqual([
      { score: 9, date: new Date("2026-03-01T00:00:00Z"), weight: 1 },
      { score: 3, weight: 2 },
      { score: 7, weight: 1 },
    ]);
    expect(result.undated).toEqual([
      {
        path: [1, "date"],
        row: 3,
        field: "date",
        value: "31/02/2026",
        message:
          'date must be an ISO 8601 date or date-time, a valid Date or epoch milliseconds, received "31/02/2026"',
      },
    ]);
    // A row rejected for another value keeps its date problem among its issues.
    expect(result.issues.map((issue) => [issue.row, issue.field])).toEqual([
      [4, "score"],
      [4, "date"],
      [6, "date"],
      [6, "w"],
    ]);
  });

  it("does not throw in strict mode for undated rows only (they are accepted)", () => {
    const result = parseResponses([{ score: 9, date: "soon" }], {
      fields: { score: "score", date: "date" },
      badDate: "undated",
    });
    expect(result.responses).toEqual([{ score: 9 }]);
    expect(result.undated.map((issue) => issue.row)).toEqual([2]);
  });

  it("checks the option", () => {
    expect(() => parseResponses(rows, { fields, badDate: "drop" as never })).toThrow(
      'parseResponses: badDate must be "reject" or "undated", received "drop"',
    );
  });

  it("gives the same responses, issues and undated rows in columns as in objects (property)", () => {
    const cell = fc.oneof(
      fc.constantFrom("2026-01-05", "2026-13-40", "x", "", "NA", "2025-12-31T23:00:00Z"),
      fc.string(),
    );
    const row = fc.record({
      score: fc.oneof(fc.integer({ min: -1, max: 11 }).map(String), fc.constant("")),
      date: cell,
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.constantFrom("reject", "undated") as fc.Arbitrary<"reject" | "undated">,
        (list, badDate) => {
          const options = { fields: { score: "score", date: "date" }, badDate, missingScore: "skip" as const };
          const objects = parseResponses(list, { ...options, mode: "collect" });
          const columns = parseColumnarBatch(list, options);
          expect(Array.from(columns.columns.scores)).toEqual(objects.responses.map((r) => r.score));
          expect(Array.from(columns.columns.times ?? [])).toEqual(
            objects.responses.map((r) => r.date?.getTime() ?? Number.NaN),
          );
          expect(columns.issues).toEqual(objects.issues);
          expect(columns.undated).toEqual(objects.undated);
          expect(columns.counts).toEqual(objects.counts);
          // Every row is accounted for, and an undated row is an accepted row without a date.
          const { rows: read, accepted, skipped, rejected } = objects.counts;
          expect(accepted + skipped + rejected).toBe(read);
          const undatedRows = new Set(objects.undated.map((issue: NpsIssue) => issue.row));
          if (badDate === "reject") expect(undatedRows.size).toBe(0);
          expect(objects.responses.filter((r) => r.date === undefined).length).toBeGreaterThanOrEqual(undatedRows.size);
        },
      ),
    );
  });
});
