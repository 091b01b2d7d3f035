import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseResponses } from "../../src/index.js";

const cell = fc.oneof(
  fc.constantFrom(undefined, null, "", " ", "NA", "n/a", "9", " 10 ", "9.0", "8.5", "+9", "1e1", "11", "-1", "x"),
  fc.constantFrom("2026-03-01", "2026-03-08T02:30", "2026-02-30", "1.5", "0", true, false),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -3, max: 13 }),
  fc.double(),
  fc.date({ noInvalidDate: false }),
  fc.constant({}),
);
const columns = ["score", "date", "weight", "id", "comment", "plan"] as const;
const row = fc.record(
  Object.fromEntries(columns.map((column) => [column, cell])) as Record<(typeof columns)[number], typeof cell>,
);
const rows = fc.array(
  fc.oneof({ weight: 9, arbitrary: row }, { weight: 1, arbitrary: fc.constantFrom(null, "9", [9]) }),
  {
    maxLength: 40,
  },
);
const fields = {
  score: "score",
  date: "date",
  weight: "weight",
  respondentId: "id",
  comment: "comment",
  attributes: ["plan"],
};

describe("parseResponses properties", () => {
  it("every row is accounted for: accepted + skipped + rejected = rows", () => {
    fc.assert(
      fc.property(
        rows,
        fc.constantFrom("reject" as const, "skip" as const),
        fc.constantFrom("UTC", "America/New_York", "Asia/Kathmandu"),
        fc.integer({ min: 0, max: 5000 }),
        (values, missingScore, timeZone, firstRow) => {
          // Non-object rows are part of the test: they must be rejected and counted like the others.
          const all = [
            Object.fromEntries(columns.map((column) => [column, "9"])),
            ...values,
          ] as unknown as ReadonlyArray<Record<string, unknown>>;
          const result = parseResponses(all, { fields, missingScore, timeZone, firstRow, mode: "collect" });
          const { counts } = result;
          expect(counts.rows).toBe(all.length);
          expect(counts.accepted + counts.skipped + counts.rejected).toBe(counts.rows);
          expect(result.responses).toHaveLength(counts.accepted);
          expect(result.skipped).toHaveLength(counts.skipped);
          const rejectedRows = new Set(result.issues.map((issue) => issue.row));
          expect(rejectedRows.size).toBe(counts.rejected);
          for (const skipped of result.skipped) expect(rejectedRows.has(skipped.row)).toBe(false);
          for (const issue of result.issues) {
            expect(issue.row).toBe(firstRow + (issue.path[0] as number));
            expect(issue.message).toMatch(/^[a-z].* must be .*, received /);
          }
          for (const response of result.responses) {
            expect(Number.isInteger(response.score)).toBe(true);
            if (response.date != null) expect(Number.isNaN(response.date.getTime())).toBe(false);
            if (response.weight !== undefined) expect(response.weight).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it("a valid integer score string parses to the same score as the number", () => {
    const space = fc.constantFrom("", " ", "  ", "\t", "\n", "\u00a0");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), space, space, (score, before, after) => {
        const result = parseResponses([{ s: `${before}${score}${after}` }, { s: score }], { fields: { score: "s" } });
        expect(result.responses[0]?.score).toBe(score);
        expect(result.responses[0]).toEqual(result.responses[1]);
      }),
    );
  });

  it("parsing never pollutes Object.prototype", () => {
    const key = fc.oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "polluted"),
      fc.string({ maxLength: 6 }),
    );
    const value = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null), fc.constant({ polluted: 1 }));
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, value), { maxLength: 8 }),
        fc.array(key, { maxLength: 4 }),
        (entries, attributes) => {
          const raw = Object.fromEntries([["score", "9"], ...entries]);
          const row = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
          const present = [...new Set(attributes)].filter(
            (name) => name !== "" && name !== "score" && Object.hasOwn(row, name),
          );
          const result = parseResponses([raw, row], {
            fields: { score: "score", attributes: present },
            mode: "collect",
            missingScore: "skip",
          });
          for (const response of result.responses) {
            expect(Object.getPrototypeOf(response.attributes ?? Object.create(null))).toBe(null);
            for (const name of present) expect(Object.hasOwn(response.attributes ?? {}, name)).toBe(true);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
        },
      ),
    );
  });
});
