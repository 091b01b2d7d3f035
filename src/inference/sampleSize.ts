import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { checkChoice, checkLevel } from "../core/options.js";
import type { CategoryValues } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";
import { variancePerObservation } from "./counts.js";
import { criticalValue } from "./normal.js";

/**
 * Planning assumptions shared by {@link requiredSampleSize} and {@link marginOfErrorForSampleSize}.
 *
 * @category Inference
 */
export interface SampleSizeOptions {
  /** Two-sided confidence level, strictly between 0 and 1. @defaultValue 0.95 */
  readonly level?: number;
  /**
   * Expected shares of promoters, passives and detractors (or the counts of a previous survey: they
   * are divided by their sum). @defaultValue the worst case, half promoters and half detractors
   * (variance 1 per response)
   */
  readonly shares?: CategoryValues;
  /**
   * The interval to plan for: `"wald"`, or the +3 adjusted Wald interval (the default of
   * {@link confidenceInterval}), whose standard error divides by n + 3, so that the answer is 3
   * responses fewer. @defaultValue "wald"
   */
  readonly method?: "wald" | "adjusted-wald";
  /**
   * Size N of the population surveyed, to apply the finite population correction (N − n)/(N − 1) to
   * the variance (for example all 400 customers of a B2B product). @defaultValue infinite (no
   * correction)
   */
  readonly populationSize?: number;
}

/**
 * Options of {@link requiredSampleSize}: the target margin and the planning assumptions.
 *
 * @category Inference
 */
export interface RequiredSampleSizeOptions extends SampleSizeOptions {
  /** The target margin of error, in NPS points (half the interval width), greater than 0. */
  readonly marginOfError: number;
}

/**
 * How many responses are needed for a target margin of error of the NPS: the smallest n with
 * z·100·sqrt(V/n) ≤ E, that is n = ⌈z²·V/(E/100)²⌉, where V = pP + pD − (pP − pD)² comes from the
 * expected shares (worst case V = 1). At 95%: shares (0.5, 0.3, 0.2) need 938 responses for ±5
 * points and 235 for ±10; the worst case 1537 and 385 (`docs/intervals.md`, "How many responses"). With `method: "adjusted-wald"`,
 * n = ⌈z²V/E² − 3⌉. With a population size N, the finite population correction gives
 * n = n₀/(1 + (n₀ − 1)/N). At least 1 (when V = 0 any n gives a margin of 0). O(1).
 *
 * @param options - The target margin (required) and the planning assumptions.
 * @returns The number of responses needed (an integer ≥ 1, and ≤ N with a population size).
 * @throws {@link NpsError} `invalid_option` for a margin that is not a finite number > 0, a level
 * outside (0, 1), shares that are negative, not finite or all zero, or a population size that is
 * not an integer ≥ 1; `invalid_option` also when the margin is so small that the sample size would
 * pass `Number.MAX_SAFE_INTEGER` (about 9e15 responses: a margin below about 2e-6 points).
 * @example
 * ```ts
 * import { requiredSampleSize } from "npskit";
 * requiredSampleSize({ marginOfError: 5 }); // => 1537
 * requiredSampleSize({ marginOfError: 5, shares: { promoters: 0.5, passives: 0.3, detractors: 0.2 } }); // => 938
 * requiredSampleSize({ marginOfError: 5, level: 0.9 }); // => 1083
 * requiredSampleSize({ marginOfError: 5, method: "adjusted-wald" }); // => 1534
 * requiredSampleSize({ marginOfError: 5, populationSize: 2000 }); // => 870
 * ```
 * @category Inference
 */
export function requiredSampleSize(options: RequiredSampleSizeOptions): number {
  const fn = "requiredSampleSize";
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const { marginOfError } = options;
  if (typeof marginOfError !== "number" || !Number.isFinite(marginOfError) || marginOfError <= 0) {
    throw new NpsError(
      "invalid_option",
      `${fn}: marginOfError must be a finite number greater than 0, received ${describeValue(marginOfError)}`,
    );
  }
  const plan = resolvePlan(fn, options);
  const n0 = (plan.z * plan.z * plan.variance) / (marginOfError / 100) ** 2;
  const offset = plan.adjusted ? 3 : 0;
  const population = plan.populationSize;
  if (population === undefined && !(n0 - offset <= Number.MAX_SAFE_INTEGER)) {
    throw new NpsError(
      "invalid_option",
      `${fn}: marginOfError must need at most ${Number.MAX_SAFE_INTEGER} responses (Number.MAX_SAFE_INTEGER), received ${describeValue(marginOfError)}, which needs ${Number.isFinite(n0) ? `about ${(n0 - offset).toPrecision(3)}` : "more than any number can hold"}`,
    );
  }
  // With a population, a target too small for floating point (n0 = Infinity) asks for everyone.
  const exact =
    population === undefined
      ? n0 - offset
      : Number.isFinite(n0)
        ? population * (n0 / (population - 1 + n0)) - (offset * (population - 1)) / (population - 1 + n0)
        : population;
  let n = Math.min(Math.max(1, Math.ceil(exact)), population ?? Number.MAX_SAFE_INTEGER);
  // Guard the rounding of the closed form: n is the smallest size whose margin is within the target.
  // The closed form is off by a few units at most, so a few steps are enough: the work stays bounded.
  for (let step = 0; step < 64 && n > 1 && planMargin(plan, n - 1) <= marginOfError; step++) n--;
  for (
    let step = 0;
    step < 64 && planMargin(plan, n) > marginOfError && n < (population ?? Number.MAX_SAFE_INTEGER);
    step++
  )
    n++;
  return n;
}

/**
 * The margin of error of the NPS, in points, that n responses give under the planning assumptions:
 * z·100·sqrt(V/n) (n + 3 with `method: "adjusted-wald"`), times sqrt((N − n)/(N − 1)) with a population size N. The
 * inverse of {@link requiredSampleSize}. O(1).
 *
 * @param n - Number of responses, an integer ≥ 1 (and ≤ N with a population size).
 * @param options - The planning assumptions.
 * @returns The margin in points.
 * @throws {@link NpsError} `invalid_option` for an n that is not an integer ≥ 1 (or exceeds the
 * population), and as {@link requiredSampleSize} for the other options.
 * @example
 * ```ts
 * import { marginOfErrorForSampleSize, roundScore } from "npskit";
 * roundScore(marginOfErrorForSampleSize(400), 2); // => 9.8
 * roundScore(marginOfErrorForSampleSize(400, { shares: { promoters: 50, passives: 30, detractors: 20 } }), 2); // => 7.65
 * marginOfErrorForSampleSize(300, { populationSize: 300 }); // => 0
 * ```
 * @category Inference
 */
export function marginOfErrorForSampleSize(n: number, options: SampleSizeOptions = {}): number {
  checkOptions("marginOfErrorForSampleSize", options);
  const fn = "marginOfErrorForSampleSize";
  const plan = resolvePlan(fn, options);
  const maximum = plan.populationSize ?? Number.MAX_SAFE_INTEGER;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > maximum) {
    const rule =
      plan.populationSize === undefined ? "an integer >= 1" : `an integer from 1 to the population size ${maximum}`;
    throw new NpsError("invalid_option", `${fn}: n must be ${rule}, received ${describeValue(n)}`);
  }
  return planMargin(plan, n);
}

interface Plan {
  readonly z: number;
  readonly variance: number;
  readonly adjusted: boolean;
  readonly populationSize: number | undefined;
}

function resolvePlan(fn: string, options: SampleSizeOptions): Plan {
  const { level = 0.95, shares, method = "wald", populationSize } = options;
  checkLevel(fn, level);
  checkChoice(fn, "method", method, ["wald", "adjusted-wald"]);
  const adjusted = method === "adjusted-wald";
  if (
    populationSize !== undefined &&
    (typeof populationSize !== "number" || !Number.isSafeInteger(populationSize) || populationSize < 1)
  ) {
    throw new NpsError(
      "invalid_option",
      `${fn}: populationSize must be an integer >= 1, received ${describeValue(populationSize)}`,
    );
  }
  return { z: criticalValue(level), variance: varianceOfShares(fn, shares), adjusted, populationSize };
}

function varianceOfShares(fn: string, shares: CategoryValues | undefined): number {
  if (shares === undefined) return 1;
  const values = [shares?.promoters, shares?.passives, shares?.detractors];
  const names = ["promoters", "passives", "detractors"];
  values.forEach((value, i) => {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new NpsError(
        "invalid_option",
        `${fn}: shares.${names[i]} must be a finite number >= 0, received ${describeValue(value)}`,
      );
    }
  });
  if (shares.promoters + shares.passives + shares.detractors === 0) {
    throw new NpsError("invalid_option", `${fn}: shares must not all be 0, received 0, 0 and 0`);
  }
  return variancePerObservation(shares.promoters, shares.passives, shares.detractors);
}

function planMargin(plan: Plan, n: number): number {
  const population = plan.populationSize;
  const correction = population === undefined ? 1 : population === 1 ? 0 : (population - n) / (population - 1);
  const effective = plan.adjusted ? n + 3 : n;
  return 100 * plan.z * Math.sqrt((plan.variance / effective) * correction);
}
