import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { checkChoice, checkLevel } from "../core/options.js";
import type { Tally } from "../core/tally.js";
import { type ConfidenceInterval, confidenceInterval } from "../inference/confidenceInterval.js";
import {
  type BenchmarkTest,
  type BenchmarkTestMethod,
  testAgainstBenchmark,
} from "../inference/testAgainstBenchmark.js";
import { describeValue } from "../internal/describe.js";
import type { Benchmark, BenchmarkStatistic } from "./benchmark.js";
import { builtInBenchmarks } from "./builtInBenchmarks.js";

/**
 * Options of {@link compareToBenchmark}.
 *
 * @category Benchmarks
 */
export interface CompareToBenchmarkOptions {
  /** Two-sided confidence level of the interval and of the verdict, strictly between 0 and 1. @defaultValue 0.95 */
  readonly level?: number;
  /**
   * The test and the interval (the same method for both, so that the verdict and the interval agree).
   * @defaultValue "score"
   */
  readonly method?: BenchmarkTestMethod;
  /**
   * The year of your data, an integer from 1900 to 9999, to state the benchmark's age ("this benchmark
   * is 6 years old"). The function never reads the clock: without it, the caveat gives the benchmark's
   * year only. @defaultValue none
   */
  readonly asOf?: number;
}

/**
 * The outcome of the comparison: the NPS is significantly `"above"` or `"below"` the benchmark at the
 * chosen level, or `"not distinguishable"` from it at this sample size.
 *
 * @category Benchmarks
 */
export type BenchmarkVerdict = "above" | "below" | "not distinguishable";

/**
 * Machine-readable kind of a caveat: `"statistic"` (a mean, median or quartile of organisations'
 * scores, or not stated, against your pooled NPS), `"population"` (consumer panel, or a pool of other
 * companies' customer surveys), `"rank"` (the highest or lowest industry of its study), `"age"`,
 * `"undated"`, `"region"` (not stated), `"scale"` (your answers are not on the 0–10 scale).
 *
 * @category Benchmarks
 */
export type BenchmarkCaveatCode = "statistic" | "population" | "rank" | "age" | "undated" | "region" | "scale";

/**
 * A reason to read the comparison with care, computed from the benchmark row.
 *
 * @category Benchmarks
 */
export interface BenchmarkCaveat {
  /** The kind of caveat. */
  readonly code: BenchmarkCaveatCode;
  /** The caveat in words. */
  readonly message: string;
}

/**
 * One quartile cut point of a benchmark.
 *
 * @category Benchmarks
 */
export interface QuartileCut {
  /** Which cut point. */
  readonly name: "lower quartile" | "median" | "upper quartile";
  /** Its value in points. */
  readonly value: number;
}

/**
 * Where an NPS falls among the organisations of a benchmark that gives quartiles.
 *
 * @category Benchmarks
 */
export interface QuartileBand {
  /** The highest cut point at or below the NPS; `undefined` when the NPS is below every given cut. */
  readonly from: QuartileCut | undefined;
  /** The lowest cut point above the NPS; `undefined` when the NPS is at or above every given cut. */
  readonly to: QuartileCut | undefined;
  /** The band in words, e.g. `"second quartile: between the median (44) and the upper quartile (72)"`. */
  readonly label: string;
}

/**
 * The comparison of an NPS with a published benchmark; see {@link compareToBenchmark}.
 *
 * @category Benchmarks
 */
export interface BenchmarkComparison {
  /** The benchmark row. */
  readonly benchmark: Benchmark;
  /** Your NPS in points. */
  readonly estimate: number;
  /** Your NPS − the benchmark's value, in points. */
  readonly difference: number;
  /** The confidence interval of your NPS (method and level of the options). */
  readonly interval: ConfidenceInterval;
  /** The two-sided one-sample test of your NPS against the benchmark's value. */
  readonly test: BenchmarkTest;
  /** Above, below, or not distinguishable at this sample size. */
  readonly verdict: BenchmarkVerdict;
  /** The verdict in words. */
  readonly verdictText: string;
  /** Where your NPS falls among the benchmark's quartiles; `undefined` when the row has none. */
  readonly band: QuartileBand | undefined;
  /** Caveats computed from the row (never empty for the built-in rows). */
  readonly caveats: ReadonlyArray<BenchmarkCaveat>;
}

const STATISTIC_WORDS: Readonly<Record<BenchmarkStatistic, string>> = {
  mean: "mean",
  median: "median",
  "upper-quartile": "upper quartile",
  "lower-quartile": "lower quartile",
  "mean-of-company-nps": "mean of company NPS values",
  "industry-average": "industry average",
  "sector-average": "sector average",
  average: "average",
  benchmark: "benchmark",
};

/**
 * Compares your NPS with a published benchmark, honestly: the signed difference, the interval of
 * your own NPS, the one-sample test against the benchmark value ({@link testAgainstBenchmark},
 * two-sided), a verdict, the quartile band when the benchmark gives quartiles, and caveats computed
 * from the row: what the figure is (a mean of company scores is not a pooled NPS), who was asked (a
 * consumer panel is not your customers; a vendor pool mixes other companies' survey practices),
 * whether it is the top or bottom industry of its study, its age, an unstated region.
 *
 * The verdict is `"above"` (or `"below"`) when the two-sided p-value is below 1 − level and the
 * difference is positive (negative); else `"not distinguishable"`. With the default score method the
 * verdict agrees with the score interval: above exactly when the interval lies above the value. The
 * benchmark is treated as a fixed number: its own sampling error is not known and not included. O(1).
 *
 * @param tally - Your tally (weighted or not).
 * @param benchmark - A benchmark row, or the id of a built-in one (see {@link builtInBenchmarks}).
 * @param options - Level, method, and the year of your data.
 * @returns The comparison, or `undefined` when the tally has no responses.
 * @throws {@link NpsError} `invalid_option` for an unknown id or a malformed row, a level outside
 * (0, 1), an unknown method, or an `asOf` that is not an integer year; `invalid_tally` for a
 * malformed tally.
 * @example
 * ```ts
 * import { compareToBenchmark, roundScore } from "npskit";
 * const ours = { promoters: 520, passives: 250, detractors: 230 };
 * const result = compareToBenchmark(ours, "xmi-2023-grocers", { asOf: 2026 });
 * [result?.estimate, roundScore(result?.difference ?? 0, 1), result?.verdict]; // => [29, -1.1, "not distinguishable"]
 * result?.caveats.map((caveat) => caveat.code); // => ["statistic", "population", "rank", "age"]
 * compareToBenchmark(ours, "surveymonkey-all-mean")?.band?.label; // => "below the median (44)"
 * ```
 * @category Benchmarks
 */
export function compareToBenchmark(
  tally: Tally,
  benchmark: Benchmark | string,
  options: CompareToBenchmarkOptions = {},
): BenchmarkComparison | undefined {
  checkOptions("compareToBenchmark", options);
  const fn = "compareToBenchmark";
  const { level = 0.95, method = "score", asOf } = options;
  checkLevel(fn, level);
  checkChoice(fn, "method", method, ["score", "wald", "adjusted-wald"]);
  if (asOf !== undefined && (typeof asOf !== "number" || !Number.isInteger(asOf) || asOf < 1900 || asOf > 9999)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: asOf must be an integer year from 1900 to 9999, received ${describeValue(asOf)}`,
    );
  }
  const row = resolveBenchmark(fn, benchmark);
  const test = testAgainstBenchmark(tally, row.value, { method });
  if (test === undefined) return undefined;
  const interval = confidenceInterval(tally, { level, method }) as ConfidenceInterval;
  let verdict: BenchmarkVerdict = "not distinguishable";
  if (test.pValue !== undefined) {
    if (test.pValue < 1 - level && test.difference !== 0) verdict = test.difference > 0 ? "above" : "below";
  } else if (interval.lower > row.value) {
    verdict = "above";
  } else if (interval.upper < row.value) {
    verdict = "below";
  }
  const confidence = `${Math.round(level * 1000) / 10}%`;
  const verdictText =
    verdict === "not distinguishable"
      ? `not distinguishable from ${row.value} at this sample size (${confidence} confidence)`
      : `${verdict} ${row.value} (${confidence} confidence)`;
  return {
    benchmark: row,
    estimate: test.estimate,
    difference: test.difference,
    interval,
    test,
    verdict,
    verdictText,
    band: row.quartiles === undefined ? undefined : bandOf(test.estimate, row),
    caveats: caveatsOf(row, tally, asOf),
  };
}

function resolveBenchmark(fn: string, benchmark: Benchmark | string): Benchmark {
  if (typeof benchmark === "string") {
    const found = builtInBenchmarks().find((row) => row.id === benchmark);
    if (found === undefined) {
      throw new NpsError(
        "invalid_option",
        `${fn}: benchmark must be a benchmark row or the id of a built-in one, received ${describeValue(benchmark)}`,
      );
    }
    return found;
  }
  if (
    benchmark === null ||
    typeof benchmark !== "object" ||
    typeof benchmark.value !== "number" ||
    !(benchmark.value > -100 && benchmark.value < 100) ||
    typeof benchmark.id !== "string"
  ) {
    throw new NpsError(
      "invalid_option",
      `${fn}: benchmark must be a benchmark row (see defineBenchmarks) with a value between -100 and 100, received ${describeValue(benchmark)}`,
    );
  }
  return benchmark;
}

/** The quartile band of an estimate among the row's quartiles. */
function bandOf(estimate: number, row: Benchmark): QuartileBand {
  const quartiles = row.quartiles ?? {};
  const cuts: QuartileCut[] = [];
  if (quartiles.lower !== undefined) cuts.push({ name: "lower quartile", value: quartiles.lower });
  if (quartiles.median !== undefined) cuts.push({ name: "median", value: quartiles.median });
  if (quartiles.upper !== undefined) cuts.push({ name: "upper quartile", value: quartiles.upper });
  let from: QuartileCut | undefined;
  let to: QuartileCut | undefined;
  for (const cut of cuts) {
    if (estimate >= cut.value) from = cut;
    else if (to === undefined) to = cut;
  }
  const describe = (cut: QuartileCut): string => `the ${cut.name} (${cut.value})`;
  let label: string;
  if (from?.name === "upper quartile") label = `top quartile: at or above ${describe(from)}`;
  else if (from?.name === "median" && to?.name === "upper quartile")
    label = `second quartile: between ${describe(from)} and ${describe(to)}`;
  else if (from?.name === "lower quartile" && to?.name === "median")
    label = `third quartile: between ${describe(from)} and ${describe(to)}`;
  else if (from === undefined && to?.name === "lower quartile") label = `bottom quartile: below ${describe(to)}`;
  else if (from === undefined && to !== undefined) label = `below ${describe(to)}`;
  else if (from !== undefined && to === undefined) label = `at or above ${describe(from)}`;
  else label = `between ${describe(from as QuartileCut)} and ${describe(to as QuartileCut)}`;
  return { from, to, label };
}

/** The caveats of comparing a pooled NPS with this row. */
function caveatsOf(row: Benchmark, tally: Tally, asOf: number | undefined): BenchmarkCaveat[] {
  const caveats: BenchmarkCaveat[] = [];
  const words = STATISTIC_WORDS[row.statistic] ?? row.statistic;
  const pooled = "your score is pooled over your own customers";
  if (row.statistic === "mean-of-company-nps") {
    caveats.push({
      code: "statistic",
      message: `this figure is a mean of company scores (each company counts once, whatever its size); ${pooled}`,
    });
  } else if (["mean", "median", "upper-quartile", "lower-quartile"].includes(row.statistic)) {
    caveats.push({
      code: "statistic",
      message: `this figure is the ${words} of organisations' scores (each organisation counts once); ${pooled}`,
    });
  } else {
    caveats.push({
      code: "statistic",
      message: `the source does not say whether this ${words} is a pooled NPS or a mean of company scores; ${pooled}`,
    });
  }
  caveats.push(
    row.population === "consumer-panel"
      ? {
          code: "population",
          message:
            "this figure comes from a consumer panel (a sample of consumers rating brands from outside); your score comes from surveying your own customers: the two are not directly comparable",
        }
      : {
          code: "population",
          message:
            "this figure pools other companies' surveys of their own customers, each with its own practice (who is asked, when, through which channel)",
        },
  );
  if (row.rank !== undefined) {
    caveats.push({
      code: "rank",
      message: `this is the ${row.rank} industry of its study, not a typical one`,
    });
  }
  if (row.year === null) {
    caveats.push({
      code: "undated",
      message: `this benchmark is undated${row.note === undefined ? "" : ` (${row.note})`}`,
    });
  } else if (asOf === undefined) {
    caveats.push({ code: "age", message: `this benchmark is from ${row.year}; NPS levels move over the years` });
  } else if (asOf - row.year >= 1) {
    const age = asOf - row.year;
    caveats.push({
      code: "age",
      message: `this benchmark is ${age} ${age === 1 ? "year" : "years"} old (${row.year}, as of ${asOf})`,
    });
  }
  if (row.region.toLowerCase() === "not stated") {
    caveats.push({ code: "region", message: "the source does not state the region" });
  }
  if (tally.scale !== undefined) {
    caveats.push({
      code: "scale",
      message: `your answers are on a ${tally.scale} scale; published benchmarks use the 0-10 scale`,
    });
  }
  return caveats;
}
