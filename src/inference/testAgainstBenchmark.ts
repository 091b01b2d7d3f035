import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { checkChoice } from "../core/options.js";
import type { Tally } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";
import { adjustedWald } from "./confidenceInterval.js";
import { inferenceCounts } from "./counts.js";
import { normalCdf, twoSidedPValue } from "./normal.js";
import { tangoStatistic } from "./tango.js";

/**
 * The test of {@link testAgainstBenchmark}.
 *
 * - `"score"` (default): Tango's score test, dual to the `"score"` interval; defined for all data,
 *   including a standard error of 0 (McNemar's test when the benchmark is 0).
 * - `"wald"`: z = (NPS − benchmark)/SE; undefined when SE = 0.
 * - `"adjusted-wald"`: z = (θ′ − benchmark)/SE′ with the +3 adjusted centre and SE, consistent with the
 *   default interval.
 *
 * @category Inference
 */
export type BenchmarkTestMethod = "score" | "wald" | "adjusted-wald";

/**
 * The alternative hypothesis: the true NPS differs from (`"two-sided"`), is above (`"greater"`) or
 * is below (`"less"`) the benchmark.
 *
 * @category Inference
 */
export type Alternative = "two-sided" | "greater" | "less";

/**
 * Options of {@link testAgainstBenchmark}.
 *
 * @category Inference
 */
export interface BenchmarkTestOptions {
  /** The alternative hypothesis. @defaultValue "two-sided" */
  readonly alternative?: Alternative;
  /** The test. @defaultValue "score" */
  readonly method?: BenchmarkTestMethod;
}

/**
 * The result of testing one NPS against a fixed benchmark.
 *
 * @category Inference
 */
export interface BenchmarkTest {
  /** The NPS of the data. */
  readonly estimate: number;
  /** The benchmark, in points. */
  readonly benchmark: number;
  /** estimate − benchmark, in points. */
  readonly difference: number;
  /** The z statistic; `undefined` for the Wald test when the standard error is 0. */
  readonly statistic: number | undefined;
  /** The p-value for the alternative; `undefined` when `statistic` is. */
  readonly pValue: number | undefined;
  /** The alternative hypothesis tested. */
  readonly alternative: Alternative;
  /** The test used. */
  readonly method: BenchmarkTestMethod;
  /** Number of responses. */
  readonly n: number;
  /** Kish effective sample size (equals `n` unweighted). */
  readonly effectiveN: number;
}

/**
 * Tests one NPS against a fixed value in points, such as a published industry average or a target:
 * "is our 30 really above the sector's 20?". Tango's score test by default (`docs/intervals.md`, "Testing against a benchmark"; values
 * reproduced against R `ratesci::pairbinci(theta0 =)`), which is defined even when every response is
 * in one category. One-sided p-values: `"greater"` is P(Z ≥ z) = Φ(−z), `"less"` is Φ(z); two-sided
 * 2·Φ(−|z|), all computed without subtracting from 1.
 *
 * Wald with a standard error of 0 (all responses in one category, or a single response) has no
 * statistic: `statistic` and `pValue` are then `undefined` — use the score test. Weighted tallies:
 * Wald uses the linearised standard error, the score and adjusted tests the effective counts. O(1).
 *
 * @param tally - A tally (weighted or not).
 * @param benchmark - The value to test against, in points, strictly between −100 and 100.
 * @param options - Alternative and test.
 * @returns The test, or `undefined` when the tally has no responses.
 * @throws {@link NpsError} `invalid_tally` for a malformed tally; `invalid_option` for a benchmark
 * outside (−100, 100), or an unknown alternative or method.
 * @example
 * ```ts
 * import { roundScore, testAgainstBenchmark } from "npskit";
 * const counts = { promoters: 50, passives: 30, detractors: 20 };
 * const test = testAgainstBenchmark(counts, 20, { alternative: "greater" });
 * roundScore(test?.statistic ?? 0, 4); // => 1.2399
 * roundScore(test?.pValue ?? 0, 4); // => 0.1075
 * testAgainstBenchmark({ promoters: 10, passives: 0, detractors: 0 }, 50)?.pValue !== undefined; // => true
 * testAgainstBenchmark({ promoters: 10, passives: 0, detractors: 0 }, 50, { method: "wald" })?.pValue; // => undefined
 * ```
 * @category Inference
 */
export function testAgainstBenchmark(
  tally: Tally,
  benchmark: number,
  options: BenchmarkTestOptions = {},
): BenchmarkTest | undefined {
  checkOptions("testAgainstBenchmark", options);
  const { alternative = "two-sided", method = "score" } = options;
  if (typeof benchmark !== "number" || !(benchmark > -100 && benchmark < 100)) {
    throw new NpsError(
      "invalid_option",
      `testAgainstBenchmark: benchmark must be a number greater than -100 and less than 100, received ${describeValue(benchmark)}`,
    );
  }
  checkChoice("testAgainstBenchmark", "alternative", alternative, ["two-sided", "greater", "less"]);
  checkChoice("testAgainstBenchmark", "method", method, ["score", "wald", "adjusted-wald"]);
  const counts = inferenceCounts("testAgainstBenchmark", tally);
  if (counts === undefined) return undefined;
  let statistic: number | undefined;
  if (method === "score") {
    statistic = tangoStatistic(counts.counts, benchmark / 100);
  } else {
    const { center, standardError } =
      method === "wald" ? { center: counts.estimate, standardError: counts.standardError } : adjustedWald(counts);
    statistic = standardError > 0 ? (center - benchmark) / standardError : undefined;
  }
  if (statistic !== undefined) statistic += 0;
  return {
    estimate: counts.estimate,
    benchmark,
    difference: counts.estimate - benchmark + 0,
    statistic,
    pValue: statistic === undefined ? undefined : pValueOf(statistic, alternative),
    alternative,
    method,
    n: counts.n,
    effectiveN: counts.effectiveN,
  };
}

function pValueOf(statistic: number, alternative: Alternative): number {
  if (alternative === "greater") return normalCdf(-statistic);
  if (alternative === "less") return normalCdf(statistic);
  return twoSidedPValue(statistic);
}
