import type { FieldMapping, NpsIssue, NpsResponse } from "../index.js";
import {
  type CliIo,
  columnOptions,
  dataError,
  type EncodingChoice,
  type InputFormatChoice,
  type ReadValues,
  streamResponses,
  usageError,
} from "../node.js";
import { SHOWN_REASONS } from "./collect.js";
import { delimiterOption, READ_OPTIONS } from "./options.js";
import { plural } from "./plural.js";

/** Responses read from one file, with what was rejected and skipped. */
export interface ReadResponses {
  readonly responses: ReadonlyArray<NpsResponse>;
  /** The data row (1-based, as in the notes) of each response. */
  readonly rowNumbers: ReadonlyArray<number>;
  readonly rows: number;
  readonly rejected: number;
  readonly skipped: number;
  readonly fields: FieldMapping;
}

/** The names of the reading options given on the command line (for "needs a file" errors). */
export function givenReadOptions(values: ReadValues): string[] {
  return (Object.keys(READ_OPTIONS) as Array<keyof ReadValues>)
    .filter((name) => values[name] !== undefined)
    .map((name) => `--${name}`);
}

/**
 * Reads a CSV, JSON or NDJSON file (or standard input for `-`) into validated responses, the way
 * `npskit report` does ({@link streamResponses}: decode and read rows as they come, choose the columns
 * on the first rows, parse in collect mode); only the accepted responses are kept. Notes and the
 * first rejected rows go to standard error, each prefixed with the file's name, with the count of rows
 * read, accepted, skipped (no answer: empty, NA) and rejected; a file without a
 * valid score is a data error (exit 1).
 */
export async function readResponses(file: string, values: ReadValues, io: CliIo): Promise<ReadResponses> {
  const source = file === "-" ? "standard input" : file;
  const note = (text: string): void => io.stderr(`npskit: ${source}: ${text}\n`);
  const format = values["input-format"] ?? "auto";
  if (!["auto", "csv", "json", "ndjson"].includes(format)) {
    throw usageError(`--input-format must be one of auto, csv, json, ndjson, received ${JSON.stringify(format)}`);
  }
  const delimiter = delimiterOption(values.delimiter);
  const responses: NpsResponse[] = [];
  // Rows left out (rejected or skipped), to number the accepted ones as the notes do.
  const leftOut = new Set<number>();
  // The first problems are shown on standard error, the others counted.
  const issues: NpsIssue[] = [];
  let issueCount = 0;
  const counts = { rows: 0, rejected: 0, skipped: 0 };
  const read = await streamResponses(
    file,
    {
      columns: columnOptions(values, values.attribute),
      encoding: encodingOf(values.encoding),
      inputFormat: format as InputFormatChoice,
      ...optional("delimiter", delimiter),
      // As `npskit report` does by default: a row without an answer (empty, NA) is skipped, not rejected.
      missingScore: "skip",
      note,
    },
    io,
    (batch) => {
      for (const response of batch.responses) responses.push(response);
      for (const issue of batch.issues) leftOut.add(issue.row ?? 0);
      for (const skipped of batch.skipped) leftOut.add(skipped.row);
      issueCount += batch.issues.length;
      for (const issue of batch.issues) {
        if (issues.length >= SHOWN_REASONS) break;
        issues.push(issue);
      }
      counts.rows += batch.counts.rows;
      counts.rejected += batch.counts.rejected;
      counts.skipped += batch.counts.skipped;
    },
  );
  for (const issue of issues) note(`row ${issue.row ?? "?"}: ${issue.message}`);
  if (issueCount > SHOWN_REASONS) note(`and ${issueCount - SHOWN_REASONS} more issues`);
  note(
    `${counts.rows} ${counts.rows === 1 ? "row" : "rows"} read: ${counts.rows - counts.skipped - counts.rejected} accepted, ${counts.skipped} skipped, ${counts.rejected} rejected${counts.rejected > 0 ? " (rejected rows are left out)" : ""}`,
  );
  if (responses.length === 0) {
    throw dataError(`no valid score in ${source} (${plural(counts.rows, "row")})`);
  }
  // Rows are numbered as in the notes: CSV rows by their line (the header is line 1), JSON and NDJSON from 1.
  const rowNumbers: number[] = [];
  for (let row = read.format === "csv" ? 2 : 1; rowNumbers.length < responses.length; row++) {
    if (!leftOut.has(row)) rowNumbers.push(row);
  }
  return { responses, rowNumbers, ...counts, fields: read.fields };
}

function encodingOf(value: string | undefined): EncodingChoice {
  if (value === undefined) return "auto";
  const lower = value.toLowerCase();
  if (lower === "auto" || lower === "utf-8" || lower === "utf8") return lower === "auto" ? "auto" : "utf-8";
  if (["latin1", "latin-1", "iso-8859-1", "iso8859-1"].includes(lower)) return "latin1";
  throw usageError(`--encoding must be one of auto, utf-8, latin1, received ${JSON.stringify(value)}`);
}

/** `{ [key]: value }` when the value is defined, `{}` otherwise (for exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
