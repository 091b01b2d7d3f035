import {
  type ColumnarResponses,
  categoryAt,
  columnsLength,
  optionalColumn,
  respondentAt,
  timeAt,
  weightAt,
} from "./columns.js";
import type { PreparedResponses } from "./prepareResponses.js";
import type { Scale } from "./scale.js";

/**
 * Validates columnar responses and reads them into the flat arrays the trend functions work on (the
 * same {@link PreparedResponses} the object path builds), in one pass. O(n). Respondent ids are always
 * validated, but numbered only `withRespondents` (otherwise `respondents` is all −1), as the object path does.
 */
export function prepareColumns(
  fn: string,
  columns: ColumnarResponses,
  scale: Scale,
  withRespondents = true,
): PreparedResponses {
  const length = columnsLength(fn, columns);
  const scores = columns.scores;
  const givenWeights = optionalColumn(fn, "weights", columns.weights, length);
  const givenTimes = optionalColumn(fn, "times", columns.times, length);
  const givenIds = optionalColumn(fn, "respondentIds", columns.respondentIds, length);
  const times = new Float64Array(length);
  const categories = new Uint8Array(length);
  const respondents = new Int32Array(length);
  const weights = givenWeights === undefined ? undefined : new Float64Array(length);
  const ids = new Map<string, number>();
  let dated = 0;
  let first = Number.NaN;
  let last = Number.NaN;
  for (let i = 0; i < length; i++) {
    categories[i] = categoryAt(fn, scores, i, scale);
    if (weights !== undefined) weights[i] = weightAt(fn, givenWeights as ArrayLike<number>, i);
    const time = givenTimes === undefined ? Number.NaN : timeAt(fn, givenTimes, i);
    times[i] = time;
    if (!Number.isNaN(time)) {
      if (dated === 0 || time < first) first = time;
      if (dated === 0 || time > last) last = time;
      dated++;
    }
    const id = givenIds === undefined ? undefined : respondentAt(fn, givenIds, i);
    if (id === undefined || !withRespondents) {
      respondents[i] = -1;
    } else {
      let number = ids.get(id);
      if (number === undefined) {
        number = ids.size;
        ids.set(id, number);
      }
      respondents[i] = number;
    }
  }
  return { length, times, categories, weights, respondents, respondentCount: ids.size, dated, first, last };
}
