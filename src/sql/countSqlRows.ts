import { TZDate } from "@date-fns/tz";
import { type Calendar, periodStart, TREND_PERIODS, type TrendPeriod } from "../core/calendar.js";
import type { CountOptions } from "../core/countResponses.js";
import { resolveCountTime } from "../core/countResponses.js";
import { NpsError } from "../core/errors.js";
import { type KeyedTallies, keyedTalliesOf, sumsOfTally } from "../core/keyedTallies.js";
import { STANDARD_SCALE } from "../core/scale.js";
import { createTallyCounter } from "../core/tallyCounter.js";
import { describeValue } from "../internal/describe.js";
import { countOf, groupValue, rowError, tallyFromRows } from "./tallyFromRows.js";
import { SQL_COLUMNS } from "./tallySql.js";

/**
 * Options of {@link countSqlRows}: the query's `by` columns, and its time bucket.
 *
 * @category SQL
 */
export interface CountSqlRowsOptions extends Omit<CountOptions, "weekStartsOn"> {
  /**
   * The segment dimensions: the `by` columns of the query, in the order the figures should use
   * them (the first is the one `segmentsFromTallies` and the per-segment trends read by default).
   * A group column not listed is added up over (a query by plan and country read with
   * `by: ["plan"]` gives the tallies by plan).
   */
  readonly by: ReadonlyArray<string>;
  /**
   * The `timeBucket.period` of the query. The rows carry it (`nps_bucket`); given, it must be the
   * same. Rows without `nps_bucket` (a query written by npskit 0.1) need it when they carry
   * `nps_period`. Each `nps_period` must be the first day of such a period in the time zone.
   * @defaultValue the rows' `nps_bucket`; no time bucket for rows without `nps_period`
   */
  readonly period?: TrendPeriod;
  /**
   * The `timeBucket.timeZone` of the query. The rows carry it (`nps_time_zone`); given, it must be
   * the same. @defaultValue the rows' `nps_time_zone`, else "UTC"
   */
  readonly timeZone?: string;
}

/**
 * How the rows of a {@link tallySql} query were accounted for, in the shape of the `counts` of
 * {@link buildReport}'s input: every row is read, and either accepted (counted), skipped (a NULL
 * score, as `npskit report` skips a blank score) or rejected (an invalid score or weight).
 *
 * @category SQL
 */
export interface SqlRowCounts {
  /** All rows of the table (the sum of `nps_rows`). */
  readonly rows: number;
  /** Rows counted in a category. */
  readonly accepted: number;
  /** Rows whose score is NULL (`nps_missing_scores`). */
  readonly skipped: number;
  /** Rows with an invalid score or weight (`nps_invalid_scores` + `nps_invalid_weights`). */
  readonly rejected: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Turns the result rows of a {@link tallySql} query into keyed tallies, the input of every figure:
 * one dimension per `by` column, and when the query had a time bucket, one calendar bucket per
 * `nps_period` (the local midnight of that date in the query's time zone, so the cells are those
 * {@link countResponses} gives with the same `period` and `timeZone`; weeks start on Monday). The
 * rows say the query's period and time zone (`nps_bucket`, `nps_time_zone`), so nothing can read
 * a week as a day. Rows with a NULL `nps_period` are undated cells. The distribution comes from
 * `nps_score_<v>`, the dated range from `nps_dated`, `nps_first` and `nps_last`. Group values are
 * kept as the client returns them (strings, numbers, booleans, `null`; safe-integer bigints become
 * numbers): give text columns when the keys must equal those of a CSV file read by npskit. Counts
 * may be numbers, bigints or decimal strings, as for {@link tallyFromRows}, which reads each row
 * first. The row accounting is {@link sqlRowCounts}. O(rows × columns) plus one calendar lookup
 * per distinct `nps_period`.
 *
 * @param rows - The result rows of the query (not mutated).
 * @param options - The query's `by` columns, its period and time zone, and the scale.
 * @returns The keyed tallies (no cells for no rows, or rows without a counted answer).
 * @throws {@link NpsError} what {@link tallyFromRows} throws; `invalid_option` for a `by` that is
 * not an array of distinct column names (none starting with `nps_`), an unknown period or time
 * zone, a `period` or `timeZone` other than the rows' `nps_bucket` or `nps_time_zone`, or rows that
 * carry `nps_period` without a period (in `nps_bucket` or the options); `invalid_input` for a
 * missing `by` column, `nps_period` or distribution column, an `nps_period` that is not the first
 * day of a period in the time zone, an `nps_bucket` or `nps_time_zone` that differs between rows,
 * or an instant that is not an integer; `invalid_tally` when the `nps_score_<v>` columns do not add
 * up to the counted rows, or `nps_dated` exceeds them.
 * @example
 * ```ts
 * import { countSqlRows, segmentsFromTallies } from "npskit";
 * const counted = { nps_missing_scores: "0", nps_invalid_scores: "0", nps_score_0: "0", nps_score_1: "0", nps_score_2: "0", nps_score_3: "0", nps_score_4: "0", nps_score_5: "0", nps_score_6: "0", nps_score_7: "0", nps_score_8: "0" };
 * const rows = [
 *   { ...counted, plan: "pro", nps_rows: "2", nps_promoters: "2", nps_passives: "0", nps_detractors: "0", nps_score_9: "1", nps_score_10: "1" },
 *   { ...counted, plan: "free", nps_rows: "1", nps_promoters: "1", nps_passives: "0", nps_detractors: "0", nps_score_9: "0", nps_score_10: "1" },
 * ];
 * const tallies = countSqlRows(rows, { by: ["plan"] });
 * tallies.dimensions[0]?.keys; // => ["pro", "free"]
 * tallies.distribution[10]; // => 2
 * segmentsFromTallies(tallies).segments.map((segment) => segment.nps); // => [100, 100]
 * ```
 * @category SQL
 */
export function countSqlRows(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  options: CountSqlRowsOptions,
): KeyedTallies {
  const fn = "countSqlRows";
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const { by } = options;
  if (!Array.isArray(by) || by.some((name) => typeof name !== "string")) {
    throw new NpsError(
      "invalid_option",
      `${fn}: by must be an array of column names (the by of the query), received ${describeValue(by)}`,
    );
  }
  const reserved = by.find((name) => name.toLowerCase().startsWith("nps_"));
  if (reserved !== undefined) {
    throw new NpsError(
      "invalid_option",
      `${fn}: by column must not start with "nps_" (the query's result columns), received ${JSON.stringify(reserved)}`,
    );
  }
  const twice = by.find((name, i) => by.indexOf(name) !== i);
  if (twice !== undefined) {
    throw new NpsError("invalid_option", `${fn}: by columns must be distinct, received ${JSON.stringify(twice)} twice`);
  }
  const scale = options.scale ?? STANDARD_SCALE;
  const entries = tallyFromRows(rows, { scale });
  const carried = bucketOfRows(fn, rows);
  for (const [name, given, read] of [
    ["period", options.period, carried.period],
    ["timeZone", options.timeZone, carried.timeZone],
  ] as const) {
    if (given !== undefined && read !== undefined && given !== read) {
      throw new NpsError(
        "invalid_option",
        `${fn}: ${name} must be the query's (${JSON.stringify(read)}, in ${name === "period" ? SQL_COLUMNS.bucket : SQL_COLUMNS.timeZone}), received ${JSON.stringify(given)}`,
      );
    }
  }
  const period = options.period ?? carried.period;
  const timeZone = options.timeZone ?? carried.timeZone;
  const time = resolveCountTime(fn, {
    ...(period === undefined ? {} : { period }),
    ...(timeZone === undefined ? {} : { timeZone }),
    weekStartsOn: 1,
  });
  const weighted = rows.some((row) => Object.hasOwn(row, SQL_COLUMNS.weights[0]));
  const counter = createTallyCounter(by, time, scale, weighted);
  const calendar: Calendar | undefined = time === null ? undefined : { timeZone: time.timeZone, weekStartsOn: 1 };
  const starts = new Map<string, number>();
  const codes = new Int32Array(by.length);
  entries.forEach((entry, index) => {
    const row = rows[index] as Readonly<Record<string, unknown>>;
    const counts = entry.tally.weighted?.counts ?? entry.tally;
    const counted = counts.promoters + counts.passives + counts.detractors;
    // Distribution: the answers of the counted rows.
    let answers = 0;
    const distribution: number[] = [];
    for (let value = scale.min; value <= scale.max; value++) {
      const count = countOf(fn, row, `${SQL_COLUMNS.scorePrefix}${value}`, index);
      distribution.push(count);
      answers += count;
    }
    if (answers !== counted) {
      throw rowError(
        fn,
        `the nps_score_<v> columns must add up to the counted rows (${counted}), received ${answers}`,
        index,
        "invalid_tally",
      );
    }
    // The time bucket and the dated range.
    let start: number | null = null;
    let dated = 0;
    let first: number | null = null;
    let last: number | null = null;
    if (Object.hasOwn(row, SQL_COLUMNS.period)) {
      if (time === null || calendar === undefined) {
        throw new NpsError(
          "invalid_option",
          `${fn}: period must be the timeBucket.period of the query when rows carry nps_period, received ${describeValue(options.period)}`,
        );
      }
      const text = entry.period;
      if (text !== null && text !== undefined) start = bucketStart(fn, text, time.bucket, calendar, starts, index);
      dated = countOf(fn, row, SQL_COLUMNS.dated, index);
      if (dated > counted) {
        throw rowError(
          fn,
          `nps_dated must be at most the counted rows (${counted}), received ${dated}`,
          index,
          "invalid_tally",
        );
      }
      first = instantOf(fn, row, SQL_COLUMNS.first, index);
      last = instantOf(fn, row, SQL_COLUMNS.last, index);
      if (dated > 0 !== (first !== null && last !== null) || (first !== null && last !== null && first > last)) {
        throw rowError(
          fn,
          `nps_first and nps_last must be the range of the nps_dated rows, received ${describeValue(first)} to ${describeValue(last)} for ${dated}`,
          index,
          "invalid_tally",
        );
      }
    } else if (time !== null && rows.length > 0) {
      throw rowError(
        fn,
        `row must have a ${SQL_COLUMNS.period} column when period is given (the query needs a timeBucket), missing`,
        index,
      );
    }
    const missing = by.find((name) => !Object.hasOwn(row, name));
    if (missing !== undefined) {
      throw rowError(fn, `row must have the by column ${JSON.stringify(missing)}, missing`, index);
    }
    // A group without a counted row adds nothing (npskit never counts a key or a bucket it has no answer for).
    if (counted === 0) return;
    for (let d = 0; d < by.length; d++) {
      const name = by[d] as string;
      codes[d] = counter.code(d, groupValue(fn, name, row[name], index));
    }
    counter.addCell(codes, start, sumsOfTally(entry.tally));
    distribution.forEach((count, i) => {
      if (count > 0) counter.addToDistribution(scale.min + i, count);
    });
    counter.addDated(dated, first, last);
  });
  return keyedTalliesOf(counter.sums());
}

/**
 * The row accounting of a {@link tallySql} query's result rows: all rows, those counted, skipped
 * (NULL score) and rejected (invalid score or weight), added over the groups; the `counts` of
 * {@link buildReport}'s input. The rows are checked as {@link tallyFromRows} checks them. O(rows).
 *
 * @param rows - The result rows of the query (not mutated).
 * @returns The counts (all 0 for no rows).
 * @throws {@link NpsError} what {@link tallyFromRows} throws.
 * @example
 * ```ts
 * import { sqlRowCounts } from "npskit";
 * const rows = [
 *   { plan: "pro", nps_rows: "4", nps_promoters: "1", nps_passives: "1", nps_detractors: "0", nps_missing_scores: "1", nps_invalid_scores: "1" },
 *   { plan: "free", nps_rows: "2", nps_promoters: "0", nps_passives: "0", nps_detractors: "1", nps_missing_scores: "1", nps_invalid_scores: "0" },
 * ];
 * sqlRowCounts(rows); // => { rows: 6, accepted: 3, skipped: 2, rejected: 1 }
 * ```
 * @category SQL
 */
export function sqlRowCounts(rows: ReadonlyArray<Readonly<Record<string, unknown>>>): SqlRowCounts {
  let all = 0;
  let skipped = 0;
  let rejected = 0;
  for (const entry of tallyFromRows(rows)) {
    all += entry.rows;
    skipped += entry.missingScores;
    rejected += entry.invalidScores + entry.invalidWeights;
  }
  return { rows: all, accepted: all - skipped - rejected, skipped, rejected };
}

/** The period and time zone the rows carry (`nps_bucket`, `nps_time_zone`), checked to be one for all rows. */
function bucketOfRows(
  fn: string,
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
): { period?: TrendPeriod; timeZone?: string } {
  const found: { period?: TrendPeriod; timeZone?: string } = {};
  for (const [key, column] of [
    ["period", SQL_COLUMNS.bucket],
    ["timeZone", SQL_COLUMNS.timeZone],
  ] as const) {
    let seen: string | undefined;
    rows.forEach((row, index) => {
      if (!Object.hasOwn(row, column)) return;
      const value = row[column];
      const known =
        key === "period"
          ? (TREND_PERIODS as ReadonlyArray<unknown>).includes(value)
          : typeof value === "string" && value !== "";
      if (!known || (seen !== undefined && value !== seen)) {
        throw rowError(
          fn,
          `${column} must be ${key === "period" ? "one of day, week, month, quarter, year" : "a time-zone name"}, the same on every row, received ${describeValue(value)}${seen === undefined ? "" : ` after ${JSON.stringify(seen)}`}`,
          index,
        );
      }
      seen = value as string;
    });
    if (seen !== undefined) (found as Record<string, string>)[key] = seen;
  }
  return found;
}

/** The first instant of the bucket whose first local day is `text`, checked to start a period. */
function bucketStart(
  fn: string,
  text: string,
  period: TrendPeriod,
  calendar: Calendar,
  starts: Map<string, number>,
  index: number,
): number {
  const known = starts.get(text);
  if (known !== undefined) return known;
  const match = DATE.exec(text);
  const [year, month, day] = match === null ? [] : [Number(match[1]), Number(match[2]), Number(match[3])];
  // Noon of the local day: it exists on every day, even one whose midnight is skipped by a clock change.
  const noon =
    match === null
      ? undefined
      : new TZDate(year as number, (month as number) - 1, day as number, 12, calendar.timeZone);
  const valid =
    noon !== undefined && noon.getFullYear() === year && noon.getMonth() + 1 === month && noon.getDate() === day;
  const start = valid ? periodStart(noon.getTime(), "day", calendar).getTime() : Number.NaN;
  if (!valid || periodStart(start, period, calendar).getTime() !== start) {
    throw rowError(
      fn,
      `nps_period must be the first day (YYYY-MM-DD) of a ${period} in ${calendar.timeZone}, the query's period and time zone, received ${describeValue(text)}`,
      index,
    );
  }
  starts.set(text, start);
  return start;
}

/** An instant in epoch milliseconds: an integer as a number, a bigint or a decimal string; or null. */
function instantOf(fn: string, row: Readonly<Record<string, unknown>>, name: string, index: number): number | null {
  if (!Object.hasOwn(row, name)) {
    throw rowError(fn, `row must have a ${name} column, missing`, index);
  }
  const value = row[name];
  if (value === null) return null;
  const number =
    typeof value === "bigint"
      ? Number(value)
      : typeof value === "string" && /^-?\d{1,16}(?:\.0*)?$/.test(value)
        ? Number(value)
        : value;
  if (typeof number !== "number" || !Number.isSafeInteger(number)) {
    throw rowError(
      fn,
      `${name} must be an instant in epoch milliseconds (an integer) or null, received ${describeValue(value)}`,
      index,
    );
  }
  return number;
}
