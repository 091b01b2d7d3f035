import type { z } from "zod";
import type { NpsIssue } from "../../src/core/errors.js";
import type { AttributeValue, NpsResponse } from "../../src/core/response.js";
import type { Settings, SkippedRow } from "../../src/input/parseResponses.js";
import { createIsoReader, createPatternReader, createWallClockConverter } from "../../src/input/readDate.js";
import { describeValue } from "../../src/internal/describe.js";
import { buildRowSchema, type RowInput, type RowKey } from "./rowSchema.js";

const FN = "parseResponses";
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The reference: parseResponses as it was before the checks were compiled, one zod schema run per
 * row (kept here verbatim, for the property test that compares the two on hostile values).
 */
export function referenceParse(
  rows: ReadonlyArray<unknown>,
  settings: Settings,
): {
  responses: NpsResponse[];
  skipped: SkippedRow[];
  issues: NpsIssue[];
  rejected: number;
  zodIssues: z.core.$ZodIssue[];
} {
  const { fields, attributeColumns, firstRow, skipMissingScore } = settings;
  const missingSet = new Set(settings.missingValues);
  const missing = (value: unknown): boolean =>
    value === undefined || value === null || (typeof value === "string" && missingSet.has(value.trim()));
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

  return { responses, skipped, issues, rejected, zodIssues };
}

function read(row: Readonly<Record<string, unknown>>, column: string | undefined): unknown {
  return column !== undefined && Object.hasOwn(row, column) ? row[column] : undefined;
}
