import { NpsError, type NpsIssue, NpsValidationError } from "../core/errors.js";
import type { NpsResponse } from "../core/response.js";
import { type Scale, STANDARD_SCALE } from "../core/scale.js";
import { checkTimeZone } from "../core/timeZone.js";
import { describeValue } from "../internal/describe.js";
import { createAttributeRecords } from "./attributeRecords.js";
import { createRowChecker, REJECTED, SKIPPED } from "./compileRow.js";
import {
  checkDateFormat,
  createIsoReader,
  createPatternReader,
  createWallClockConverter,
  type DateTextReader,
} from "./readDate.js";

const FN = "parseResponses";

/**
 * Which column of the raw rows holds which field of an {@link NpsResponse}. Column names are
 * compared exactly (case and spaces matter); {@link guessFields} proposes a mapping from names.
 *
 * @category Input
 */
export interface FieldMapping {
  /** The column holding the answer on the scale (0–10 by default). */
  readonly score: string;
  /** The column holding when the answer was given. @defaultValue no date */
  readonly date?: string;
  /** The column identifying the respondent. @defaultValue no respondent id */
  readonly respondentId?: string;
  /** The column holding the survey weight. @defaultValue unweighted */
  readonly weight?: string;
  /** The column holding the free-text comment. @defaultValue no comment */
  readonly comment?: string;
  /** Segment columns (plan, country…), kept in `attributes` under their column names. @defaultValue none */
  readonly attributes?: ReadonlyArray<string>;
}

/**
 * Options of {@link parseResponses}.
 *
 * @category Input
 */
export interface ParseOptions {
  /** Which column holds which field. */
  readonly fields: FieldMapping;
  /** The answer scale scores must lie on. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
  /**
   * What to do with a row whose score is missing (absent, `null`, `undefined` or a missing-value
   * string): `"reject"` it as invalid, or `"skip"` it and report it in `skipped`.
   * @defaultValue `"reject"`
   */
  readonly missingScore?: "reject" | "skip";
  /**
   * Strings that mean "no value", compared with the cell after trimming white space.
   * @defaultValue `["", "NA", "N/A", "n/a", "null", "NULL"]`
   */
  readonly missingValues?: ReadonlyArray<string>;
  /**
   * `"strict"` throws one {@link NpsValidationError} listing every issue when any row is invalid;
   * `"collect"` returns the valid responses and the issues.
   * @defaultValue `"strict"`
   */
  readonly mode?: "strict" | "collect";
  /**
   * A date-fns `parse` pattern for date strings, e.g. `"M/d/yy H:mm"` or `"dd.MM.yyyy"` (quote
   * literal letters: `"yyyy-MM-dd'T'HH:mm"`). Two-digit years (`yy`) are 2000–2049 for `00`–`49` and
   * 1950–1999 for `50`–`99`. @defaultValue ISO 8601 (`2026-03-01`, `2026-03-01T14:05`, `2026-03-01T14:05:00Z`, …)
   */
  readonly dateFormat?: string;
  /**
   * What to do with a row whose date is present but does not parse (not ISO 8601, not in
   * `dateFormat`): `"reject"` it as invalid, or keep it `"undated"` — accepted without a date, so it
   * counts in the overall figures and segments but in no period of a trend — and list it in
   * `undated`. A row rejected for another value keeps its date issue among its issues.
   * @defaultValue `"reject"` (the `npskit` command and `readResponses` of `npskit/node` use `"undated"`)
   */
  readonly badDate?: "reject" | "undated";
  /**
   * The IANA time zone in which dates without an offset are read (`"Europe/Paris"`).
   * @defaultValue `"UTC"`
   */
  readonly timeZone?: string;
  /**
   * The number reported for the first row. Rows are numbered as lines of a file whose line 1 is the
   * header, as the `npskit` command numbers a CSV file's rows: the first row is 2 by default. Pass
   * the line of the first row for chunked or streamed input, or 1 to number the items of a JSON array
   * from 1 (as the command does for JSON and NDJSON).
   * @defaultValue `2`
   */
  readonly firstRow?: number;
}

/**
 * A row left out on purpose (its score was missing and `missingScore` is `"skip"`).
 *
 * @category Input
 */
export interface SkippedRow {
  /** The row's number: `firstRow` (2 by default: the line after a header) plus its index. */
  readonly row: number;
  /** Why it was left out, e.g. `score is missing, received "NA"`. */
  readonly reason: string;
}

/**
 * How many rows ended where: `accepted + skipped + rejected === rows`.
 *
 * @category Input
 */
export interface ParseCounts {
  /** Rows received. */
  readonly rows: number;
  /** Rows turned into responses. */
  readonly accepted: number;
  /** Rows left out because their score was missing (`missingScore: "skip"`). */
  readonly skipped: number;
  /** Rows with at least one invalid value. */
  readonly rejected: number;
}

/**
 * What {@link parseResponses} made of the rows.
 *
 * @category Input
 */
export interface ParseResult {
  /** One response per accepted row, in row order. */
  readonly responses: ReadonlyArray<NpsResponse>;
  /** The rows left out because their score was missing, in row order. */
  readonly skipped: ReadonlyArray<SkippedRow>;
  /** Every problem of every rejected row (a row may have several), in row order. */
  readonly issues: ReadonlyArray<NpsIssue>;
  /**
   * With `badDate: "undated"`: the accepted rows whose date did not parse, one issue each (row,
   * column, value, message), in row order. These rows are among the accepted responses, without a
   * date. Always empty with `badDate: "reject"`.
   */
  readonly undated: ReadonlyArray<NpsIssue>;
  /** How many rows were accepted, skipped and rejected. */
  readonly counts: ParseCounts;
}

/** The strings read as "no value" by default (`missingValues`), compared after trimming. */
export const DEFAULT_MISSING_VALUES: ReadonlyArray<string> = ["", "NA", "N/A", "n/a", "null", "NULL"];
const MAPPED_FIELDS = ["score", "date", "respondentId", "weight", "comment"] as const;
const SHOWN_ISSUES = 3;

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Turns raw rows (objects from CSV or JSON, whose values may be strings, numbers, booleans, `null` or
 * `undefined`) into validated {@link NpsResponse}s. Every row is accounted for: it is accepted,
 * skipped (missing score with `missingScore: "skip"`) or rejected with one issue per invalid value,
 * giving its row number, column, value and the rule it breaks.
 *
 * What is accepted:
 * - score: an integer number on the scale, or a string holding one in decimal digits with optional
 *   surrounding white space (`" 10 "`) or a zero fraction (`"9.0"`, as written by tools that store
 *   integers as floats). `"+9"`, `"8.5"`, `"1e1"`, `"nine"`, `11`, `NaN` and booleans are rejected.
 * - date: an ISO 8601 date or date-time (or a string in `dateFormat`), a valid `Date`, or epoch
 *   milliseconds. Without an offset it is a wall-clock time in `timeZone`; a time skipped by a
 *   daylight-saving change moves forward by the gap, a repeated one is the earlier instant.
 * - weight: a finite number > 0, or a string holding one (`"1.5"`, `"2e-1"`).
 * - respondentId: a string kept exactly as given, or a safe integer turned into its decimal string.
 * - comment: a string kept as given (numbers and booleans become their text).
 * - attributes: strings kept as given (not trimmed), finite numbers and booleans kept, missing values
 *   become `null`. Every mapped attribute is present on every response.
 *
 * Missing values (an absent column, `null`, `undefined`, or a string in `missingValues` after
 * trimming) leave the field absent; a present but invalid value rejects the row. Row fields are read
 * as own properties only, and `attributes` objects have no prototype, so columns named `__proto__`
 * or `constructor` are ordinary names; they are frozen, and shared by the responses with the same
 * values (docs/input.md). The checks are compiled once per call from the field mapping; the cost is
 * O(n·k) for n rows and k mapped columns (about 0.1 µs per row for a score alone, about 0.7 µs with
 * an ISO date, an id and an attribute: docs/performance.md), plus one date-fns parse per distinct
 * date string when `dateFormat` is given.
 *
 * @param rows - The raw rows, e.g. from a CSV parser with column names as keys or from `JSON.parse`.
 * @param options - The field mapping and parsing rules.
 * @returns The responses, the skipped rows, the issues (always empty in strict mode) and the counts.
 * @throws {@link NpsValidationError} (`validation_failed`) in strict mode when any row is rejected,
 * listing every issue in `issues`; {@link NpsError} `invalid_input` when `rows` is
 * not an array; `invalid_option` for an invalid option or when rows are given but no row has a
 * mapped column; `invalid_date` for an unknown `timeZone`.
 * @example
 * ```ts
 * import { parseResponses } from "npskit";
 * const rows = [
 *   { NPS: " 10 ", When: "2026-03-01", Plan: "pro" },
 *   { NPS: "NA", When: "2026-03-02", Plan: "free" },
 *   { NPS: "11", When: "2026-03-02", Plan: "" },
 * ];
 * const result = parseResponses(rows, {
 *   fields: { score: "NPS", date: "When", attributes: ["Plan"] },
 *   missingScore: "skip",
 *   mode: "collect",
 *   timeZone: "Europe/Paris",
 * });
 * result.responses.length; // => 1
 * result.responses[0]?.score; // => 10
 * result.responses[0]?.date?.toISOString(); // => "2026-02-28T23:00:00.000Z"
 * result.responses[0]?.attributes?.Plan; // => "pro"
 * result.counts; // => { rows: 3, accepted: 1, skipped: 1, rejected: 1 }
 * result.issues[0]?.row; // => 4
 * result.issues[0]?.message; // => 'score must be an integer from 0 to 10, received "11"'
 * ```
 * @category Input
 */
export function parseResponses(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  options: ParseOptions,
): ParseResult {
  if (!Array.isArray(rows)) {
    throw new NpsError("invalid_input", `${FN}: rows must be an array, received ${describeValue(rows)}`);
  }
  const settings = resolveOptions(options);
  checkColumnsExist(rows, settings.fields, settings.attributeColumns);
  return parseCheckedRows(rows, settings);
}

/**
 * {@link parseResponses} with checked options and without the check that each mapped column is in
 * some row: for rows streamed in batches, whose columns are known from the file (a batch of ragged
 * CSV rows or of NDJSON objects may lack a column that later rows have). With `rowNumbers`, the row
 * number of each accepted response is appended to it, in order.
 */
export function parseCheckedRows(rows: ReadonlyArray<unknown>, settings: Settings, rowNumbers?: number[]): ParseResult {
  const { fields, attributeColumns, firstRow } = settings;

  const readDateText = createDateTextReader(FN, settings);
  const checker = createRowChecker({ ...settings, readDateText });
  const { raw, attributes: checkedAttributes } = checker;
  const scoreColumn = fields.score;
  const dateColumn = fields.date;
  const idColumn = fields.respondentId;
  const weightColumn = fields.weight;
  const commentColumn = fields.comment;
  const attributeCount = attributeColumns.length;
  const attributeRecord = createAttributeRecords(attributeColumns);

  const responses: NpsResponse[] = [];
  const skipped: SkippedRow[] = [];
  const issues: NpsIssue[] = [];
  const undated: NpsIssue[] = [];
  let rejected = 0;

  for (let index = 0; index < rows.length; index++) {
    const row: unknown = rows[index];
    const rowNumber = firstRow + index;
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      rejected++;
      issues.push({
        path: [index],
        message: `row must be an object, received ${describeValue(row)}`,
        value: row,
        row: rowNumber,
      });
      continue;
    }
    const record = row as Readonly<Record<string, unknown>>;
    raw[0] = read(record, scoreColumn);
    raw[1] = read(record, dateColumn);
    raw[2] = read(record, idColumn);
    raw[3] = read(record, weightColumn);
    raw[4] = read(record, commentColumn);
    for (let j = 0; j < attributeCount; j++) raw[5 + j] = read(record, attributeColumns[j]);
    const outcome = checker.check(index, rowNumber, issues, skipped, undated);
    if (outcome === SKIPPED) continue;
    if (outcome === REJECTED) {
      rejected++;
      continue;
    }
    const response: Writable<NpsResponse> = { score: checker.score };
    if (!Number.isNaN(checker.time)) response.date = new Date(checker.time);
    if (checker.respondentId !== undefined) response.respondentId = checker.respondentId;
    if (!Number.isNaN(checker.weight)) response.weight = checker.weight;
    if (checker.comment !== undefined) response.comment = checker.comment;
    if (attributeCount > 0) response.attributes = attributeRecord(checkedAttributes);
    responses.push(response);
    rowNumbers?.push(rowNumber);
  }

  const counts: ParseCounts = { rows: rows.length, accepted: responses.length, skipped: skipped.length, rejected };
  if (rejected > 0 && settings.mode === "strict") {
    const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => `row ${issue.row} ${issue.message}`);
    const more = issues.length > SHOWN_ISSUES ? `; and ${issues.length - SHOWN_ISSUES} more issues` : "";
    const noun = rows.length === 1 ? "row" : "rows";
    const verb = rejected === 1 ? "is" : "are";
    throw new NpsValidationError(
      `${FN}: ${rejected} of ${rows.length} ${noun} ${verb} invalid: ${shown.join("; ")}${more}`,
      issues,
    );
  }
  return { responses, skipped, issues, undated, counts };
}

/** The reader of date strings the options ask for: ISO 8601, or a date-fns pattern. */
export function createDateTextReader(
  fn: string,
  settings: { readonly timeZone: string; readonly dateFormat: string | undefined },
): DateTextReader {
  const toInstant = createWallClockConverter(settings.timeZone);
  return settings.dateFormat === undefined
    ? createIsoReader(toInstant)
    : createPatternReader(fn, settings.dateFormat, toInstant);
}

/** An own property of the row, or `undefined` (never an inherited member such as `toString`). */
function read(row: Readonly<Record<string, unknown>>, column: string | undefined): unknown {
  return column !== undefined && Object.hasOwn(row, column) ? row[column] : undefined;
}

/** The checked options of {@link parseResponses}, with their defaults filled in. */
export interface Settings {
  readonly fields: FieldMapping;
  readonly attributeColumns: ReadonlyArray<string>;
  readonly scale: Scale;
  readonly skipMissingScore: boolean;
  readonly missingValues: ReadonlyArray<string>;
  readonly mode: "strict" | "collect";
  readonly dateFormat: string | undefined;
  readonly timeZone: string;
  readonly firstRow: number;
  readonly undatedBadDate: boolean;
}

/** Checks every option and fills in the defaults, in one place. */
export function resolveOptions(options: ParseOptions, fn: string = FN): Settings {
  if (options === null || typeof options !== "object") {
    throw invalidOption(fn, "options", "an object with a fields mapping", options);
  }
  const fields = options.fields as FieldMapping | undefined;
  if (fields === null || typeof fields !== "object") {
    throw invalidOption(fn, "fields", "an object naming at least the score column", fields);
  }
  if (typeof fields.score !== "string" || fields.score.length === 0) {
    throw invalidOption(fn, "fields.score", "a non-empty column name", fields.score);
  }
  for (const field of MAPPED_FIELDS) {
    const column = fields[field];
    if (column !== undefined && (typeof column !== "string" || column.length === 0)) {
      throw invalidOption(fn, `fields.${field}`, "a non-empty column name", column);
    }
  }
  const attributeColumns = fields.attributes ?? [];
  if (!Array.isArray(attributeColumns)) {
    throw invalidOption(fn, "fields.attributes", "an array of column names", attributeColumns);
  }
  const seen = new Set<string>();
  for (const column of attributeColumns) {
    if (typeof column !== "string" || column.length === 0) {
      throw invalidOption(fn, "fields.attributes", "an array of non-empty column names", column);
    }
    if (seen.has(column)) throw invalidOption(fn, "fields.attributes", "an array of distinct column names", column);
    seen.add(column);
  }

  const scale = options.scale ?? STANDARD_SCALE;
  if (
    scale === null ||
    typeof scale !== "object" ||
    !Number.isSafeInteger(scale.min) ||
    !Number.isSafeInteger(scale.max) ||
    scale.min > scale.max
  ) {
    throw invalidOption(fn, "scale", "a scale made by defineScale", scale);
  }
  const missingScore = options.missingScore ?? "reject";
  if (missingScore !== "reject" && missingScore !== "skip") {
    throw invalidOption(fn, "missingScore", '"reject" or "skip"', missingScore);
  }
  const missingValues = options.missingValues ?? DEFAULT_MISSING_VALUES;
  if (!Array.isArray(missingValues) || !missingValues.every((value) => typeof value === "string")) {
    throw invalidOption(fn, "missingValues", "an array of strings", missingValues);
  }
  const mode = options.mode ?? "strict";
  if (mode !== "strict" && mode !== "collect") {
    throw invalidOption(fn, "mode", '"strict" or "collect"', mode);
  }
  const dateFormat = options.dateFormat === undefined ? undefined : checkDateFormat(fn, options.dateFormat);
  const timeZone = options.timeZone ?? "UTC";
  checkTimeZone(fn, timeZone);
  const firstRow = options.firstRow ?? 2;
  const badDate = options.badDate ?? "reject";
  if (badDate !== "reject" && badDate !== "undated") {
    throw invalidOption(fn, "badDate", '"reject" or "undated"', badDate);
  }
  if (!Number.isSafeInteger(firstRow) || firstRow < 0) {
    throw invalidOption(fn, "firstRow", "an integer >= 0", firstRow);
  }

  return {
    fields,
    attributeColumns,
    scale,
    skipMissingScore: missingScore === "skip",
    missingValues,
    mode,
    dateFormat,
    timeZone,
    firstRow,
    undatedBadDate: badDate === "undated",
  };
}

/**
 * A mapped column that no row has is almost always a typo (`"Date"` for `"date"`): it would leave
 * every response without that field, silently. Stops at the first row holding each column, so the
 * check costs O(k) on typical input.
 */
export function checkColumnsExist(
  rows: ReadonlyArray<unknown>,
  fields: FieldMapping,
  attributeColumns: ReadonlyArray<string>,
): void {
  if (rows.length === 0) return;
  const mapped: Array<[string, string]> = [];
  for (const field of MAPPED_FIELDS) {
    const column = fields[field];
    if (column !== undefined) mapped.push([`fields.${field}`, column]);
  }
  for (const column of attributeColumns) mapped.push(["fields.attributes", column]);
  for (const [name, column] of mapped) {
    const found = rows.some((row) => row !== null && typeof row === "object" && Object.hasOwn(row, column));
    if (!found) {
      const first = rows.find((row) => row !== null && typeof row === "object" && !Array.isArray(row));
      const columns = first === undefined ? [] : Object.keys(first as object);
      const listed = columns
        .slice(0, 20)
        .map((c) => JSON.stringify(c))
        .join(", ");
      const suffix = columns.length > 20 ? ", …" : "";
      throw new NpsError(
        "invalid_option",
        `${FN}: ${name} must name a column of the rows, received ${describeValue(column)} (columns: ${listed || "none"}${suffix})`,
      );
    }
  }
}

function invalidOption(fn: string, name: string, rule: string, value: unknown): NpsError {
  return new NpsError("invalid_option", `${fn}: ${name} must be ${rule}, received ${describeValue(value)}`);
}
