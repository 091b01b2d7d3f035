import { countResponsesFor } from "../core/countResponses.js";
import { NpsError } from "../core/errors.js";
import { keyedTalliesOf } from "../core/keyedTallies.js";
import type { NpsResponse } from "../core/response.js";
import { compareKeys, keyLabel, type SegmentBy, type SegmentKey } from "../core/segmentKey.js";
import type { WeightedSums } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";
import { crossSegmentsOfTallies } from "./fromTallies.js";
import {
  type HiddenSegments,
  type ResolvedSegmentOptions,
  resolveSegmentOptions,
  type SegmentFigures,
  type SegmentOptions,
  type SegmentSettings,
  type SegmentTotal,
  segmentFigures,
  settingsOf,
  sortOrder,
} from "./segmentFigures.js";

/**
 * One cell of {@link crossSegment}: the responses with both keys.
 *
 * @category Segments
 */
export interface CrossSegmentCell extends SegmentFigures {
  /** The key of the first and of the second segmentation. */
  readonly keys: readonly [SegmentKey, SegmentKey];
}

/**
 * The result of {@link crossSegment}.
 *
 * @category Segments
 */
export interface CrossSegmentBreakdown {
  /** Tells a cross breakdown apart from other results. */
  readonly kind: "cross-segment-breakdown";
  /** The non-empty cells, in the requested order (by key: first key, then second key). */
  readonly cells: ReadonlyArray<CrossSegmentCell>;
  /** All responses with both keys together; `undefined` when there are none. */
  readonly total: SegmentTotal | undefined;
  /** Number of responses left out (no key in either segmentation). */
  readonly leftOut: number;
  /**
   * Indices of the responses left out, ascending; absent when computed from keyed tallies
   * ({@link crossSegmentsFromTallies}), which do not know indices.
   */
  readonly leftOutIndices?: ReadonlyArray<number>;
  /** The options used, defaults filled in. */
  readonly settings: SegmentSettings;
  /**
   * The segments not shown ({@link limitSegments}); absent when every segment is shown. The total
   * and the comparisons with the rest still count them.
   */
  readonly hidden?: HiddenSegments;
  /** `true` when the small segments come last, apart from the others ({@link limitSegments}); absent otherwise. */
  readonly smallApart?: true;
}

/**
 * Two-way segmentation (plan × country, persona × channel): one cell per pair of keys that has
 * responses, with the same figures as {@link segmentBy} — NPS with its interval, share, the comparison
 * of the cell with every other cell's responses (the rest), p-values adjusted across all cells, and
 * the `small` flag. Cells are small quickly (k × m of them): read the flags.
 *
 * A response without a key in either segmentation is left out and counted. Cell labels are
 * `"<first> × <second>"`. Sorting by key orders by the first key, then the second (key order of
 * {@link segmentBy}). One pass over the responses; O(c log c) for c cells.
 *
 * @param responses - The responses (not mutated).
 * @param by - Two segmentations, each an attribute name or a function (see {@link groupResponses}).
 * @param options - As {@link segmentBy}.
 * @returns The cells, their total and the left-out responses.
 * @throws {@link NpsError} `invalid_option` when `by` is not a pair, for an attribute that exists on no
 * response, or an option outside its range; `invalid_score`, `invalid_weight`, `invalid_input` for bad
 * responses.
 * @example
 * ```ts
 * import { crossSegment } from "npskit";
 * const responses = [
 *   { score: 10, attributes: { plan: "pro", country: "FR" } },
 *   { score: 9, attributes: { plan: "pro", country: "DE" } },
 *   { score: 3, attributes: { plan: "free", country: "FR" } },
 *   { score: 8, attributes: { plan: "pro", country: "FR" } },
 * ];
 * const result = crossSegment(responses, ["plan", "country"]);
 * result.cells.map((cell) => [cell.label, cell.n, cell.nps]);
 * // => [["free × FR", 1, -100], ["pro × DE", 1, 100], ["pro × FR", 2, 50]]
 * ```
 * @category Segments
 */
export function crossSegment(
  responses: ReadonlyArray<NpsResponse>,
  by: readonly [SegmentBy, SegmentBy],
  options: SegmentOptions = {},
): CrossSegmentBreakdown {
  const fn = "crossSegment";
  const resolved = resolveSegmentOptions(fn, options);
  if (!Array.isArray(by) || by.length !== 2) {
    throw new NpsError(
      "invalid_option",
      `${fn}: by must be a pair of attribute names or functions, received ${describeValue(by)}`,
    );
  }
  const leftOut: number[] = [];
  const tallies = keyedTalliesOf(countResponsesFor(fn, responses, by, null, resolved.scale, leftOut).sums());
  return crossSegmentsOfTallies(fn, tallies, options, leftOut);
}

/** Builds a {@link CrossSegmentBreakdown} from the key pairs of the cells and their running sums. */
export function crossBreakdownOf(
  fn: string,
  keys: ReadonlyArray<readonly [SegmentKey, SegmentKey]>,
  sums: ReadonlyArray<WeightedSums>,
  weighted: boolean,
  leftOut: number,
  resolved: ResolvedSegmentOptions,
  leftOutIndices?: ReadonlyArray<number>,
): CrossSegmentBreakdown {
  const { figures, total } = segmentFigures(
    fn,
    keys.map(([a, b], g) => ({ label: `${keyLabel(a)} × ${keyLabel(b)}`, sums: sums[g] as WeightedSums })),
    weighted,
    resolved,
  );
  const keysAt = (g: number): readonly [SegmentKey, SegmentKey] => keys[g] as readonly [SegmentKey, SegmentKey];
  const order = sortOrder(figures, resolved.sort, (g, h) => {
    const [a1, b1] = keysAt(g);
    const [a2, b2] = keysAt(h);
    return compareKeys(a1, a2) || compareKeys(b1, b2);
  });
  return {
    kind: "cross-segment-breakdown",
    cells: order.map((g) => ({ keys: keysAt(g), ...(figures[g] as SegmentFigures) })),
    total,
    leftOut,
    ...(leftOutIndices === undefined ? {} : { leftOutIndices }),
    settings: settingsOf(resolved),
  };
}
