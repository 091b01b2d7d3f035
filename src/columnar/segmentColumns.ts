import type { SegmentKey } from "../core/segmentKey.js";
import { keyLabel } from "../core/segmentKey.js";
import { newWeightedSums, type WeightedSums } from "../core/tally.js";
import { breakdownOf, type SegmentBreakdown } from "../segments/segmentBy.js";
import { resolveSegmentOptions, type SegmentOptions } from "../segments/segmentFigures.js";
import {
  type ColumnarResponses,
  categoryAt,
  codeAt,
  columnsLength,
  optionalColumn,
  segmentColumn,
  weightAt,
} from "./columns.js";

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
  const resolved = resolveSegmentOptions(fn, options);
  const scale = resolved.scale;
  const length = columnsLength(fn, columns);
  const weights = optionalColumn(fn, "weights", columns.weights, length);
  const column = segmentColumn(fn, columns, segment, length);
  const scores = columns.scores;
  // Dictionary code → group index (−2: not seen yet); groups in order of first appearance, equal keys merged.
  const groupOfCode = new Int32Array(column.dictionary.length).fill(-2);
  const positions = new Map<SegmentKey, number>();
  const keys: SegmentKey[] = [];
  const sums: WeightedSums[] = [];
  const leftOut: number[] = [];
  for (let i = 0; i < length; i++) {
    const category = categoryAt(fn, scores, i, scale);
    const weight = weights === undefined ? 1 : weightAt(fn, weights, i);
    const code = codeAt(fn, segment, column, i);
    if (code < 0) {
      leftOut.push(i);
      continue;
    }
    let group = groupOfCode[code] as number;
    if (group === -2) {
      const key = column.dictionary[code] as SegmentKey;
      let position = positions.get(key);
      if (position === undefined) {
        position = keys.length;
        positions.set(key, position);
        keys.push(key);
        sums.push(newWeightedSums());
      }
      group = position;
      groupOfCode[code] = group;
    }
    const target = sums[group] as WeightedSums;
    target[category] = (target[category] as number) + weight;
    if (weights !== undefined) {
      target[3 + category] = (target[3 + category] as number) + weight * weight;
      target[6 + category] = (target[6 + category] as number) + 1;
    }
  }
  return breakdownOf(
    fn,
    keys.map((key) => ({ key, label: keyLabel(key) })),
    sums,
    weights !== undefined,
    leftOut,
    resolved,
  );
}
