import type { ColumnarResponses } from "../core/columns.js";
import { countColumnsFor } from "../core/countColumns.js";
import { keyedTalliesOf } from "../core/keyedTallies.js";
import { prepareColumns } from "../core/prepareColumns.js";
import { rollingTrendOfTallies } from "./fromTallies.js";
import {
  type RollingTrend,
  type RollingTrendOptions,
  resolveRollingOptions,
  rollingOfPrepared,
} from "./rollingTrend.js";
import { timeOf } from "./trend.js";
import { resolveTrendOptions } from "./trendPoint.js";

/**
 * NPS over trailing windows for columnar responses: {@link rollingTrend} over `columns.times` (epoch
 * ms, `NaN` for undated answers), weighted when `columns.weights` is present. The result is deep-equal
 * to `rollingTrend` on the same responses as objects; the arrays are read once, without building
 * objects.
 *
 * Cost: O(n·log d + d + w) for n responses, d days and w windows.
 *
 * @param columns - The responses as columns (see {@link ColumnarResponses}); segment columns are not read.
 * @param options - Window, step, time zone, respondent policy, interval and scale, as for {@link rollingTrend}.
 * @returns The windows and the numbers of dated and undated responses.
 * @throws {@link NpsError} `invalid_option` or `invalid_date` for bad options (as {@link rollingTrend});
 * `invalid_score`, `invalid_weight`, `invalid_date` and `invalid_input` for bad columns, with the index.
 * @example
 * ```ts
 * import { rollingTrendColumns } from "npskit";
 * const columns = {
 *   scores: [10, 3, 9],
 *   times: [Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 3)],
 * };
 * const result = rollingTrendColumns(columns, { window: { days: 2 } });
 * result.points.map((point) => [point.label, point.n]); // => [["2026-03-01", 1], ["2026-03-02", 2], ["2026-03-03", 2]]
 * ```
 * @category Columnar
 */
export function rollingTrendColumns(columns: ColumnarResponses, options: RollingTrendOptions = {}): RollingTrend {
  const fn = "rollingTrendColumns";
  const resolved = resolveTrendOptions(fn, options);
  const { window, step } = resolveRollingOptions(fn, options);
  if (resolved.respondents === "all") {
    const tallies = keyedTalliesOf(countColumnsFor(fn, columns, [], timeOf("day", resolved), resolved.scale).sums());
    return rollingTrendOfTallies(fn, tallies, options);
  }
  const prepared = prepareColumns(fn, columns, resolved.scale, true);
  return rollingOfPrepared(prepared, window, step, resolved, prepared);
}
