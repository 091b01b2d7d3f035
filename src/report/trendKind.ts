import type { RollingTrend } from "../trends/rollingTrend.js";
import type { RollingTrendBy } from "../trends/rollingTrendBy.js";
import type { Trend } from "../trends/trend.js";
import type { TrendBy } from "../trends/trendBy.js";

/** Any trend a report shows. */
export type AnyTrend = Trend | TrendBy | RollingTrend | RollingTrendBy;

/** Whether a trend has one series per segment. */
export function isBySegment(trend: AnyTrend): trend is TrendBy | RollingTrendBy {
  return trend.kind === "trend-by-segment" || trend.kind === "rolling-trend-by-segment";
}

/** Whether a trend is over rolling windows. */
export function isRolling(trend: AnyTrend): trend is RollingTrend | RollingTrendBy {
  return trend.kind === "rolling-trend" || trend.kind === "rolling-trend-by-segment";
}
