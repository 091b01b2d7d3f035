import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { checkChoice, checkInteger, checkLevel } from "../core/options.js";
import type { CategoryValues, Tally } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";
import { bayesBounds } from "./bayes.js";
import { bootstrapBounds } from "./bootstrap.js";
import { clipPoints, type InferenceCounts, inferenceCounts, variancePerObservation } from "./counts.js";
import { criticalValue } from "./normal.js";
import { tangoBounds } from "./tango.js";

/**
 * How a confidence interval of the NPS is computed. See `docs/intervals.md` for the choice.
 *
 * - `"adjusted-wald"` (default): Wald interval on adjusted counts, +0.75 promoters, +1.5 passives,
 *   +0.75 detractors (n + 3), centre and standard error from the adjusted counts (Rocks 2016;
 *   Sauro & Lewis, MeasuringU). Closed form; mean coverage within ±0.005 of 95% for n ≥ 10.
 * - `"wald"`: estimate ± z·SE. For compatibility; under-covers below about 50 responses and near ±100.
 * - `"score"`: Tango's score interval (Rocks' "iterative score"), solved by bisection on the distance to
 *   the nearer end, within 1e-13 points of a 90-digit reference even next to ±100; the
 *   best worst-case coverage, slightly conservative for small n.
 * - `"bayes"`: equal-tailed credible interval of πP − πD under a Dirichlet posterior (Jeffreys prior by
 *   default).
 * - `"bootstrap"`: percentile bootstrap by resampling the three counts (seeded, reproducible).
 *
 * @category Inference
 */
export type IntervalMethod = "wald" | "adjusted-wald" | "score" | "bayes" | "bootstrap";

/** The interval methods, in the order of {@link IntervalMethod}. */
export const INTERVAL_METHODS: ReadonlyArray<IntervalMethod> = ["wald", "adjusted-wald", "score", "bayes", "bootstrap"];

/**
 * Options of {@link confidenceInterval} and {@link marginOfError}.
 *
 * @category Inference
 */
export interface ConfidenceIntervalOptions {
  /** Two-sided confidence level, strictly between 0 and 1. @defaultValue 0.95 */
  readonly level?: number;
  /** The interval method. @defaultValue "adjusted-wald" */
  readonly method?: IntervalMethod;
  /** Prior of the `"bayes"` method: Jeffreys (Dirichlet ½, ½, ½) or uniform (1, 1, 1). @defaultValue "jeffreys" */
  readonly prior?: "jeffreys" | "uniform";
  /** Number of resamples of the `"bootstrap"` method, an integer from 100 to 10,000,000. @defaultValue 10000 */
  readonly resamples?: number;
  /**
   * Seed of the `"bootstrap"` method, an integer from 0 to 4294967295. The same seed gives the same
   * interval on every platform. @defaultValue 1
   */
  readonly seed?: number;
}

/**
 * A confidence (or, for `"bayes"`, credible) interval of the NPS, in points.
 *
 * @category Inference
 */
export interface ConfidenceInterval {
  /** The NPS of the data (the raw estimate, also for methods whose interval is centred elsewhere). */
  readonly estimate: number;
  /** Lower bound, in [−100, 100]. */
  readonly lower: number;
  /** Upper bound, in [−100, 100]. */
  readonly upper: number;
  /** The confidence level used. */
  readonly level: number;
  /** The method used. */
  readonly method: IntervalMethod;
  /** Number of responses. */
  readonly n: number;
  /** Kish effective sample size (equals `n` for an unweighted tally). */
  readonly effectiveN: number;
  /**
   * Centre of the interval before clipping: the estimate for `"wald"`, the shrunk estimate
   * 100·(P − D)/(n + 3) for `"adjusted-wald"`; absent for the other methods.
   */
  readonly center?: number;
  /** Standard error used (points): for `"wald"` and `"adjusted-wald"` only. */
  readonly standardError?: number;
}

/** Options with their defaults filled in and checked. */
export interface ResolvedIntervalOptions {
  readonly level: number;
  readonly method: IntervalMethod;
  readonly prior: "jeffreys" | "uniform";
  readonly resamples: number;
  readonly seed: number;
}

/**
 * Refuses a bootstrap level whose tails the resamples cannot resolve: each limit is an order statistic
 * of the resamples, the ⌈B·(1 − level)/2⌉-th from its end, so with fewer than one resample in a tail
 * (B·(1 − level)/2 < 1, e.g. level 0.999999 with 10,000 resamples) the limits would just be the most
 * extreme resamples, whatever the level.
 */
function checkBootstrapLevel(fn: string, level: number, resamples: number): void {
  const tail = (resamples * (1 - level)) / 2;
  if (tail < 1 - 1e-9) {
    const needed = Math.ceil(2 / (1 - level) - 1e-9);
    throw new NpsError(
      "invalid_option",
      `${fn}: level must be at most 1 - 2/resamples for the bootstrap (${1 - 2 / resamples} with ${resamples} resamples), received ${level}; a level this high needs resamples of at least ${needed}`,
    );
  }
}

/** Fills in and checks the options of an interval, naming `fn` in errors. */
export function resolveIntervalOptions(
  fn: string,
  options: ConfidenceIntervalOptions,
  methods: ReadonlyArray<IntervalMethod> = INTERVAL_METHODS,
): ResolvedIntervalOptions {
  checkOptions(fn, options);
  const { level = 0.95, method = "adjusted-wald", prior = "jeffreys", resamples = 10_000, seed = 1 } = options;
  checkLevel(fn, level);
  checkChoice(fn, "method", method, methods);
  checkChoice(fn, "prior", prior, ["jeffreys", "uniform"]);
  checkInteger(fn, "resamples", resamples, 100, 10_000_000);
  checkInteger(fn, "seed", seed, 0, 4_294_967_295);
  if (method === "bootstrap") checkBootstrapLevel(fn, level, resamples);
  return { level, method, prior, resamples, seed };
}

/**
 * Confidence interval of the NPS, in points, by one of five methods (see {@link IntervalMethod} and
 * `docs/intervals.md`). The point estimate is always the raw NPS; bounds are clipped to [−100, 100].
 *
 * Variance of the NPS of n responses (a difference of two proportions of one multinomial sample,
 * including their covariance −πPπD/n): Var = (pP + pD − (pP − pD)²)/n, ×100² for points
 * (Rocks 2016, *The American Statistician* 70(4), 365–372).
 *
 * Weighted tallies: `"wald"` uses the Taylor-linearised standard error (as R `survey::svymean`); the
 * other methods apply their formula to effective counts n_eff·(p̃P, p̃O, p̃D) (Kish n_eff, weighted
 * shares) — a heuristic, not validated by coverage studies; `"bootstrap"` resamples round(n_eff)
 * responses, split between the categories in proportion to the weighted shares (largest remainder).
 *
 * Every interval contains the raw NPS except in two documented cases: the `"adjusted-wald"` interval of
 * a single promoter or detractor (1 promoter: [−48.5, 98.5], centred on the shrunk estimate 25), and the
 * `"bayes"` interval when every response is a promoter (or every one a detractor), since a posterior
 * interval never reaches ±100. `"wald"` and `"bootstrap"` have zero width when every response is in
 * one category.
 *
 * Cost: O(1) for `"wald"` and `"adjusted-wald"` (well under a microsecond), O(1) with about 200 square
 * roots for `"score"` (two bisections, a few microseconds); O(resamples), never O(n), for `"bootstrap"`.
 *
 * @param tally - A tally (weighted or not).
 * @param options - Level, method, and the Bayes / bootstrap settings.
 * @returns The interval, or `undefined` when the tally has no responses.
 * @throws {@link NpsError} `invalid_tally` for a malformed tally (and, for `"bootstrap"`, an unweighted
 * tally whose counts are not integers); `invalid_option` for a level outside (0, 1), an unknown method
 * or prior, resamples / seed outside their ranges, or a `"bootstrap"` level above 1 − 2/resamples
 * (0.9998 with the default 10,000 resamples), whose tails hold less than one resample.
 * @example
 * ```ts
 * import { confidenceInterval, roundScore } from "npskit";
 * const ci = confidenceInterval({ promoters: 50, passives: 30, detractors: 20 });
 * ci?.estimate; // => 30
 * [roundScore(ci?.lower ?? 0, 2), roundScore(ci?.upper ?? 0, 2)]; // => [14.05, 44.2]
 * const score = confidenceInterval({ promoters: 50, passives: 30, detractors: 20 }, { method: "score", level: 0.9 });
 * [roundScore(score?.lower ?? 0, 2), roundScore(score?.upper ?? 0, 2)]; // => [16.62, 42.17]
 * confidenceInterval({ promoters: 0, passives: 0, detractors: 0 }); // => undefined
 * ```
 * @category Inference
 */
export function confidenceInterval(
  tally: Tally,
  options: ConfidenceIntervalOptions = {},
): ConfidenceInterval | undefined {
  const resolved = resolveIntervalOptions("confidenceInterval", options);
  const counts = inferenceCounts("confidenceInterval", tally);
  if (counts === undefined) return undefined;
  return intervalOf(counts, resolved);
}

/** The interval of checked counts and options (shared with the comparison functions). */
export function intervalOf(counts: InferenceCounts, options: ResolvedIntervalOptions): ConfidenceInterval {
  const { level, method } = options;
  const z = criticalValue(level);
  // Object literals without spreads: V8 builds them an order of magnitude faster.
  if (method === "wald" || method === "adjusted-wald") {
    const { center, standardError } =
      method === "wald" ? { center: counts.estimate, standardError: counts.standardError } : adjustedWald(counts);
    return {
      estimate: counts.estimate,
      lower: clipPoints(center - z * standardError),
      upper: clipPoints(center + z * standardError),
      level,
      method,
      n: counts.n,
      effectiveN: counts.effectiveN,
      center,
      standardError,
    };
  }
  const bounds =
    method === "score"
      ? scaled(tangoBounds(counts.counts, z))
      : method === "bayes"
        ? bayesBounds(counts.counts, level, options.prior)
        : bootstrapBounds(bootstrapCounts(counts), level, options.resamples, options.seed);
  return {
    estimate: counts.estimate,
    lower: clipPoints(bounds.lower),
    upper: clipPoints(bounds.upper),
    level,
    method,
    n: counts.n,
    effectiveN: counts.effectiveN,
  };
}

/** Proportion-scale bounds to points. */
function scaled(bounds: { lower: number; upper: number }): { lower: number; upper: number } {
  return { lower: 100 * bounds.lower, upper: 100 * bounds.upper };
}

/**
 * Centre and standard error (points) of the +3 adjusted Wald interval: +0.75 promoters, +1.5
 * passives, +0.75 detractors (Rocks' `pseudo_observations = c(0.75, 1.5, 0.75)`).
 */
export function adjustedWald(counts: InferenceCounts): { center: number; standardError: number } {
  const { promoters, passives, detractors } = counts.counts;
  const n = promoters + passives + detractors + 3;
  const variance = variancePerObservation(promoters + 0.75, passives + 1.5, detractors + 0.75);
  return { center: (100 * (promoters - detractors)) / n + 0, standardError: 100 * Math.sqrt(variance / n) };
}

/**
 * Whole counts for the bootstrap. Unweighted: the tally itself (its counts must be integers). Weighted:
 * m = round(n_eff) responses (at least 1) split between the categories in proportion to the weighted
 * shares by largest remainder, so that the bootstrap resamples a whole number of responses.
 */
function bootstrapCounts(counts: InferenceCounts): CategoryValues {
  const values = [counts.counts.promoters, counts.counts.passives, counts.counts.detractors];
  if (!counts.weighted) {
    const names = ["promoters", "passives", "detractors"];
    values.forEach((value, i) => {
      if (!Number.isInteger(value)) {
        throw new NpsError(
          "invalid_tally",
          `confidenceInterval: tally.${names[i]} must be an integer for the bootstrap method, received ${describeValue(value)}`,
        );
      }
    });
    return counts.counts;
  }
  const m = Math.max(1, Math.round(counts.effectiveN));
  const exact = values.map((value) => (value / counts.effectiveN) * m);
  const whole = exact.map(Math.floor);
  let missing = m - whole.reduce((sum, value) => sum + value, 0);
  const byRemainder = [0, 1, 2].sort(
    (i, j) => (exact[j] as number) - (whole[j] as number) - ((exact[i] as number) - (whole[i] as number)) || i - j,
  );
  for (const i of byRemainder) {
    if (missing <= 0) break;
    whole[i] = (whole[i] as number) + 1;
    missing--;
  }
  return { promoters: whole[0] as number, passives: whole[1] as number, detractors: whole[2] as number };
}
