import { NpsError } from "../core/errors.js";
import { checkKeyedTallies, dimensionIndex, type KeyedTallies, sumsOfTally } from "../core/keyedTallies.js";
import type { SegmentKey } from "../core/segmentKey.js";
import { keyLabel } from "../core/segmentKey.js";
import { addSums, newWeightedSums, type WeightedSums } from "../core/tally.js";
import { describeValue } from "../internal/describe.js";
import { type CrossSegmentBreakdown, crossBreakdownOf } from "./crossSegment.js";
import { breakdownOf, type SegmentBreakdown } from "./segmentBy.js";
import { resolveSegmentOptions, type SegmentOptions } from "./segmentFigures.js";

/**
 * Options of {@link segmentsFromTallies}.
 *
 * @category Keyed tallies
 */
export interface SegmentsFromTalliesOptions extends SegmentOptions {
  /** The dimension to break down by. @defaultValue the first dimension of the tallies */
  readonly by?: string;
}

/**
 * Options of {@link crossSegmentsFromTallies}.
 *
 * @category Keyed tallies
 */
export interface CrossSegmentsFromTalliesOptions extends SegmentOptions {
  /** The two dimensions to cross. @defaultValue the first two dimensions of the tallies */
  readonly by?: readonly [string, string];
}

/**
 * The segment breakdown of {@link segmentBy}, computed from keyed tallies: the cells of each key of
 * one dimension are added up (over every other dimension and time bucket), then each segment gets
 * its figures and its comparison with the rest. Cells without a key in that dimension are the
 * left-out responses; their indices are not known to tallies, so `leftOutIndices` is absent.
 * O(cells + k log k) for k segments.
 *
 * @param tallies - Keyed tallies ({@link countResponses}, {@link countColumns}, {@link countSqlRows}).
 * @param options - The dimension, and the options of {@link segmentBy}.
 * @returns The breakdown, as {@link segmentBy} gives it for the same responses.
 * @throws {@link NpsError} `invalid_input` for a value that is not keyed tallies; `invalid_option`
 * for an unknown dimension or an option outside its range.
 * @example
 * ```ts
 * import { countResponses, segmentsFromTallies } from "npskit";
 * const tallies = countResponses(
 *   [{ score: 10, attributes: { plan: "pro" } }, { score: 0, attributes: { plan: "free" } }, { score: 9 }],
 *   { by: "plan" },
 * );
 * const breakdown = segmentsFromTallies(tallies);
 * breakdown.segments.map((segment) => [segment.key, segment.nps]); // => [["free", -100], ["pro", 100]]
 * breakdown.leftOut; // => 1
 * ```
 * @category Keyed tallies
 */
export function segmentsFromTallies(tallies: KeyedTallies, options: SegmentsFromTalliesOptions = {}): SegmentBreakdown {
  return segmentsOfTallies("segmentsFromTallies", tallies, options);
}

/** {@link segmentsFromTallies}, naming `fn` in errors; `leftOutIndices` are attached when known. */
export function segmentsOfTallies(
  fn: string,
  tallies: KeyedTallies,
  options: SegmentsFromTalliesOptions,
  leftOutIndices?: ReadonlyArray<number>,
): SegmentBreakdown {
  const resolved = resolveSegmentOptions(fn, options);
  checkKeyedTallies(fn, tallies);
  const d = dimensionIndex(fn, tallies, options.by);
  const keys = (tallies.dimensions[d] as { keys: ReadonlyArray<SegmentKey> }).keys;
  const sums = keys.map(() => newWeightedSums());
  let leftOut = 0;
  for (const cell of tallies.cells) {
    const code = cell.codes[d] as number;
    const part = sumsOfTally(cell.tally);
    if (code < 0) leftOut += (part[6] as number) + (part[7] as number) + (part[8] as number);
    else addSums(sums[code] as WeightedSums, part);
  }
  return breakdownOf(
    fn,
    keys.map((key) => ({ key, label: keyLabel(key) })),
    sums,
    tallies.weighted,
    leftOut,
    resolved,
    leftOutIndices,
  );
}

/**
 * The cross breakdown of {@link crossSegment}, computed from keyed tallies counted by (at least) two
 * dimensions: one cell per pair of keys that occurs, each with its figures and its comparison with
 * the rest. `leftOutIndices` is absent (tallies do not know indices). O(cells + c log c) for c pairs.
 *
 * @param tallies - Keyed tallies with two or more dimensions.
 * @param options - The two dimensions, and the options of {@link crossSegment}.
 * @returns The cross breakdown, as {@link crossSegment} gives it for the same responses.
 * @throws {@link NpsError} `invalid_input` for a value that is not keyed tallies; `invalid_option`
 * for fewer than two dimensions, an unknown dimension or an option outside its range.
 * @example
 * ```ts
 * import { countResponses, crossSegmentsFromTallies } from "npskit";
 * const tallies = countResponses(
 *   [{ score: 10, attributes: { plan: "pro", country: "FR" } }, { score: 0, attributes: { plan: "pro", country: "DE" } }],
 *   { by: ["plan", "country"] },
 * );
 * crossSegmentsFromTallies(tallies).cells.map((cell) => [cell.keys, cell.nps]); // => [[["pro", "DE"], -100], [["pro", "FR"], 100]]
 * ```
 * @category Keyed tallies
 */
export function crossSegmentsFromTallies(
  tallies: KeyedTallies,
  options: CrossSegmentsFromTalliesOptions = {},
): CrossSegmentBreakdown {
  return crossSegmentsOfTallies("crossSegmentsFromTallies", tallies, options);
}

/** {@link crossSegmentsFromTallies}, naming `fn` in errors; `leftOutIndices` are attached when known. */
export function crossSegmentsOfTallies(
  fn: string,
  tallies: KeyedTallies,
  options: CrossSegmentsFromTalliesOptions,
  leftOutIndices?: ReadonlyArray<number>,
): CrossSegmentBreakdown {
  const resolved = resolveSegmentOptions(fn, options);
  checkKeyedTallies(fn, tallies);
  const by = options.by;
  if (by !== undefined && (!Array.isArray(by) || by.length !== 2)) {
    throw new NpsError("invalid_option", `${fn}: by must be a pair of dimension names, received ${describeValue(by)}`);
  }
  const a = dimensionIndex(fn, tallies, by?.[0], 0);
  const b = dimensionIndex(fn, tallies, by?.[1], 1);
  const keysA = (tallies.dimensions[a] as { keys: ReadonlyArray<SegmentKey> }).keys;
  const keysB = (tallies.dimensions[b] as { keys: ReadonlyArray<SegmentKey> }).keys;
  const pairs: (readonly [SegmentKey, SegmentKey])[] = [];
  const positions = new Map<number, number>();
  const sums: WeightedSums[] = [];
  let leftOut = 0;
  for (const cell of tallies.cells) {
    const codeA = cell.codes[a] as number;
    const codeB = cell.codes[b] as number;
    const part = sumsOfTally(cell.tally);
    if (codeA < 0 || codeB < 0) {
      leftOut += (part[6] as number) + (part[7] as number) + (part[8] as number);
      continue;
    }
    const pairKey = codeA * 4294967296 + codeB;
    let position = positions.get(pairKey);
    if (position === undefined) {
      position = pairs.length;
      positions.set(pairKey, position);
      pairs.push([keysA[codeA] as SegmentKey, keysB[codeB] as SegmentKey]);
      sums.push(newWeightedSums());
    }
    addSums(sums[position] as WeightedSums, part);
  }
  return crossBreakdownOf(fn, pairs, sums, tallies.weighted, leftOut, resolved, leftOutIndices);
}
