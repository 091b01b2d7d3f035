import { NpsError, type NpsIssue } from "../core/errors.js";
import type { NpsResponse } from "../core/response.js";
import type { ParseCounts, SkippedRow } from "../input/parseResponses.js";
import type { WhereFilter } from "../input/where.js";
import { countProblems, DEFAULT_MAX_REJECTED, tooManyLost, undatedNote } from "./lostRows.js";
import {
  checkPath,
  checkReadingOptions,
  invalidOption,
  type ReadingOptions,
  type ResponseBatch,
  readBatches,
  type StreamedInput,
} from "./streamResponses.js";

/**
 * Options of {@link readResponses}: the command's reading options (`npskit report --score …`), with
 * the command's defaults, and its `--max-rejected` limit.
 *
 * @category Node
 */
export interface ReadResponsesOptions extends ReadingOptions {
  /**
   * The share of rows (percent, 0–100) that may be rejected or lose their date before `tooManyLost`
   * says so. @defaultValue 5
   */
  readonly maxRejected?: number;
  /**
   * Row filters (`parseWhere` of `npskit`), combined with AND: a row that fails one is left out
   * before it is checked, and counted in `input.filtered` instead of in `counts`.
   * @defaultValue no filter
   */
  readonly where?: ReadonlyArray<WhereFilter>;
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
  checkPath("readResponses", path);
  checkOptions(options);
  try {
    return await collect(path, options);
  } catch (error) {
    // The reader's errors are the command's words; here they name the function.
    if (error instanceof NpsError && error.code === "invalid_input") {
      throw new NpsError("invalid_input", `readResponses: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/** {@link readResponses} once its options are checked: every batch kept, every row accounted for. */
async function collect(path: string, options: ReadResponsesOptions): Promise<ReadResponsesResult> {
  const maxRejected = options.maxRejected ?? DEFAULT_MAX_REJECTED;
  const notes: string[] = [];
  const responses: NpsResponse[] = [];
  const skipped: SkippedRow[] = [];
  const issues: NpsIssue[] = [];
  const undated: NpsIssue[] = [];
  const problems = new Map<string, number>();
  const rowNumbers: number[] = [];
  const counts = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
  const keep = (text: string): void => {
    notes.push(text);
    options.onNote?.(text);
  };
  const input = await readBatches(path, { ...options, output: "responses", onNote: keep }, (batch: ResponseBatch) => {
    for (const response of batch.responses) responses.push(response);
    for (const row of batch.rowNumbers) rowNumbers.push(row);
    for (const row of batch.skipped) skipped.push(row);
    for (const issue of batch.issues) issues.push(issue);
    for (const issue of batch.undated) undated.push(issue);
    countProblems(problems, batch.issues);
    countProblems(problems, batch.undated);
    counts.rows += batch.counts.rows;
    counts.accepted += batch.counts.accepted;
    counts.skipped += batch.counts.skipped;
    counts.rejected += batch.counts.rejected;
  });
  if (undated.length > 0) {
    keep(undatedNote(undated.length));
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

/**
 * Throws `invalid_option` for an option the reader would not take: the reading options, the limit,
 * and column names, which must not be empty here.
 */
function checkOptions(options: ReadResponsesOptions): void {
  checkReadingOptions("readResponses", options);
  const { maxRejected } = options;
  if (maxRejected !== undefined && !(typeof maxRejected === "number" && maxRejected >= 0 && maxRejected <= 100)) {
    throw invalidOption("readResponses", "maxRejected", "a percentage from 0 to 100", maxRejected);
  }
  for (const name of ["score", "date", "dateFormat", "timeZone", "respondentId", "comment", "weight"] as const) {
    if (options[name] === "") throw invalidOption("readResponses", name, "a non-empty string", "");
  }
  if (options.where !== undefined && !Array.isArray(options.where)) {
    throw invalidOption("readResponses", "where", "an array of filters from parseWhere", options.where);
  }
  if (options.attributes?.includes("")) {
    throw invalidOption("readResponses", "attributes", "an array of column names", options.attributes);
  }
}
