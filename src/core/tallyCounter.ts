import { bucketFinder } from "./calendar.js";
import type { KeyedSums, TallyTime } from "./keyedTallies.js";
import type { Scale } from "./scale.js";
import type { SegmentKey } from "./segmentKey.js";
import { addWeighted, newWeightedSums, type WeightedSums } from "./tally.js";

/**
 * Counts validated responses into keyed running sums: the one place where a response is added to a
 * tally (the weighted-sum update of `core/tally.ts`), shared by every way of counting (objects,
 * columns, streamed files, warehouse rows).
 */
export interface TallyCounter {
  /** The code of `key` in dimension `d`, added to the dimension's keys when new. */
  code(d: number, key: SegmentKey): number;
  /**
   * Adds one validated response: its score, weight (1 when unweighted), one code per dimension (−1
   * for no value) and instant (NaN for no date).
   */
  add(score: number, weight: number, codes: ArrayLike<number>, time: number): void;
  /** Adds the sums of a whole cell (merging, or rows counted elsewhere). */
  addCell(codes: ArrayLike<number>, start: number | null, sums: ArrayLike<number>): void;
  /** Adds to the count of answers `score` (unweighted) without adding to any cell. */
  addToDistribution(score: number, count: number): void;
  /** Adds `dated` responses with a date, between `first` and `last`, without adding to any cell. */
  addDated(dated: number, first: number | null, last: number | null): void;
  /** What has been counted so far (the counter's own arrays: copy before counting more). */
  sums(): KeyedSums;
}

const DAY = 86_400_000;
/** The UTC days, around the first cell's, whose cell a counter without dimensions remembers in an array. */
const MEMO_DAYS = 8192;

/** A new, empty counter for the dimensions `names` and the calendar bucket `time`. */
export function createTallyCounter(
  names: ReadonlyArray<string>,
  time: TallyTime | null,
  scale: Scale,
  weighted: boolean,
  weightExponent = 0,
): TallyCounter {
  // Exact: a power of two (2^−1022 … 2^1023 for the exponents weightExponentOf gives).
  const factor = 2 ** -weightExponent;
  const dimensions = names.map((name) => ({ name, keys: [] as SegmentKey[], codes: new Map<SegmentKey, number>() }));
  const cells: { codes: number[]; start: number | null; sums: WeightedSums }[] = [];
  // Cells by their codes (one number for up to two dimensions, text beyond), then by bucket start
  // (NaN for no date).
  const index = new Map<number | string, Map<number, number>>();
  const distribution = new Float64Array(scale.max - scale.min + 1);
  const bucketOf =
    time === null ? undefined : bucketFinder(time.bucket, { timeZone: time.timeZone, weekStartsOn: time.weekStartsOn });
  const { promoterMin, detractorMax, min } = scale;
  let dated = 0;
  let first = Number.NaN;
  let last = Number.NaN;
  let recentKey: number | string | undefined;
  let recentStart = Number.NaN;
  let recentCell: WeightedSums | undefined;

  const codesKey = (codes: ArrayLike<number>): number | string => {
    if (codes.length === 0) return 0;
    if (codes.length === 1) return codes[0] as number;
    if (codes.length === 2) return ((codes[0] as number) + 1) * 4294967296 + ((codes[1] as number) + 1);
    return Array.from(codes).join(",");
  };
  // With one dimension or none the key is a code from −1 up, so cells are found by array index
  // (key + 1) instead of `index`: the map by bucket start, and the cell without a date.
  const small = names.length <= 1;
  const byCode: (Map<number, number> | undefined)[] = [];
  const undatedByCode: (WeightedSums | undefined)[] = [];
  const memoStarts = names.length === 0 ? new Float64Array(MEMO_DAYS).fill(Number.NaN) : new Float64Array(0);
  const memoCells: WeightedSums[] = [];
  let memoOrigin = Number.NaN;
  const cellOf = (codes: ArrayLike<number>, start: number): WeightedSums => {
    const key = codesKey(codes);
    const undated = Number.isNaN(start);
    if (
      recentCell !== undefined &&
      key === recentKey &&
      (start === recentStart || (undated && Number.isNaN(recentStart)))
    ) {
      return recentCell;
    }
    const slot = (key as number) + 1;
    let cell = small && undated ? undatedByCode[slot] : undefined;
    // Without dimensions, a dated cell is also remembered in an array by the UTC day of its start,
    // checked against the start itself (a zone's periods need not start one per UTC day).
    const memo = names.length === 0 && !undated ? Math.floor(start / DAY) - memoOrigin : -1;
    if (memo >= 0 && memo < MEMO_DAYS && memoStarts[memo] === start) cell = memoCells[memo];
    if (cell === undefined) {
      let byStart = small ? byCode[slot] : index.get(key);
      if (byStart === undefined) {
        byStart = new Map();
        if (small) byCode[slot] = byStart;
        else index.set(key, byStart);
      }
      let position = byStart.get(start);
      if (position === undefined) {
        position = cells.length;
        byStart.set(start, position);
        cells.push({ codes: Array.from(codes), start: undated ? null : start, sums: newWeightedSums() });
      }
      cell = (cells[position] as { sums: WeightedSums }).sums;
      if (small && undated) undatedByCode[slot] = cell;
      if (names.length === 0 && !undated) {
        if (Number.isNaN(memoOrigin)) memoOrigin = Math.floor(start / DAY) - MEMO_DAYS / 2;
        const i = Math.floor(start / DAY) - memoOrigin;
        if (i >= 0 && i < MEMO_DAYS) {
          memoStarts[i] = start;
          memoCells[i] = cell;
        }
      }
    }
    recentKey = key;
    recentStart = start;
    recentCell = cell;
    return cell;
  };
  const widen = (time: number): void => {
    if (!(time >= first)) first = time;
    if (!(time <= last)) last = time;
  };

  return {
    code(d, key) {
      const dimension = dimensions[d] as (typeof dimensions)[number];
      let code = dimension.codes.get(key);
      if (code === undefined) {
        code = dimension.keys.length;
        dimension.codes.set(key, code);
        dimension.keys.push(key);
      }
      return code;
    },
    add(score, weight, codes, instant) {
      distribution[score - min] = (distribution[score - min] as number) + 1;
      let start = Number.NaN;
      if (!Number.isNaN(instant)) {
        dated++;
        widen(instant);
        if (bucketOf !== undefined) start = bucketOf(instant);
      }
      addWeighted(cellOf(codes, start), score >= promoterMin ? 0 : score <= detractorMax ? 2 : 1, weight * factor);
    },
    addCell(codes, start, sums) {
      const target = cellOf(codes, start ?? Number.NaN);
      for (let k = 0; k < 9; k++) target[k] = (target[k] as number) + (sums[k] as number);
    },
    addToDistribution(score, count) {
      distribution[score - min] = (distribution[score - min] as number) + count;
    },
    addDated(count, from, to) {
      dated += count;
      if (from !== null) widen(from);
      if (to !== null) widen(to);
    },
    sums() {
      return {
        dimensions,
        time,
        weighted,
        weightExponent,
        scale,
        cells,
        distribution,
        dated,
        first: Number.isNaN(first) ? null : first,
        last: Number.isNaN(last) ? null : last,
      };
    },
  };
}
