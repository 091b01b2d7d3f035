import { checkedWeight, countResponsesFor } from "../core/countResponses.js";
import { NpsError } from "../core/errors.js";
import type { NpsResponse } from "../core/response.js";
import type { Scale } from "../core/scale.js";
import type { SegmentBy, SegmentKey } from "../core/segmentKey.js";
import { addSums, addWeighted, newWeightedSums, type WeightedSums } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";

/** Running sums of every group, filled in one pass over the responses. */
export interface GroupSums {
  /** Whether the responses carry weights. */
  readonly weighted: boolean;
  /** Per group, in the order the groups were created: weights, squared weights and counts by category. */
  readonly sums: ReadonlyArray<WeightedSums>;
  /** Indices of the responses in no group, ascending. */
  readonly leftOut: ReadonlyArray<number>;
}

/**
 * Validates every response (object, score, weight — also those left out) and adds each to the group
 * `groupOf` gives (a group index ≥ 0, or −1 to leave it out), in one pass. When any response carries a
 * weight, every response must. Group indices are created by `groupOf` in increasing order.
 */
export function accumulateGroups(
  fn: string,
  responses: ReadonlyArray<NpsResponse>,
  scale: Scale,
  groupOf: (index: number) => number,
): GroupSums {
  if (!Array.isArray(responses)) {
    throw new NpsError("invalid_input", `${fn}: responses must be an array, received ${describeValue(responses)}`);
  }
  const weighted = responses.some((response) => response?.weight !== undefined && response.weight !== null);
  const sums: WeightedSums[] = [];
  const leftOut: number[] = [];
  const { promoterMin, detractorMax } = scale;
  for (let i = 0; i < responses.length; i++) {
    const response = responses[i];
    const weight = checkedWeight(fn, response, i, scale, weighted);
    const score = (response as NpsResponse).score;
    const group = groupOf(i);
    if (group < 0) {
      leftOut.push(i);
      continue;
    }
    while (sums.length <= group) sums.push(newWeightedSums());
    const target = sums[group] as WeightedSums;
    addWeighted(target, score >= promoterMin ? 0 : score <= detractorMax ? 2 : 1, weight);
  }
  return { weighted, sums, leftOut };
}

/** Number of responses behind running sums. */
export function countOfSums(sums: WeightedSums, _weighted?: boolean): number {
  return (sums[6] as number) + (sums[7] as number) + (sums[8] as number);
}

/** Total weight behind running sums (the count when unweighted). */
export function weightOfSums(sums: WeightedSums): number {
  return (sums[0] as number) + (sums[1] as number) + (sums[2] as number);
}

/** Keys and running sums of the segments of `by`, in order of first appearance, in one pass. */
export function accumulateByKey(
  fn: string,
  responses: ReadonlyArray<NpsResponse>,
  by: SegmentBy,
  scale: Scale,
): GroupSums & { readonly keys: ReadonlyArray<SegmentKey> } {
  // Counted by the one engine (keyed tallies by one dimension, no time bucket: one cell per key).
  const leftOut: number[] = [];
  const counted = countResponsesFor(fn, responses, [by], null, scale, leftOut).sums();
  const keys = (counted.dimensions[0] as { keys: ReadonlyArray<SegmentKey> }).keys;
  const sums = keys.map(() => newWeightedSums());
  for (const cell of counted.cells) {
    const code = cell.codes[0] as number;
    if (code >= 0) addSums(sums[code] as WeightedSums, cell.sums);
  }
  return { weighted: counted.weighted, sums, leftOut, keys: [...keys] };
}
