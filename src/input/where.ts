import { unknownNameMessage } from "../core/columnNames.js";
import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";
import { DEFAULT_MISSING_VALUES } from "./parseResponses.js";

/**
 * The comparison of a {@link WhereFilter}.
 *
 * @category Input
 */
export type WhereOperator = "=" | "!=" | "<" | "<=" | ">" | ">=" | "in";

/**
 * A row filter: a column, a comparison and the value(s) to compare with, as {@link parseWhere}
 * reads `plan=pro`, `country!=FR`, `plan in pro,team` or `spend>=100`. Plain data.
 *
 * @category Input
 */
export interface WhereFilter {
  /** The expression as given (for messages). */
  readonly expression: string;
  /** The column compared. */
  readonly column: string;
  /** The comparison. */
  readonly operator: WhereOperator;
  /**
   * The values compared with, unquoted and trimmed: one, except for `in`. `""` stands for "no
   * value" (a blank, `NA`, `N/A`, `n/a`, `null` or `NULL` in the filter reads as `""`).
   */
  readonly values: ReadonlyArray<string>;
  /** For `<`, `<=`, `>`, `>=`: the value as a number. */
  readonly number?: number;
}

const OPERATORS = ["!=", "<=", ">=", "=", "<", ">"] as const;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MISSING = new Set(DEFAULT_MISSING_VALUES);

/**
 * Reads a filter expression: `<column> <operator> <value>`, where the operator is `=`, `!=`, `<`,
 * `<=`, `>`, `>=` or `in` (a word, with spaces around it) followed by a comma-separated list. Spaces
 * around the column, the operator and each value are ignored. A column or value may be quoted with
 * `"` or `'` (a quote inside is doubled): quoting keeps spaces and commas (`plan in "Pro, annual",team`)
 * and lets a column name hold an operator. The value of `<`, `<=`, `>`, `>=` must be a number. A
 * value that reads as missing (blank, `NA`, `N/A`, `n/a`, `null`, `NULL`) means "no value":
 * `plan=` keeps the rows without a plan, `plan!=` those with one. Browser-safe.
 *
 * @param expression - The filter, e.g. `"plan in pro,team"`.
 * @returns The filter as plain data.
 * @throws {@link NpsError} `invalid_option` for an expression without an operator, without a column,
 * with a non-numeric value for a numeric comparison, an empty `in` list or an unclosed quote.
 * @example
 * ```ts
 * import { parseWhere } from "npskit";
 * parseWhere("plan in pro, team").values; // => ["pro", "team"]
 * parseWhere("spend>=100").number; // => 100
 * parseWhere('"Survey Type" = "NPS, relational"').column; // => "Survey Type"
 * ```
 * @category Input
 */
export function parseWhere(expression: string): WhereFilter {
  if (typeof expression !== "string") {
    throw new NpsError(
      "invalid_option",
      `parseWhere: expression must be a string, received ${describeValue(expression)}`,
    );
  }
  const fail = (why: string): never => {
    throw new NpsError(
      "invalid_option",
      `where ${JSON.stringify(expression)}: ${why}; write <column><operator><value> with = != < <= > >= or in, e.g. plan=pro, spend>=100, "plan in pro,team"`,
    );
  };
  const found = findOperator(expression);
  if (found === undefined) return fail("no comparison found");
  const column = unquote(expression.slice(0, found.at), fail);
  if (column === "") fail("no column before the comparison");
  const rest = expression.slice(found.at + found.operator.length);
  const { operator } = found;
  if (operator === "in") {
    const values = splitList(rest, fail)
      .map((value) => unquote(value, fail))
      .map(missingAsBlank);
    if (values.length === 0) fail("in needs a comma-separated list of values");
    return { expression, column, operator, values };
  }
  // "==", "=>", "=<", "!==" as typed in code would compare with a value that starts with = < >.
  const typo = /^\s*([=<>])/.exec(rest)?.[1];
  if ((operator === "=" || operator === "!=") && typo !== undefined) {
    fail(
      `"${operator}${typo}" is not an operator (a value that starts with ${JSON.stringify(typo)} is quoted: ${column}${operator}"${typo}…")`,
    );
  }
  const value = missingAsBlank(unquote(rest, fail));
  if (operator === "=" || operator === "!=") return { expression, column, operator, values: [value] };
  if (!NUMBER.test(value)) fail(`${operator} compares numbers, received ${JSON.stringify(value)}`);
  return { expression, column, operator, values: [value], number: Number(value) };
}

/**
 * Checks that every filter names one of the columns; a name that is not one is an error suggesting
 * the closest (see {@link unknownNameMessage}). Browser-safe.
 *
 * @param filters - The filters.
 * @param columns - The columns of the data.
 * @throws {@link NpsError} `invalid_option` naming the filter, the column and the suggestions.
 * @example
 * ```ts
 * import { checkWhereColumns, parseWhere } from "npskit";
 * checkWhereColumns([parseWhere("plan=pro")], ["score", "plan"]); // => undefined
 * ```
 * @category Input
 */
export function checkWhereColumns(filters: ReadonlyArray<WhereFilter>, columns: ReadonlyArray<string>): void {
  checkFilters("checkWhereColumns", filters);
  if (!Array.isArray(columns) || !columns.every((column) => typeof column === "string")) {
    throw new NpsError(
      "invalid_option",
      `checkWhereColumns: columns must be an array of strings, received ${describeValue(columns)}`,
    );
  }
  const known = new Set(columns);
  for (const filter of filters) {
    if (!known.has(filter.column)) {
      throw new NpsError(
        "invalid_option",
        `where ${JSON.stringify(filter.expression)}: ${unknownNameMessage(filter.column, columns)}`,
      );
    }
  }
}

/**
 * Whether a row passes every filter (they combine with AND). `value(column)` gives the row's value of
 * a column (`undefined` when it has none). Values are compared as text, after trimming spaces and
 * exactly (case included), numbers as they are written (`String(value)`); a missing value (absent,
 * `null`, blank, `NA`, `N/A`, `n/a`, `null`, `NULL`) equals only `""`: it passes `!=` and `in` lists
 * without `""`, and fails `=` and every numeric comparison. `<`, `<=`, `>`, `>=` read the value as a
 * number (`"12.5"` counts); text that is not a number is an error naming it, never a silent
 * "does not match". Browser-safe.
 *
 * @param filters - The filters, from {@link parseWhere}.
 * @param value - The row's value of a column.
 * @param row - The row's number, named in errors. @defaultValue none
 * @returns Whether the row is kept.
 * @throws {@link NpsError} `invalid_input` for a numeric comparison on a value that is not a number.
 * @example
 * ```ts
 * import { matchesWhere, parseWhere } from "npskit";
 * const filters = [parseWhere("plan in pro,team"), parseWhere("spend>=100")];
 * const row = { plan: "pro", spend: "120" };
 * matchesWhere(filters, (column) => row[column as keyof typeof row]); // => true
 * matchesWhere([parseWhere("country!=FR")], () => "NA"); // => true
 * ```
 * @category Input
 */
export function matchesWhere(
  filters: ReadonlyArray<WhereFilter>,
  value: (column: string) => unknown,
  row?: number,
): boolean {
  checkFilters("matchesWhere", filters);
  if (typeof value !== "function") {
    throw new NpsError("invalid_option", `matchesWhere: value must be a function, received ${describeValue(value)}`);
  }
  if (row !== undefined && !Number.isSafeInteger(row)) {
    throw new NpsError("invalid_option", `matchesWhere: row must be an integer, received ${describeValue(row)}`);
  }
  for (const filter of filters) {
    if (!matchesOne(filter, value(filter.column), row)) return false;
  }
  return true;
}

/** Throws unless `filters` is an array of filters as {@link parseWhere} makes them. */
function checkFilters(fn: string, filters: unknown): asserts filters is ReadonlyArray<WhereFilter> {
  const valid = (filter: unknown): boolean => {
    if (filter === null || typeof filter !== "object") return false;
    const { expression, column, operator, values, number } = filter as Partial<WhereFilter>;
    if (typeof expression !== "string" || typeof column !== "string") return false;
    if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === "string"))
      return false;
    if (operator === "=" || operator === "!=" || operator === "in") return true;
    return (
      (operator === "<" || operator === "<=" || operator === ">" || operator === ">=") &&
      typeof number === "number" &&
      !Number.isNaN(number)
    );
  };
  if (!Array.isArray(filters) || !filters.every(valid)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: filters must be an array of filters from parseWhere, received ${describeValue(filters)}`,
    );
  }
}

function matchesOne(filter: WhereFilter, raw: unknown, row: number | undefined): boolean {
  if (
    raw !== undefined &&
    raw !== null &&
    typeof raw !== "string" &&
    typeof raw !== "number" &&
    typeof raw !== "boolean"
  ) {
    throw new NpsError(
      "invalid_input",
      `where ${JSON.stringify(filter.expression)}: ${row === undefined ? "" : `row ${row}: `}${JSON.stringify(filter.column)} is ${describeValue(raw)}, which cannot be compared (a text, a number, a boolean or no value)`,
    );
  }
  const text = raw === undefined || raw === null ? "" : missingAsBlank(String(raw).trim());
  switch (filter.operator) {
    case "=":
      return text === filter.values[0];
    case "!=":
      return text !== filter.values[0];
    case "in":
      return filter.values.includes(text);
    default: {
      if (text === "") return false;
      if (!NUMBER.test(text)) {
        throw new NpsError(
          "invalid_input",
          `where ${JSON.stringify(filter.expression)}: ${row === undefined ? "" : `row ${row}: `}${JSON.stringify(filter.column)} is ${JSON.stringify(String(raw))}, not a number (${filter.operator} compares numbers; blank and NA values do not match)`,
        );
      }
      const number = Number(text);
      const limit = filter.number as number;
      return filter.operator === "<"
        ? number < limit
        : filter.operator === "<="
          ? number <= limit
          : filter.operator === ">"
            ? number > limit
            : number >= limit;
    }
  }
}

/** `""` for a text that means no value. */
function missingAsBlank(text: string): string {
  return MISSING.has(text) ? "" : text;
}

/**
 * The operator after the column (a quoted column is skipped): the first of `!=` `<=` `>=` `=` `<` `>`,
 * else the word `in` with spaces around it; its position and which it is.
 */
function findOperator(expression: string): { at: number; operator: WhereOperator } | undefined {
  let i = 0;
  while (i < expression.length && /\s/.test(expression[i] as string)) i++;
  const quote = expression[i];
  if (quote === '"' || quote === "'") {
    // Skip the quoted column (a doubled quote stays inside).
    i++;
    while (i < expression.length) {
      if (expression[i] === quote) {
        if (expression[i + 1] === quote) i += 2;
        else {
          i++;
          break;
        }
      } else i++;
    }
  }
  for (let at = i; at < expression.length; at++) {
    for (const operator of OPERATORS) {
      if (expression.startsWith(operator, at)) return { at, operator };
    }
  }
  // `in` only when there is no symbolic operator, so that "Sign in date=x" compares "Sign in date".
  for (let at = Math.max(i, 1); at < expression.length; at++) {
    if (/\s/.test(expression[at - 1] as string) && /^in\s/i.test(expression.slice(at))) return { at, operator: "in" };
  }
  return undefined;
}

/** A token trimmed, and unquoted when it is wholly quoted (a doubled quote inside is one quote). */
function unquote(token: string, fail: (why: string) => never): string {
  const text = token.trim();
  const quote = text[0];
  if (quote !== '"' && quote !== "'") return text;
  if (text.length < 2 || text[text.length - 1] !== quote) return fail(`unclosed quote in ${text}`);
  const inner = text.slice(1, -1);
  const doubled = quote + quote;
  if (inner.replaceAll(doubled, "").includes(quote)) return fail(`a quote inside ${text} must be doubled`);
  return inner.replaceAll(doubled, quote);
}

/** The items of an `in` list: split at commas outside quotes (a quote opens an item). */
function splitList(list: string, fail: (why: string) => never): string[] {
  const items: string[] = [];
  let i = 0;
  let current = "";
  let quote: string | undefined;
  while (i < list.length) {
    const char = list[i] as string;
    if (quote !== undefined) {
      current += char;
      if (char === quote) {
        if (list[i + 1] === quote) {
          current += quote;
          i++;
        } else quote = undefined;
      }
    } else if (char === ",") {
      items.push(current);
      current = "";
    } else {
      if ((char === '"' || char === "'") && current.trim() === "") quote = char;
      current += char;
    }
    i++;
  }
  if (quote !== undefined) fail(`unclosed quote in ${current.trim()}`);
  items.push(current);
  if (items.length === 1 && (items[0] as string).trim() === "") return [];
  return items;
}
