import type { ColumnarResponses } from "../core/columns.js";
import { countColumnsFor } from "../core/countColumns.js";
import { keyedTalliesOf } from "../core/keyedTallies.js";
import { prepareColumns } from "../core/prepareColumns.js";
import { trendOfTallies } from "./fromTallies.js";
import { resolvePeriodOptions, type Trend, type TrendOptions, timeOf, trendOfPrepared } from "./trend.js";
import { resolveTrendOptions } from "./trendPoint.js";

/**
 * NPS per calendar period for columnar responses: {@link trend} over `columns.times` (epoch ms, `NaN`
 * for undated answers), weighted when `columns.weights` is present, one respondent per period with
 * `respondents: "latest"` (read from `columns.respondentIds`). The result is deep-equal to `trend` on
 * the same responses as objects; the arrays are read once, without building objects.
 *
 * Cost: O(n·log p + p) for n responses and p periods.
 *
 * @param columns - The responses as columns (see {@link ColumnarResponses}); segment columns are not read.
 * @param options - Period, time zone, gaps, respondent policy, interval and scale, as for {@link trend}.
 * @returns The points, the total, and the numbers of dated and undated responses.
 * @throws {@link NpsError} `invalid_option` or `invalid_date` for bad options (as {@link trend});
 * `invalid_score`, `invalid_weight`, `invalid_date` (a time that is neither NaN nor a valid epoch
 * time) and `invalid_input` (a column of another length, a respondent id that is not a string), with
 * the index.
 * @example
 * ```ts
 * import { trendColumns } from "npskit";
 * const columns = {
 *   scores: new Uint8Array([10, 3, 9, 9]),
 *   times: new Float64Array([Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 20), Date.UTC(2026, 1, 2), Number.NaN]),
 * };
 * const result = trendColumns(columns, { period: "month" });
 * result.points.map((point) => [point.label, point.nps]); // => [["2026-01", 0], ["2026-02", 100]]
 * result.undated; // => 1
 * ```
 * @category Columnar
 */
export function trendColumns(columns: ColumnarResponses, options: TrendOptions = {}): Trend {
  const fn = "trendColumns";
  const resolved = resolveTrendOptions(fn, options);
  const { period, fillGaps } = resolvePeriodOptions(fn, options);
  if (resolved.respondents === "all") {
    const tallies = keyedTalliesOf(countColumnsFor(fn, columns, [], timeOf(period, resolved), resolved.scale).sums());
    return trendOfTallies(fn, tallies, { ...options, period });
  }
  const prepared = prepareColumns(fn, columns, resolved.scale, true);
  return trendOfPrepared(prepared, period, fillGaps, resolved, prepared);
}
