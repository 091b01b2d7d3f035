import type { NpsResponse } from "../core/response.js";
import type { SegmentBy, SegmentKey } from "../core/segmentKey.js";
import { keyLabel } from "../core/segmentKey.js";
import type { WeightedSums } from "../core/tally.js";
import { accumulateByKey, countOfSums, weightOfSums } from "./accumulate.js";
import {
  clip,
  resolveContributionOptions,
  type SegmentContributionsOptions,
  sortSegments,
} from "./segmentContributions.js";

/**
 * A segment in one period of {@link decomposeChange}.
 *
 * @category Segments
 */
export interface PeriodSegment {
  /** Number of responses (0 when the segment is absent from the period). */
  readonly n: number;
  /** Share of the period's segmented responses (of their weight when weighted), from 0 to 1. */
  readonly share: number;
  /** The segment's NPS; `undefined` when the segment is absent from the period. */
  readonly nps: number | undefined;
}

/**
 * One segment's part in the change of the overall NPS.
 *
 * @category Segments
 */
export interface SegmentChange {
  /** The segment key. */
  readonly key: SegmentKey;
  /** A printable label. */
  readonly label: string;
  /** The segment before. */
  readonly before: PeriodSegment;
  /** The segment after. */
  readonly after: PeriodSegment;
  /** The segment's size in responses (before + after), used for `sort: "size"`. */
  readonly n: number;
  /** Effect of the change in the segment's share: (w₁ − w₀)·(NPS₀ + NPS₁)/2, in points. */
  readonly mixEffect: number;
  /** Effect of the change in the segment's NPS: (NPS₁ − NPS₀)·(w₀ + w₁)/2, in points. */
  readonly rateEffect: number;
  /** mixEffect + rateEffect = w₁·NPS₁ − w₀·NPS₀. */
  readonly totalEffect: number;
}

/**
 * The overall figures of one period of {@link decomposeChange}.
 *
 * @category Segments
 */
export interface PeriodTotal {
  /** Number of segmented responses. */
  readonly n: number;
  /** NPS of the segmented responses. */
  readonly nps: number;
  /** Number of responses left out (no segment key). */
  readonly leftOut: number;
}

/**
 * The result of {@link decomposeChange}.
 *
 * @category Segments
 */
export interface ChangeDecomposition {
  /** Tells this result apart from others. */
  readonly kind: "change-decomposition";
  /** The first period. */
  readonly before: PeriodTotal;
  /** The second period. */
  readonly after: PeriodTotal;
  /** after.nps − before.nps, in points. */
  readonly change: number;
  /** Sum of the segments' mix effects. */
  readonly mixEffect: number;
  /** Sum of the segments' rate effects. */
  readonly rateEffect: number;
  /** The segments of either period, in the requested order (`"nps"` sorts by the NPS after). */
  readonly segments: ReadonlyArray<SegmentChange>;
}

/**
 * Why the overall NPS moved between two periods: a shift-share decomposition of the change into, for
 * each segment, a **mix effect** (its share of the responses changed) and a **rate effect** (its own
 * NPS changed). With wᵢ the share and Nᵢ the NPS of segment i in period 0 (before) and 1 (after), the
 * overall NPS is Σ wᵢNᵢ and the symmetric (midpoint) decomposition is
 *
 *   mixᵢ = (w₁ᵢ − w₀ᵢ)·(N₀ᵢ + N₁ᵢ)/2,   rateᵢ = (N₁ᵢ − N₀ᵢ)·(w₀ᵢ + w₁ᵢ)/2,
 *
 * so mixᵢ + rateᵢ = w₁ᵢN₁ᵢ − w₀ᵢN₀ᵢ and the effects add up exactly (up to floating-point rounding) to
 * the change of the overall NPS, with no residual "interaction" term and no dependence on which
 * period is the base.
 *
 * A segment present in one period only has no NPS in the other; its NPS there is taken as equal to the
 * period where it exists, so its rate effect is 0 and its whole contribution (appearing: +w₁N₁,
 * vanishing: −w₀N₀) is a mix effect. The overall NPS of each period is that of its segmented
 * responses; left-out responses are counted. Weighted responses give weighted shares and NPS. One
 * pass over each period; O(k log k) for k segments.
 *
 * @param before - The responses of the first period (not mutated).
 * @param after - The responses of the second period (not mutated).
 * @param by - An attribute name or a function (see {@link groupResponses}).
 * @param options - Scale and order.
 * @returns The decomposition, or `undefined` when either period has no segmented response.
 * @throws {@link NpsError} `invalid_option` for an attribute that exists on no response of a non-empty
 * period, or an invalid option; `invalid_score`, `invalid_weight`, `invalid_input` for bad responses.
 * @example
 * ```ts
 * import { decomposeChange, roundScore } from "npskit";
 * const period = (pro: number[], free: number[]) => [
 *   ...pro.map((score) => ({ score, attributes: { plan: "pro" } })),
 *   ...free.map((score) => ({ score, attributes: { plan: "free" } })),
 * ];
 * const q1 = period([10, 10, 9, 3], [9, 2, 1, 8, 7, 0]);
 * const q2 = period([10, 10, 9, 3, 10, 8], [9, 2, 1, 10]);
 * const result = decomposeChange(q1, q2, "plan");
 * result?.change; // => 30
 * result?.segments.map((s) => [s.key, roundScore(s.mixEffect, 2), roundScore(s.rateEffect, 2)]);
 * // => [["free", 3.33, 16.67], ["pro", 10, 0]]
 * roundScore((result?.mixEffect ?? 0) + (result?.rateEffect ?? 0), 9); // => 30
 * ```
 * @category Segments
 */
export function decomposeChange(
  before: ReadonlyArray<NpsResponse>,
  after: ReadonlyArray<NpsResponse>,
  by: SegmentBy,
  options: SegmentContributionsOptions = {},
): ChangeDecomposition | undefined {
  const fn = "decomposeChange";
  const { scale, sort } = resolveContributionOptions(fn, options);
  const periods = [before, after].map((responses) => {
    const { keys, sums, weighted, leftOut } = accumulateByKey(fn, responses, by, scale);
    let weight = 0;
    let net = 0;
    let n = 0;
    const byKey = new Map<SegmentKey, WeightedSums>();
    keys.forEach((key, g) => {
      const group = sums[g] as WeightedSums;
      byKey.set(key, group);
      weight += weightOfSums(group);
      net += (group[0] as number) - (group[2] as number);
      n += countOfSums(group, weighted);
    });
    return { keys, byKey, weighted, weight, net, n, leftOut: leftOut.length };
  });
  const [first, second] = periods as [(typeof periods)[0], (typeof periods)[0]];
  if (first.n === 0 || second.n === 0) return undefined;
  const keys = [...first.keys, ...second.keys.filter((key) => !first.byKey.has(key))];
  const segmentOf = (period: typeof first, key: SegmentKey): PeriodSegment => {
    const group = period.byKey.get(key);
    if (group === undefined) return { n: 0, share: 0, nps: undefined };
    const weight = weightOfSums(group);
    return {
      n: countOfSums(group, period.weighted),
      share: weight / period.weight,
      nps: clip((100 * ((group[0] as number) - (group[2] as number))) / weight),
    };
  };
  let mixEffect = 0;
  let rateEffect = 0;
  const segments = keys.map((key): SegmentChange & { nps: number } => {
    const was = segmentOf(first, key);
    const is = segmentOf(second, key);
    const npsBefore = was.nps ?? (is.nps as number);
    const npsAfter = is.nps ?? (was.nps as number);
    const mix = ((is.share - was.share) * (npsBefore + npsAfter)) / 2 + 0;
    const rate = ((npsAfter - npsBefore) * (was.share + is.share)) / 2 + 0;
    mixEffect += mix;
    rateEffect += rate;
    return {
      key,
      label: keyLabel(key),
      before: was,
      after: is,
      n: was.n + is.n,
      mixEffect: mix,
      rateEffect: rate,
      totalEffect: mix + rate,
      nps: npsAfter,
    };
  });
  const npsBefore = clip((100 * first.net) / first.weight);
  const npsAfter = clip((100 * second.net) / second.weight);
  return {
    kind: "change-decomposition",
    before: { n: first.n, nps: npsBefore, leftOut: first.leftOut },
    after: { n: second.n, nps: npsAfter, leftOut: second.leftOut },
    change: npsAfter - npsBefore + 0,
    mixEffect,
    rateEffect,
    segments: sortSegments(segments, sort).map(({ nps: _, ...segment }) => segment),
  };
}
