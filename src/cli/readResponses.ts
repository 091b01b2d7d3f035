import type { NpsResponse } from "../core/response.js";
import { type FieldMapping, parseResponses } from "../input/parseResponses.js";
import { chooseFields } from "./chooseFields.js";
import { decodeText, type EncodingChoice } from "./decode.js";
import { type CliIo, dataError, usageError } from "./io.js";
import { delimiterOption, READ_OPTIONS } from "./options.js";
import { type InputFormatChoice, readRows } from "./readRows.js";

/** The values of {@link READ_OPTIONS} after `parseArgs`. */
export interface ReadValues {
  readonly score?: string | undefined;
  readonly date?: string | undefined;
  readonly "date-format"?: string | undefined;
  readonly "time-zone"?: string | undefined;
  readonly respondent?: string | undefined;
  readonly comment?: string | undefined;
  readonly attribute?: string[] | undefined;
  readonly encoding?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly "input-format"?: string | undefined;
}

/** Responses read from one file, with what was rejected and skipped. */
export interface ReadResponses {
  readonly responses: ReadonlyArray<NpsResponse>;
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
 * `npskit report` does: decode, read rows, choose the columns (guessing what is not given), parse in
 * collect mode. Notes and rejected rows go to standard error; a file without a valid score is a data
 * error (exit 1).
 */
export async function readResponses(file: string, values: ReadValues, io: CliIo): Promise<ReadResponses> {
  const note = (text: string): void => io.stderr(`npskit: ${text}\n`);
  const source = file === "-" ? "standard input" : file;
  const encoding = encodingOf(values.encoding);
  const format = values["input-format"] ?? "auto";
  if (!["auto", "csv", "json", "ndjson"].includes(format)) {
    throw usageError(`--input-format must be one of auto, csv, json, ndjson, received ${JSON.stringify(format)}`);
  }
  const delimiter = delimiterOption(values.delimiter);
  let bytes: Uint8Array;
  try {
    bytes = file === "-" ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (error as Error).message;
    throw dataError(`cannot read ${file}: ${reason}`);
  }
  const decoded = decodeText(bytes, encoding);
  if (decoded.note !== undefined) note(`${source}: encoding: ${decoded.note}`);
  const table = readRows(decoded.text, {
    format: format as InputFormatChoice,
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(file === "-" ? {} : { fileName: file }),
  });
  for (const text of table.notes) note(`${source}: ${text}`);
  if (table.rows.length === 0) throw dataError(`${source} has no data rows`);
  const timeZone = values["time-zone"];
  const chosen = chooseFields(table, {
    ...optional("score", values.score),
    ...optional("date", values.date),
    ...optional("dateFormat", values["date-format"]),
    ...optional("timeZone", timeZone),
    ...optional("respondent", values.respondent),
    ...optional("comment", values.comment),
    ...optional("attributes", values.attribute),
  });
  for (const text of chosen.notes) note(`${source}: ${text}`);
  const parsed = parseResponses(table.rows, {
    fields: chosen.fields,
    mode: "collect",
    firstRow: table.format === "csv" ? 2 : 1,
    ...optional("dateFormat", chosen.dateFormat),
    ...optional("timeZone", timeZone),
  });
  for (const issue of parsed.issues.slice(0, 5)) note(`${source}: row ${issue.row ?? "?"}: ${issue.message}`);
  if (parsed.issues.length > 5) note(`${source}: and ${parsed.issues.length - 5} more issues`);
  if (parsed.counts.rejected > 0) note(`${source}: ${parsed.counts.rejected} rows rejected and left out`);
  if (parsed.responses.length === 0) {
    throw dataError(`no valid score in ${source} (${parsed.counts.rows} rows)`);
  }
  return {
    responses: parsed.responses,
    rows: parsed.counts.rows,
    rejected: parsed.counts.rejected,
    skipped: parsed.counts.skipped,
    fields: chosen.fields,
  };
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
