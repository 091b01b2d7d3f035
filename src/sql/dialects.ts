import type { TrendPeriod } from "../core/calendar.js";
import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";

/**
 * The SQL dialects {@link tallySql} writes.
 *
 * @category SQL
 */
export type SqlDialect = "duckdb" | "postgresql" | "bigquery" | "spark";

/** The dialects, in a stable order (for option checks). */
export const SQL_DIALECTS: ReadonlyArray<SqlDialect> = ["duckdb", "postgresql", "bigquery", "spark"];

/**
 * Throws `invalid_option` unless `name` is a usable identifier: a non-empty string of at most 300
 * characters without control characters (which no engine accepts in a quoted identifier).
 */
export function checkIdentifier(fn: string, what: string, name: unknown): asserts name is string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is rejected
  if (typeof name !== "string" || name === "" || name.length > 300 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: ${what} must be a non-empty column or table name of at most 300 characters without control characters, received ${describeValue(name)}`,
    );
  }
}

/**
 * Quotes an identifier for the dialect, so that any character in it is part of the name: double
 * quotes doubled for DuckDB and PostgreSQL, backticks doubled for Spark, backslash and backtick escaped
 * for BigQuery (whose quoted identifiers read escape sequences).
 */
export function quoteIdentifier(dialect: SqlDialect, name: string): string {
  switch (dialect) {
    case "duckdb":
    case "postgresql":
      return `"${name.replaceAll('"', '""')}"`;
    case "bigquery":
      return `\`${name.replaceAll("\\", "\\\\").replaceAll("`", "\\`")}\``;
    case "spark":
      return `\`${name.replaceAll("`", "``")}\``;
  }
}

/** The floating-point type name of the dialect (weights are cast to it before summing). */
export function doubleType(dialect: SqlDialect): string {
  switch (dialect) {
    case "duckdb":
    case "spark":
      return "DOUBLE";
    case "postgresql":
      return "DOUBLE PRECISION";
    case "bigquery":
      return "FLOAT64";
  }
}

/**
 * The expression giving the local calendar date (`YYYY-MM-DD` text) of the start of the period that
 * contains the instant `time` in `timeZone`; weeks start on Monday (ISO weeks). `timeZone` must already
 * be checked to be a plain IANA name (it is written as a string literal).
 */
export function bucketExpression(dialect: SqlDialect, time: string, period: TrendPeriod, timeZone: string): string {
  const zone = `'${timeZone}'`;
  switch (dialect) {
    case "duckdb":
      return `strftime(date_trunc('${period}', timezone(${zone}, ${time})), '%Y-%m-%d')`;
    case "postgresql":
      return `to_char(date_trunc('${period}', ${time} AT TIME ZONE ${zone}), 'YYYY-MM-DD')`;
    case "bigquery": {
      const part = period === "week" ? "ISOWEEK" : period.toUpperCase();
      return `FORMAT_TIMESTAMP('%F', TIMESTAMP_TRUNC(${time}, ${part}, ${zone}), ${zone})`;
    }
    case "spark":
      return `date_format(date_trunc('${period.toUpperCase()}', from_utc_timestamp(${time}, ${zone})), 'yyyy-MM-dd')`;
  }
}

/**
 * The expression giving the instant `time` in epoch milliseconds (an integer): DuckDB `epoch_ms`,
 * PostgreSQL `FLOOR(EXTRACT(EPOCH FROM t) * 1000)` (a `numeric`, exact; microseconds are dropped as
 * JavaScript dates drop them), BigQuery `UNIX_MILLIS`, Spark `unix_millis`.
 */
export function epochMillisExpression(dialect: SqlDialect, time: string): string {
  switch (dialect) {
    case "duckdb":
      return `epoch_ms(${time})`;
    case "postgresql":
      return `FLOOR(EXTRACT(EPOCH FROM ${time}) * 1000)`;
    case "bigquery":
      return `UNIX_MILLIS(${time})`;
    case "spark":
      return `unix_millis(${time})`;
  }
}
