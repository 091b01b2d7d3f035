import type { NpsIssue } from "../core/errors.js";
import type { AttributeValue } from "../core/response.js";
import type { Scale } from "../core/scale.js";
import { describeValue } from "../internal/describe.js";
import type { DateTextReader } from "./readDate.js";

/** An integer written in decimal, optionally signed with `-` and with a zero fraction (`"9.0"`). */
const INTEGER_TEXT = /^\s*-?\d+(?:\.0+)?\s*$/;
/** A decimal number, optionally signed, with an optional exponent (`"1.5"`, `".5"`, `"2e3"`). */
const DECIMAL_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** The largest distance of a valid `Date` from the epoch, in milliseconds. */
const MAX_TIME = 8.64e15;

/** What {@link RowChecker.check} made of a row. */
export const ACCEPTED = 0;
/** The row's score is missing and `missingScore` is `"skip"`. */
export const SKIPPED = 1;
/** At least one value is invalid; its issues were added. */
export const REJECTED = 2;

/** The settings a row checker is compiled from (the checked options of `parseResponses`). */
export interface RowRules {
  readonly fields: {
    readonly score: string;
    readonly date?: string;
    readonly respondentId?: string;
    readonly weight?: string;
    readonly comment?: string;
  };
  readonly attributeColumns: ReadonlyArray<string>;
  readonly scale: Scale;
  readonly skipMissingScore: boolean;
  readonly missingValues: ReadonlyArray<string>;
  readonly dateFormat: string | undefined;
  readonly readDateText: DateTextReader;
  /** A date that does not parse leaves the row undated (true) instead of rejecting it (false). */
  readonly undatedBadDate: boolean;
}

/**
 * The checks of one field mapping, compiled once: the caller puts a row's raw values in `raw`
 * (index 0 score, 1 date, 2 respondent id, 3 weight, 4 comment, 5 + j attribute j; `undefined` for
 * an absent column) and calls {@link RowChecker.check}, which validates them with the rules and
 * messages of `parseResponses` and leaves the typed values in the checker's fields (reused: read
 * them before the next call). No schema, no object per row; O(k) per row for k mapped columns.
 */
export interface RowChecker {
  readonly raw: unknown[];
  /** Whether a value means "no value" (absent, `null`, or a missing-value string after trimming). */
  readonly missing: (value: unknown) => boolean;
  /**
   * Validates `raw`; pushes a skipped row or issues (path `[index, column]`, `row`). With
   * `undatedBadDate`, the issue of a date that does not parse on an otherwise valid row goes to
   * `undated` instead, and the row is accepted without a date.
   */
  check(
    index: number,
    row: number,
    issues: NpsIssue[],
    skipped: Array<{ row: number; reason: string }>,
    undated: NpsIssue[],
  ): number;
  /** The score of an accepted row. */
  score: number;
  /** Epoch milliseconds of an accepted row's date, `NaN` without a date. */
  time: number;
  /** The respondent id, `undefined` without one. */
  respondentId: string | undefined;
  /** The weight, `NaN` without one. */
  weight: number;
  /** The comment, `undefined` without one. */
  comment: string | undefined;
  /** The attribute values (`null` for a missing value), one per attribute column. */
  readonly attributes: AttributeValue[];
  /** The time of a row whose `raw[1]` is {@link TIME_GIVEN}. */
  givenTime: number;
}

/**
 * Put in `raw[1]` (the date) by a caller that has already read a valid date in place: the checker
 * then takes `givenTime` as the row's time, exactly as it would have read the string.
 */
export const TIME_GIVEN: unique symbol = Symbol("time given");

/** A sentinel for a value that does not pass its check (every valid result differs from it). */
const INVALID: unique symbol = Symbol("invalid");

/** Compiles the checks of one field mapping (O(1); see {@link RowChecker}). */
export function createRowChecker(rules: RowRules): RowChecker {
  const { fields, attributeColumns, scale } = rules;
  const { min, max } = scale;
  const readDateText = rules.readDateText;
  const undatedBadDate = rules.undatedBadDate;
  const missingSet = new Set(rules.missingValues);
  let longestMissing = 0;
  // The first characters of the missing-value strings (those in ASCII): a value without white space
  // at its ends that starts with none of them is not one, without a lookup in the set.
  const missingStart = new Uint8Array(128);
  for (const value of rules.missingValues) {
    longestMissing = Math.max(longestMissing, value.length);
    const first = value.charCodeAt(0);
    if (first < 128) missingStart[first] = 1;
  }

  const missing = (value: unknown): boolean => {
    if (value === undefined || value === null) return true;
    if (typeof value !== "string") return false;
    const length = value.length;
    if (length === 0) return missingSet.has(value);
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(length - 1);
    // No white space at either end: `trim()` would return the value itself.
    if (first > 32 && first < 127 && last > 32 && last < 127) {
      return length <= longestMissing && missingStart[first] === 1 && missingSet.has(value);
    }
    return missingSet.has(value.trim());
  };

  const scoreOf = (value: unknown): number | typeof INVALID => {
    let score: number;
    if (typeof value === "string") {
      const length = value.length;
      const a = value.charCodeAt(0) - 48;
      if (length === 1 && a >= 0 && a <= 9) {
        score = a;
      } else if (length === 2 && a >= 1 && a <= 9 && value.charCodeAt(1) - 48 >= 0 && value.charCodeAt(1) - 48 <= 9) {
        score = a * 10 + value.charCodeAt(1) - 48;
      } else {
        if (!INTEGER_TEXT.test(value)) return INVALID;
        score = Number(value);
      }
    } else if (typeof value === "number") {
      score = value;
    } else {
      return INVALID;
    }
    if (!Number.isSafeInteger(score) || score < min || score > max) return INVALID;
    return score + 0; // -0 becomes 0
  };

  const timeOf = (value: unknown): number | typeof INVALID => {
    if (typeof value === "string") {
      const time = readDateText(value);
      return time === undefined ? INVALID : time;
    }
    if (value instanceof Date) {
      const time = value.getTime();
      return Number.isNaN(time) ? INVALID : time;
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value) || value < -MAX_TIME || value > MAX_TIME) return INVALID;
      return new Date(value).getTime();
    }
    return INVALID;
  };

  const respondentIdOf = (value: unknown): string | typeof INVALID => {
    if (typeof value === "string") return value;
    if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
    return INVALID;
  };

  const weightOf = (value: unknown): number | typeof INVALID => {
    let weight: number;
    if (typeof value === "string") {
      if (!DECIMAL_TEXT.test(value)) return INVALID;
      weight = Number(value);
    } else if (typeof value === "number") {
      weight = value;
    } else {
      return INVALID;
    }
    return Number.isFinite(weight) && weight > 0 ? weight : INVALID;
  };

  const commentOf = (value: unknown): string | typeof INVALID => {
    if (typeof value === "string") return value;
    if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean") return String(value);
    return INVALID;
  };

  const attributeOf = (value: unknown): AttributeValue | typeof INVALID => {
    if (typeof value === "string" || typeof value === "boolean") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : INVALID;
    return INVALID;
  };

  const scoreRule = `score must be an integer from ${min} to ${max}`;
  const dateRule =
    rules.dateFormat === undefined
      ? "date must be an ISO 8601 date or date-time, a valid Date or epoch milliseconds"
      : `date must be a date in the format ${JSON.stringify(rules.dateFormat)}, a valid Date or epoch milliseconds`;
  const attributeCount = attributeColumns.length;
  const hasDate = fields.date !== undefined;
  const hasId = fields.respondentId !== undefined;
  const hasWeight = fields.weight !== undefined;
  const hasComment = fields.comment !== undefined;
  const raw: unknown[] = new Array(5 + attributeCount).fill(undefined);
  const attributes: AttributeValue[] = new Array(attributeCount).fill(null);

  const issue = (issues: NpsIssue[], index: number, row: number, column: string, message: string, value: unknown) => {
    issues.push({ path: [index, column], message, value, row, field: column });
  };

  const checker: RowChecker = {
    raw,
    missing,
    score: 0,
    time: Number.NaN,
    respondentId: undefined,
    weight: Number.NaN,
    comment: undefined,
    attributes,
    givenTime: Number.NaN,
    check(index, row, issues, skipped, undated) {
      const rawScore = raw[0];
      const scoreMissing = missing(rawScore);
      if (scoreMissing && rules.skipMissingScore) {
        skipped.push({ row, reason: `score is missing, received ${describeValue(rawScore)}` });
        return SKIPPED;
      }
      const rawWeight = raw[3];
      const weightMissing = hasWeight && missing(rawWeight);
      if (weightMissing) {
        // A weighted tally needs a weight on every response: a blank weight is an error, never 1.
        issue(
          issues,
          index,
          row,
          fields.weight as string,
          `weight must be present when a weight column is mapped (a blank weight is never taken as 1), received ${describeValue(rawWeight)}`,
          rawWeight,
        );
        return REJECTED;
      }
      let valid = true;
      const score = scoreMissing ? INVALID : scoreOf(rawScore);
      if (score === INVALID) {
        valid = false;
        issue(issues, index, row, fields.score, `${scoreRule}, received ${describeValue(rawScore)}`, rawScore);
      } else {
        checker.score = score;
      }
      checker.time = Number.NaN;
      let badDate = false;
      if (hasDate) {
        const value = raw[1];
        if (value === TIME_GIVEN) {
          checker.time = checker.givenTime;
        } else if (!missing(value)) {
          const time = timeOf(value);
          if (time === INVALID) {
            if (undatedBadDate) badDate = true;
            else valid = false;
            issue(issues, index, row, fields.date as string, `${dateRule}, received ${describeValue(value)}`, value);
          } else {
            checker.time = time;
          }
        }
      }
      checker.respondentId = undefined;
      if (hasId) {
        const value = raw[2];
        if (!missing(value)) {
          const id = respondentIdOf(value);
          if (id === INVALID) {
            valid = false;
            issue(
              issues,
              index,
              row,
              fields.respondentId as string,
              `respondentId must be a string or a safe integer, received ${describeValue(value)}`,
              value,
            );
          } else {
            checker.respondentId = id;
          }
        }
      }
      checker.weight = Number.NaN;
      if (hasWeight) {
        const weight = weightOf(rawWeight);
        if (weight === INVALID) {
          valid = false;
          issue(
            issues,
            index,
            row,
            fields.weight as string,
            `weight must be a finite number greater than 0, received ${describeValue(rawWeight)}`,
            rawWeight,
          );
        } else {
          checker.weight = weight;
        }
      }
      checker.comment = undefined;
      if (hasComment) {
        const value = raw[4];
        if (!missing(value)) {
          const comment = commentOf(value);
          if (comment === INVALID) {
            valid = false;
            issue(
              issues,
              index,
              row,
              fields.comment as string,
              `comment must be a string, received ${describeValue(value)}`,
              value,
            );
          } else {
            checker.comment = comment;
          }
        }
      }
      for (let j = 0; j < attributeCount; j++) {
        const value = raw[5 + j];
        if (missing(value)) {
          attributes[j] = null;
          continue;
        }
        const attribute = attributeOf(value);
        if (attribute === INVALID) {
          valid = false;
          const column = attributeColumns[j] as string;
          issue(
            issues,
            index,
            row,
            column,
            `attribute ${JSON.stringify(column)} must be a string, a finite number, a boolean or null, received ${describeValue(value)}`,
            value,
          );
        } else {
          attributes[j] = attribute;
        }
      }
      // The date's issue is the last one pushed when every other value is valid: the row counts
      // without its date. On a row rejected for another value it stays among the row's issues.
      if (badDate && valid) undated.push(issues.pop() as NpsIssue);
      return valid ? ACCEPTED : REJECTED;
    },
  };
  return checker;
}
