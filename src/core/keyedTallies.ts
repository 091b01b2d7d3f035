import { describeValue } from "../internal/describe.js";
import type { TrendPeriod, WeekDay } from "./calendar.js";
import { didYouMean } from "./columnNames.js";
import { NpsError } from "./errors.js";
import type { Scale } from "./scale.js";
import type { SegmentKey } from "./segmentKey.js";
import { type Tally, tallyOfSums, type WeightedSums } from "./tally.js";

/**
 * One segment dimension of {@link KeyedTallies}: the attribute (or column) name and its keys, in the
 * order they were first counted. A cell's code `i` for this dimension is the key `keys[i]`; code −1
 * means the response had no value for it (it is left out of the segments, but counts in the total
 * and the trend).
 *
 * @category Keyed tallies
 */
export interface TallyDimension {
  /** The attribute or column name (for a grouping function, its name or `"(function)"`). */
  readonly name: string;
  /** The distinct keys, in order of first appearance. */
  readonly keys: ReadonlyArray<SegmentKey>;
}

/**
 * The calendar bucket of {@link KeyedTallies}: responses are counted per calendar day, week, month,
 * quarter or year, read in an IANA time zone.
 *
 * @category Keyed tallies
 */
export interface TallyTime {
  /** The calendar period of each bucket. */
  readonly bucket: TrendPeriod;
  /** The IANA time zone in which buckets are read. */
  readonly timeZone: string;
  /** First day of the week (1 = Monday, ISO weeks). */
  readonly weekStartsOn: WeekDay;
}

/**
 * One cell of {@link KeyedTallies}: the tally of the responses that share a combination of segment
 * keys and a calendar bucket.
 *
 * @category Keyed tallies
 */
export interface KeyedCell {
  /** One code per dimension: an index into the dimension's keys, or −1 for no value. */
  readonly codes: ReadonlyArray<number>;
  /** The bucket's first instant in epoch milliseconds; `null` for responses without a date (or no time bucket). */
  readonly start: number | null;
  /** The tally of the cell (weighted when the tallies are). */
  readonly tally: Tally;
}

/**
 * Tallies by key: the one engine under every grouped figure of npskit. Responses are counted once
 * into cells, one per combination of segment keys (zero, one or two dimensions) and calendar bucket;
 * every figure — the segment breakdown, the cross breakdown, the calendar trend, rolling windows,
 * per-segment trends and the overview — is then computed from the cells. Keyed tallies are plain,
 * JSON-serialisable data and they merge: tallies counted apart (batches of a file, shards, workers,
 * a warehouse's `GROUP BY` rows) and merged with {@link mergeKeyedTallies} give the figures of the
 * whole. See `docs/architecture.md`.
 *
 * Made by {@link countResponses}, {@link countColumns} and {@link countSqlRows}; read by
 * {@link segmentsFromTallies}, {@link crossSegmentsFromTallies}, {@link trendFromTallies},
 * {@link rollingTrendFromTallies}, {@link trendByFromTallies} and {@link rollingTrendByFromTallies}.
 * What cannot come from tallies keeps its own path: quantile tiers need every value
 * ({@link segmentByTiers}), and the `"latest"` respondent policy needs every answer of a respondent.
 *
 * @category Keyed tallies
 */
export interface KeyedTallies {
  /** Tells keyed tallies apart from other results. */
  readonly kind: "keyed-tallies";
  /** The segment dimensions (none, one or two). */
  readonly dimensions: ReadonlyArray<TallyDimension>;
  /** The calendar bucket, or `null` when the responses were not counted by time. */
  readonly time: TallyTime | null;
  /** Whether the tallies are weighted (sums of weights and squared weights per category). */
  readonly weighted: boolean;
  /**
   * The power of two the weights were divided by before they were added up, 0 unless weights are so
   * large (above 2^500) or so small (below 2^−500) that their squares would overflow or vanish. Every
   * figure depends on the weights only up to a common factor, so the cells' weighted sums are those
   * of the weights × 2^−weightExponent; {@link mergeKeyedTallies} brings parts to a common exponent.
   */
  readonly weightExponent: number;
  /** The answer scale. */
  readonly scale: Scale;
  /** The cells, in order of first appearance. */
  readonly cells: ReadonlyArray<KeyedCell>;
  /** Number of responses (unweighted) per answer, from `scale.min` to `scale.max`. */
  readonly distribution: ReadonlyArray<number>;
  /** Number of responses with a date. */
  readonly dated: number;
  /** The earliest dated instant counted (epoch ms), `null` when no response has a date. */
  readonly first: number | null;
  /** The latest dated instant counted (epoch ms), `null` when no response has a date. */
  readonly last: number | null;
}

/** Keyed tallies while they are counted: cells as running sums, keys with their codes. */
export interface KeyedSums {
  readonly dimensions: ReadonlyArray<{ readonly name: string; readonly keys: SegmentKey[] }>;
  readonly time: TallyTime | null;
  readonly weighted: boolean;
  readonly weightExponent: number;
  readonly scale: Scale;
  readonly cells: ReadonlyArray<{
    readonly codes: ReadonlyArray<number>;
    readonly start: number | null;
    readonly sums: WeightedSums;
  }>;
  readonly distribution: ArrayLike<number>;
  readonly dated: number;
  readonly first: number | null;
  readonly last: number | null;
}

/** The public, plain form of running sums. */
export function keyedTalliesOf(sums: KeyedSums): KeyedTallies {
  return {
    kind: "keyed-tallies",
    dimensions: sums.dimensions.map((dimension) => ({ name: dimension.name, keys: [...dimension.keys] })),
    time: sums.time,
    weighted: sums.weighted,
    weightExponent: sums.weightExponent,
    scale: sums.scale,
    cells: sums.cells.map((cell) => ({
      codes: [...cell.codes],
      start: cell.start,
      tally: tallyOfSums(cell.sums, sums.weighted, sums.scale),
    })),
    distribution: Array.from(sums.distribution),
    dated: sums.dated,
    first: sums.first,
    last: sums.last,
  };
}

/** The running sums (9 slots: weights, squared weights, counts by category) of a cell's tally. */
export function sumsOfTally(tally: Tally): WeightedSums {
  const sums = new Float64Array(9);
  const { weighted } = tally;
  sums[0] = tally.promoters;
  sums[1] = tally.passives;
  sums[2] = tally.detractors;
  sums[3] = weighted?.squaredWeights.promoters ?? tally.promoters;
  sums[4] = weighted?.squaredWeights.passives ?? tally.passives;
  sums[5] = weighted?.squaredWeights.detractors ?? tally.detractors;
  sums[6] = weighted?.counts.promoters ?? tally.promoters;
  sums[7] = weighted?.counts.passives ?? tally.passives;
  sums[8] = weighted?.counts.detractors ?? tally.detractors;
  return sums;
}

/** Throws `invalid_input` unless `value` looks like keyed tallies (the fields every function reads). */
export function checkKeyedTallies(fn: string, value: unknown): asserts value is KeyedTallies {
  const tallies = value as Partial<KeyedTallies> | null;
  if (
    tallies === null ||
    typeof tallies !== "object" ||
    tallies.kind !== "keyed-tallies" ||
    !Array.isArray(tallies.dimensions) ||
    !Array.isArray(tallies.cells) ||
    !Array.isArray(tallies.distribution) ||
    typeof tallies.dated !== "number" ||
    !Number.isInteger(tallies.weightExponent) ||
    typeof tallies.weighted !== "boolean" ||
    tallies.scale === null ||
    typeof tallies.scale !== "object"
  ) {
    throw new NpsError(
      "invalid_input",
      `${fn}: tallies must be keyed tallies (kind "keyed-tallies", made by countResponses, countColumns or countSqlRows), received ${describeValue(value)}`,
    );
  }
}

/** The position of the dimension `name` (or the first, when `name` is undefined); throws when absent. */
export function dimensionIndex(fn: string, tallies: KeyedTallies, name: string | undefined, position = 0): number {
  if (name === undefined) {
    if (tallies.dimensions.length <= position) {
      throw new NpsError(
        "invalid_option",
        `${fn}: tallies must be counted by at least ${position + 1} segment dimension${position === 0 ? "" : "s"}, received ${tallies.dimensions.length}`,
      );
    }
    return position;
  }
  const index = tallies.dimensions.findIndex((dimension) => dimension.name === name);
  if (index < 0) {
    throw new NpsError(
      "invalid_option",
      `${fn}: tallies have no dimension ${JSON.stringify(name)}${didYouMean(
        name,
        tallies.dimensions.map((dimension) => dimension.name),
      )}; dimensions are: ${tallies.dimensions.map((dimension) => JSON.stringify(dimension.name)).join(", ") || "(none)"}`,
    );
  }
  return index;
}

/** Weights from 2^−500 to 2^500 are added as they are; their squares stay far from overflow and underflow. */
const SAFE_EXPONENT = 500;

/**
 * The power of two to divide weights by so that the largest, `largest`, and its square stay finite
 * and normal: 0 for every weight between 2^−500 and 2^500, else the exponent of `largest`.
 */
export function weightExponentOf(largest: number): number {
  if (!(largest > 0) || !Number.isFinite(largest)) return 0;
  const exponent = Math.floor(Math.log2(largest));
  return Math.abs(exponent) <= SAFE_EXPONENT ? 0 : exponent;
}
