import type { ColumnarResponses } from "./columns.js";
import { type CountColumnsOptions, columnNames, countColumnsFor } from "./countColumns.js";
import { resolveCountTime } from "./countResponses.js";
import { NpsError } from "./errors.js";
import { type KeyedTallies, keyedTalliesOf } from "./keyedTallies.js";
import { mergeKeyedTallies } from "./mergeKeyedTallies.js";
import { STANDARD_SCALE } from "./scale.js";
import { createTallyCounter, type TallyCounter } from "./tallyCounter.js";

/**
 * A counter that takes responses in batches — the batches of a streamed file — and gives the keyed
 * tallies of all of them: made by {@link countInBatches}.
 *
 * @category Keyed tallies
 */
export interface BatchCounter {
  /** Counts one batch of responses in columns (see {@link countColumns}). */
  add(columns: ColumnarResponses): void;
  /** The keyed tallies of every batch added so far. */
  result(): KeyedTallies;
}

/**
 * Counts responses that come in batches into one set of keyed tallies, as {@link countColumns} counts
 * one batch: the same cells as counting all the batches at once or merging them, with the calendar
 * looked up once per distinct day of data for the whole stream (counting each batch apart and merging
 * looks the days up again in every batch). Batches may be weighted or not, and their weights of any
 * size. O(n) for n responses.
 *
 * @param options - Dimensions (segment column names), calendar bucket, time zone, week start, scale.
 * @returns The counter.
 * @throws {@link NpsError} `invalid_option` for an unknown period or time zone; `add` throws as
 * {@link countColumns} does.
 * @example
 * ```ts
 * import { countInBatches, segmentsFromTallies } from "npskit";
 * const counter = countInBatches({ by: "plan" });
 * const segments = { plan: { codes: [0, 1], dictionary: ["pro", "free"] } };
 * counter.add({ scores: [10, 3], segments });
 * counter.add({ scores: [9, 9], segments });
 * segmentsFromTallies(counter.result()).segments.map((segment) => [segment.key, segment.n]); // => [["free", 2], ["pro", 2]]
 * ```
 * @category Keyed tallies
 */
export function countInBatches(options: CountColumnsOptions = {}): BatchCounter {
  const fn = "countInBatches";
  const time = resolveCountTime(fn, options);
  const by = columnNames(fn, options.by);
  const scale = options.scale ?? STANDARD_SCALE;
  // One counter while the weighting and weight exponent stay the same (nearly always); a batch that
  // changes them starts a new one, and the parts are merged at the end.
  const done: KeyedTallies[] = [];
  let current: { counter: TallyCounter; weighted: boolean; exponent: number } | undefined;
  const counterFor = (weighted: boolean, exponent: number): TallyCounter => {
    if (current !== undefined && current.weighted === weighted && current.exponent === exponent) return current.counter;
    if (current !== undefined) done.push(keyedTalliesOf(current.counter.sums()));
    current = { counter: createTallyCounter(by, time, scale, weighted, exponent), weighted, exponent };
    return current.counter;
  };
  return {
    add(columns) {
      countColumnsFor(fn, columns, by, time, scale, undefined, counterFor);
    },
    result() {
      const parts = [...done, keyedTalliesOf((current?.counter ?? counterFor(false, 0)).sums())];
      return parts.length === 1 ? (parts[0] as KeyedTallies) : mergeKeyedTallies(parts);
    },
  };
}
