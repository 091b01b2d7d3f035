import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";
import type { Benchmark, BenchmarkPopulation } from "./benchmark.js";
import { builtInBenchmarks } from "./builtInBenchmarks.js";

/**
 * Options of {@link findBenchmarks}: every given criterion must match.
 *
 * @category Benchmarks
 */
export interface BenchmarkQuery {
  /** Text the row's segment contains, ignoring case (`"grocer"` finds grocery and grocers). @defaultValue any */
  readonly segment?: string;
  /**
   * Region, ignoring case: the row's region, or one of its parts separated by `&` (`"Canada"` finds
   * `"US & Canada"`). @defaultValue any
   */
  readonly region?: string;
  /** The study year; undated rows never match a year. @defaultValue any */
  readonly year?: number;
  /** Consumer panel or companies' own customers. @defaultValue any */
  readonly population?: BenchmarkPopulation;
  /** The table to search. @defaultValue {@link builtInBenchmarks}() */
  readonly rows?: ReadonlyArray<Benchmark>;
}

/**
 * Looks benchmark rows up by segment, region, year or population, in the built-in table of sourced
 * figures (see {@link builtInBenchmarks} and `docs/benchmarks.md`) or in one's own table made with
 * {@link defineBenchmarks}. O(rows).
 *
 * @param query - The criteria, all optional; none gives every row.
 * @returns The matching rows in table order (a new array; empty when none matches).
 * @throws {@link NpsError} `invalid_option` when `segment` or `region` is not a string, `year` not an
 * integer, `population` unknown, or `rows` not an array.
 * @example
 * ```ts
 * import { findBenchmarks } from "npskit";
 * findBenchmarks({ segment: "grocer" }).map((row) => row.id); // => ["xmi-2021-grocery", "xmi-2023-grocers"]
 * findBenchmarks({ region: "canada" }).map((row) => row.id); // => ["clearlyrated-2018-b2b-services"]
 * findBenchmarks({ year: 2023 }).length; // => 2
 * ```
 * @category Benchmarks
 */
export function findBenchmarks(query: BenchmarkQuery = {}): Benchmark[] {
  checkOptions("findBenchmarks", query, "query");
  const fn = "findBenchmarks";
  const { segment, region, year, population, rows } = query;
  if (segment !== undefined && typeof segment !== "string") {
    throw new NpsError("invalid_option", `${fn}: segment must be a string, received ${describeValue(segment)}`);
  }
  if (region !== undefined && typeof region !== "string") {
    throw new NpsError("invalid_option", `${fn}: region must be a string, received ${describeValue(region)}`);
  }
  if (year !== undefined && (typeof year !== "number" || !Number.isInteger(year))) {
    throw new NpsError("invalid_option", `${fn}: year must be an integer, received ${describeValue(year)}`);
  }
  if (population !== undefined && population !== "consumer-panel" && population !== "vendor-customers") {
    throw new NpsError(
      "invalid_option",
      `${fn}: population must be one of "consumer-panel", "vendor-customers", received ${describeValue(population)}`,
    );
  }
  if (rows !== undefined && !Array.isArray(rows)) {
    throw new NpsError("invalid_option", `${fn}: rows must be an array of benchmarks, received ${describeValue(rows)}`);
  }
  const table = rows ?? builtInBenchmarks();
  const segmentText = segment?.toLowerCase();
  const regionText = region?.trim().toLowerCase();
  return table.filter(
    (row) =>
      (segmentText === undefined || row.segment.toLowerCase().includes(segmentText)) &&
      (regionText === undefined || regionMatches(row.region, regionText)) &&
      (year === undefined || row.year === year) &&
      (population === undefined || row.population === population),
  );
}

function regionMatches(region: string, wanted: string): boolean {
  const lower = region.toLowerCase();
  return lower === wanted || lower.split("&").some((part) => part.trim() === wanted);
}
