import { NpsError } from "../core/errors.js";
import { nps } from "../core/nps.js";
import { checkChoice, checkMinResponses, DEFAULT_MIN_RESPONSES } from "../core/options.js";
import { type Scale, STANDARD_SCALE } from "../core/scale.js";
import type { SegmentKey } from "../core/segmentKey.js";
import { shares } from "../core/shares.js";
import type { CategoryValues, Tally, WeightedSums } from "../core/tally.js";
import { addSums, tallyOfSums } from "../core/tally.js";
import { adjustPValues, type PValueAdjustment } from "../inference/adjustPValues.js";
import { type ComparisonMethod, compareNps, type NpsComparison } from "../inference/compareNps.js";
import {
  type ConfidenceInterval,
  type ConfidenceIntervalOptions,
  intervalOf,
  type ResolvedIntervalOptions,
  resolveIntervalOptions,
} from "../inference/confidenceInterval.js";
import { inferenceCounts } from "../inference/counts.js";
import { describeValue } from "../internal/describe.js";
import { countOfSums, weightOfSums } from "./accumulate.js";

/**
 * How segments are ordered: by key (see {@link segmentBy}), by NPS (highest first) or by size (most
 * responses first). Ties are broken by key, so the order is always deterministic.
 *
 * @category Segments
 */
export type SegmentSort = "key" | "nps" | "size";

/**
 * Options shared by {@link segmentBy}, {@link segmentByTiers} and {@link crossSegment}. The interval
 * options (`level`, `method`, `prior`, `resamples`, `seed`) are those of {@link confidenceInterval}.
 *
 * @category Segments
 */
export interface SegmentOptions extends ConfidenceIntervalOptions {
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
  /** How each segment is compared with the rest of the sample (see {@link compareNps}). @defaultValue "adjusted-wald" */
  readonly comparison?: ComparisonMethod;
  /** Adjustment of the p-values for multiple comparisons across segments (see {@link adjustPValues}). @defaultValue "holm" */
  readonly adjust?: PValueAdjustment;
  /**
   * Segments whose (effective) number of responses is below this are flagged `small`: their figures
   * are shown but too uncertain to act on. A number ≥ 0. @defaultValue 30
   */
  readonly minResponses?: number;
  /** Order of the segments. @defaultValue "key" */
  readonly sort?: SegmentSort;
}

/**
 * A segment compared with the rest of the sample: {@link compareNps} of the segment (a) against every
 * other segmented response (b), with the p-value adjusted across the segments.
 *
 * @category Segments
 */
export interface RestComparison extends NpsComparison {
  /** Number of responses in the rest of the sample. */
  readonly restN: number;
  /**
   * The p-value adjusted for multiple comparisons across all segments that have a p-value (the family
   * size); `undefined` when `pValue` is.
   */
  readonly adjustedPValue: number | undefined;
}

/**
 * The figures of one segment (or one cell of a cross-segmentation).
 *
 * @category Segments
 */
export interface SegmentFigures {
  /** A printable label (keys are exact, labels are for display and may coincide). */
  readonly label: string;
  /** Number of responses. */
  readonly n: number;
  /** Kish effective sample size; present only when the responses are weighted. */
  readonly effectiveN?: number;
  /** The segment's tally (weighted when the responses are). */
  readonly tally: Tally;
  /** Share of promoters, passives and detractors, from 0 to 1. */
  readonly shares: CategoryValues;
  /** The segment's NPS, from −100 to 100. */
  readonly nps: number;
  /** Confidence interval of the segment's NPS (options as {@link confidenceInterval}). */
  readonly interval: ConfidenceInterval;
  /** The segment's share of all segmented responses (of their total weight when weighted), from 0 to 1. */
  readonly share: number;
  /** The segment against the rest of the sample; `undefined` when there is no rest (a single segment). */
  readonly vsRest: RestComparison | undefined;
  /** Whether the (effective) number of responses is below `minResponses`. */
  readonly small: boolean;
}

/**
 * One segment of {@link segmentBy}.
 *
 * @category Segments
 */
export interface SegmentResult extends SegmentFigures {
  /** The segment key, exactly as found (or as returned by the grouping function). */
  readonly key: SegmentKey;
}

/**
 * Figures of all the segmented responses together.
 *
 * @category Segments
 */
export interface SegmentTotal {
  /** Number of segmented responses (left-out responses excluded). */
  readonly n: number;
  /** Kish effective sample size; present only when the responses are weighted. */
  readonly effectiveN?: number;
  /** Their tally. */
  readonly tally: Tally;
  /** Their shares of promoters, passives and detractors. */
  readonly shares: CategoryValues;
  /** Their NPS. */
  readonly nps: number;
  /** Confidence interval of their NPS. */
  readonly interval: ConfidenceInterval;
}

/**
 * The segments (or cells) a breakdown does not show, after {@link limitSegments}: how many, how many
 * responses they hold, and why. Their responses still count in the total and in every comparison with
 * the rest.
 *
 * @category Segments
 */
export interface HiddenSegments {
  /** Segments not shown. */
  readonly segments: number;
  /** Their responses (not weighted). */
  readonly responses: number;
  /** Of those segments, how many were hidden for being small (`small: "hide"`). */
  readonly small: number;
  /** The number of segments shown at most (`top`), when it hid some; absent otherwise. */
  readonly top?: number;
}

/**
 * The settings a segment result was computed with, defaults filled in.
 *
 * @category Segments
 */
export interface SegmentSettings {
  /** Confidence level of the intervals. */
  readonly level: number;
  /** Interval method. */
  readonly method: ConfidenceInterval["method"];
  /** Comparison method against the rest. */
  readonly comparison: ComparisonMethod;
  /** Multiple-comparison adjustment. */
  readonly adjust: PValueAdjustment;
  /** Size below which a segment is flagged small. */
  readonly minResponses: number;
  /** Order of the segments. */
  readonly sort: SegmentSort;
}

/** Every option of the segment functions, checked and with defaults filled in. */
export interface ResolvedSegmentOptions extends SegmentSettings {
  readonly scale: Scale;
  readonly interval: ResolvedIntervalOptions;
}

/** Checks the segment options and fills in defaults, naming `fn` in errors. */
export function resolveSegmentOptions(fn: string, options: SegmentOptions): ResolvedSegmentOptions {
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `${fn}: options must be an object, received ${describeValue(options)}`);
  }
  const interval = resolveIntervalOptions(fn, options);
  const {
    scale = STANDARD_SCALE,
    comparison = "adjusted-wald",
    adjust = "holm",
    minResponses = DEFAULT_MIN_RESPONSES,
    sort = "key",
  } = options;
  checkChoice(fn, "comparison", comparison, ["wald", "adjusted-wald", "score"]);
  checkChoice(fn, "adjust", adjust, ["holm", "bonferroni", "benjamini-hochberg"]);
  checkChoice(fn, "sort", sort, ["key", "nps", "size"]);
  checkMinResponses(fn, minResponses);
  return { scale, interval, level: interval.level, method: interval.method, comparison, adjust, minResponses, sort };
}

/** The settings part of resolved options, for results. */
export function settingsOf(options: ResolvedSegmentOptions): SegmentSettings {
  const { level, method, comparison, adjust, minResponses, sort } = options;
  return { level, method, comparison, adjust, minResponses, sort };
}

/** A group to compute figures for. */
export interface GroupInput {
  readonly label: string;
  readonly sums: WeightedSums;
}

/**
 * Figures of every group, in the input order, and of all of them together (`undefined` when there are
 * no groups). The rest of each group is the sum of the groups before and after it (prefix and suffix
 * sums, no subtraction, so weighted rests never go negative by rounding). O(groups) plus the interval
 * costs.
 */
export function segmentFigures(
  fn: string,
  groups: ReadonlyArray<GroupInput>,
  weighted: boolean,
  options: ResolvedSegmentOptions,
): { readonly figures: SegmentFigures[]; readonly total: SegmentTotal | undefined } {
  const count = groups.length;
  if (count === 0) return { figures: [], total: undefined };
  const { scale } = options;
  const width = (groups[0] as GroupInput).sums.length;
  const prefix: WeightedSums[] = [new Float64Array(width)];
  for (let g = 0; g < count; g++) {
    const next = Float64Array.from(prefix[g] as WeightedSums);
    addSums(next, (groups[g] as GroupInput).sums);
    prefix.push(next);
  }
  const suffix: WeightedSums[] = new Array(count + 1);
  suffix[count] = new Float64Array(width);
  for (let g = count - 1; g >= 0; g--) {
    const next = Float64Array.from(suffix[g + 1] as WeightedSums);
    addSums(next, (groups[g] as GroupInput).sums);
    suffix[g] = next;
  }
  const totalSums = prefix[count] as WeightedSums;
  const totalWeight = weightOfSums(totalSums);
  const total = totalOf(fn, totalSums, weighted, options);
  const comparisonOptions = { level: options.level, method: options.comparison };
  const partial = groups.map((group, g) => {
    const tally = tallyOfSums(group.sums, weighted, scale);
    const counts = inferenceCounts(fn, tally);
    if (counts === undefined) throw new Error(`${fn}: internal error, empty group`);
    const restSums = Float64Array.from(prefix[g] as WeightedSums);
    addSums(restSums, suffix[g + 1] as WeightedSums);
    const restN = countOfSums(restSums, weighted);
    const comparison =
      restN > 0 ? compareNps(tally, tallyOfSums(restSums, weighted, scale), comparisonOptions) : undefined;
    return {
      label: group.label,
      n: counts.n,
      ...(weighted ? { effectiveN: counts.effectiveN } : {}),
      tally,
      shares: shares(tally) as CategoryValues,
      nps: nps(tally) as number,
      interval: intervalOf(counts, options.interval),
      share: weightOfSums(group.sums) / totalWeight,
      comparison: comparison === undefined ? undefined : { ...comparison, restN },
      small: counts.effectiveN < options.minResponses,
    };
  });
  const pValues = partial.flatMap((figures) =>
    figures.comparison?.pValue === undefined ? [] : [figures.comparison.pValue],
  );
  const adjusted = adjustPValues(pValues, options.adjust);
  let next = 0;
  const figures = partial.map(({ comparison, ...rest }): SegmentFigures => {
    if (comparison === undefined) return { ...rest, vsRest: undefined };
    const adjustedPValue = comparison.pValue === undefined ? undefined : adjusted[next++];
    return { ...rest, vsRest: { ...comparison, adjustedPValue } };
  });
  return { figures, total };
}

function totalOf(
  fn: string,
  sums: WeightedSums,
  weighted: boolean,
  options: ResolvedSegmentOptions,
): SegmentTotal | undefined {
  const tally = tallyOfSums(sums, weighted, options.scale);
  const counts = inferenceCounts(fn, tally);
  if (counts === undefined) return undefined;
  return {
    n: counts.n,
    ...(weighted ? { effectiveN: counts.effectiveN } : {}),
    tally,
    shares: shares(tally) as CategoryValues,
    nps: nps(tally) as number,
    interval: intervalOf(counts, options.interval),
  };
}

/**
 * Indices 0..figures.length−1 in the requested order: by key (`compareKeys` of the indices), by NPS
 * descending or by size descending, ties by key. Stable and deterministic.
 */
export function sortOrder(
  figures: ReadonlyArray<SegmentFigures>,
  sort: SegmentSort,
  compareKeys: (a: number, b: number) => number,
): number[] {
  const order = figures.map((_, i) => i);
  const at = (i: number): SegmentFigures => figures[i] as SegmentFigures;
  order.sort((a, b) => {
    if (sort === "nps") {
      const byNps = at(b).nps - at(a).nps;
      if (byNps !== 0) return byNps;
    } else if (sort === "size") {
      const bySize = at(b).n - at(a).n;
      if (bySize !== 0) return bySize;
    }
    return compareKeys(a, b) || a - b;
  });
  return order;
}
