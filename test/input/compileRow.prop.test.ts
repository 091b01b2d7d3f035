import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NpsValidationError } from "../../src/core/errors.js";
import { defineScale, STANDARD_SCALE } from "../../src/core/scale.js";
import { parseColumnarBatch } from "../../src/input/columnarBatch.js";
import { type ParseOptions, parseResponses, resolveOptions } from "../../src/input/parseResponses.js";
import { referenceParse } from "./referenceParse.js";

/*
 * The checks compiled once per field mapping (parseResponses now) and the zod schema run on every row
 * (the reference: parseResponses as it was) must agree on every row: the same responses, the same
 * skipped rows, the same issues with the same messages and values, and in strict mode the same
 * error with the same issues. The columnar batch of the same rows holds the same
 * responses and the same accounting.
 */

const COLUMNS = ["score", "date", "id", "weight", "comment", "plan", "__proto__", "constructor"] as const;

const hostileString = fc.constantFrom(
  "",
  " ",
  "NA",
  " NA ",
  "null",
  "N/A",
  "\u00a0NA\u00a0",
  "0",
  "9",
  "10",
  "11",
  "-1",
  "-0",
  "09",
  "9.0",
  "9.00",
  " 7 ",
  "\t8\n",
  "+9",
  "8.5",
  "1e1",
  "0x9",
  "99999999999999999999",
  "nine",
  "2026-03-01",
  "2026-03-01T10:00:00Z",
  "2026-03-01T10:00:00.5Z",
  "2026-03-01T10:00:00.123Z",
  "2026-03-01t10:00:00z",
  "2026-03-01 10:00:00",
  "2026-03-01T10:00",
  "2026-03-01T10:00:00+01:00",
  "2026-03-01T10:00:00-0530",
  "2026-03-30T02:30:00",
  "2026-10-25T02:30:00",
  "2026-02-29",
  "2024-02-29",
  "2026-13-01",
  "2026-00-10",
  "2026-03-01T24:00:00Z",
  "2026-03-01T23:60:00Z",
  "0099-12-31T23:59:59.999Z",
  "0000-01-01",
  " 2026-03-01 ",
  "01/03/2026",
  "31/12/2025",
  "1.5",
  ".5",
  "2e-1",
  "1e999",
  "-2",
  "0.0",
  "Infinity",
  "__proto__",
  "toString",
  "é",
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -3, max: 13 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 8.5, 1e200, 2 ** 53, 1.7e12, -8.64e15, 8.7e15),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.constantFrom(new Date(Number.NaN), new Date(Date.UTC(2026, 2, 1))),
  fc.constantFrom({}, [], [9], 10n),
);

const hostileRow = fc.oneof(
  { weight: 12, arbitrary: fc.dictionary(fc.constantFrom(...COLUMNS), hostileValue, { maxKeys: 8 }) },
  fc.constantFrom(null, 9, "row", [1, 2]),
);

const options: fc.Arbitrary<ParseOptions> = fc
  .record({
    date: fc.boolean(),
    id: fc.boolean(),
    weight: fc.boolean(),
    comment: fc.boolean(),
    attributes: fc.subarray(["plan", "__proto__", "constructor"]),
    missingScore: fc.constantFrom<"skip" | "reject">("skip", "reject"),
    dateFormat: fc.constantFrom(undefined, "dd/MM/yyyy"),
    timeZone: fc.constantFrom("UTC", "Europe/Paris", "America/St_Johns"),
    scale: fc.constantFrom(STANDARD_SCALE, defineScale({ min: 1, max: 5, detractorMax: 3, promoterMin: 5 })),
  })
  .map((spec) => ({
    fields: {
      score: "score",
      ...(spec.date ? { date: "date" } : {}),
      ...(spec.id ? { respondentId: "id" } : {}),
      ...(spec.weight ? { weight: "weight" } : {}),
      ...(spec.comment ? { comment: "comment" } : {}),
      attributes: spec.attributes,
    },
    missingScore: spec.missingScore,
    ...(spec.dateFormat === undefined ? {} : { dateFormat: spec.dateFormat }),
    timeZone: spec.timeZone,
    scale: spec.scale,
    firstRow: 2,
  }));

/** Rows that hold every mapped column somewhere (parseResponses refuses a mapping no row has). */
function withColumns(rows: ReadonlyArray<unknown>): unknown[] {
  const all: Record<string, unknown> = Object.create(null);
  for (const column of COLUMNS) all[column] = "NA";
  return [...rows, all];
}

describe("compiled checks and the zod schema agree", () => {
  it("in collect mode: same responses, skipped rows, issues and counts; the columnar batch too", () => {
    fc.assert(
      fc.property(fc.array(hostileRow, { maxLength: 12 }), options, (generated, parseOptions) => {
        const rows = withColumns(generated);
        const result = parseResponses(rows as Array<Record<string, unknown>>, { ...parseOptions, mode: "collect" });
        const reference = referenceParse(rows, resolveOptions(parseOptions));
        expect(result.responses).toEqual(reference.responses);
        expect(result.skipped).toEqual(reference.skipped);
        expect(result.issues).toEqual(reference.issues);
        expect(result.counts.rejected).toBe(reference.rejected);

        const batch = parseColumnarBatch(rows, parseOptions);
        expect(batch.counts).toEqual(result.counts);
        expect(batch.issues).toEqual(result.issues);
        expect(batch.skipped).toEqual(result.skipped);
        const { scores, times, weights, respondentIds, segments } = batch.columns;
        expect(Array.from(scores)).toEqual(result.responses.map((response) => response.score));
        result.responses.forEach((response, i) => {
          expect(times?.[i]).toEqual(
            parseOptions.fields.date === undefined ? undefined : (response.date?.getTime() ?? Number.NaN),
          );
          expect(weights?.[i]).toEqual(
            parseOptions.fields.weight === undefined ? undefined : (response.weight ?? Number.NaN),
          );
          expect(respondentIds?.[i]).toBe(response.respondentId);
          expect(batch.comments?.[i]).toBe(response.comment);
          for (const name of parseOptions.fields.attributes ?? []) {
            const column = segments?.[name];
            expect(column?.dictionary[column.codes[i] as number]).toBe(response.attributes?.[name]);
          }
        });
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it("in strict mode: the same error and issues", () => {
    fc.assert(
      fc.property(fc.array(hostileRow, { maxLength: 6 }), options, (generated, parseOptions) => {
        const rows = withColumns(generated);
        const reference = referenceParse(rows, resolveOptions(parseOptions));
        let thrown: unknown;
        try {
          parseResponses(rows as Array<Record<string, unknown>>, parseOptions);
        } catch (error) {
          thrown = error;
        }
        if (reference.rejected === 0) {
          expect(thrown).toBeUndefined();
          return;
        }
        expect(thrown).toBeInstanceOf(NpsValidationError);
        const error = thrown as NpsValidationError;
        expect(error.issues).toEqual(reference.issues);
        // Every rejected row the reference's zod schema refuses has an issue here too.
        const zodRows = new Set<unknown>(reference.zodIssues.map((issue) => issue.path[0]));
        const issueRows = new Set<unknown>(error.issues.map((issue) => issue.path[0]));
        for (const row of zodRows) expect(issueRows.has(row)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
