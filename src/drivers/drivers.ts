import { NpsError } from "../core/errors.js";
import type { AttributeValue } from "../core/response.js";
import { isValidScore, type Scale, STANDARD_SCALE } from "../core/scale.js";
import type { Tally } from "../core/tally.js";
import {
  type ConfidenceInterval,
  confidenceInterval,
  type IntervalMethod,
  resolveIntervalOptions,
} from "../inference/confidenceInterval.js";
import { describeValue } from "../internal/describe.js";
import { createRandom } from "../internal/random.js";
import { scoreAssociation } from "../segments/scoreAssociation.js";
import { pearson } from "./pearson.js";
import { lmgFromSubsets, subsetRSquared } from "./relativeImportance.js";

/**
 * How missing answers are handled: `"listwise"` keeps only the respondents who answered every
 * driver (one sample for everything, as R's `lm`); `"pairwise"` uses, for each driver, everyone who
 * answered it, and builds the model from pairwise correlations.
 *
 * @category Drivers
 */
export type MissingPolicy = "listwise" | "pairwise";

/**
 * Options of {@link drivers}.
 *
 * @category Drivers
 */
export interface DriversOptions {
  /** The attributes holding the other answers, 1 to 15 distinct names. */
  readonly drivers: ReadonlyArray<string>;
  /**
   * Ordered labels, lowest first, mapped to 1, 2, 3…: one list for every driver, or a list per driver
   * name. Labels match after trimming, case-insensitively. A driver without levels must hold numbers
   * (or numeric text). @defaultValue none
   */
  readonly levels?: ReadonlyArray<string> | Readonly<Record<string, ReadonlyArray<string>>>;
  /** How missing answers are handled. @defaultValue "listwise" */
  readonly missing?: MissingPolicy;
  /** Confidence level of every interval. @defaultValue 0.95 */
  readonly level?: number;
  /** Interval method of the NPS by answer level (see {@link confidenceInterval}). @defaultValue "adjusted-wald" */
  readonly method?: IntervalMethod;
  /** Bootstrap resamples of the importances' intervals, 0 (none) or 100 to 100,000. @defaultValue 1000 */
  readonly resamples?: number;
  /** Seed of the bootstrap, an integer from 0 to 4294967295. @defaultValue 1 */
  readonly seed?: number;
  /** The answer scale. @defaultValue the standard 0–10 scale */
  readonly scale?: Scale;
}

/**
 * The NPS of the respondents who gave one answer to a driver.
 *
 * @category Drivers
 */
export interface DriverLevel {
  /** The answer as a number (the label's rank, from 1, when levels are given). */
  readonly value: number;
  /** The label, when levels are given. */
  readonly label?: string;
  /** Promoters, passives and detractors among those who gave this answer. */
  readonly tally: Tally;
  /** The NPS and its interval. */
  readonly nps: ConfidenceInterval;
}

/**
 * A value that is not on a driver's levels (or not a number), and where it was.
 *
 * @category Drivers
 */
export interface RejectedValue {
  /** 1-based position of the response in the input. */
  readonly row: number;
  /** The value as it was found. */
  readonly value: AttributeValue | undefined;
}

/**
 * What one driver says about the score.
 *
 * @category Drivers
 */
export interface DriverResult {
  /** The driver's attribute name. */
  readonly name: string;
  /** Respondents used for this driver: answered it (pairwise) or every driver (listwise). */
  readonly n: number;
  /** Respondents without an answer (blank, `null`, `NA`). */
  readonly missing: number;
  /** Respondents whose answer is not on the levels (or not a number): left out, counted, the first 20 listed. */
  readonly rejected: number;
  /** The first 20 rejected values and their rows. */
  readonly rejectedRows: ReadonlyArray<RejectedValue>;
  /** The NPS at each answer, in increasing order. */
  readonly levels: ReadonlyArray<DriverLevel>;
  /**
   * Spearman's rank correlation with the score ({@link scoreAssociation}); `undefined` with fewer than
   * 3 respondents or when either is constant.
   */
  readonly spearman: number | undefined;
  /** Its two-sided p-value (t approximation, as R's `cor.test(…, exact = FALSE)`); `undefined` when ρ is. */
  readonly spearmanPValue: number | undefined;
  /** LMG relative importance: the share of R² this driver accounts for, in R² units. */
  readonly importance: number | undefined;
  /** Percentile bootstrap interval of the importance; `undefined` without resamples. */
  readonly importanceInterval:
    | {
        /** Lower bound. */
        readonly lower: number;
        /** Upper bound. */
        readonly upper: number;
      }
    | undefined;
}

/**
 * Which other answers move the score, and how much.
 *
 * @category Drivers
 */
export interface DriverAnalysis {
  /** Tags the result. */
  readonly kind: "drivers";
  /** How missing answers were handled. */
  readonly missing: MissingPolicy;
  /** Respondents in the model: those who answered everything (listwise), or every respondent (pairwise). */
  readonly n: number;
  /** R² of the linear regression of the 0–10 score on every driver; `undefined` when it cannot be fitted. */
  readonly rSquared: number | undefined;
  /** Why there is no model, when there is none. */
  readonly modelProblem?: string;
  /** The confidence level of the intervals. */
  readonly level: number;
  /** Bootstrap resamples drawn (0: no intervals). */
  readonly resamples: number;
  /** Resamples whose model could not be fitted (a constant driver in the resample), left out. */
  readonly failedResamples: number;
  /** The bootstrap seed. */
  readonly seed: number;
  /** One result per driver, in the order given. */
  readonly drivers: ReadonlyArray<DriverResult>;
}

const MISSING = new Set(["", "na", "n/a", "nan", "null"]);
const SHOWN_REJECTIONS = 20;

/**
 * Finds which other answers (satisfaction, agreement items…) move the 0–10 score: for each driver,
 * the NPS at each of its answers with intervals, Spearman's rank correlation with the score, and its
 * relative importance in the linear regression of the score on every driver: the LMG decomposition
 * of R² (Lindeman, Merenda & Gold 1980; Grömping 2006, *Journal of Statistical Software* 17(1)), the
 * Shapley value of each driver, which averages the R² it adds over every order of entry. The
 * importances add up to R² exactly; a seeded percentile bootstrap gives their intervals.
 * Importances are associations, not causes. Checked against base R (test/drivers/fixtures/lmg.R).
 * O(n·p² + 2^p·p² per fit, times resamples + 1); p is limited to 15.
 *
 * @param responses - Scores with their attributes (`NpsResponse` fits).
 * @param options - Drivers, levels, missing policy, level, bootstrap.
 * @returns The analysis, with `rSquared` `undefined` (and `modelProblem` saying why) when the model
 * cannot be fitted (fewer respondents than drivers + 2, a constant or collinear driver).
 * @throws {@link NpsError} `invalid_score` for a score off the scale; `invalid_option` for a bad option.
 * @example
 * ```ts
 * import { drivers, roundScore } from "npskit";
 * const responses = [
 *   { score: 10, attributes: { service: "Agree", price: 7 } },
 *   { score: 9, attributes: { service: "Agree", price: 5 } },
 *   { score: 7, attributes: { service: "Neutral", price: 8 } },
 *   { score: 6, attributes: { service: "Neutral", price: 4 } },
 *   { score: 3, attributes: { service: "Disagree", price: 6 } },
 *   { score: 2, attributes: { service: "Disagree", price: 2 } },
 * ];
 * const result = drivers(responses, {
 *   drivers: ["service", "price"],
 *   levels: { service: ["Disagree", "Neutral", "Agree"] },
 *   resamples: 0,
 * });
 * result.drivers.map((driver) => roundScore(driver.importance ?? 0, 3)); // => [0.817, 0.179]
 * roundScore(result.rSquared ?? 0, 3); // => 0.997
 * ```
 * @category Drivers
 */
export function drivers(
  responses: ReadonlyArray<{
    readonly score: number;
    readonly attributes?: Readonly<Record<string, AttributeValue>> | null | undefined;
  }>,
  options: DriversOptions,
): DriverAnalysis {
  const fn = "drivers";
  const fail = (name: string, rule: string, value: unknown): NpsError =>
    new NpsError("invalid_option", `${fn}: ${name} must be ${rule}, received ${describeValue(value)}`);
  if (options === null || typeof options !== "object") throw fail("options", "an object with drivers", options);
  const {
    drivers: names,
    missing = "listwise",
    level = 0.95,
    method = "adjusted-wald",
    resamples = 1000,
    seed = 1,
  } = options;
  const scale = options.scale ?? STANDARD_SCALE;
  if (
    !Array.isArray(names) ||
    names.length === 0 ||
    names.length > 15 ||
    names.some((name) => typeof name !== "string") ||
    new Set(names).size !== names.length
  ) {
    throw fail("drivers", "an array of 1 to 15 distinct attribute names", names);
  }
  if (missing !== "listwise" && missing !== "pairwise") throw fail("missing", '"listwise" or "pairwise"', missing);
  const intervalOptions = resolveIntervalOptions(fn, { level, method });
  if (!(resamples === 0 || (Number.isInteger(resamples) && resamples >= 100 && resamples <= 100_000))) {
    throw fail("resamples", "0 or an integer from 100 to 100000", resamples);
  }
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 4294967295)) {
    throw fail("seed", "an integer from 0 to 4294967295", seed);
  }
  const levelsOf = (name: string): ReadonlyArray<string> | undefined => {
    const levels = options.levels;
    if (levels === undefined) return undefined;
    if (Array.isArray(levels)) return levels as ReadonlyArray<string>;
    return Object.hasOwn(levels, name) ? (levels as Readonly<Record<string, ReadonlyArray<string>>>)[name] : undefined;
  };
  const lookups = names.map((name) => {
    const levels = levelsOf(name);
    if (levels === undefined) return undefined;
    const what = Array.isArray(options.levels) ? "levels" : `levels[${JSON.stringify(name)}]`;
    if (!Array.isArray(levels) || levels.length < 2 || levels.some((label) => typeof label !== "string")) {
      throw fail(what, "an array of at least two labels", levels);
    }
    const map = new Map<string, number>();
    levels.forEach((label, i) => {
      const key = label.trim().toLowerCase();
      if (map.has(key)) throw fail(what, "distinct labels", label);
      map.set(key, i + 1);
    });
    return { map, labels: levels as ReadonlyArray<string> };
  });
  if (!Array.isArray(responses)) {
    throw new NpsError("invalid_input", `${fn}: responses must be an array, received ${describeValue(responses)}`);
  }

  // Read every value: a number, NaN for missing, or a rejection.
  const p = names.length;
  const n = responses.length;
  const values = names.map(() => new Float64Array(n));
  const scores = new Float64Array(n);
  const missingCounts = new Array<number>(p).fill(0);
  const rejected = names.map((): RejectedValue[] => []);
  const rejectedCounts = new Array<number>(p).fill(0);
  responses.forEach((response, i) => {
    const score = response?.score;
    if (!isValidScore(score, scale)) {
      throw new NpsError(
        "invalid_score",
        `${fn}: responses[${i}].score must be an integer from ${scale.min} to ${scale.max}, received ${describeValue(score)}`,
      );
    }
    scores[i] = score;
    const attributes = response.attributes;
    names.forEach((name, d) => {
      const raw =
        attributes !== undefined && attributes !== null && Object.hasOwn(attributes, name)
          ? attributes[name]
          : undefined;
      const column = values[d] as Float64Array;
      if (raw === undefined || raw === null || (typeof raw === "string" && MISSING.has(raw.trim().toLowerCase()))) {
        column[i] = Number.NaN;
        missingCounts[d] = (missingCounts[d] ?? 0) + 1;
        return;
      }
      const lookup = lookups[d];
      let value: number | undefined;
      if (lookup !== undefined) value = typeof raw === "string" ? lookup.map.get(raw.trim().toLowerCase()) : undefined;
      else if (typeof raw === "number" && Number.isFinite(raw)) value = raw;
      else if (typeof raw === "string" && /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(raw))
        value = Number(raw);
      if (value === undefined) {
        column[i] = Number.NaN;
        rejectedCounts[d] = (rejectedCounts[d] ?? 0) + 1;
        const list = rejected[d] as RejectedValue[];
        if (list.length < SHOWN_REJECTIONS) list.push({ row: i + 1, value: raw });
        return;
      }
      column[i] = value;
    });
  });

  const complete: number[] = [];
  for (let i = 0; i < n; i++) if (values.every((column) => !Number.isNaN(column[i] as number))) complete.push(i);
  const rowsFor = (d: number): number[] => {
    if (missing === "listwise") return complete;
    const rows: number[] = [];
    const column = values[d] as Float64Array;
    for (let i = 0; i < n; i++) if (!Number.isNaN(column[i] as number)) rows.push(i);
    return rows;
  };

  // The model on all rows, then on each resample.
  const all = Array.from({ length: n }, (_, i) => i);
  const modelRows = missing === "listwise" ? complete : all;
  const fitModel = (rows: ReadonlyArray<number>): { r2: number; importance: Float64Array } | string => {
    const matrix = correlationMatrix(values, scores, rows);
    if (typeof matrix === "string") return matrix;
    const subsets = subsetRSquared(matrix, p);
    if (subsets === undefined)
      return "the drivers are collinear, or their pairwise correlations do not form a correlation matrix";
    return { r2: subsets[(1 << p) - 1] as number, importance: lmgFromSubsets(subsets, p) };
  };
  const model =
    modelRows.length < p + 2 ? `fewer than ${p + 2} respondents answered every driver` : fitModel(modelRows);
  const draws = names.map((): number[] => []);
  let failed = 0;
  if (typeof model !== "string" && resamples > 0) {
    const random = createRandom(seed);
    const m = modelRows.length;
    const sample = new Array<number>(m);
    for (let b = 0; b < resamples; b++) {
      for (let k = 0; k < m; k++) sample[k] = modelRows[Math.floor(random.nextDouble() * m)] as number;
      const refit = fitModel(sample);
      if (typeof refit === "string") {
        failed++;
        continue;
      }
      refit.importance.forEach((value, d) => {
        (draws[d] as number[]).push(value);
      });
    }
  }
  const alpha = (1 - intervalOptions.level) / 2;
  const results = names.map((name, d): DriverResult => {
    const rows = rowsFor(d);
    const column = values[d] as Float64Array;
    const association = scoreAssociation(
      rows.map((i) => ({ score: scores[i] as number, attributes: { value: column[i] as number } })),
      "value",
      { scale },
    );
    const lookup = lookups[d];
    const byValue = new Map<number, [number, number, number]>();
    for (const i of rows) {
      const value = column[i] as number;
      const score = scores[i] as number;
      let counts = byValue.get(value);
      if (counts === undefined) {
        counts = [0, 0, 0];
        byValue.set(value, counts);
      }
      counts[score >= scale.promoterMin ? 2 : score <= scale.detractorMax ? 0 : 1]++;
    }
    const levels = [...byValue.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([value, counts]): DriverLevel => {
        const tally = { detractors: counts[0], passives: counts[1], promoters: counts[2] };
        const label = lookup?.labels[value - 1];
        return {
          value,
          ...(label === undefined ? {} : { label }),
          tally,
          nps: confidenceInterval(tally, intervalOptions) as ConfidenceInterval,
        };
      });
    const sorted = (draws[d] as number[]).sort((a, b) => a - b);
    return {
      name,
      n: rows.length,
      missing: missingCounts[d] as number,
      rejected: rejectedCounts[d] as number,
      rejectedRows: rejected[d] as RejectedValue[],
      levels,
      spearman: association.rho,
      spearmanPValue: association.pValue,
      importance: typeof model === "string" ? undefined : (model.importance[d] as number),
      importanceInterval:
        sorted.length === 0 ? undefined : { lower: quantile(sorted, alpha), upper: quantile(sorted, 1 - alpha) },
    };
  });
  return {
    kind: "drivers",
    missing,
    n: modelRows.length,
    rSquared: typeof model === "string" ? undefined : model.r2,
    ...(typeof model === "string" ? { modelProblem: model } : {}),
    level: intervalOptions.level,
    resamples,
    failedResamples: failed,
    seed,
    drivers: results,
  };
}

/**
 * The (p + 1) × (p + 1) correlation matrix of the drivers and the score (last), each entry from the
 * rows where both values are present; a string saying why when an entry cannot be computed.
 */
function correlationMatrix(
  values: ReadonlyArray<Float64Array>,
  scores: Float64Array,
  rows: ReadonlyArray<number>,
): Float64Array | string {
  const p = values.length;
  const size = p + 1;
  const matrix = new Float64Array(size * size);
  const column = (j: number): Float64Array => (j === p ? scores : (values[j] as Float64Array));
  for (let a = 0; a < size; a++) {
    matrix[a * size + a] = 1;
    for (let b = 0; b < a; b++) {
      const xa: number[] = [];
      const xb: number[] = [];
      const ca = column(a);
      const cb = column(b);
      for (const i of rows) {
        const va = ca[i] as number;
        const vb = cb[i] as number;
        if (Number.isNaN(va) || Number.isNaN(vb)) continue;
        xa.push(va);
        xb.push(vb);
      }
      const r = pearson(xa, xb);
      if (r === undefined) return "a driver or the score is constant among the respondents used";
      matrix[a * size + b] = r;
      matrix[b * size + a] = r;
    }
  }
  return matrix;
}

/** R's default quantile (type 7) of sorted values. */
function quantile(sorted: ReadonlyArray<number>, probability: number): number {
  const h = (sorted.length - 1) * probability;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return (sorted[low] as number) + (h - low) * ((sorted[high] as number) - (sorted[low] as number));
}
