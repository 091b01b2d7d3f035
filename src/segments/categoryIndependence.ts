import { NpsError } from "../core/errors.js";
import type { NpsResponse } from "../core/response.js";
import { type Scale, STANDARD_SCALE } from "../core/scale.js";
import type { SegmentBy, SegmentKey } from "../core/segmentKey.js";
import { compareKeys, keyLabel } from "../core/segmentKey.js";
import type { CategoryValues, WeightedSums } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";
import { chiSquareSurvival } from "../internal/gamma.js";
import { accumulateByKey, countOfSums, weightOfSums } from "./accumulate.js";

/**
 * Options of {@link categoryIndependence}.
 *
 * @category Segments
 */
export interface CategoryIndependenceOptions {
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * One row (segment) of the table tested by {@link categoryIndependence}.
 *
 * @category Segments
 */
export interface IndependenceRow {
  /** The segment key. */
  readonly key: SegmentKey;
  /** A printable label. */
  readonly label: string;
  /** Number of responses. */
  readonly n: number;
  /** Observed counts per category (effective counts when weighted). */
  readonly observed: CategoryValues;
  /** Expected counts under independence (0 for a dropped category). */
  readonly expected: CategoryValues;
}

/**
 * The result of {@link categoryIndependence}: Pearson's chi-square test of the segment × category table.
 *
 * @category Segments
 */
export interface CategoryIndependence {
  /** Tells this result apart from others. */
  readonly kind: "category-independence";
  /** Pearson's X² = Σ (O − E)²/E; `undefined` when fewer than 2 segments or 2 non-empty categories. */
  readonly statistic: number | undefined;
  /** Degrees of freedom (rows − 1)·(columns − 1) of the table tested (0 when there is no test). */
  readonly df: number;
  /** Pr(χ²_df ≥ X²), accurate in the tail; `undefined` when `statistic` is. */
  readonly pValue: number | undefined;
  /** The categories in the table: those with a non-zero total. */
  readonly categories: ReadonlyArray<keyof CategoryValues>;
  /** The segments, in key order. */
  readonly rows: ReadonlyArray<IndependenceRow>;
  /** Number of segmented responses. */
  readonly n: number;
  /** Number of responses left out (no segment key). */
  readonly leftOut: number;
  /** Whether the counts are effective counts from weighted responses. */
  readonly weighted: boolean;
  /** Number of expected counts below 5 (in the categories tested). */
  readonly smallExpected: number;
  /**
   * A warning when any expected count is below 5 (R's rule): the chi-square approximation may be
   * inaccurate. `undefined` otherwise.
   */
  readonly warning: string | undefined;
}

const CATEGORIES = ["promoters", "passives", "detractors"] as const;

/**
 * Tests whether the promoter / passive / detractor mix is the same in every segment: Pearson's
 * chi-square test of independence on the segments × categories table of counts, X² = Σ (O − E)²/E
 * with E = row total × column total / n, df = (r − 1)(c − 1), as R `chisq.test(table)` (no continuity
 * correction, which R applies to 2 × 2 tables only; npskit never does). This tests the whole mix,
 * not the NPS: two segments with the same NPS but different passive shares differ here.
 *
 * The p-value is Pr(χ²_df ≥ X²) = Q(df/2, X²/2), the regularised upper incomplete gamma function
 * computed by its continued fraction in the tail (Numerical Recipes §6.2 `gammq`; Cephes `igamc`), so
 * tiny p-values keep their relative accuracy (no 1 − P cancellation).
 *
 * Categories with a zero total (no passives anywhere) are dropped from the table, since they carry
 * no information and make the expected counts 0 (R would return NaN); `categories` lists those
 * kept. When any expected count is below 5 the result carries a `warning` (R: "Chi-squared
 * approximation may be incorrect"). Weighted responses: the table holds effective counts
 * n_eff·(weighted shares) of each segment, a Kish design-effect correction (a heuristic, like the
 * weighted intervals). Left-out responses are counted. One pass; O(k log k) for k segments.
 *
 * @param responses - The responses (not mutated).
 * @param by - An attribute name or a function (see {@link groupResponses}).
 * @param options - The scale.
 * @returns The statistic, df, p-value and the table; `statistic` and `pValue` `undefined` when there
 * are fewer than 2 segments or fewer than 2 categories with responses.
 * @throws {@link NpsError} `invalid_option` for an attribute that exists on no response;
 * `invalid_score`, `invalid_weight`, `invalid_input` for bad responses.
 * @example
 * ```ts
 * import { categoryIndependence, roundScore } from "npskit";
 * const group = (plan: string, promoters: number, passives: number, detractors: number) => [
 *   ...Array.from({ length: promoters }, () => ({ score: 10, attributes: { plan } })),
 *   ...Array.from({ length: passives }, () => ({ score: 8, attributes: { plan } })),
 *   ...Array.from({ length: detractors }, () => ({ score: 2, attributes: { plan } })),
 * ];
 * const result = categoryIndependence([...group("pro", 30, 10, 10), ...group("free", 15, 15, 20)], "plan");
 * [roundScore(result.statistic ?? 0, 4), result.df, roundScore(result.pValue ?? 0, 6)]; // => [9.3333, 2, 0.009404]
 * result.warning; // => undefined
 * ```
 * @category Segments
 */
export function categoryIndependence(
  responses: ReadonlyArray<NpsResponse>,
  by: SegmentBy,
  options: CategoryIndependenceOptions = {},
): CategoryIndependence {
  const fn = "categoryIndependence";
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const scale = options.scale ?? STANDARD_SCALE;
  const { keys, sums, weighted, leftOut } = accumulateByKey(fn, responses, by, scale);
  const order = keys.map((_, g) => g).sort((g, h) => compareKeys(keys[g] as SegmentKey, keys[h] as SegmentKey));
  const table = order.map((g) => observedOf(sums[g] as WeightedSums, weighted));
  const columnTotals = CATEGORIES.map((category) => table.reduce((sum, row) => sum + row[category], 0));
  const kept = CATEGORIES.filter((_, j) => (columnTotals[j] as number) > 0);
  const total = columnTotals.reduce((sum, value) => sum + value, 0);
  const testable = table.length >= 2 && kept.length >= 2;
  let statistic = 0;
  let smallExpected = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  const rows = order.map((g, i): IndependenceRow => {
    const observed = table[i] as CategoryValues;
    const rowTotal = observed.promoters + observed.passives + observed.detractors;
    const expectedOf = (category: keyof CategoryValues): number => {
      const columnTotal = columnTotals[CATEGORIES.indexOf(category)] as number;
      if (columnTotal === 0) return 0;
      const expected = (rowTotal * columnTotal) / total;
      const difference = observed[category] - expected;
      statistic += (difference * difference) / expected;
      if (expected < 5) smallExpected++;
      minExpected = Math.min(minExpected, expected);
      return expected;
    };
    const expected = {
      promoters: expectedOf("promoters"),
      passives: expectedOf("passives"),
      detractors: expectedOf("detractors"),
    };
    const key = keys[g] as SegmentKey;
    return { key, label: keyLabel(key), n: countOfSums(sums[g] as WeightedSums, weighted), observed, expected };
  });
  const df = testable ? (rows.length - 1) * (kept.length - 1) : 0;
  const n = rows.reduce((sum, row) => sum + row.n, 0);
  const warning =
    testable && smallExpected > 0
      ? `chi-square approximation may be inaccurate: ${smallExpected} of ${rows.length * kept.length} expected counts are below 5 (smallest ${Number(minExpected.toPrecision(3))})`
      : undefined;
  return {
    kind: "category-independence",
    statistic: testable ? statistic : undefined,
    df,
    pValue: testable ? chiSquareSurvival(statistic, df) : undefined,
    categories: kept,
    rows,
    n,
    leftOut: leftOut.length,
    weighted,
    smallExpected: testable ? smallExpected : 0,
    warning,
  };
}

/** A segment's counts, or its effective counts n_eff·(weighted shares) when weighted. */
function observedOf(sums: WeightedSums, weighted: boolean): CategoryValues {
  const promoters = sums[0] as number;
  const passives = sums[1] as number;
  const detractors = sums[2] as number;
  if (!weighted) return { promoters, passives, detractors };
  const weight = weightOfSums(sums);
  const squares = (sums[3] as number) + (sums[4] as number) + (sums[5] as number);
  const scale = weight / squares; // n_eff / W = W / Σw²
  return { promoters: promoters * scale, passives: passives * scale, detractors: detractors * scale };
}
