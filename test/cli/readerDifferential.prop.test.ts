import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AttributeValue } from "../../src/core/response.js";
import type { ColumnarBatch } from "../../src/input/columnarBatch.js";
import type { ParseResult } from "../../src/input/parseResponses.js";
import { type EncodingChoice, type ReadingIo, type ReadingOptions, streamResponses } from "../../src/node.js";

/** The columns a generated file names. */
type ColumnOptions = Pick<ReadingOptions, "score" | "date" | "weight" | "respondentId" | "timeZone" | "attributes">;

/*
 * The command's fast path (cells straight from the text into typed columns, checks compiled once) and
 * the reference path (row objects, then parseResponses) read thousands of generated hostile files:
 * quotes, doubled and stray quotes, line breaks inside quotes, CR / CRLF / LF, a byte-order mark,
 * UTF-16 with and without a mark, blank and NA scores, bad dates and weights, `__proto__` columns and
 * ragged rows. Both must accept the same responses, skip and reject the same rows with the same
 * messages, and account for every row: read = accepted + skipped + rejected.
 */

const NAMES = ["score", "date", "id", "plan", "weight", "__proto__", "comment", "constructor"] as const;
const CELLS = [
  "",
  "NA",
  " n/a ",
  "0",
  "6",
  "7",
  "9",
  "10",
  "11",
  "-0",
  "9.0",
  "8.5",
  " 10 ",
  "1e1",
  "2026-03-01",
  "2026-03-01T10:00:00Z",
  "2026-03-01T10:00:00.123Z",
  "2026-03-01 23:59:59",
  "2026-02-29",
  "2024-02-29T24:00:00Z",
  "0099-01-01",
  "2026-03-01T10:00:00+02:00",
  "1.5",
  "-2",
  "1e999",
  "0",
  "pro",
  "free",
  "Ünïcödé",
  "toString",
  "__proto__",
  '"quoted, with a comma"',
  '"line\nbreak"',
  '"cr\rinside"',
  '"doubled ""quote"""',
  '""',
  'He said "no"',
  '"closed"then text',
  "=1+1",
];

interface HostileFile {
  readonly bytes: Uint8Array;
  readonly pieces: ReadonlyArray<number>;
  readonly columns: ColumnOptions;
  readonly missingScore: "skip" | "reject";
  readonly encoding: EncodingChoice;
}

const hostileFile: fc.Arbitrary<HostileFile> = fc
  .record({
    header: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 6 }),
    rows: fc.array(fc.array(fc.constantFrom(...CELLS), { minLength: 0, maxLength: 8 }), { maxLength: 25 }),
    delimiter: fc.constantFrom(",", ";", "\t"),
    lineBreaks: fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 1, maxLength: 3 }),
    finalBreak: fc.boolean(),
    blankLines: fc.boolean(),
    bom: fc.boolean(),
    encoding: fc.constantFrom("utf-8", "utf-16le", "utf-16be", "utf-16le-no-mark", "latin1"),
    pieces: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }),
    attributes: fc.subarray(["plan", "__proto__", "constructor", "comment"]),
    weighted: fc.boolean(),
    dated: fc.boolean(),
    missingScore: fc.constantFrom<"skip" | "reject">("skip", "reject"),
    timeZone: fc.constantFrom("UTC", "Europe/Paris"),
  })
  .map((spec) => {
    const lines = [spec.header.join(spec.delimiter)];
    for (const row of spec.rows) lines.push(row.join(spec.delimiter));
    let text = "";
    lines.forEach((line, i) => {
      text += line;
      if (i < lines.length - 1 || spec.finalBreak) text += spec.lineBreaks[i % spec.lineBreaks.length];
      if (spec.blankLines && i % 4 === 3) text += "\n";
    });
    const known = new Set<string>(spec.header);
    const columns: { -readonly [K in keyof ColumnOptions]: ColumnOptions[K] } = {
      score: known.has("score") ? "score" : (spec.header[0] as string),
    };
    if (spec.dated && known.has("date")) columns.date = "date";
    if (spec.weighted && known.has("weight")) columns.weight = "weight";
    if (known.has("id")) columns.respondentId = "id";
    if (spec.timeZone !== "UTC") columns.timeZone = spec.timeZone;
    const attributes = spec.attributes.filter((name) => known.has(name) && name !== columns.score);
    if (attributes.length > 0) columns.attributes = attributes;
    return {
      bytes: encode(text, spec.encoding, spec.bom),
      pieces: spec.pieces,
      columns,
      missingScore: spec.missingScore,
      encoding: spec.encoding === "latin1" ? ("latin1" as const) : ("auto" as const),
    };
  });

function encode(text: string, encoding: string, bom: boolean): Uint8Array {
  if (encoding === "latin1") return Buffer.from(text.replace(/[^\x20-\xff\n\r\t]/g, "?"), "latin1");
  if (encoding === "utf-8") return Buffer.from((bom ? "\uFEFF" : "") + text, "utf8");
  if (encoding === "utf-16le-no-mark") return Buffer.from(text, "utf16le");
  const little = Buffer.from(`\uFEFF${text}`, "utf16le");
  if (encoding === "utf-16be") {
    for (let i = 0; i + 1 < little.length; i += 2) {
      [little[i], little[i + 1]] = [little[i + 1] as number, little[i] as number];
    }
  }
  return little;
}

/** In-memory io handing the file over in pieces of the given sizes (cycled), to cut records anywhere. */
function memoryIo(bytes: Uint8Array, pieces: ReadonlyArray<number>): ReadingIo {
  return {
    openFile: async () => ({
      size: bytes.length,
      chunks: (async function* () {
        let at = 0;
        for (let i = 0; at < bytes.length; i++) {
          const size = pieces[i % pieces.length] as number;
          yield bytes.subarray(at, at + size);
          at += size;
        }
      })(),
    }),
  };
}

interface Outcome {
  readonly responses: unknown[];
  readonly skipped: number[];
  readonly issues: Array<{ row: number | undefined; field: string | undefined; message: string }>;
  readonly counts: { rows: number; accepted: number; skipped: number; rejected: number };
  readonly failure?: string;
}

async function read(file: HostileFile, output: "responses" | "columns"): Promise<Outcome> {
  const outcome: Outcome = {
    responses: [],
    skipped: [],
    issues: [],
    counts: { rows: 0, accepted: 0, skipped: 0, rejected: 0 },
  };
  const options = {
    ...file.columns,
    encoding: file.encoding,
    inputFormat: "csv" as const,
    missingScore: file.missingScore,
    ...memoryIo(file.bytes, file.pieces),
  };
  const account = (batch: Pick<ParseResult, "skipped" | "issues" | "counts">): void => {
    for (const row of batch.skipped) outcome.skipped.push(row.row);
    for (const issue of batch.issues) {
      outcome.issues.push({ row: issue.row, field: issue.field, message: issue.message });
    }
    for (const key of ["rows", "accepted", "skipped", "rejected"] as const) outcome.counts[key] += batch.counts[key];
  };
  try {
    if (output === "responses") {
      await streamResponses("hostile.csv", { ...options, output }, (batch) => {
        account(batch);
        for (const response of batch.responses) {
          outcome.responses.push({
            score: response.score,
            time: response.date?.getTime(),
            respondentId: response.respondentId,
            weight: response.weight,
            comment: response.comment,
            attributes: response.attributes === undefined ? undefined : { ...response.attributes },
          });
        }
      });
    } else {
      await streamResponses("hostile.csv", { ...options, output }, (batch) => {
        account(batch);
        outcome.responses.push(...responsesOfColumns(batch));
      });
    }
  } catch (error) {
    return { ...outcome, failure: (error as Error).message };
  }
  return outcome;
}

/** The responses of a columnar batch, in the shape the reference path's are compared in. */
function responsesOfColumns(batch: ColumnarBatch): unknown[] {
  const { scores, times, weights, respondentIds, segments } = batch.columns;
  const names = segments === undefined ? [] : Object.keys(segments);
  const out: unknown[] = [];
  for (let i = 0; i < scores.length; i++) {
    let attributes: Record<string, AttributeValue> | undefined;
    if (segments !== undefined && names.length > 0) {
      attributes = {};
      for (const name of names) {
        const column = segments[name];
        const code = column?.codes[i] as number;
        Object.defineProperty(attributes, name, {
          value: column?.dictionary[code],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    const time = times?.[i];
    out.push({
      score: scores[i],
      time: time === undefined || Number.isNaN(time) ? undefined : time,
      respondentId: respondentIds?.[i],
      weight: weights?.[i],
      comment: batch.comments?.[i],
      attributes,
    });
  }
  return out;
}

describe("the columnar fast path and parseResponses agree on hostile files", () => {
  it("same accepted responses, same skipped and rejected rows, same messages, every row accounted for", async () => {
    let rejectedSeen = 0;
    let malformedSeen = 0;
    await fc.assert(
      fc.asyncProperty(hostileFile, async (file) => {
        const reference = await read(file, "responses");
        const fast = await read(file, "columns");
        expect(fast.failure).toBe(reference.failure);
        if (reference.failure !== undefined) return;
        expect(fast.counts).toEqual(reference.counts);
        const { rows, accepted, skipped, rejected } = reference.counts;
        expect(accepted + skipped + rejected).toBe(rows);
        expect(fast.skipped).toEqual(reference.skipped);
        expect(fast.issues).toEqual(reference.issues);
        expect(fast.responses).toEqual(reference.responses);
        rejectedSeen += rejected;
        malformedSeen += reference.issues.filter((issue) => issue.message.includes("quote")).length;
      }),
      { numRuns: 2000 },
    );
    // The generated files do exercise rejections, broken quoting included.
    expect(rejectedSeen).toBeGreaterThan(1000);
    expect(malformedSeen).toBeGreaterThan(100);
  }, 120_000);
});
