import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { checkLevel } from "../core/options.js";
import type { Tally } from "../core/tally.js";
import { confidenceInterval } from "../inference/confidenceInterval.js";
import { criticalValue, twoSidedPValue } from "../inference/normal.js";
import { describeValue } from "../internal/describe.js";

/**
 * What {@link trendSlope} reads from a point (a {@link TrendPoint} has all of it).
 *
 * @category Trends
 */
export interface SlopePoint {
  /** Position on the time axis (periods since the first one). */
  readonly index: number;
  /** The point's tally. */
  readonly tally: Tally;
  /** The NPS in points, `undefined` when the point has no responses. */
  readonly nps: number | undefined;
  /** Standard error of the NPS in points, `undefined` when the point has no responses. */
  readonly standardError: number | undefined;
}

/**
 * Options of {@link trendSlope}.
 *
 * @category Trends
 */
export interface TrendSlopeOptions {
  /** Two-sided confidence level of the slope's interval, strictly between 0 and 1. @defaultValue 0.95 */
  readonly level?: number;
}

/**
 * The linear trend of NPS per period, made by {@link trendSlope}.
 *
 * @category Trends
 */
export interface TrendSlope {
  /** Tells this result apart from others. */
  readonly kind: "trend-slope";
  /** Change of NPS per period, in points. */
  readonly slope: number;
  /** Fitted NPS at index 0, in points. */
  readonly intercept: number;
  /** Standard error of the slope, in points per period. */
  readonly standardError: number;
  /** z = slope / standardError. */
  readonly statistic: number;
  /** Two-sided p-value 2·Φ(−|z|) of "no linear trend". */
  readonly pValue: number;
  /** Lower bound of the slope's interval. */
  readonly lower: number;
  /** Upper bound of the slope's interval. */
  readonly upper: number;
  /** The confidence level used. */
  readonly level: number;
  /** Number of points used (those with responses). */
  readonly points: number;
}

/**
 * "Is NPS going up?": the weighted least-squares line of NPS on the period index, each point weighted
 * by its precision 1/SE², with the slope's standard error sqrt(1/Σwᵢ(xᵢ − x̄)²) (the standard errors
 * taken as known), z = slope/SE and the normal two-sided p-value.
 *
 * Points without responses are left out. A point whose standard error is 0 (every answer in one
 * category, e.g. 3 promoters) would get an infinite weight: it is weighted with the standard error
 * of the +3 adjusted Wald interval instead (see {@link confidenceInterval}), which is never 0.
 * The points are taken as independent samples: use calendar periods, not rolling windows (which
 * overlap and would make the p-value far too small), and read the result with care when the same
 * customers answer in every period. O(points).
 *
 * @param points - Points of a {@link trend} (or anything with `index`, `tally`, `nps`, `standardError`).
 * @param options - The confidence level.
 * @returns The slope, or `undefined` when fewer than two points with responses, at different indices, remain.
 * @throws {@link NpsError} `invalid_option` for a level outside (0, 1); `invalid_input` when `points`
 * is not an array or a point's index is not a finite number.
 * @example
 * ```ts
 * import { roundScore, trendSlope } from "npskit";
 * const point = (index: number, promoters: number, detractors: number) => {
 *   const tally = { promoters, passives: 100 - promoters - detractors, detractors };
 *   const p = promoters / 100;
 *   const d = detractors / 100;
 *   return { index, tally, nps: 100 * (p - d), standardError: 100 * Math.sqrt((p + d - (p - d) ** 2) / 100) };
 * };
 * const result = trendSlope([point(0, 40, 30), point(1, 45, 25), point(2, 50, 20)]);
 * roundScore(result?.slope ?? 0, 2); // => 10
 * roundScore(result?.pValue ?? 1, 4); // => 0.0792
 * trendSlope([point(0, 40, 30)]); // => undefined
 * ```
 * @category Trends
 */
export function trendSlope(points: ReadonlyArray<SlopePoint>, options: TrendSlopeOptions = {}): TrendSlope | undefined {
  checkOptions("trendSlope", options);
  const { level = 0.95 } = options;
  checkLevel("trendSlope", level);
  if (!Array.isArray(points)) {
    throw new NpsError("invalid_input", `trendSlope: points must be an array, received ${describeValue(points)}`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  points.forEach((point: SlopePoint, i) => {
    if (typeof point?.index !== "number" || !Number.isFinite(point.index)) {
      throw new NpsError(
        "invalid_input",
        `trendSlope: index must be a finite number, received ${describeValue(point?.index)} at index ${i}`,
      );
    }
    if (point.nps === undefined || point.standardError === undefined) return;
    const standardError =
      point.standardError > 0
        ? point.standardError
        : (confidenceInterval(point.tally, { method: "adjusted-wald" })?.standardError ?? 0);
    if (!(standardError > 0)) return;
    xs.push(point.index);
    ys.push(point.nps);
    ws.push(1 / (standardError * standardError));
  });
  let sumW = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < xs.length; i++) {
    const w = ws[i] as number;
    sumW += w;
    sumX += w * (xs[i] as number);
    sumY += w * (ys[i] as number);
  }
  const meanX = sumX / sumW;
  const meanY = sumY / sumW;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    const w = ws[i] as number;
    const dx = (xs[i] as number) - meanX;
    sxx += w * dx * dx;
    sxy += w * dx * ((ys[i] as number) - meanY);
  }
  if (xs.length < 2 || !(sxx > 0)) return undefined;
  const slope = sxy / sxx + 0;
  const standardError = Math.sqrt(1 / sxx);
  const statistic = slope / standardError;
  const z = criticalValue(level);
  return {
    kind: "trend-slope",
    slope,
    intercept: meanY - slope * meanX + 0,
    standardError,
    statistic,
    pValue: twoSidedPValue(statistic),
    lower: slope - z * standardError,
    upper: slope + z * standardError,
    level,
    points: xs.length,
  };
}
