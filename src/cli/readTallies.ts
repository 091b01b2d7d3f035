import { countSqlRows, type KeyedTallies, type SqlRowCounts, sqlRowCounts, type TrendPeriod } from "../index.js";
import type { InputFormatChoice } from "../node/command.js";
import {
  type ByteSource,
  type CliIo,
  dataError,
  decodeStream,
  type EncodingChoice,
  openFile,
  openStdin,
  reasonOf,
  streamRows,
  usageError,
} from "../node/command.js";

/**
 * The texts `npskit report` reads as "no value" in a file of responses (a blank or NA score is
 * missing, a blank or NA attribute is `null`): the same texts are SQL NULLs in a file of tallies.
 */
const MISSING = new Set(["", "NA", "N/A", "n/a", "null", "NULL"]);

/** How to read a file of tallies. */
export interface TallyFileOptions {
  /** The segment columns (`--by`), in order. */
  readonly by: ReadonlyArray<string>;
  /**
   * For rows that do not carry their bucket (`nps_bucket`; queries written by npskit 0.1): the period the query grouped by, the report's `--period`, or `day` for `--rolling`.
   */
  readonly period?: TrendPeriod;
  /** `--time-zone`: must be the query's (`nps_time_zone`) when the rows carry it. */
  readonly timeZone?: string;
  readonly encoding: EncodingChoice;
  readonly inputFormat: InputFormatChoice;
  readonly delimiter?: string;
  readonly note: (text: string) => void;
  /** Called with the column names (to check the options that name them). */
  readonly checkColumns: (columns: ReadonlyArray<string>) => void;
}

/** A file of tallies, read: the keyed tallies, the row accounting, and how the file was read. */
export interface TallyFile {
  readonly tallies: KeyedTallies;
  readonly counts: SqlRowCounts;
  readonly format: "csv" | "json" | "ndjson";
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "latin1";
  readonly delimiter?: string;
  /** Whether the rows carry a time bucket (`nps_period`). */
  readonly dated: boolean;
}

/**
 * Usage errors (exit 2) for what `--tallies` cannot do: a file of responses as well, the options
 * that name its columns, and what needs every response (quantile tiers, each respondent's latest
 * answer).
 */
export function checkTallyOptions(given: {
  readonly file: string | undefined;
  readonly responseOptions: ReadonlyArray<string>;
  readonly tiers: boolean;
  readonly latest: boolean;
}): void {
  if (given.file !== undefined) {
    throw usageError(
      `--tallies reads the result rows of a tallySql query instead of a file of responses: give one or the other, received both ${JSON.stringify(given.file)} and --tallies`,
    );
  }
  const names = given.responseOptions;
  if (names.length > 0) {
    throw usageError(
      `${names.map((name) => `--${name}`).join(", ")} read${names.length === 1 ? "s" : ""} a file of responses; with --tallies the query chose the score, weight, time and segment columns`,
    );
  }
  if (given.tiers) {
    throw usageError("--tiers needs every response (quantiles cannot come from counts): use it on a file of responses");
  }
  if (given.latest) {
    throw usageError(
      "--respondents latest needs every answer of each respondent, not counts: use it on a file of responses",
    );
  }
}

/**
 * Reads the result rows of a `tallySql` query saved as CSV, JSON or NDJSON (or standard input for
 * `-`) with the readers of the response files, and counts them with `countSqlRows`. Values are read
 * as a file of responses reads them: a text in {@link MISSING} (after trimming) is NULL, so a segment
 * left blank or `NA` in the CSV is the `null` key, as the same blank or `NA` in a file of responses
 * is; other segment values keep their text (CSV) or their JSON type. Counts and sums may be decimal
 * texts. The rows say their time bucket (`nps_bucket`, `nps_time_zone`); rows of an older query that
 * do not are read with the report's period (`day` for rolling windows, and for a report without a
 * trend, where only the dated range is used). Exit 1 for a file that cannot be read or
 * whose rows are not a query's result.
 */
export async function readTallies(file: string, options: TallyFileOptions, io: CliIo): Promise<TallyFile> {
  let bytes: ByteSource;
  try {
    bytes = file === "-" ? openStdin(io) : await openFile(io, file);
  } catch (error) {
    throw dataError(`cannot read ${file}: ${reasonOf(error)}`);
  }
  const decoded = await decodeStream(bytes.chunks, options.encoding, options.note);
  if (decoded.note !== undefined) options.note(`encoding: ${decoded.note}`);
  const table = await streamRows(decoded.texts, {
    format: options.inputFormat,
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(file === "-" ? {} : { fileName: file }),
  });
  const where = file === "-" ? "standard input" : file;
  const rows: Record<string, unknown>[] = [];
  for await (const batch of table.batches) {
    const [broken] = batch.unreadable;
    if (broken !== undefined) throw dataError(`${where}: row ${broken.row ?? "?"}: ${broken.message}`);
    for (const row of batch.rows) {
      if (row === null || typeof row !== "object" || Array.isArray(row)) {
        throw dataError(`${where}: every row must be an object of a query's result columns`);
      }
      const values: Record<string, unknown> = Object.create(null);
      for (const [name, value] of Object.entries(row)) {
        values[name] = typeof value === "string" && MISSING.has(value.trim()) ? null : value;
      }
      rows.push(values);
    }
  }
  for (const note of table.notes) options.note(note);
  if (rows.length === 0) throw dataError(`${where} has no tally rows`);
  options.checkColumns(table.columns.filter((name) => !name.toLowerCase().startsWith("nps_")));
  const dated = table.columns.includes("nps_period");
  const tallies = countSqlRows(rows, {
    by: options.by,
    // Rows of a query that does not say its bucket (npskit 0.1) are read with the report's period.
    ...(dated && !table.columns.includes("nps_bucket") ? { period: options.period ?? "day" } : {}),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  });
  return {
    tallies,
    counts: sqlRowCounts(rows),
    format: table.format,
    encoding: decoded.encoding,
    ...(table.delimiter === undefined ? {} : { delimiter: table.delimiter }),
    dated,
  };
}
