import { checkTimeZone, TREND_PERIODS, type TrendPeriod } from "../core/calendar.js";
import { NpsError } from "../core/errors.js";
import { checkChoice } from "../core/options.js";
import { type Scale, STANDARD_SCALE } from "../core/scale.js";
import { describeValue } from "../internal/describe.js";
import {
  bucketExpression,
  checkIdentifier,
  doubleType,
  epochMillisExpression,
  quoteIdentifier,
  SQL_DIALECTS,
  type SqlDialect,
} from "./dialects.js";

/**
 * The calendar bucket of a {@link tallySql} query: the column holding each answer's instant, the
 * period, and the time zone in which periods are read (weeks are ISO weeks, starting on Monday).
 *
 * @category SQL
 */
export interface SqlTimeBucket {
  /**
   * The column holding the instant of each answer: `TIMESTAMP WITH TIME ZONE` in DuckDB and
   * PostgreSQL, `TIMESTAMP` in BigQuery, a `TIMESTAMP` read as UTC in Spark.
   */
  readonly column: string;
  /** The calendar period. */
  readonly period: TrendPeriod;
  /** IANA time zone in which days, weeks, months… are read. @defaultValue "UTC" */
  readonly timeZone?: string;
}

/**
 * Options of {@link tallySql}.
 *
 * @category SQL
 */
export interface TallySqlOptions {
  /** The SQL dialect to write. */
  readonly dialect: SqlDialect;
  /** The table: one name, or the parts of a qualified name (`["analytics", "responses"]`). */
  readonly table: string | ReadonlyArray<string>;
  /** The column holding the 0–10 answer (a number; NULL for no answer). */
  readonly score: string;
  /** The column holding each answer's weight; when given, the query sums weights and squared weights. @defaultValue unweighted */
  readonly weight?: string;
  /** Segment columns to group by; names must not start with `nps_` (reserved for the result columns). @defaultValue [] */
  readonly by?: ReadonlyArray<string>;
  /** A calendar bucket to group by. @defaultValue no time bucket */
  readonly timeBucket?: SqlTimeBucket;
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/** Names of the result columns, in query order (weighted ones only with a weight column). */
export const SQL_COLUMNS = {
  period: "nps_period",
  rows: "nps_rows",
  counts: ["nps_promoters", "nps_passives", "nps_detractors"],
  missingScores: "nps_missing_scores",
  invalidScores: "nps_invalid_scores",
  invalidWeights: "nps_invalid_weights",
  weights: ["nps_promoters_weight", "nps_passives_weight", "nps_detractors_weight"],
  squaredWeights: ["nps_promoters_weight_squared", "nps_passives_weight_squared", "nps_detractors_weight_squared"],
  scorePrefix: "nps_score_",
  dated: "nps_dated",
  first: "nps_first",
  last: "nps_last",
  bucket: "nps_bucket",
  timeZone: "nps_time_zone",
} as const;

/** Largest finite double: a weight above it is infinite (or NaN, which engines order above every number). */
const MAX_DOUBLE = "1.7976931348623157e308";

/**
 * Writes the SQL query that tallies NPS answers where they are stored, so that only the counts leave
 * the database: per group (segment columns and/or a calendar bucket), the number of promoters,
 * passives and detractors, and when weighted the sums of weights and of squared weights per category
 * — the sufficient statistics of every npskit figure. Every row is accounted for: `nps_rows` counts
 * all rows, `nps_missing_scores` those whose score is NULL, `nps_invalid_scores` those whose score is
 * not an integer inside the scale (including NaN), and when weighted `nps_invalid_weights` those with
 * a valid score whose weight is NULL, not > 0 or not finite (such rows are in no category).
 *
 * Result columns: the `by` columns under their own names, `nps_period` (the local date
 * `YYYY-MM-DD` of the bucket's first day, NULL for rows without a time) when `timeBucket` is given,
 * then `nps_rows`, `nps_promoters`, `nps_passives`, `nps_detractors`, `nps_missing_scores`,
 * `nps_invalid_scores`, and when weighted `nps_invalid_weights`, `nps_<category>_weight` and
 * `nps_<category>_weight_squared`; then `nps_score_<v>` for each value `v` of the scale (the counted
 * rows that answered `v`: the overview's distribution), and with a time bucket `nps_dated` (counted
 * rows with a time), `nps_first` and `nps_last` (their earliest and latest instant in epoch
 * milliseconds, NULL when none has a time), `nps_bucket` and `nps_time_zone` (the period and time
 * zone of the bucket, the same on every row, so that the rows say how to read `nps_period`).
 * "Counted" means a valid score, and when weighted a valid weight. Read them back with
 * {@link countSqlRows} (keyed tallies for every figure and the whole report) or
 * {@link tallyFromRows} (one tally per group). NULL segment values form a group of their own (as a
 * `null` attribute does in {@link segmentBy}).
 *
 * Identifiers are quoted for the dialect (any character is part of the name; nothing in a name can
 * end the quoted identifier), and the time zone must be a known IANA name, so no option can inject
 * SQL. Time buckets: DuckDB `date_trunc` on `timezone(zone, t)`, PostgreSQL `date_trunc` on
 * `t AT TIME ZONE zone`, BigQuery `TIMESTAMP_TRUNC(t, MONTH, zone)` (`ISOWEEK` for weeks), Spark
 * `date_trunc` on `from_utc_timestamp(t, zone)`; weeks start on Monday. Epoch milliseconds: DuckDB
 * `epoch_ms`, PostgreSQL `FLOOR(EXTRACT(EPOCH FROM t) * 1000)`, BigQuery `UNIX_MILLIS`, Spark
 * `unix_millis`.
 *
 * @param options - Dialect, table, columns, grouping, time bucket and scale.
 * @returns The SQL text (one `SELECT`, no trailing semicolon).
 * @throws {@link NpsError} `invalid_option` for an unknown dialect or period, an empty or
 * control-character name, a `by` name starting with `nps_` or listed twice, a time zone that is
 * not a plain IANA name, or a scale whose bounds are not integers; `invalid_date` for an unknown time zone.
 * @example
 * ```ts
 * import { tallySql } from "npskit";
 * const sql = tallySql({ dialect: "postgresql", table: "responses", score: "score", by: ["plan"] });
 * sql.split("\n")[0]; // => 'SELECT "plan",'
 * sql.includes('COUNT(CASE WHEN "score" >= 0 AND "score" <= 10 AND "score" = FLOOR("score") AND "score" >= 9 THEN 1 END) AS "nps_promoters"'); // => true
 * ```
 * @category SQL
 */
export function tallySql(options: TallySqlOptions): string {
  const fn = "tallySql";
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const { dialect, table, score, weight, by = [], timeBucket, scale = STANDARD_SCALE } = options;
  checkChoice(fn, "dialect", dialect, SQL_DIALECTS);
  const tableParts = typeof table === "string" ? [table] : table;
  if (!Array.isArray(tableParts) || tableParts.length === 0) {
    throw new NpsError(
      "invalid_option",
      `${fn}: table must be a table name or a non-empty array of name parts, received ${describeValue(table)}`,
    );
  }
  for (const part of tableParts) checkIdentifier(fn, "table", part);
  checkIdentifier(fn, "score", score);
  if (weight !== undefined) checkIdentifier(fn, "weight", weight);
  if (!Array.isArray(by)) {
    throw new NpsError("invalid_option", `${fn}: by must be an array of column names, received ${describeValue(by)}`);
  }
  const seen = new Set<string>();
  for (const column of by) {
    checkIdentifier(fn, "by column", column);
    if (column.toLowerCase().startsWith("nps_")) {
      throw new NpsError(
        "invalid_option",
        `${fn}: by column must not start with "nps_" (reserved for the result columns), received ${describeValue(column)}`,
      );
    }
    if (seen.has(column.toLowerCase())) {
      throw new NpsError(
        "invalid_option",
        `${fn}: by columns must be distinct, received ${describeValue(column)} twice`,
      );
    }
    seen.add(column.toLowerCase());
  }
  checkScale(fn, scale);
  const q = (name: string): string => quoteIdentifier(dialect, name);

  const keys = by.map(q);
  if (timeBucket !== undefined) keys.push(bucketOf(fn, dialect, timeBucket));
  const s = q(score);
  const valid = `${s} >= ${scale.min} AND ${s} <= ${scale.max} AND ${s} = FLOOR(${s})`;
  const w = weight === undefined ? undefined : `CAST(${q(weight)} AS ${doubleType(dialect)})`;
  const counted = w === undefined ? valid : `${valid} AND ${w} > 0 AND ${w} <= ${MAX_DOUBLE}`;
  const categories = [
    `${s} >= ${scale.promoterMin}`,
    `${s} > ${scale.detractorMax} AND ${s} < ${scale.promoterMin}`,
    `${s} <= ${scale.detractorMax}`,
  ];
  const scores: string[] = [];
  for (let value = scale.min; value <= scale.max; value++) {
    scores.push(
      `COUNT(CASE WHEN ${counted} AND ${s} = ${value} THEN 1 END) AS ${q(`${SQL_COLUMNS.scorePrefix}${value}`)}`,
    );
  }
  const columns = [
    ...by.map(q),
    ...(timeBucket === undefined ? [] : [`${keys[keys.length - 1]} AS ${q(SQL_COLUMNS.period)}`]),
    `COUNT(*) AS ${q(SQL_COLUMNS.rows)}`,
    ...categories.map(
      (c, k) => `COUNT(CASE WHEN ${counted} AND ${c} THEN 1 END) AS ${q(SQL_COLUMNS.counts[k] as string)}`,
    ),
    `COUNT(CASE WHEN ${s} IS NULL THEN 1 END) AS ${q(SQL_COLUMNS.missingScores)}`,
    `COUNT(CASE WHEN ${s} IS NOT NULL AND NOT (${valid}) THEN 1 END) AS ${q(SQL_COLUMNS.invalidScores)}`,
  ];
  if (w !== undefined) {
    columns.push(
      `COUNT(CASE WHEN ${valid} AND (${w} IS NULL OR NOT (${w} > 0 AND ${w} <= ${MAX_DOUBLE})) THEN 1 END) AS ${q(SQL_COLUMNS.invalidWeights)}`,
      ...categories.map(
        (c, k) => `SUM(CASE WHEN ${counted} AND ${c} THEN ${w} ELSE 0 END) AS ${q(SQL_COLUMNS.weights[k] as string)}`,
      ),
      ...categories.map(
        (c, k) =>
          `SUM(CASE WHEN ${counted} AND ${c} THEN ${w} * ${w} ELSE 0 END) AS ${q(SQL_COLUMNS.squaredWeights[k] as string)}`,
      ),
    );
  }
  columns.push(...scores);
  if (timeBucket !== undefined) {
    const t = q(timeBucket.column);
    const ms = epochMillisExpression(dialect, t);
    columns.push(
      `COUNT(CASE WHEN ${counted} AND ${t} IS NOT NULL THEN 1 END) AS ${q(SQL_COLUMNS.dated)}`,
      `MIN(CASE WHEN ${counted} THEN ${ms} END) AS ${q(SQL_COLUMNS.first)}`,
      `MAX(CASE WHEN ${counted} THEN ${ms} END) AS ${q(SQL_COLUMNS.last)}`,
      // Checked names (a period, an IANA zone): safe as string literals.
      `'${timeBucket.period}' AS ${q(SQL_COLUMNS.bucket)}`,
      `'${timeBucket.timeZone ?? "UTC"}' AS ${q(SQL_COLUMNS.timeZone)}`,
    );
  }
  const lines = [`SELECT ${columns.join(",\n  ")}`, `FROM ${tableParts.map(q).join(".")}`];
  if (keys.length > 0) {
    lines.push(`GROUP BY ${keys.join(", ")}`, `ORDER BY ${keys.map((_, i) => i + 1).join(", ")}`);
  }
  return lines.join("\n");
}

/** The bucket expression of a checked time bucket. */
function bucketOf(fn: string, dialect: SqlDialect, bucket: SqlTimeBucket): string {
  if (bucket === null || typeof bucket !== "object") {
    throw new NpsError(
      "invalid_option",
      `${fn}: timeBucket must be an object with column and period, received ${describeValue(bucket)}`,
    );
  }
  const { column, period, timeZone = "UTC" } = bucket;
  checkIdentifier(fn, "timeBucket.column", column);
  checkChoice(fn, "timeBucket.period", period, TREND_PERIODS);
  if (typeof timeZone !== "string" || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: timeBucket.timeZone must be an IANA time-zone name such as "Europe/Paris", received ${describeValue(timeZone)}`,
    );
  }
  checkTimeZone(fn, timeZone);
  return bucketExpression(dialect, quoteIdentifier(dialect, column), period, timeZone);
}

/** Throws `invalid_option` unless the scale's bounds and thresholds are ordered safe integers. */
function checkScale(fn: string, scale: Scale): void {
  const ok =
    scale !== null &&
    typeof scale === "object" &&
    [scale.min, scale.max, scale.detractorMax, scale.promoterMin].every(Number.isSafeInteger) &&
    scale.min <= scale.detractorMax &&
    scale.detractorMax < scale.promoterMin &&
    scale.promoterMin <= scale.max;
  if (!ok) {
    throw new NpsError(
      "invalid_option",
      `${fn}: scale must be a scale made by defineScale, received ${describeValue(scale)}`,
    );
  }
}
