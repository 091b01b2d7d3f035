import type { ColumnarResponses } from "../core/columns.js";
import { countColumnsFor } from "../core/countColumns.js";
import { keyedTalliesOf } from "../core/keyedTallies.js";
import { segmentsOfTallies } from "./fromTallies.js";
import type { SegmentBreakdown } from "./segmentBy.js";
import { resolveSegmentOptions, type SegmentOptions } from "./segmentFigures.js";

/**
 * NPS by segment for columnar responses: {@link segmentBy} where the segment key of response `i` is
 * `segments[segment].dictionary[codes[i]]` (code −1: left out). The result is deep-equal to
 * `segmentBy` on the same responses as objects with that attribute, computed in one pass over the
 * arrays without building objects. Every score and weight is validated, also those left out; the
 * time and respondent columns are not read.
 *
 * Cost: O(n + d) for n responses and a dictionary of d entries, then O(k log k) for k segments (plus
 * the interval method's cost per segment).
 *
 * @param columns - The responses as columns (see {@link ColumnarResponses}).
 * @param segment - The name of the segment column in `columns.segments`.
 * @param options - Interval, comparison, adjustment, minimum size, order and scale, as for {@link segmentBy}.
 * @returns The segments, the total (`undefined` when every code is −1) and the responses left out.
 * @throws {@link NpsError} `invalid_option` for a segment column that does not exist or an option
 * outside its range; `invalid_score`, `invalid_weight` for bad values and `invalid_input` for a code
 * outside the dictionary or a column of another length (with the index).
 * @example
 * ```ts
 * import { roundScore, segmentColumns } from "npskit";
 * const columns = {
 *   scores: new Uint8Array([10, 9, 3, 10, 8, 2]),
 *   segments: { plan: { codes: new Uint8Array([0, 0, 0, 1, 1, 1]), dictionary: ["pro", "free"] } },
 * };
 * const result = segmentColumns(columns, "plan");
 * result.segments.map((segment) => [segment.key, segment.n, roundScore(segment.nps ?? 0, 2)]); // => [["free", 3, 0], ["pro", 3, 33.33]]
 * ```
 * @category Columnar
 */
export function segmentColumns(
  columns: ColumnarResponses,
  segment: string,
  options: SegmentOptions = {},
): SegmentBreakdown {
  const fn = "segmentColumns";
  const { scale } = resolveSegmentOptions(fn, options);
  const leftOut: number[] = [];
  const tallies = keyedTalliesOf(countColumnsFor(fn, columns, [segment], null, scale, leftOut).sums());
  return segmentsOfTallies(fn, tallies, options, leftOut);
}
