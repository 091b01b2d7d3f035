import { parse } from "csv-parse/sync";
import { dataError } from "./io.js";

/** The input formats `--input-format` accepts. */
export type InputFormatChoice = "auto" | "csv" | "json" | "ndjson";

/** Raw rows read from a file, with the columns in file order and how they were read. */
export interface RawTable {
  /** One null-prototype object per data row, keyed by column name. */
  readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Every column name, in order of first appearance. */
  readonly columns: ReadonlyArray<string>;
  readonly format: "csv" | "json" | "ndjson";
  /** The CSV delimiter, for CSV. */
  readonly delimiter?: string;
  /** What was decided without being asked, for standard error. */
  readonly notes: ReadonlyArray<string>;
}

/**
 * Reads decoded text as CSV (first line = header), a JSON array of objects, or NDJSON (one object per
 * line). `auto` picks JSON when the text starts with `[`, NDJSON when it starts with `{`, CSV
 * otherwise; the file name's extension wins when it is .json, .ndjson or .jsonl. Row objects have no
 * prototype, so any column name (even `__proto__`) is an ordinary key.
 */
export function readRows(
  text: string,
  options: { readonly format: InputFormatChoice; readonly delimiter?: string; readonly fileName?: string },
): RawTable {
  const format = options.format === "auto" ? detectFormat(text, options.fileName) : options.format;
  if (format === "json") return readJson(text);
  if (format === "ndjson") return readNdjson(text);
  return readCsv(text, options.delimiter);
}

function detectFormat(text: string, fileName: string | undefined): "csv" | "json" | "ndjson" {
  const extension = /\.([a-z]+)$/i.exec(fileName ?? "")?.[1]?.toLowerCase();
  if (extension === "json") return "json";
  if (extension === "ndjson" || extension === "jsonl") return "ndjson";
  if (extension === "csv" || extension === "tsv") return "csv";
  const first = text.trimStart()[0];
  if (first === "[") return "json";
  if (first === "{") return "ndjson";
  return "csv";
}

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter among `,` `;` tab that occurs most often (outside quotes) in the header line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

function readCsv(text: string, given: string | undefined): RawTable {
  const notes: string[] = [];
  const delimiter = given ?? detectDelimiter(text);
  if (given === undefined && delimiter !== ",") notes.push(`delimiter ${showDelimiter(delimiter)} (detected)`);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      // Any line ending, even mixed in one file (exports stitched together from several tools).
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    throw dataError(`cannot read the CSV: ${(error as Error).message}`);
  }
  const [header, ...data] = records;
  if (header === undefined) return { rows: [], columns: [], format: "csv", delimiter, notes };
  const columns = uniqueNames(header, notes);
  let ragged = 0;
  const rows = data.map((record) => {
    if (record.length !== columns.length) ragged++;
    const row: Record<string, unknown> = Object.create(null);
    for (let i = 0; i < columns.length; i++) {
      const value = record[i];
      if (value !== undefined) row[columns[i] as string] = value;
    }
    return row;
  });
  if (ragged > 0) {
    notes.push(`${ragged} rows do not have ${columns.length} fields like the header (missing fields are blank)`);
  }
  return { rows, columns, format: "csv", delimiter, notes };
}

/** Column names made unique: a repeated name gets a suffix ` (2)`, ` (3)`…, with a note. */
export function uniqueNames(header: ReadonlyArray<string>, notes: string[]): string[] {
  const seen = new Set<string>();
  return header.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let k = 2;
    while (seen.has(`${name} (${k})`)) k++;
    const unique = `${name} (${k})`;
    seen.add(unique);
    notes.push(`column ${JSON.stringify(name)} appears more than once; the repeat is named ${JSON.stringify(unique)}`);
    return unique;
  });
}

function readJson(text: string): RawTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw dataError(`cannot read the JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw dataError("the JSON must be an array of objects, one per response");
  return tableOfObjects(data, "json", (i) => `item ${i + 1}`);
}

function readNdjson(text: string): RawTable {
  const objects: unknown[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === "") continue;
    try {
      objects.push(JSON.parse(line));
    } catch (error) {
      throw dataError(`cannot read line ${i + 1} of the NDJSON: ${(error as Error).message}`);
    }
  }
  return tableOfObjects(objects, "ndjson", (i) => `object ${i + 1}`);
}

function tableOfObjects(
  items: ReadonlyArray<unknown>,
  format: "json" | "ndjson",
  name: (index: number) => string,
): RawTable {
  const columns = new Set<string>();
  const rows = items.map((item, i) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      throw dataError(`${name(i)} of the ${format === "json" ? "JSON array" : "NDJSON"} is not an object`);
    }
    const row: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(item)) {
      columns.add(key);
      row[key] = (item as Record<string, unknown>)[key];
    }
    return row;
  });
  return { rows, columns: [...columns], format, notes: [] };
}

/** A delimiter as users write it. */
export function showDelimiter(delimiter: string): string {
  return delimiter === "\t" ? "tab" : JSON.stringify(delimiter);
}
