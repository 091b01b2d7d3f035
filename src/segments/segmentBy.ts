import { countResponsesFor } from "../core/countResponses.js";
import { keyedTalliesOf } from "../core/keyedTallies.js";
import type { NpsResponse } from "../core/response.js";
import type { SegmentBy, SegmentKey } from "../core/segmentKey.js";
import { compareKeys } from "../core/segmentKey.js";
import type { WeightedSums } from "../core/tally.js";
import { segmentsOfTallies } from "./fromTallies.js";
import {
  type HiddenSegments,
  type ResolvedSegmentOptions,
  resolveSegmentOptions,
  type SegmentOptions,
  type SegmentResult,
  type SegmentSettings,
  type SegmentTotal,
  segmentFigures,
  settingsOf,
  sortOrder,
} from "./segmentFigures.js";

/**
 * The result of {@link segmentBy}: one entry per segment, the figures of all segmented responses, and
 * the responses left out.
 *
 * @category Segments
 */
export interface SegmentBreakdown {
  /** Tells a segment breakdown apart from other results. */
  readonly kind: "segment-breakdown";
  /** The segments, in the requested order. */
  readonly segments: ReadonlyArray<SegmentResult>;
  /** All segmented responses together; `undefined` when no response is in a segment. */
  readonly total: SegmentTotal | undefined;
  /** Number of responses left out (no segment key). */
  readonly leftOut: number;
  /**
   * Indices of the responses left out, ascending; absent when computed from keyed tallies
   * ({@link segmentsFromTallies}), which do not know indices.
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
 * NPS by segment: for each segment its size, tally, shares, NPS with a confidence interval, its share
 * of the responses, and its comparison with the rest of the sample (signed difference segment − rest,
 * interval, p-value, and the p-value adjusted across segments, Holm by default). Segments below
 * `minResponses` are flagged `small`, never hidden.
 *
 * A segment is compared with the rest, not with the total: it is part of the total, so the two are not
 * independent samples and the difference to the total understates the gap (`docs/segments.md`, "Why vs rest"). The
 * rest is every other segmented response; left-out responses are in neither.
 *
 * Keys come from {@link groupResponses} (an attribute name or a function; `null` is a key of its own,
 * a response without the attribute is left out and counted). With `sort: "key"` (the default)
 * segments are ordered numbers ascending, then strings — numeric text (`"2"`, `"10"`) by value, then
 * other text by UTF-16 code units (locale-independent) —
 * then `false`, `true`, and `null` last; `"nps"` and `"size"` sort descending with ties by key.
 *
 * Every response is validated (score, weight), also those left out. Weighted responses (all carry a
 * `weight`) give weighted tallies, shares and NPS, effective sample sizes, and `small` uses the
 * effective size. One pass over the responses, then O(k log k) for k segments (plus the interval
 * method's cost per segment).
 *
 * @param responses - The responses (not mutated).
 * @param by - An attribute name, or a function of a response returning its key (`undefined` leaves it out).
 * @param options - Interval, comparison, adjustment, minimum size, order and scale.
 * @returns The segments, the total and the left-out responses. No segments and `total: undefined`
 * when no response has a key.
 * @throws {@link NpsError} `invalid_option` for an attribute that exists on no response or an option
 * outside its range; `invalid_score`, `invalid_weight` or `invalid_input` for bad responses (with
 * their index).
 * @example
 * ```ts
 * import { roundScore, segmentBy } from "npskit";
 * const responses = [
 *   ...Array.from({ length: 40 }, (_, i) => ({ score: i % 4 === 0 ? 3 : 10, attributes: { plan: "pro" } })),
 *   ...Array.from({ length: 20 }, (_, i) => ({ score: i % 2 === 0 ? 2 : 9, attributes: { plan: "free" } })),
 *   { score: 8 },
 * ];
 * const result = segmentBy(responses, "plan");
 * result.segments.map((segment) => [segment.key, segment.n, segment.nps]); // => [["free", 20, 0], ["pro", 40, 50]]
 * result.segments.map((segment) => segment.small); // => [true, false]
 * roundScore(result.segments[1]?.vsRest?.difference ?? 0, 2); // => 50
 * result.leftOut; // => 1
 * ```
 * @category Segments
 */
export function segmentBy(
  responses: ReadonlyArray<NpsResponse>,
  by: SegmentBy,
  options: SegmentOptions = {},
): SegmentBreakdown {
  const { scale } = resolveSegmentOptions("segmentBy", options);
  const leftOut: number[] = [];
  const tallies = keyedTalliesOf(countResponsesFor("segmentBy", responses, [by], null, scale, leftOut).sums());
  return segmentsOfTallies("segmentBy", tallies, options, leftOut);
}

/** Builds a {@link SegmentBreakdown} from keyed groups and their sums (shared with the tiers). */
export function breakdownOf(
  fn: string,
  groups: ReadonlyArray<{ readonly key: SegmentKey; readonly label: string }>,
  sums: ReadonlyArray<WeightedSums>,
  weighted: boolean,
  leftOut: number,
  options: ResolvedSegmentOptions,
  leftOutIndices?: ReadonlyArray<number>,
): SegmentBreakdown {
  const { figures, total } = segmentFigures(
    fn,
    groups.map((group, g) => ({ label: group.label, sums: sums[g] as WeightedSums })),
    weighted,
    options,
  );
  const keyAt = (g: number): SegmentKey => (groups[g] as { key: SegmentKey }).key;
  const order = sortOrder(figures, options.sort, (a, b) => compareKeys(keyAt(a), keyAt(b)));
  return {
    kind: "segment-breakdown",
    segments: order.map((g) => ({ key: keyAt(g), ...figures[g] }) as SegmentResult),
    total,
    leftOut,
    ...(leftOutIndices === undefined ? {} : { leftOutIndices }),
    settings: settingsOf(options),
  };
}
