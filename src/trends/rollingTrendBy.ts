import type { WeekDay } from "../core/calendar.js";
import { countResponsesFor } from "../core/countResponses.js";
import { keyedTalliesOf } from "../core/keyedTallies.js";
import { commonRange, prepareResponses } from "../core/prepareResponses.js";
import type { NpsResponse } from "../core/response.js";
import type { SegmentBy, SegmentKey } from "../core/segmentKey.js";
import { groupResponsesFor, keyOrder } from "../core/segmentKey.js";
import { rollingTrendByOfTallies } from "./fromTallies.js";
import {
  type RollingStep,
  type RollingTrend,
  type RollingTrendOptions,
  type RollingWindow,
  resolveRollingOptions,
  rollingOfPrepared,
} from "./rollingTrend.js";
import { timeOf } from "./trend.js";
import { type RespondentPolicy, resolveTrendOptions } from "./trendPoint.js";

/**
 * One segment's rolling trend in a {@link RollingTrendBy}.
 *
 * @category Trends
 */
export interface SegmentRollingTrend {
  /** The segment key. */
  readonly key: SegmentKey;
  /** The segment's rolling trend, on the same windows as every other segment. */
  readonly trend: RollingTrend;
}

/**
 * The result of {@link rollingTrendBy}.
 *
 * @category Trends
 */
export interface RollingTrendBy {
  /** Tells per-segment rolling trends apart from other results. */
  readonly kind: "rolling-trend-by-segment";
  /** The window length. */
  readonly window: RollingWindow;
  /** How often a window ends. */
  readonly step: RollingStep;
  /** The time zone in which days were read. */
  readonly timeZone: string;
  /** First day of the week (1 = Monday). */
  readonly weekStartsOn: WeekDay;
  /** The respondent policy. */
  readonly respondents: RespondentPolicy;
  /** One rolling trend per segment, in key order (numbers and numeric text by value, then text; see {@link segmentBy}). */
  readonly segments: ReadonlyArray<SegmentRollingTrend>;
  /** Number of responses in no segment (the attribute absent, or the function returned `undefined`). */
  readonly leftOut: number;
}

/**
 * The same rolling trend within each segment: responses are grouped with {@link groupResponses}, then
 * each group gets a {@link rollingTrend}. Every segment's windows end on the same steps — from the
 * first dated response of all segments to the last — so the lines can be compared window by window.
 * O(n·log n + s·w) for n responses, s segments and w windows.
 *
 * @param responses - Validated responses.
 * @param by - An attribute name or a function of a response returning its segment key.
 * @param options - The options of {@link rollingTrend}.
 * @returns One rolling trend per segment and the number of responses left out.
 * @throws {@link NpsError} as {@link rollingTrend} and {@link groupResponses} do (`invalid_option` for
 * an attribute present on no response).
 * @example
 * ```ts
 * import { rollingTrendBy } from "npskit";
 * const responses = [
 *   { score: 10, date: new Date("2026-03-01T12:00:00Z"), attributes: { plan: "pro" } },
 *   { score: 0, date: new Date("2026-03-02T12:00:00Z"), attributes: { plan: "free" } },
 *   { score: 9, date: new Date("2026-03-03T12:00:00Z"), attributes: { plan: "pro" } },
 * ];
 * const result = rollingTrendBy(responses, "plan", { window: { days: 2 } });
 * result.segments.map((segment) => segment.key); // => ["free", "pro"]
 * result.segments[0]?.trend.points.map((point) => point.n); // => [0, 1, 1]
 * result.segments[1]?.trend.points.map((point) => point.n); // => [1, 1, 1]
 * ```
 * @category Trends
 */
export function rollingTrendBy(
  responses: ReadonlyArray<NpsResponse>,
  by: SegmentBy,
  options: RollingTrendOptions = {},
): RollingTrendBy {
  const resolved = resolveTrendOptions("rollingTrendBy", options);
  const { window, step } = resolveRollingOptions("rollingTrendBy", options);
  if (resolved.respondents === "all") {
    const tallies = keyedTalliesOf(
      countResponsesFor("rollingTrendBy", responses, [by], timeOf("day", resolved), resolved.scale).sums(),
    );
    const { by: _by, ...rest } = options as RollingTrendOptions & { by?: unknown };
    return rollingTrendByOfTallies("rollingTrendBy", tallies, rest);
  }
  const { groups, leftOut } = groupResponsesFor("rollingTrendBy", responses, by);
  const prepared = groups.map((group) =>
    prepareResponses("rollingTrendBy", responses, resolved.scale, group.indices, resolved.respondents === "latest"),
  );
  const range = commonRange(prepared);
  return {
    kind: "rolling-trend-by-segment",
    window,
    step,
    timeZone: resolved.calendar.timeZone,
    weekStartsOn: resolved.calendar.weekStartsOn,
    respondents: resolved.respondents,
    segments: keyOrder(groups.map((group) => group.key)).map((g) => ({
      key: (groups[g] as { key: SegmentKey }).key,
      trend: rollingOfPrepared(prepared[g] as (typeof prepared)[number], window, step, resolved, range),
    })),
    leftOut: leftOut.length,
  };
}
