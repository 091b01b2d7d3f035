import { NpsError } from "../core/errors.js";
import { checkChoice } from "../core/options.js";
import type { NpsResponse } from "../core/response.js";
import { type Scale, STANDARD_SCALE } from "../core/scale.js";
import type { SegmentBy, SegmentKey } from "../core/segmentKey.js";
import { compareKeys, keyLabel } from "../core/segmentKey.js";
import type { WeightedSums } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";
import { accumulateByKey, countOfSums, weightOfSums } from "./accumulate.js";
import type { SegmentSort } from "./segmentFigures.js";

/**
 * Options of {@link segmentContributions} and {@link decomposeChange}.
 *
 * @category Segments
 */
export interface SegmentContributionsOptions {
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
  /** Order of the segments (`"nps"` and `"size"` descending, ties by key). @defaultValue "key" */
  readonly sort?: SegmentSort;
}

/**
 * How one segment makes up the overall NPS.
 *
 * @category Segments
 */
export interface SegmentContribution {
  /** The segment key. */
  readonly key: SegmentKey;
  /** A printable label. */
  readonly label: string;
  /** Number of responses. */
  readonly n: number;
  /** The segment's share of the segmented responses (of their weight when weighted), from 0 to 1. */
  readonly share: number;
  /** The segment's NPS. */
  readonly nps: number;
  /** share × NPS, in points: the contributions add up to the overall NPS. */
  readonly contribution: number;
  /** The overall NPS of the other segments; `undefined` when there is no other segment. */
  readonly npsWithout: number | undefined;
}

/**
 * The result of {@link segmentContributions}.
 *
 * @category Segments
 */
export interface ContributionBreakdown {
  /** Tells this result apart from others. */
  readonly kind: "contribution-breakdown";
  /** The segments, in the requested order. */
  readonly segments: ReadonlyArray<SegmentContribution>;
  /** NPS of all segmented responses: the sum of the contributions. `undefined` when there are none. */
  readonly nps: number | undefined;
  /** Number of segmented responses. */
  readonly n: number;
  /** Number of responses left out (no segment key). */
  readonly leftOut: number;
}

/**
 * How each segment makes up the overall NPS: with wᵢ the segment's share of the responses (of the
 * total weight when weighted) and NPSᵢ its NPS, the overall NPS is Σ wᵢ·NPSᵢ, and `contribution` is
 * wᵢ·NPSᵢ = 100·(Pᵢ − Dᵢ)/W computed from the counts, so the contributions add up to the overall NPS
 * up to floating-point rounding (≪ 1e-9). `npsWithout` is the NPS of the other segments: the overall
 * score if the segment were not there. A large segment with an average NPS can contribute more than a
 * small one with an extreme NPS.
 *
 * The overall NPS here is that of the segmented responses: responses left out (no key) are in no
 * segment and counted in `leftOut`. One pass over the responses; O(k log k) for k segments.
 *
 * @param responses - The responses (not mutated).
 * @param by - An attribute name or a function (see {@link groupResponses}).
 * @param options - Scale and order.
 * @returns The contributions; no segments and `nps: undefined` when no response has a key.
 * @throws {@link NpsError} `invalid_option` for an attribute that exists on no response or an invalid
 * option; `invalid_score`, `invalid_weight`, `invalid_input` for bad responses.
 * @example
 * ```ts
 * import { roundScore, segmentContributions } from "npskit";
 * const responses = [
 *   ...[10, 10, 9, 3].map((score) => ({ score, attributes: { plan: "pro" } })),
 *   ...[9, 2, 1, 8, 7, 0].map((score) => ({ score, attributes: { plan: "free" } })),
 * ];
 * const result = segmentContributions(responses, "plan");
 * result.nps; // => 0
 * result.segments.map((s) => [s.key, s.share, roundScore(s.contribution, 2), roundScore(s.npsWithout ?? 0, 2)]);
 * // => [["free", 0.6, -20, 50], ["pro", 0.4, 20, -33.33]]
 * ```
 * @category Segments
 */
export function segmentContributions(
  responses: ReadonlyArray<NpsResponse>,
  by: SegmentBy,
  options: SegmentContributionsOptions = {},
): ContributionBreakdown {
  const fn = "segmentContributions";
  const { scale, sort } = resolveContributionOptions(fn, options);
  const { keys, sums, weighted, leftOut } = accumulateByKey(fn, responses, by, scale);
  const total = new Float64Array(9);
  for (const group of sums) for (let k = 0; k < 9; k++) total[k] = (total[k] as number) + (group[k] as number);
  const totalWeight = weightOfSums(total);
  const totalCount = countOfSums(total, weighted);
  const segments = keys.map((key, g): SegmentContribution => {
    const group = sums[g] as WeightedSums;
    const weight = weightOfSums(group);
    const n = countOfSums(group, weighted);
    const net = at(group, 0) - at(group, 2);
    const restWeight = totalWeight - weight;
    return {
      key,
      label: keyLabel(key),
      n,
      share: weight / totalWeight,
      nps: clip((100 * net) / weight),
      contribution: (100 * net) / totalWeight + 0,
      npsWithout:
        totalCount - n > 0 && restWeight > 0
          ? clip((100 * (at(total, 0) - at(group, 0) - (at(total, 2) - at(group, 2)))) / restWeight)
          : undefined,
    };
  });
  return {
    kind: "contribution-breakdown",
    segments: sortSegments(segments, sort),
    nps: totalCount > 0 ? clip((100 * (at(total, 0) - at(total, 2))) / totalWeight) : undefined,
    n: totalCount,
    leftOut: leftOut.length,
  };
}

/** Checks and fills in the options of the contribution functions. */
export function resolveContributionOptions(
  fn: string,
  options: SegmentContributionsOptions,
): { readonly scale: Scale; readonly sort: SegmentSort } {
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const { scale = STANDARD_SCALE, sort = "key" } = options;
  checkChoice(fn, "sort", sort, ["key", "nps", "size"]);
  return { scale, sort };
}

/** Sorts keyed segments by key, NPS or size (descending, ties by key). */
export function sortSegments<T extends { readonly key: SegmentKey; readonly n: number; readonly nps?: number }>(
  segments: ReadonlyArray<T>,
  sort: SegmentSort,
): T[] {
  return [...segments].sort((a, b) => {
    if (sort === "nps") {
      const byNps = (b.nps ?? Number.NEGATIVE_INFINITY) - (a.nps ?? Number.NEGATIVE_INFINITY);
      if (byNps !== 0 && !Number.isNaN(byNps)) return byNps;
    } else if (sort === "size" && b.n !== a.n) {
      return b.n - a.n;
    }
    return compareKeys(a.key, b.key);
  });
}

function at(sums: WeightedSums, index: number): number {
  return sums[index] as number;
}

/** Clips to [−100, 100] (weighted sums can drift by an ulp) and turns −0 into 0. */
export function clip(value: number): number {
  return value > 100 ? 100 : value < -100 ? -100 : value + 0;
}
