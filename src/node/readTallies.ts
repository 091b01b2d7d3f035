import type { TrendPeriod } from "../core/calendar.js";
import { NpsError } from "../core/errors.js";
import type { KeyedTallies } from "../core/keyedTallies.js";
import { countSqlRows, type SqlRowCounts, sqlRowCounts } from "../sql/countSqlRows.js";
import { openBytes, type ReadingIo, readError } from "./io.js";
import type { InputFormatChoice } from "./readRows.js";
import { decodeStream, type EncodingChoice, streamRows } from "./stream.js";
import { checkPath, checkReadingOptions, invalidOption } from "./streamResponses.js";

/**
 * The texts `npskit report` reads as "no value" in a file of responses (a blank or NA score is
 * missing, a blank or NA attribute is `null`): the same texts are SQL NULLs in a file of tallies.
 */
const MISSING = new Set(["", "NA", "N/A", "n/a", "null", "NULL"]);

/**
 * Options of {@link readTallies}: the segment columns of the query, its period for rows that do not
 * say it, and how to read the file.
 *
 * @category Node
 */
export interface ReadTalliesOptions extends ReadingIo {
  /** The segment columns the query grouped by (`tallySql`'s `by`), in order. @defaultValue none */
  readonly by?: ReadonlyArray<string>;
  /**
   * For rows that do not carry their bucket (`nps_bucket`; queries written by npskit 0.1): the
   * period the query grouped by. @defaultValue `"day"`
   */
  readonly period?: TrendPeriod;
  /** The time zone of the report: must be the query's (`nps_time_zone`) when the rows carry it. */
  readonly timeZone?: string;
  /** As in `readResponses`. @defaultValue `"auto"` */
  readonly encoding?: EncodingChoice;
  /** As in `readResponses`. @defaultValue `"auto"` */
  readonly inputFormat?: InputFormatChoice;
  /** The CSV delimiter (one character). @defaultValue detected on the header line among `,` `;` tab */
  readonly delimiter?: string;
  /** Called with each note the command prints on standard error (the encoding, ragged rows…). */
  readonly onNote?: (text: string) => void;
  /** Called with the column names other than `nps_…`: throw to stop (to check the segment columns). */
  readonly checkColumns?: (columns: ReadonlyArray<string>) => void;
}

/**
 * A file of tallies, read by {@link readTallies}: the keyed tallies, the row accounting, and how the
 * file was read.
 *
 * @category Node
 */
export interface ReadTalliesResult {
  /** The tallies by segment keys and time bucket, the input of every figure and of `buildReport`. */
  readonly tallies: KeyedTallies;
  /** The row accounting of the responses behind the tallies (`sqlRowCounts`). */
  readonly counts: SqlRowCounts;
  /** The file's format, given or detected. */
  readonly format: "csv" | "json" | "ndjson";
  /** The text encoding, given or detected. */
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "latin1";
  /** The CSV delimiter, given or detected (CSV only). */
  readonly delimiter?: string;
  /** Whether the rows carry a time bucket (`nps_period`). */
  readonly dated: boolean;
}

/**
 * Reads the result rows of a `tallySql` query saved as CSV, JSON or NDJSON (or standard input for
 * `-`) with the readers of the response files, and counts them with `countSqlRows`. Values are read
 * as a file of responses reads them: a blank text, `NA`, `N/A`, `n/a`, `null` or `NULL` (after
 * trimming) is NULL, so a segment left blank or `NA` in the CSV is the `null` key, as the same blank
 * or `NA` in a file of responses is; other segment values keep their text (CSV) or their JSON type. Counts and sums may be decimal
 * texts. The rows say their time bucket (`nps_bucket`, `nps_time_zone`); rows of an older query that
 * do not are read with `period`. This is what `npskit report --tallies FILE` reads; the rows are kept
 * in memory while they are read (a query's result has one row per key and bucket). Node only.
 *
 * @param file - The file to read (`"-"` reads standard input).
 * @param options - The query's segment columns and period, and how to read the file.
 * @returns The keyed tallies, the row accounting, and how the file was read.
 * @throws `NpsError` (from `npskit`) `invalid_input` when the file cannot be read, has no rows, has a
 * row that cannot be read or is not an object, or its rows are not a query's result (the message the
 * command prints); `invalid_option` for an invalid option.
 * @example
 * ```typescript
 * import { buildReport } from "npskit";
 * import { readTallies } from "npskit/node";
 * const read = await readTallies("tallies.csv", { by: ["plan"] });
 * const report = buildReport({ tallies: read.tallies }, { by: ["plan"] });
 * ```
 * @category Node
 */
export async function readTallies(file: string, options: ReadTalliesOptions = {}): Promise<ReadTalliesResult> {
  checkPath("readTallies", file);
  checkReadingOptions("readTallies", options);
  if (options.checkColumns !== undefined && typeof options.checkColumns !== "function") {
    throw invalidOption("readTallies", "checkColumns", "a function", options.checkColumns);
  }
  const note = options.onNote ?? (() => {});
  const bytes = await openBytes(file, options);
  const decoded = await decodeStream(bytes.chunks, options.encoding ?? "auto", note);
  if (decoded.note !== undefined) note(`encoding: ${decoded.note}`);
  const table = await streamRows(decoded.texts, {
    format: options.inputFormat ?? "auto",
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(file === "-" ? {} : { fileName: file }),
  });
  const where = file === "-" ? "standard input" : file;
  const rows: Record<string, unknown>[] = [];
  for await (const batch of table.batches) {
    const [broken] = batch.unreadable;
    if (broken !== undefined) throw readError(`${where}: row ${broken.row ?? "?"}: ${broken.message}`);
    for (const row of batch.rows) {
      if (row === null || typeof row !== "object" || Array.isArray(row)) {
        throw readError(`${where}: every row must be an object of a query's result columns`);
      }
      const values: Record<string, unknown> = Object.create(null);
      for (const [name, value] of Object.entries(row)) {
        values[name] = typeof value === "string" && MISSING.has(value.trim()) ? null : value;
      }
      rows.push(values);
    }
  }
  for (const text of table.notes) note(text);
  if (rows.length === 0) throw readError(`${where} has no tally rows`);
  options.checkColumns?.(table.columns.filter((name) => !name.toLowerCase().startsWith("nps_")));
  const dated = table.columns.includes("nps_period");
  let tallies: KeyedTallies;
  let counts: SqlRowCounts;
  try {
    tallies = countSqlRows(rows, {
      by: options.by ?? [],
      // Rows of a query that does not say its bucket (npskit 0.1) are read with the report's period.
      ...(dated && !table.columns.includes("nps_bucket") ? { period: options.period ?? "day" } : {}),
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    });
    counts = sqlRowCounts(rows);
  } catch (error) {
    // A bad result row is named by its row in the file (a CSV's line, the header being line 1).
    const issue = error instanceof NpsError ? error.issues[0] : undefined;
    const index = issue?.path[0];
    if (error instanceof NpsError && issue !== undefined && typeof index === "number") {
      const row = index + (table.format === "csv" ? 2 : 1);
      throw new NpsError(error.code, `${where}: row ${row}: ${issue.message}`, {
        issues: [{ ...issue, row }],
        cause: error,
      });
    }
    throw error;
  }
  return {
    tallies,
    counts,
    format: table.format,
    encoding: decoded.encoding,
    ...(table.delimiter === undefined ? {} : { delimiter: table.delimiter }),
    dated,
  };
}
