import type { FieldMapping, NpsIssue, NpsResponse } from "../index.js";
import { type EncodingChoice, type InputFormatChoice, streamResponses, undatedNote } from "../node.js";
import { SHOWN_REASONS } from "./collect.js";
import { type CliIo, dataError, readingIo, usageError, writeNote } from "./io.js";
import { columnOptions, delimiterOption, READ_OPTIONS, type ReadValues } from "./options.js";
import { plural } from "./plural.js";

/** Responses read from one file, with what was rejected and skipped. */
export interface ReadResponses {
  readonly responses: ReadonlyArray<NpsResponse>;
  /** The row of each response, as in the notes (a CSV file's line, the header being line 1). */
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
 * `npskit report` does (`streamResponses` of `npskit/node`: decode and read rows as they come, choose
 * the columns on the first rows, parse in collect mode, skip blank scores, keep rows whose date does
 * not parse undated); only the accepted responses are kept. Notes and the first rejected rows go to
 * standard error, each prefixed with the file's name, with the count of rows read, accepted, skipped
 * (no answer: empty, NA) and rejected; a file without a valid score is a data error (exit 1).
 */
export async function readResponses(file: string, values: ReadValues, io: CliIo): Promise<ReadResponses> {
  const source = file === "-" ? "standard input" : file;
  const note = (text: string): void => writeNote(io, `${source}: ${text}`);
  const format = values["input-format"] ?? "auto";
  if (!["auto", "csv", "json", "ndjson"].includes(format)) {
    throw usageError(`--input-format must be one of auto, csv, json, ndjson, received ${JSON.stringify(format)}`);
  }
  const delimiter = delimiterOption(values.delimiter);
  const columns = columnOptions(values, values.attribute);
  const responses: NpsResponse[] = [];
  const issues: NpsIssue[] = [];
  const rowNumbers: number[] = [];
  const counts = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
  let undated = 0;
  const reading = readingIo(io, note);
  let input: Awaited<ReturnType<typeof streamResponses>>;
  try {
    input = await streamResponses(
      file,
      {
        ...columns,
        encoding: encodingOf(values.encoding),
        inputFormat: format as InputFormatChoice,
        ...(delimiter === undefined ? {} : { delimiter }),
        ...reading.options,
      },
      (batch) => {
        for (const response of batch.responses) responses.push(response);
        for (const row of batch.rowNumbers) rowNumbers.push(row);
        for (const issue of batch.issues) issues.push(issue);
        undated += batch.undated.length;
        counts.rows += batch.counts.rows;
        counts.accepted += batch.counts.accepted;
        counts.skipped += batch.counts.skipped;
        counts.rejected += batch.counts.rejected;
      },
    );
  } finally {
    reading.done();
  }
  // No limit here: the commands other than report list the rejected rows and go on.
  if (undated > 0) note(undatedNote(undated));
  for (const issue of issues.slice(0, SHOWN_REASONS)) note(`row ${issue.row ?? "?"}: ${issue.message}`);
  if (issues.length > SHOWN_REASONS) note(`and ${issues.length - SHOWN_REASONS} more issues`);
  note(
    `${counts.rows} ${counts.rows === 1 ? "row" : "rows"} read: ${counts.accepted} accepted, ${counts.skipped} skipped, ${counts.rejected} rejected${counts.rejected > 0 ? " (rejected rows are left out)" : ""}`,
  );
  if (responses.length === 0) {
    throw dataError(`no valid score in ${source} (${plural(counts.rows, "row")})`);
  }
  return {
    responses,
    rowNumbers,
    rows: counts.rows,
    rejected: counts.rejected,
    skipped: counts.skipped,
    fields: input.fields,
  };
}

function encodingOf(value: string | undefined): EncodingChoice {
  if (value === undefined) return "auto";
  const lower = value.toLowerCase();
  if (lower === "auto" || lower === "utf-8" || lower === "utf8") return lower === "auto" ? "auto" : "utf-8";
  if (["latin1", "latin-1", "iso-8859-1", "iso8859-1"].includes(lower)) return "latin1";
  throw usageError(`--encoding must be one of auto, utf-8, latin1, received ${JSON.stringify(value)}`);
}
