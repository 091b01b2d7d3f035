import { quantileSorted } from "simple-statistics";
import { NpsError } from "../core/errors.js";
import type { NpsResponse } from "../core/response.js";
import { segmentKeyReader } from "../core/segmentKey.js";
import type { WeightedSums } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";
import { accumulateGroups, countOfSums } from "./accumulate.js";
import { breakdownOf, type SegmentBreakdown } from "./segmentBy.js";
import { resolveSegmentOptions, type SegmentOptions, type SegmentResult } from "./segmentFigures.js";

/**
 * Where a numeric value is read: the name of an attribute, or a function of a response. A value that
 * is not a finite number (missing, `null`, text, `NaN`) leaves the response out.
 *
 * @category Segments
 */
export type NumericValue = string | ((response: NpsResponse) => unknown);

/**
 * Options of {@link segmentByTiers}.
 *
 * @category Segments
 */
export interface SegmentByTiersOptions extends SegmentOptions {
  /**
   * The number of quantile tiers (an integer from 2 to 100: 4 for quartiles, 10 for deciles), or
   * explicit cut points (finite numbers, strictly increasing, at least one).
   * @defaultValue 4
   */
  readonly tiers?: number | ReadonlyArray<number>;
}

/**
 * One tier of {@link segmentByTiers}: a response is in it when `lower ≤ value < upper` (the last
 * quantile tier also holds `upper` itself).
 *
 * @category Segments
 */
export interface TierSegment extends SegmentResult {
  /** The tier number, 1 for the lowest values. */
  readonly key: number;
  /** Lower bound (inclusive); `null` for the first tier of explicit cut points (no bound). */
  readonly lower: number | null;
  /** Upper bound (exclusive, but inclusive for the last quantile tier); `null` for the last tier of cut points. */
  readonly upper: number | null;
}

/**
 * The result of {@link segmentByTiers}.
 *
 * @category Segments
 */
export interface TierBreakdown extends Omit<SegmentBreakdown, "kind"> {
  /** Tells a tier breakdown apart from other results. */
  readonly kind: "tier-breakdown";
  /** The tiers that hold responses, in the requested order. */
  readonly segments: ReadonlyArray<TierSegment>;
  /** How the tiers were made: quantiles of the data, or the cut points given. */
  readonly tiering: "quantiles" | "cut-points";
  /** The cut points used, strictly increasing (tied quantiles are merged). */
  readonly cutPoints: ReadonlyArray<number>;
}

/**
 * NPS by tiers of a numeric attribute (spend, lifetime value, order count): quartiles by default,
 * any number of quantile tiers, or explicit cut points. Each tier has the figures of
 * {@link segmentBy} (interval, comparison with the rest, adjusted p-value, `small` flag).
 *
 * Quantile tiers: the cut points are the quantiles j/k (j = 1 … k − 1) of the values of the responses
 * that have one, computed by simple-statistics `quantileSorted`, which uses linear interpolation
 * between order statistics (Hyndman & Fan type 7, the default of R's `quantile` and NumPy's
 * `percentile`). Unweighted quantiles: weights do not move the cut points. Tied quantiles (many equal
 * values) are merged, so there may be fewer tiers than asked; `cutPoints` lists those used.
 *
 * A value equal to a cut point goes to the upper tier: tiers are [lower, upper). Tier labels show the
 * bounds, "Q1 [0, 120)" … "Q4 [480, 2000]" for quantiles (rounded to 6 significant digits; exact in
 * `lower` and `upper`), "T1 < 100", "T2 [100, 500)", "T3 >= 500" for cut points. Tiers without
 * responses are not listed. Responses whose value is missing or not a finite number are left out and
 * counted. O(n log n) for the sort of the values, then one pass.
 *
 * @param responses - The responses (not mutated).
 * @param value - The numeric attribute's name, or a function of a response returning its value.
 * @param options - `tiers`, and the options of {@link segmentBy}.
 * @returns The tiers, the total, the left-out responses and the cut points.
 * @throws {@link NpsError} `invalid_option` for an attribute that exists on no response, `tiers`
 * outside its range, or another invalid option; `invalid_score`, `invalid_weight`, `invalid_input`
 * for bad responses.
 * @example
 * ```ts
 * import { segmentByTiers } from "npskit";
 * const responses = [10, 40, 70, 100, 130, 160, 190, 220].map((spend, i) => ({
 *   score: i < 4 ? 10 : 3,
 *   attributes: { spend },
 * }));
 * const quartiles = segmentByTiers(responses, "spend", { minResponses: 2 });
 * quartiles.segments.map((tier) => tier.label); // => ["Q1 [10, 62.5)", "Q2 [62.5, 115)", "Q3 [115, 167.5)", "Q4 [167.5, 220]"]
 * quartiles.segments.map((tier) => tier.nps); // => [100, 100, -100, -100]
 * segmentByTiers(responses, "spend", { tiers: [100] }).segments.map((tier) => [tier.label, tier.n]);
 * // => [["T1 < 100", 3], ["T2 >= 100", 5]]
 * ```
 * @category Segments
 */
export function segmentByTiers(
  responses: ReadonlyArray<NpsResponse>,
  value: NumericValue,
  options: SegmentByTiersOptions = {},
): TierBreakdown {
  const fn = "segmentByTiers";
  const resolved = resolveSegmentOptions(fn, options);
  const tiers = options.tiers ?? 4;
  checkTiers(fn, tiers);
  const values = readValues(fn, responses, value);
  const kind = typeof tiers === "number" ? "quantiles" : "cut-points";
  let cutPoints: number[];
  let min = 0;
  let max = 0;
  if (typeof tiers === "number") {
    const sorted = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
    cutPoints = [];
    if (sorted.length > 0) {
      const data = Array.from(sorted);
      min = data[0] as number;
      max = data[data.length - 1] as number;
      for (let j = 1; j < tiers; j++) {
        const cut = quantileSorted(data, j / tiers);
        if (cut > (cutPoints[cutPoints.length - 1] ?? min)) cutPoints.push(cut);
      }
    }
  } else {
    cutPoints = [...tiers];
  }
  const { weighted, sums, leftOut } = accumulateGroups(fn, responses, resolved.scale, (i) => {
    const v = values[i] as number;
    return Number.isNaN(v) ? -1 : tierOf(v, cutPoints);
  });
  const prefix = kind === "quantiles" ? "Q" : "T";
  const groups: { key: number; label: string; lower: number | null; upper: number | null }[] = [];
  const groupSums: WeightedSums[] = [];
  for (let t = 0; t <= cutPoints.length; t++) {
    const tierSums = sums[t];
    if (tierSums === undefined || countOfSums(tierSums, weighted) === 0) continue;
    const first = t === 0;
    const last = t === cutPoints.length;
    const lower = first ? (kind === "quantiles" ? min : null) : (cutPoints[t - 1] as number);
    const upper = last ? (kind === "quantiles" ? max : null) : (cutPoints[t] as number);
    let bounds: string;
    if (kind === "quantiles") bounds = `[${show(lower as number)}, ${show(upper as number)}${last ? "]" : ")"}`;
    else if (lower === null) bounds = upper === null ? "(all)" : `< ${show(upper)}`;
    else bounds = upper === null ? `>= ${show(lower)}` : `[${show(lower)}, ${show(upper)})`;
    groups.push({ key: t + 1, label: `${prefix}${t + 1} ${bounds}`, lower, upper });
    groupSums.push(tierSums);
  }
  const breakdown = breakdownOf(fn, groups, groupSums, weighted, leftOut.length, resolved, leftOut);
  const boundsOf = new Map(groups.map((group) => [group.key, group]));
  return {
    ...breakdown,
    segments: breakdown.segments.map((segment) => {
      const group = boundsOf.get(segment.key as number) as { lower: number | null; upper: number | null };
      return { ...segment, key: segment.key as number, lower: group.lower, upper: group.upper };
    }),
    kind: "tier-breakdown",
    tiering: kind,
    cutPoints,
  };
}

function checkTiers(fn: string, tiers: unknown): asserts tiers is number | ReadonlyArray<number> {
  if (typeof tiers === "number") {
    if (!Number.isInteger(tiers) || tiers < 2 || tiers > 100) {
      throw new NpsError(
        "invalid_option",
        `${fn}: tiers must be an integer from 2 to 100 or an array of cut points, received ${describeValue(tiers)}`,
      );
    }
    return;
  }
  if (!Array.isArray(tiers) || tiers.length === 0) {
    throw new NpsError(
      "invalid_option",
      `${fn}: tiers must be an integer from 2 to 100 or an array of cut points, received ${describeValue(tiers)}`,
    );
  }
  tiers.forEach((cut: unknown, i) => {
    const previous = i > 0 ? (tiers[i - 1] as number) : Number.NEGATIVE_INFINITY;
    if (typeof cut !== "number" || !Number.isFinite(cut) || !(cut > previous)) {
      throw new NpsError(
        "invalid_option",
        `${fn}: tiers[${i}] must be a finite number greater than the cut point before it, received ${describeValue(cut)}`,
      );
    }
  });
}

/** The value of every response as a number, NaN when it is missing or not a finite number. */
export function readValues(fn: string, responses: ReadonlyArray<NpsResponse>, value: NumericValue): Float64Array {
  if (typeof value !== "function" && typeof value !== "string") {
    throw new NpsError(
      "invalid_option",
      `${fn}: value must be an attribute name or a function, received ${describeValue(value)}`,
    );
  }
  const read =
    typeof value === "string"
      ? segmentKeyReader(fn, responses, value)
      : (i: number): unknown => {
          const response = responses[i];
          if (response === null || typeof response !== "object") {
            throw new NpsError(
              "invalid_input",
              `${fn}: response must be an object, received ${describeValue(response)} at index ${i}`,
            );
          }
          return value(response);
        };
  if (!Array.isArray(responses)) {
    throw new NpsError("invalid_input", `${fn}: responses must be an array, received ${describeValue(responses)}`);
  }
  const values = new Float64Array(responses.length);
  for (let i = 0; i < responses.length; i++) {
    const v = read(i);
    values[i] = typeof v === "number" && Number.isFinite(v) ? v : Number.NaN;
  }
  return values;
}

/** The tier of a value: the number of cut points ≤ value (binary search). */
function tierOf(value: number, cutPoints: ReadonlyArray<number>): number {
  let low = 0;
  let high = cutPoints.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cutPoints[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A bound for a label: at most 6 significant digits, no exponent for ordinary magnitudes, no `-0`. */
function show(value: number): string {
  return String(Number(value.toPrecision(6)) + 0);
}
