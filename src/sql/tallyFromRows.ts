import { checkTally } from "../core/checkTally.js";
import { NpsError } from "../core/errors.js";
import { type Scale, STANDARD_SCALE } from "../core/scale.js";
import type { SegmentKey } from "../core/segmentKey.js";
import { type Tally, withScale } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";
import { SQL_COLUMNS } from "./tallySql.js";

/**
 * One group of a {@link tallySql} result, read back by {@link tallyFromRows}.
 *
 * @category SQL
 */
export interface SqlTally {
  /** The group's values of the `by` columns, by column name (`{}` without `by`). */
  readonly group: Readonly<Record<string, SegmentKey>>;
  /** The local date `YYYY-MM-DD` of the first day of the time bucket, `null` for rows without a time; absent without a time bucket. */
  readonly period?: string | null;
  /** The tally of the group's valid answers (weighted when the query was). */
  readonly tally: Tally;
  /** Number of rows in the group, valid or not. */
  readonly rows: number;
  /** Rows whose score is NULL. */
  readonly missingScores: number;
  /** Rows whose score is not an integer inside the scale. */
  readonly invalidScores: number;
  /** Rows with a valid score whose weight is NULL, not > 0 or not finite (0 when unweighted). */
  readonly invalidWeights: number;
}

/**
 * Options of {@link tallyFromRows}.
 *
 * @category SQL
 */
export interface TallyFromRowsOptions {
  /** The scale the query was written for (its name is put on the tallies). @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/** Whether a column is a result column of the query (`nps_…`; group columns cannot start so). */
export function isResultColumn(name: string): boolean {
  return name.toLowerCase().startsWith("nps_");
}

/**
 * Turns the result rows of a {@link tallySql} query into npskit tallies, one per group, validating
 * them. Rows are plain objects keyed by column name, as database clients return them; counts may be
 * numbers, bigints (DuckDB, …) or decimal strings (PostgreSQL `bigint`, BigQuery `INT64` in JSON).
 * Every column whose name does not start with `nps_` is a group column; its values must be strings,
 * numbers, booleans, null or safe-integer bigints. The result's tallies feed every npskit statistic
 * and merge exactly with {@link mergeTallies}, so partial results from partitions, shards or workers
 * add up to the tally of the whole. O(rows × columns).
 *
 * @param rows - The result rows (not mutated).
 * @param options - The scale the query was written for.
 * @returns One entry per row, in the rows' order; `[]` for no rows.
 * @throws {@link NpsError} `invalid_input` when `rows` is not an array of objects, a result column is
 * missing, or a group value has another type; `invalid_tally` for a count that is not a non-negative
 * safe integer, a sum of weights that is not a finite number ≥ 0, or a row whose `nps_rows` differs
 * from the sum of its parts (each with the row index).
 * @example
 * ```ts
 * import { mergeTallies, tallyFromRows } from "npskit";
 * const rows = [
 *   { plan: "pro", nps_rows: 5n, nps_promoters: 3n, nps_passives: 1n, nps_detractors: 0n, nps_missing_scores: 1n, nps_invalid_scores: 0n },
 *   { plan: "free", nps_rows: "2", nps_promoters: "0", nps_passives: "0", nps_detractors: "2", nps_missing_scores: "0", nps_invalid_scores: "0" },
 * ];
 * const tallies = tallyFromRows(rows);
 * tallies[0]?.group; // => { plan: "pro" }
 * tallies[0]?.tally; // => { promoters: 3, passives: 1, detractors: 0 }
 * mergeTallies(...tallies.map((entry) => entry.tally)); // => { promoters: 3, passives: 1, detractors: 2 }
 * ```
 * @category SQL
 */
export function tallyFromRows(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  options: TallyFromRowsOptions = {},
): ReadonlyArray<SqlTally> {
  const fn = "tallyFromRows";
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const scale = options.scale ?? STANDARD_SCALE;
  if (!Array.isArray(rows)) {
    throw new NpsError("invalid_input", `${fn}: rows must be an array of objects, received ${describeValue(rows)}`);
  }
  return rows.map((row, index) => {
    if (row === null || typeof row !== "object") {
      throw rowError(fn, `row must be an object, received ${describeValue(row)}`, index);
    }
    const weighted = Object.hasOwn(row, SQL_COLUMNS.weights[0]);
    const count = (name: string): number => countOf(fn, row, name, index);
    const [promoters, passives, detractors] = SQL_COLUMNS.counts.map(count) as [number, number, number];
    const missingScores = count(SQL_COLUMNS.missingScores);
    const invalidScores = count(SQL_COLUMNS.invalidScores);
    const invalidWeights = weighted ? count(SQL_COLUMNS.invalidWeights) : 0;
    const total = count(SQL_COLUMNS.rows);
    const parts = promoters + passives + detractors + missingScores + invalidScores + invalidWeights;
    if (total !== parts) {
      throw rowError(
        fn,
        `nps_rows must equal the categories plus missing and invalid rows (${parts}), received ${total}`,
        index,
        "invalid_tally",
      );
    }
    let tally: Tally;
    if (weighted) {
      const [pw, aw, dw] = SQL_COLUMNS.weights.map((name) => sumOf(fn, row, name, index)) as [number, number, number];
      const [ps, as, ds] = SQL_COLUMNS.squaredWeights.map((name) => sumOf(fn, row, name, index)) as [
        number,
        number,
        number,
      ];
      tally = {
        promoters: pw,
        passives: aw,
        detractors: dw,
        weighted: {
          counts: { promoters, passives, detractors },
          squaredWeights: { promoters: ps, passives: as, detractors: ds },
        },
      };
    } else {
      tally = { promoters, passives, detractors };
    }
    tally = withScale(tally, scale);
    checkTally(fn, tally);
    const group: Record<string, SegmentKey> = {};
    for (const [name, value] of Object.entries(row)) {
      if (isResultColumn(name)) continue;
      group[name] = groupValue(fn, name, value, index);
    }
    const result: SqlTally = { group, tally, rows: total, missingScores, invalidScores, invalidWeights };
    if (!Object.hasOwn(row, SQL_COLUMNS.period)) return result;
    const period = row[SQL_COLUMNS.period];
    if (period !== null && typeof period !== "string") {
      throw rowError(fn, `nps_period must be a date text or null, received ${describeValue(period)}`, index);
    }
    return { group, period, tally, rows: total, missingScores, invalidScores, invalidWeights };
  });
}

/**
 * The error of a result row: the message names the function and the row's index (`at index 3`),
 * and its issue holds the index (`path: [3]`) and the reason alone, for readers that number rows
 * otherwise (a file's lines).
 */
export function rowError(
  fn: string,
  reason: string,
  index: number,
  code: "invalid_input" | "invalid_tally" = "invalid_input",
): NpsError {
  return new NpsError(code, `${fn}: ${reason} at index ${index}`, {
    issues: [{ path: [index], message: reason, value: undefined }],
  });
}

/** A count column: a non-negative safe integer given as a number, a bigint or a decimal string. */
export function countOf(fn: string, row: Readonly<Record<string, unknown>>, name: string, index: number): number {
  if (!Object.hasOwn(row, name)) {
    throw rowError(fn, `row must have a ${name} column, missing`, index);
  }
  const value = row[name];
  const number =
    typeof value === "bigint" && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : typeof value === "string" && /^\d{1,16}$/.test(value)
        ? Number(value)
        : value;
  if (typeof number !== "number" || !Number.isSafeInteger(number) || number < 0) {
    throw rowError(
      fn,
      `${name} must be a non-negative integer count, received ${describeValue(value)}`,
      index,
      "invalid_tally",
    );
  }
  return number;
}

/** A sum of weights: a finite number ≥ 0, given as a number or a decimal string. */
export function sumOf(fn: string, row: Readonly<Record<string, unknown>>, name: string, index: number): number {
  if (!Object.hasOwn(row, name)) {
    throw rowError(fn, `row must have a ${name} column, missing`, index);
  }
  const value = row[name];
  const number =
    typeof value === "string" && /^[0-9.eE+-]+$/.test(value)
      ? Number(value)
      : typeof value === "bigint"
        ? Number(value)
        : value;
  if (typeof number !== "number" || !Number.isFinite(number) || number < 0) {
    throw rowError(
      fn,
      `${name} must be a finite number >= 0, received ${describeValue(value)}`,
      index,
      "invalid_tally",
    );
  }
  return number;
}

/** A group column's value as a segment key. */
export function groupValue(fn: string, name: string, value: unknown, index: number): SegmentKey {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (
    typeof value === "bigint" &&
    value <= BigInt(Number.MAX_SAFE_INTEGER) &&
    value >= -BigInt(Number.MAX_SAFE_INTEGER)
  ) {
    return Number(value);
  }
  throw rowError(
    fn,
    `group column ${JSON.stringify(name)} must hold strings, numbers, booleans or null, received ${describeValue(value)}`,
    index,
  );
}
