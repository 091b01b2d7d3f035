import { NpsError, type NpsIssue, NpsValidationError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";
import type { Benchmark, BenchmarkQuartiles } from "./benchmark.js";

/** The statistics a benchmark row may state. */
export const STATISTICS = [
  "mean",
  "median",
  "upper-quartile",
  "lower-quartile",
  "mean-of-company-nps",
  "industry-average",
  "sector-average",
  "average",
  "benchmark",
] as const;

/** The rule each field must follow, as error messages state it. */
export const RULES: Readonly<Record<string, string>> = {
  id: "id must be a non-empty string",
  segment: "segment must be a non-empty string",
  value: "value must be a number greater than -100 and less than 100",
  statistic: `statistic must be one of ${STATISTICS.map((s) => `"${s}"`).join(", ")}`,
  publisher: "publisher must be a non-empty string",
  study: "study must be a string",
  year: "year must be an integer from 1900 to 9999 or null",
  region: "region must be a string",
  population: 'population must be one of "consumer-panel", "vendor-customers"',
  method: "method must be a string",
  source: "source must be a non-empty string",
  quartiles: "quartiles must be an object with lower, median, upper numbers from -100 to 100, in that order",
  rank: 'rank must be one of "highest", "lowest"',
  note: "note must be a string",
};

const isText = (value: unknown): boolean => typeof value === "string" && value.length > 0;
const isString = (value: unknown): boolean => typeof value === "string";
const optional =
  (check: (value: unknown) => boolean) =>
  (value: unknown): boolean =>
    value === undefined || check(value);
const oneOf =
  (allowed: ReadonlyArray<string>) =>
  (value: unknown): boolean =>
    typeof value === "string" && allowed.includes(value);
/** A cut of `quartiles`: absent, or a number from -100 to 100. */
const isCut = (value: unknown): boolean =>
  value === undefined || (typeof value === "number" && value >= -100 && value <= 100);
const QUARTILE_KEYS = /* @__PURE__ */ new Set(["lower", "median", "upper"]);

/** `{ lower?, median?, upper? }`: no other key, at least one cut, in increasing order. */
function isQuartiles(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  if (Object.keys(value).some((key) => !QUARTILE_KEYS.has(key))) return false;
  const record = value as Readonly<Record<string, unknown>>;
  const cuts = ["lower", "median", "upper"].map((key) => (Object.hasOwn(record, key) ? record[key] : undefined));
  if (!cuts.every(isCut)) return false;
  const given = cuts.filter((cut): cut is number => cut !== undefined);
  return given.length > 0 && given.every((cut, i) => i === 0 || cut >= (given[i - 1] as number));
}

/** Each field and its check, in the order their issues are reported; `RULES` states each check. */
const FIELDS: ReadonlyArray<readonly [string, (value: unknown) => boolean]> = [
  ["id", isText],
  ["segment", isText],
  ["value", (value) => typeof value === "number" && value > -100 && value < 100],
  ["statistic", oneOf(STATISTICS)],
  ["publisher", isText],
  ["study", optional(isString)],
  [
    "year",
    (value) =>
      value === undefined ||
      value === null ||
      (Number.isSafeInteger(value) && (value as number) >= 1900 && (value as number) <= 9999),
  ],
  ["region", optional(isString)],
  ["population", oneOf(["consumer-panel", "vendor-customers"])],
  ["method", optional(isString)],
  ["source", isText],
  ["quartiles", optional(isQuartiles)],
  ["rank", optional(oneOf(["highest", "lowest"]))],
  ["note", optional(isString)],
];
const FIELD_NAMES = /* @__PURE__ */ new Set(FIELDS.map(([field]) => field));

/**
 * Brings one's own benchmark table: validates plain objects (from JSON, a spreadsheet…) and
 * returns them as {@link Benchmark} rows usable with {@link findBenchmarks} (`rows` option) and
 * {@link compareToBenchmark}. Every problem of every row is reported at once.
 *
 * Required: `id` (unique), `segment`, `value` (strictly between −100 and 100), `statistic`,
 * `publisher`, `population` (`"consumer-panel"` or `"vendor-customers"`), `source`. Optional, with
 * their defaults: `study` (`""`), `year` (`null`: undated), `region` and `method` (`"not stated"`),
 * `quartiles` (`{ lower?, median?, upper? }`, at least one, in increasing order), `rank`
 * (`"highest"` / `"lowest"`), `note`. Unknown fields are rejected (a misspelt `quartile` would
 * otherwise vanish). Fields are read as own properties only. O(rows).
 *
 * @param rows - The rows, as plain objects.
 * @returns New, validated rows in the same order.
 * @throws {@link NpsValidationError} (`validation_failed`) listing every issue, each with its 1-based
 * `row`, `field` and value; {@link NpsError} `invalid_input` when `rows` is
 * not an array.
 * @example
 * ```ts
 * import { defineBenchmarks, NpsValidationError } from "npskit";
 * const [row] = defineBenchmarks([
 *   {
 *     id: "acme-saas-2025",
 *     segment: "B2B SaaS",
 *     value: 41,
 *     statistic: "median",
 *     publisher: "Acme Research",
 *     population: "vendor-customers",
 *     source: "acme.example/nps-2025",
 *     year: 2025,
 *     quartiles: { lower: 22, median: 41, upper: 58 },
 *   },
 * ]);
 * [row?.region, row?.year, row?.quartiles?.upper]; // => ["not stated", 2025, 58]
 * try {
 *   defineBenchmarks([{ id: "x", segment: "s", value: 140, statistic: "mean", publisher: "p", population: "vendor-customers", source: "s" }]);
 * } catch (error) {
 *   (error as NpsValidationError).issues[0]?.field; // => "value"
 * }
 * ```
 * @category Benchmarks
 */
export function defineBenchmarks(rows: ReadonlyArray<unknown>): Benchmark[] {
  const fn = "defineBenchmarks";
  if (!Array.isArray(rows)) {
    throw new NpsError("invalid_input", `${fn}: rows must be an array of objects, received ${describeValue(rows)}`);
  }
  const issues: NpsIssue[] = [];
  const result: Benchmark[] = [];
  const ids = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      issues.push({ path: [index], message: `row must be an object, received ${describeValue(raw)}`, value: raw, row });
      return;
    }
    const record = raw as Readonly<Record<string, unknown>>;
    const fieldValue = (field: string): unknown => (Object.hasOwn(record, field) ? record[field] : undefined);
    const before = issues.length;
    for (const [field, check] of FIELDS) {
      const value = fieldValue(field);
      if (check(value)) continue;
      issues.push({
        path: [index, field],
        message: `${RULES[field]}, received ${describeValue(value)}`,
        value,
        row,
        field,
      });
    }
    for (const key of Object.keys(record)) {
      if (FIELD_NAMES.has(key)) continue;
      issues.push({
        path: [index, key],
        message: `${key} is not a benchmark field`,
        value: record[key],
        row,
        field: key,
      });
    }
    if (issues.length > before) return;
    const id = record.id as string;
    const first = ids.get(id);
    if (first !== undefined) {
      issues.push({
        path: [index, "id"],
        message: `id must be unique, received ${describeValue(id)} (also in row ${first})`,
        value: id,
        row,
        field: "id",
      });
      return;
    }
    ids.set(id, row);
    const quartiles = fieldValue("quartiles") as BenchmarkQuartiles | undefined;
    const rank = fieldValue("rank") as Benchmark["rank"];
    const note = fieldValue("note") as string | undefined;
    result.push({
      id,
      segment: record.segment as string,
      value: (record.value as number) + 0,
      statistic: record.statistic as Benchmark["statistic"],
      publisher: record.publisher as string,
      study: (fieldValue("study") as string | undefined) ?? "",
      year: (fieldValue("year") as number | null | undefined) ?? null,
      region: (fieldValue("region") as string | undefined) ?? "not stated",
      population: record.population as Benchmark["population"],
      method: (fieldValue("method") as string | undefined) ?? "not stated",
      source: record.source as string,
      ...(quartiles === undefined ? {} : { quartiles: quartilesOf(quartiles) }),
      ...(rank === undefined ? {} : { rank }),
      ...(note === undefined ? {} : { note }),
    });
  });
  if (issues.length > 0) throw tableError(fn, issues, rows.length);
  return result;
}

/** The cuts given, without absent keys. */
export function quartilesOf(q: {
  lower?: number | undefined;
  median?: number | undefined;
  upper?: number | undefined;
}): BenchmarkQuartiles {
  return {
    ...(q.lower === undefined ? {} : { lower: q.lower }),
    ...(q.median === undefined ? {} : { median: q.median }),
    ...(q.upper === undefined ? {} : { upper: q.upper }),
  };
}

/** The error of a table with issues: how many, in how many rows, and the first five. */
export function tableError(fn: string, issues: ReadonlyArray<NpsIssue>, rowCount: number): NpsValidationError {
  const shown = issues.slice(0, 5).map((issue) => `row ${issue.row} ${issue.message}`);
  const more = issues.length > 5 ? `; and ${issues.length - 5} more issues` : "";
  const noun = issues.length === 1 ? "issue" : "issues";
  return new NpsValidationError(
    `${fn}: ${issues.length} ${noun} in ${rowCount} ${rowCount === 1 ? "row" : "rows"}: ${shown.join("; ")}${more}`,
    issues,
  );
}
