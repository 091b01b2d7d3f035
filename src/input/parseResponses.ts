import { z } from "zod";
import { NpsError, type NpsIssue, NpsValidationError } from "../core/errors.js";
import type { AttributeValue, NpsResponse } from "../core/response.js";
import { type Scale, STANDARD_SCALE } from "../core/scale.js";
import { checkTimeZone } from "../core/timeZone.js";
import { describeValue } from "../internal/describe.js";
import { checkDateFormat, createIsoReader, createPatternReader, createWallClockConverter } from "./readDate.js";
import { buildRowSchema, type RowInput, type RowKey } from "./rowSchema.js";

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
   * The IANA time zone in which dates without an offset are read (`"Europe/Paris"`).
   * @defaultValue `"UTC"`
   */
  readonly timeZone?: string;
  /**
   * The number reported for the first row, so that issues in chunked or streamed input give the row's
   * position in the whole file (use 2 for a CSV file whose line 1 is the header to get line numbers).
   * @defaultValue `1`
   */
  readonly firstRow?: number;
}

/**
 * A row left out on purpose (its score was missing and `missingScore` is `"skip"`).
 *
 * @category Input
 */
export interface SkippedRow {
  /** The row's number: `firstRow` plus its index. */
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
  /** How many rows were accepted, skipped and rejected. */
  readonly counts: ParseCounts;
}

const DEFAULT_MISSING_VALUES: ReadonlyArray<string> = ["", "NA", "N/A", "n/a", "null", "NULL"];
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
 * or `constructor` are ordinary names. The zod schema is built once per call; the cost is O(n·k) for
 * n rows and k mapped columns (about 1 µs per row for a score alone, 4–5 µs with a date, an id and an
 * attribute: docs/performance.md), plus one date-fns parse per distinct date string when
 * `dateFormat` is given.
 *
 * @param rows - The raw rows, e.g. from a CSV parser with column names as keys or from `JSON.parse`.
 * @param options - The field mapping and parsing rules.
 * @returns The responses, the skipped rows, the issues (always empty in strict mode) and the counts.
 * @throws {@link NpsValidationError} (`validation_failed`) in strict mode when any row is rejected,
 * listing every issue, with zod's error as `cause`; {@link NpsError} `invalid_input` when `rows` is
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
 * result.issues[0]?.row; // => 3
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
  const { fields, attributeColumns, missing, firstRow, skipMissingScore } = settings;
  checkColumnsExist(rows, fields, attributeColumns);

  const toInstant = createWallClockConverter(settings.timeZone);
  const readDateText =
    settings.dateFormat === undefined
      ? createIsoReader(toInstant)
      : createPatternReader(FN, settings.dateFormat, toInstant);
  const validate = buildRowSchema(settings.scale, readDateText);
  const scoreRule = `score must be an integer from ${settings.scale.min} to ${settings.scale.max}`;
  const dateRule =
    settings.dateFormat === undefined
      ? "date must be an ISO 8601 date or date-time, a valid Date or epoch milliseconds"
      : `date must be a date in the format ${JSON.stringify(settings.dateFormat)}, a valid Date or epoch milliseconds`;
  const rules: Record<Exclude<RowKey, "attributes">, string> = {
    score: scoreRule,
    date: dateRule,
    respondentId: "respondentId must be a string or a safe integer",
    weight: "weight must be a finite number greater than 0",
    comment: "comment must be a string",
  };

  const responses: NpsResponse[] = [];
  const skipped: SkippedRow[] = [];
  const issues: NpsIssue[] = [];
  const zodIssues: z.core.$ZodIssue[] = [];
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
    const raw = {
      score: read(record, fields.score),
      date: read(record, fields.date),
      respondentId: read(record, fields.respondentId),
      weight: read(record, fields.weight),
      comment: read(record, fields.comment),
    };
    if (skipMissingScore && missing(raw.score)) {
      skipped.push({ row: rowNumber, reason: `score is missing, received ${describeValue(raw.score)}` });
      continue;
    }
    if (fields.weight !== undefined && missing(raw.weight)) {
      // A weighted tally needs a weight on every response: a blank weight is an error, never 1.
      rejected++;
      issues.push({
        path: [index, fields.weight],
        message: `weight must be present when a weight column is mapped (a blank weight is never taken as 1), received ${describeValue(raw.weight)}`,
        value: raw.weight,
        row: rowNumber,
        field: fields.weight,
      });
      continue;
    }
    const rawAttributes = attributeColumns.map((column) => read(record, column));
    const input: RowInput = {
      score: missing(raw.score) ? undefined : raw.score,
      date: missing(raw.date) ? undefined : raw.date,
      respondentId: missing(raw.respondentId) ? undefined : raw.respondentId,
      weight: missing(raw.weight) ? undefined : raw.weight,
      comment: missing(raw.comment) ? undefined : raw.comment,
      attributes: rawAttributes.map((value) => (missing(value) ? null : value)),
    };
    const result = validate(input);
    if (result.success) {
      const { data } = result;
      const response: Writable<NpsResponse> = { score: data.score };
      if (data.date !== undefined) response.date = data.date;
      if (data.respondentId !== undefined) response.respondentId = data.respondentId;
      if (data.weight !== undefined) response.weight = data.weight;
      if (data.comment !== undefined) response.comment = data.comment;
      if (attributeColumns.length > 0) {
        const attributes: Record<string, AttributeValue> = Object.create(null);
        for (let j = 0; j < attributeColumns.length; j++) {
          attributes[attributeColumns[j] as string] = data.attributes[j] as AttributeValue;
        }
        response.attributes = attributes;
      }
      responses.push(response);
      continue;
    }
    rejected++;
    const seen = new Set<string>();
    for (const zodIssue of result.error.issues) {
      zodIssues.push({ ...zodIssue, path: [index, ...zodIssue.path] });
      const key = zodIssue.path[0] as RowKey;
      let column: string;
      let value: unknown;
      let message: string;
      if (key === "attributes") {
        const j = zodIssue.path[1] as number;
        column = attributeColumns[j] as string;
        value = rawAttributes[j];
        message = `attribute ${JSON.stringify(column)} must be a string, a finite number, a boolean or null, received ${describeValue(value)}`;
      } else {
        column = fields[key] as string;
        value = raw[key];
        message = `${rules[key]}, received ${describeValue(value)}`;
      }
      if (seen.has(`${key}\u0000${column}`)) continue;
      seen.add(`${key}\u0000${column}`);
      issues.push({ path: [index, column], message, value, row: rowNumber, field: column });
    }
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
      zodIssues.length > 0 ? { cause: new z.ZodError(zodIssues) } : {},
    );
  }
  return { responses, skipped, issues, counts };
}

/** An own property of the row, or `undefined` (never an inherited member such as `toString`). */
function read(row: Readonly<Record<string, unknown>>, column: string | undefined): unknown {
  return column !== undefined && Object.hasOwn(row, column) ? row[column] : undefined;
}

interface Settings {
  readonly fields: FieldMapping;
  readonly attributeColumns: ReadonlyArray<string>;
  readonly scale: Scale;
  readonly skipMissingScore: boolean;
  readonly missing: (value: unknown) => boolean;
  readonly mode: "strict" | "collect";
  readonly dateFormat: string | undefined;
  readonly timeZone: string;
  readonly firstRow: number;
}

/** Checks every option and fills in the defaults, in one place. */
function resolveOptions(options: ParseOptions): Settings {
  if (options === null || typeof options !== "object") {
    throw invalidOption("options", "an object with a fields mapping", options);
  }
  const fields = options.fields as FieldMapping | undefined;
  if (fields === null || typeof fields !== "object") {
    throw invalidOption("fields", "an object naming at least the score column", fields);
  }
  if (typeof fields.score !== "string" || fields.score.length === 0) {
    throw invalidOption("fields.score", "a non-empty column name", fields.score);
  }
  for (const field of MAPPED_FIELDS) {
    const column = fields[field];
    if (column !== undefined && (typeof column !== "string" || column.length === 0)) {
      throw invalidOption(`fields.${field}`, "a non-empty column name", column);
    }
  }
  const attributeColumns = fields.attributes ?? [];
  if (!Array.isArray(attributeColumns)) {
    throw invalidOption("fields.attributes", "an array of column names", attributeColumns);
  }
  const seen = new Set<string>();
  for (const column of attributeColumns) {
    if (typeof column !== "string" || column.length === 0) {
      throw invalidOption("fields.attributes", "an array of non-empty column names", column);
    }
    if (seen.has(column)) throw invalidOption("fields.attributes", "an array of distinct column names", column);
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
    throw invalidOption("scale", "a scale made by defineScale", scale);
  }
  const missingScore = options.missingScore ?? "reject";
  if (missingScore !== "reject" && missingScore !== "skip") {
    throw invalidOption("missingScore", '"reject" or "skip"', missingScore);
  }
  const missingValues = options.missingValues ?? DEFAULT_MISSING_VALUES;
  if (!Array.isArray(missingValues) || !missingValues.every((value) => typeof value === "string")) {
    throw invalidOption("missingValues", "an array of strings", missingValues);
  }
  const mode = options.mode ?? "strict";
  if (mode !== "strict" && mode !== "collect") {
    throw invalidOption("mode", '"strict" or "collect"', mode);
  }
  const dateFormat = options.dateFormat === undefined ? undefined : checkDateFormat(FN, options.dateFormat);
  const timeZone = options.timeZone ?? "UTC";
  checkTimeZone(FN, timeZone);
  const firstRow = options.firstRow ?? 1;
  if (!Number.isSafeInteger(firstRow) || firstRow < 0) {
    throw invalidOption("firstRow", "an integer >= 0", firstRow);
  }

  const missingSet = new Set(missingValues);
  const missing = (value: unknown): boolean =>
    value === undefined || value === null || (typeof value === "string" && missingSet.has(value.trim()));
  return {
    fields,
    attributeColumns,
    scale,
    skipMissingScore: missingScore === "skip",
    missing,
    mode,
    dateFormat,
    timeZone,
    firstRow,
  };
}

/**
 * A mapped column that no row has is almost always a typo (`"Date"` for `"date"`): it would leave
 * every response without that field, silently. Stops at the first row holding each column, so the
 * check costs O(k) on typical input.
 */
function checkColumnsExist(
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

function invalidOption(name: string, rule: string, value: unknown): NpsError {
  return new NpsError("invalid_option", `${FN}: ${name} must be ${rule}, received ${describeValue(value)}`);
}
