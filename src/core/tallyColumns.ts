import { describeValue } from "../internal/describe.js";
import { type ColumnarResponses, categoryAt, columnsLength, optionalColumn, weightAt } from "./columns.js";
import { NpsError } from "./errors.js";
import { type Scale, STANDARD_SCALE } from "./scale.js";
import { addWeighted, newWeightedSums, type Tally, tallyOfScores, weightedTally } from "./tally.js";

/** Options of {@link tallyColumns}. */
export interface TallyColumnsOptions {
  /** The answer scale. @defaultValue {@link STANDARD_SCALE} */
  readonly scale?: Scale;
}

/**
 * Tallies columnar responses: {@link tally} of `columns.scores`, weighted by `columns.weights` when
 * that column is present. The result is identical to {@link tallyResponses} of the same responses as
 * objects. Other columns are not read. O(n); a `Uint8Array` of scores takes the histogram fast path.
 *
 * @param columns - The responses as columns (see {@link ColumnarResponses}).
 * @param options - The scale.
 * @returns The tally (weighted when `weights` is present; all zero for no scores).
 * @throws {@link NpsError} `invalid_score` or `invalid_weight` naming the first bad value and its
 * index; `invalid_input` when a column is not an array or has another length than `scores`;
 * `invalid_option` when `options` is not an object.
 * @example
 * ```ts
 * import { tallyColumns } from "npskit";
 * tallyColumns({ scores: new Uint8Array([10, 9, 8, 3]) }); // => { promoters: 2, passives: 1, detractors: 1 }
 * tallyColumns({ scores: [10, 3], weights: new Float64Array([2, 1]) }).promoters; // => 2
 * ```
 * @category Columnar
 */
export function tallyColumns(columns: ColumnarResponses, options: TallyColumnsOptions = {}): Tally {
  if (options === null || typeof options !== "object") {
    throw new NpsError("invalid_option", `tallyColumns: options must be an object, received ${describeValue(options)}`);
  }
  const scale = options.scale ?? STANDARD_SCALE;
  const length = columnsLength("tallyColumns", columns);
  const weights = optionalColumn("tallyColumns", "weights", columns.weights, length);
  if (weights === undefined) return tallyOfScores("tallyColumns", columns.scores, scale);
  const sums = newWeightedSums();
  const scores = columns.scores;
  for (let i = 0; i < length; i++) {
    addWeighted(sums, categoryAt("tallyColumns", scores, i, scale), weightAt("tallyColumns", weights, i));
  }
  return weightedTally(sums, scale);
}
