import { checkOptions } from "../core/checkOptions.js";
import { NpsError } from "../core/errors.js";
import { sumTallies } from "../core/mergeTallies.js";
import { nps } from "../core/nps.js";
import { shares } from "../core/shares.js";
import type { Tally } from "../core/tally.js";
import { clipPoints } from "../inference/counts.js";
import { standardError } from "../inference/standardError.js";
import { describeValue } from "../internal/describe.js";

/**
 * What {@link controlLimits} reads from a point (a {@link TrendPoint} has all of it).
 *
 * @category Trends
 */
export interface ControlPoint {
  /** The point's label. */
  readonly label: string;
  /** The point's tally. */
  readonly tally: Tally;
  /** The interval, whose `effectiveN` is used for weighted tallies; `undefined` for an empty point. */
  readonly interval?:
    | {
        /** Kish effective sample size of the point. */
        readonly effectiveN: number;
      }
    | undefined;
}

/**
 * Options of {@link controlLimits}.
 *
 * @category Trends
 */
export interface ControlLimitsOptions {
  /** Half-width of the band in standard errors, a finite number > 0. @defaultValue 3 */
  readonly sigma?: number;
}

/**
 * The band of one point.
 *
 * @category Trends
 */
export interface ControlLimitPoint {
  /** The point's label. */
  readonly label: string;
  /** The point's NPS, `undefined` when it has no responses. */
  readonly nps: number | undefined;
  /** Effective number of responses the band is computed for (n when unweighted). */
  readonly n: number;
  /** Lower limit in points, clipped to −100; `undefined` when the point has no responses. */
  readonly lower: number | undefined;
  /** Upper limit in points, clipped to 100; `undefined` when the point has no responses. */
  readonly upper: number | undefined;
  /** Whether the NPS is strictly outside the band (false for an empty point). */
  readonly outside: boolean;
}

/**
 * Control limits of a trend, made by {@link controlLimits}.
 *
 * @category Trends
 */
export interface ControlLimits {
  /** Tells this result apart from others. */
  readonly kind: "control-limits";
  /** The centre line: the NPS of all the points' responses pooled; `undefined` when there are none. */
  readonly center: number | undefined;
  /** The half-width in standard errors. */
  readonly sigma: number;
  /** One band per point, in the order given. */
  readonly points: ReadonlyArray<ControlLimitPoint>;
}

/**
 * For each point, the band an unchanged process would stay in given its number of responses — a
 * p-chart for NPS, so a dashboard can flag surprising periods. The centre is the pooled NPS of all
 * the points (their tallies merged); each point's limits are centre ± sigma·SEᵢ, where SEᵢ is the
 * multinomial standard error of the NPS ({@link standardError}) at the pooled shares with the point's
 * n (its effective n when weighted), clipped to [−100, 100]. With 3 sigma, a stable process puts
 * about 3 points in 1000 outside by chance. Use calendar periods: rolling windows overlap, so their
 * pooled tally counts responses several times. O(points).
 *
 * @param points - Points of a {@link trend} (or anything with `label`, `tally` and `interval`).
 * @param options - The width of the band.
 * @returns The centre and one band per point.
 * @throws {@link NpsError} `invalid_option` for a sigma that is not a finite number > 0;
 * `invalid_tally` for a malformed tally or tallies on different scales; `invalid_input` when
 * `points` is not an array.
 * @example
 * ```ts
 * import { controlLimits, roundScore } from "npskit";
 * const result = controlLimits([
 *   { label: "2026-01", tally: { promoters: 50, passives: 30, detractors: 20 } },
 *   { label: "2026-02", tally: { promoters: 50, passives: 30, detractors: 20 } },
 *   { label: "2026-03", tally: { promoters: 20, passives: 30, detractors: 50 } },
 * ]);
 * roundScore(result.center ?? 0, 2); // => 10
 * result.points.map((point) => point.outside); // => [false, false, true]
 * [roundScore(result.points[2]?.lower ?? 0, 2), roundScore(result.points[2]?.upper ?? 0, 2)]; // => [-14.92, 34.92]
 * ```
 * @category Trends
 */
export function controlLimits(points: ReadonlyArray<ControlPoint>, options: ControlLimitsOptions = {}): ControlLimits {
  checkOptions("controlLimits", options);
  const { sigma = 3 } = options;
  if (typeof sigma !== "number" || !Number.isFinite(sigma) || sigma <= 0) {
    throw new NpsError(
      "invalid_option",
      `controlLimits: sigma must be a finite number greater than 0, received ${describeValue(sigma)}`,
    );
  }
  if (!Array.isArray(points)) {
    throw new NpsError("invalid_input", `controlLimits: points must be an array, received ${describeValue(points)}`);
  }
  const pooled = sumTallies(
    "controlLimits",
    points.map((point: ControlPoint) => point?.tally),
  );
  const center = nps(pooled);
  const pooledShares = shares(pooled);
  const bands = points.map((point: ControlPoint): ControlLimitPoint => {
    const value = nps(point.tally);
    const n = value === undefined ? 0 : (point.interval?.effectiveN ?? countOf(point.tally));
    if (value === undefined || center === undefined || pooledShares === undefined) {
      return { label: point.label, nps: value, n, lower: undefined, upper: undefined, outside: false };
    }
    const spread =
      sigma *
      (standardError({
        promoters: pooledShares.promoters * n,
        passives: pooledShares.passives * n,
        detractors: pooledShares.detractors * n,
      }) ?? 0);
    const lower = clipPoints(center - spread);
    const upper = clipPoints(center + spread);
    return { label: point.label, nps: value, n, lower, upper, outside: value < lower || value > upper };
  });
  return { kind: "control-limits", center, sigma, points: bands };
}

/** Number of responses of a tally (its counts when weighted). */
function countOf(tally: Tally): number {
  const counts = tally.weighted?.counts ?? tally;
  return counts.promoters + counts.passives + counts.detractors;
}
