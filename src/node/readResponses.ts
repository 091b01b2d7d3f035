import { NpsError, type NpsIssue } from "../core/errors.js";
import type { NpsResponse } from "../core/response.js";
import type { ParseCounts, SkippedRow } from "../input/parseResponses.js";
import { describeValue } from "../internal/describe.js";
import type { ColumnOptions } from "./chooseFields.js";
import { CliError, type CliIo, nodeIo } from "./io.js";
import { countProblems, DEFAULT_MAX_REJECTED, tooManyLost, undatedNote } from "./lostRows.js";
import type { InputFormatChoice } from "./readRows.js";
import type { EncodingChoice } from "./stream.js";
import { type StreamedInput, streamResponses } from "./streamResponses.js";

/**
 * Options of {@link readResponses}: the command's reading options (`npskit report --score …`), with
 * the command's defaults.
 *
 * @category Node
 */
export interface ReadResponsesOptions {
  /** The column of the 0–10 answer. @defaultValue guessed from the header, checked on the first 2,000 values */
  readonly score?: string;
  /** The date column. @defaultValue guessed from the header (left out, with a note, when its values do not read) */
  readonly date?: string;
  /** A date-fns pattern of the dates (`"d/M/yyyy H:mm"`). @defaultValue ISO 8601, else detected */
  readonly dateFormat?: string;
  /** The IANA time zone of dates without an offset. @defaultValue `"UTC"` */
  readonly timeZone?: string;
  /** The respondent id column. @defaultValue guessed from the header */
  readonly respondentId?: string;
  /** The comment column. @defaultValue guessed from the header (when it holds free text) */
  readonly comment?: string;
  /** The weight column. @defaultValue guessed from the header */
  readonly weight?: string;
  /** Segment columns, kept in `attributes`. @defaultValue none */
  readonly attributes?: ReadonlyArray<string>;
  /** `"auto"` (a byte-order mark, else UTF-16 by its NUL bytes, else UTF-8 when valid, else latin-1), `"utf-8"` or `"latin1"`. @defaultValue `"auto"` */
  readonly encoding?: EncodingChoice;
  /** The CSV delimiter (one character). @defaultValue detected on the header line among `,` `;` tab */
  readonly delimiter?: string;
  /** `"auto"` (by the file name, then the first character), `"csv"`, `"json"` or `"ndjson"`. @defaultValue `"auto"` */
  readonly inputFormat?: InputFormatChoice;
  /** A blank or `NA` score: `"skip"` the row and count it, or `"reject"` it. @defaultValue `"skip"` */
  readonly missingScore?: "skip" | "reject";
  /** A date that does not parse: keep the row `"undated"` and list it, or `"reject"` it. @defaultValue `"undated"` */
  readonly badDate?: "undated" | "reject";
  /**
   * The share of rows (percent, 0–100) that may be rejected or lose their date before `tooManyLost`
   * says so. @defaultValue 5
   */
  readonly maxRejected?: number;
}

/**
 * What {@link readResponses} read: the responses with their row numbers, every row accounted for,
 * and what the command would print on standard error.
 *
 * @category Node
 */
export interface ReadResponsesResult {
  /** One response per accepted row, in file order. */
  readonly responses: ReadonlyArray<NpsResponse>;
  /** The row of each response: its line in a CSV file (the header is line 1); the item or line number in JSON and NDJSON. */
  readonly rowNumbers: ReadonlyArray<number>;
  /** Rows read, accepted, skipped and rejected: `accepted + skipped + rejected === rows`. */
  readonly counts: ParseCounts;
  /** Every row skipped for a missing score, with its row and reason. */
  readonly skipped: ReadonlyArray<SkippedRow>;
  /** Every problem of every rejected row (rows that cannot be read included). */
  readonly issues: ReadonlyArray<NpsIssue>;
  /** Every accepted row whose date does not parse (with `badDate: "undated"`): it has no date. */
  readonly undated: ReadonlyArray<NpsIssue>;
  /** How the file was read: its format, encoding, CSV delimiter, the columns used and the date format. */
  readonly input: StreamedInput;
  /**
   * The notes the command prints on standard error, in order: the encoding, the columns guessed, the
   * date pattern detected, ragged rows, dates that do not parse… (they name the command's options:
   * `--date-format` is `dateFormat` here).
   */
  readonly notes: ReadonlyArray<string>;
  /**
   * When more than `maxRejected` percent of the rows were rejected or lost their date: the message
   * with which the command exits 1 (the share, the main reason, the fix). Absent otherwise.
   */
  readonly tooManyLost?: string;
}

/**
 * Reads a CSV, JSON or NDJSON file of survey answers as `npskit report` does: the encoding and the
 * CSV delimiter detected, the columns not given guessed from the header and checked on the first
 * rows (with the same notes), the date format detected when the dates are not ISO 8601, the file
 * streamed in batches, blank scores skipped and counted, dates that do not parse kept undated and
 * counted. Every row is accounted for. Node only (the `npskit/node` entry point). O(n) in the rows;
 * the responses are kept in memory (the command itself counts without keeping them).
 *
 * @param path - The file to read (`"-"` reads standard input).
 * @param options - The columns and reading rules; every one is optional.
 * @returns The responses, their row numbers, the row accounting, the notes and `tooManyLost`.
 * @throws `NpsError` (from `npskit`) `invalid_input` when the file cannot be read, is not CSV, JSON or NDJSON,
 * has no data rows, or a column given is not in it; `invalid_option` for an invalid option.
 * @example
 * ```typescript
 * import { readResponses } from "npskit/node";
 * const read = await readResponses("survey.csv", { dateFormat: "d/M/yyyy H:mm", attributes: ["Plan"] });
 * read.counts; // { rows: 2385, accepted: 2353, skipped: 32, rejected: 0 }
 * read.notes; // ['score: column "NPS" (guessed from its name; pass --score to choose another)', …]
 * ```
 * @category Node
 */
export async function readResponses(path: string, options: ReadResponsesOptions = {}): Promise<ReadResponsesResult> {
  checkOptions(options);
  try {
    return await readResponsesWith(path, options, { ...nodeIo(), isTerminal: false }, () => {});
  } catch (error) {
    if (error instanceof CliError) {
      throw new NpsError(error.exitCode === 2 ? "invalid_option" : "invalid_input", `readResponses: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * {@link readResponses} through the command's I/O: notes go to `note` as they arise (and are kept in
 * `notes` for the result). Errors are the command's (`CliError`).
 */
export async function readResponsesWith(
  path: string,
  options: ReadResponsesOptions,
  io: CliIo,
  note: (text: string) => void,
): Promise<ReadResponsesResult> {
  // The options were checked by `readResponses`, or come from the command's own option checks.
  const maxRejected = options.maxRejected ?? DEFAULT_MAX_REJECTED;
  const notes: string[] = [];
  const responses: NpsResponse[] = [];
  const skipped: SkippedRow[] = [];
  const issues: NpsIssue[] = [];
  const undated: NpsIssue[] = [];
  const problems = new Map<string, number>();
  // Rows left out (rejected or skipped), to number the accepted ones.
  const leftOut = new Set<number>();
  const counts = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
  const keep = (text: string): void => {
    notes.push(text);
    note(text);
  };
  const input = await streamResponses(
    path,
    {
      columns: columnsOf(options),
      encoding: options.encoding ?? "auto",
      inputFormat: options.inputFormat ?? "auto",
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      missingScore: options.missingScore ?? "skip",
      badDate: options.badDate ?? "undated",
      note: keep,
    },
    io,
    (batch) => {
      for (const response of batch.responses) responses.push(response);
      for (const row of batch.skipped) {
        skipped.push(row);
        leftOut.add(row.row);
      }
      for (const issue of batch.issues) {
        issues.push(issue);
        leftOut.add(issue.row ?? 0);
      }
      for (const issue of batch.undated) undated.push(issue);
      countProblems(problems, batch.issues);
      countProblems(problems, batch.undated);
      counts.rows += batch.counts.rows;
      counts.accepted += batch.counts.accepted;
      counts.skipped += batch.counts.skipped;
      counts.rejected += batch.counts.rejected;
    },
  );
  if (undated.length > 0) {
    keep(undatedNote(undated.length));
  }
  // CSV rows are numbered by their line (the header is line 1), JSON items and NDJSON lines from 1.
  const rowNumbers: number[] = [];
  for (let row = input.format === "csv" ? 2 : 1; rowNumbers.length < responses.length; row++) {
    if (!leftOut.has(row)) rowNumbers.push(row);
  }
  const lost = tooManyLost(
    {
      rows: counts.rows,
      rejected: counts.rejected,
      undated: undated.length,
      problems,
      examples: [...issues.slice(0, 5), ...undated.slice(0, 5)],
      fields: input.fields,
      dateFormat: input.dateFormat,
      dateAdvice: input.dateAdvice,
    },
    maxRejected,
  );
  return {
    responses,
    rowNumbers,
    counts,
    skipped,
    issues,
    undated,
    input,
    notes,
    ...(lost === undefined ? {} : { tooManyLost: lost }),
  };
}

/** Throws `invalid_option` for an option the reader would not take (the command checks its own). */
function checkOptions(options: ReadResponsesOptions): void {
  if (options === null || typeof options !== "object") {
    throw invalidOption("options", "an object", options);
  }
  const { maxRejected, encoding, inputFormat, delimiter, missingScore, badDate } = options;
  if (maxRejected !== undefined && !(typeof maxRejected === "number" && maxRejected >= 0 && maxRejected <= 100)) {
    throw invalidOption("maxRejected", "a percentage from 0 to 100", maxRejected);
  }
  if (encoding !== undefined && !["auto", "utf-8", "latin1"].includes(encoding)) {
    throw invalidOption("encoding", '"auto", "utf-8" or "latin1"', encoding);
  }
  if (inputFormat !== undefined && !["auto", "csv", "json", "ndjson"].includes(inputFormat)) {
    throw invalidOption("inputFormat", '"auto", "csv", "json" or "ndjson"', inputFormat);
  }
  if (
    delimiter !== undefined &&
    !(typeof delimiter === "string" && [...delimiter].length === 1 && !'"\r\n'.includes(delimiter))
  ) {
    throw invalidOption("delimiter", "one character other than the quote and line breaks", delimiter);
  }
  if (missingScore !== undefined && missingScore !== "skip" && missingScore !== "reject") {
    throw invalidOption("missingScore", '"skip" or "reject"', missingScore);
  }
  if (badDate !== undefined && badDate !== "undated" && badDate !== "reject") {
    throw invalidOption("badDate", '"undated" or "reject"', badDate);
  }
  for (const name of ["score", "date", "dateFormat", "timeZone", "respondentId", "comment", "weight"] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== "string" || value.length === 0)) {
      throw invalidOption(name, "a non-empty string", value);
    }
  }
  const { attributes } = options;
  if (
    attributes !== undefined &&
    !(Array.isArray(attributes) && attributes.every((a) => typeof a === "string" && a.length > 0))
  ) {
    throw invalidOption("attributes", "an array of column names", attributes);
  }
}

function invalidOption(name: string, rule: string, value: unknown): NpsError {
  return new NpsError("invalid_option", `readResponses: ${name} must be ${rule}, received ${describeValue(value)}`);
}

/** The options as the column chooser takes them. */
function columnsOf(options: ReadResponsesOptions): ColumnOptions {
  const given: Array<[keyof ColumnOptions, string | ReadonlyArray<string> | undefined]> = [
    ["score", options.score],
    ["date", options.date],
    ["dateFormat", options.dateFormat],
    ["timeZone", options.timeZone],
    ["respondent", options.respondentId],
    ["comment", options.comment],
    ["weight", options.weight],
    ["attributes", options.attributes],
  ];
  return Object.fromEntries(given.filter(([, value]) => value !== undefined)) as ColumnOptions;
}
