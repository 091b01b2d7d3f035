import type { TrendPeriod, WeekDay } from "../core/calendar.js";
import { countResponsesFor } from "../core/countResponses.js";
import { keyedTalliesOf } from "../core/keyedTallies.js";
import { commonRange, prepareResponses } from "../core/prepareResponses.js";
import type { NpsResponse } from "../core/response.js";
import type { SegmentBy, SegmentKey } from "../core/segmentKey.js";
import { groupResponsesFor, keyOrder } from "../core/segmentKey.js";
import { trendByOfTallies } from "./fromTallies.js";
import { resolvePeriodOptions, type Trend, type TrendOptions, timeOf, trendOfPrepared } from "./trend.js";
import { type RespondentPolicy, resolveTrendOptions } from "./trendPoint.js";

/**
 * The trend of one segment.
 *
 * @category Trends
 */
export interface SegmentTrend {
  /** The segment key. */
  readonly key: SegmentKey;
  /** The segment's trend, on the same periods as every other segment. */
  readonly trend: Trend;
}

/**
 * Trends per segment, made by {@link trendBy}.
 *
 * @category Trends
 */
export interface TrendBy {
  /** Tells per-segment calendar trends apart from other results. */
  readonly kind: "trend-by-segment";
  /** The calendar period of each point. */
  readonly period: TrendPeriod;
  /** The time zone in which periods were read. */
  readonly timeZone: string;
  /** First day of the week (1 = Monday, ISO weeks). */
  readonly weekStartsOn: WeekDay;
  /** The respondent policy. */
  readonly respondents: RespondentPolicy;
  /** One trend per segment, in key order (numbers and numeric text by value, then text; see {@link segmentBy}). */
  readonly segments: ReadonlyArray<SegmentTrend>;
  /** Number of responses in no segment (the attribute absent, or the function returned `undefined`). */
  readonly leftOut: number;
}

/**
 * The same trend within each segment: responses are grouped with {@link groupResponses} (by an
 * attribute name or a function), then each group gets a {@link trend}. Every segment's points cover
 * the same periods — from the first dated response of all segments to the last — so the trends line
 * up (with `fillGaps: false`, a segment's periods without responses are left out). O(n·log p + s·p)
 * for n responses, s segments and p periods.
 *
 * @param responses - Validated responses.
 * @param by - An attribute name or a function of a response returning its segment key.
 * @param options - The options of {@link trend}.
 * @returns One trend per segment and the number of responses left out.
 * @throws {@link NpsError} as {@link trend} and {@link groupResponses} do (`invalid_option` for an
 * attribute present on no response).
 * @example
 * ```ts
 * import { trendBy } from "npskit";
 * const responses = [
 *   { score: 10, date: new Date("2026-01-15T10:00:00Z"), attributes: { plan: "pro" } },
 *   { score: 3, date: new Date("2026-03-20T10:00:00Z"), attributes: { plan: "free" } },
 *   { score: 9, date: new Date("2026-03-01T00:00:00Z"), attributes: { plan: "pro" } },
 * ];
 * const result = trendBy(responses, "plan", { period: "month" });
 * result.segments.map((segment) => segment.key); // => ["free", "pro"]
 * result.segments[0]?.trend.points.map((point) => point.nps); // => [undefined, undefined, -100]
 * ```
 * @category Trends
 */
export function trendBy(responses: ReadonlyArray<NpsResponse>, by: SegmentBy, options: TrendOptions = {}): TrendBy {
  const resolved = resolveTrendOptions("trendBy", options);
  const { period, fillGaps } = resolvePeriodOptions("trendBy", options);
  if (resolved.respondents === "all") {
    const tallies = keyedTalliesOf(
      countResponsesFor("trendBy", responses, [by], timeOf(period, resolved), resolved.scale).sums(),
    );
    const { by: _by, ...rest } = options as TrendOptions & { by?: unknown };
    return trendByOfTallies("trendBy", tallies, { ...rest, period });
  }
  const { groups, leftOut } = groupResponsesFor("trendBy", responses, by);
  const prepared = groups.map((group) => prepareResponses("trendBy", responses, resolved.scale, group.indices));
  const range = commonRange(prepared);
  return {
    kind: "trend-by-segment",
    period,
    timeZone: resolved.calendar.timeZone,
    weekStartsOn: resolved.calendar.weekStartsOn,
    respondents: resolved.respondents,
    segments: keyOrder(groups.map((group) => group.key)).map((g) => ({
      key: (groups[g] as { key: SegmentKey }).key,
      trend: trendOfPrepared(prepared[g] as (typeof prepared)[number], period, fillGaps, resolved, range),
    })),
    leftOut: leftOut.length,
  };
}
