import type { ColumnarResponses, SegmentColumn } from "../core/columns.js";
import type { NpsIssue } from "../core/errors.js";
import type { AttributeValue } from "../core/response.js";
import { describeValue } from "../internal/describe.js";
import { ACCEPTED, createRowChecker, REJECTED, type RowChecker } from "./compileRow.js";
import {
  checkColumnsExist,
  createDateTextReader,
  type ParseCounts,
  type ParseOptions,
  resolveOptions,
  type SkippedRow,
} from "./parseResponses.js";

/**
 * Validated responses of consecutive rows, in columns, with the accounting of those rows: what
 * `parseResponses` gives for the same rows, without one object per row.
 *
 * - `columns` holds the accepted rows only, in row order: `scores` always; `times` (epoch ms, `NaN`
 *   for no date) when a date column is mapped; `weights` when a weight column is mapped;
 *   `respondentIds` when an id column is mapped; `segments[name]` for each attribute column, a
 *   missing value being the key `null` (as in `attributes`).
 * - The segment dictionaries are shared by the batches of one reading and only grow: a code means
 *   the same key in every batch, so tallies keyed by code can be merged across batches before the
 *   codes are turned into keys. Read a batch's dictionary only up to the largest code it holds, or
 *   after the last batch.
 * - `rowNumbers[i]` is the row (line of a CSV, with the header as line 1: the first data row is 2) that
 *   response `i` came from.
 * - `counts`, `skipped` and `issues` are those of `parseResponses` in collect mode for these rows,
 *   plus the rows that could not be read at all (broken CSV quoting, an NDJSON line that is not
 *   JSON), which count as rejected: `counts.rows = accepted + skipped + rejected`.
 *
 * @category Input
 */
export interface ColumnarBatch {
  /** Tells a columnar batch apart from other results. */
  readonly kind: "columnar-batch";
  /** The accepted responses, column by column. */
  readonly columns: ColumnarResponses;
  /** The comment of each accepted row (`undefined` without one), when a comment column is mapped. */
  readonly comments?: ReadonlyArray<string | undefined>;
  /** The row number of each accepted response. */
  readonly rowNumbers: Uint32Array | Float64Array;
  /** Rows read, accepted, skipped and rejected in this batch (unreadable rows count as rejected). */
  readonly counts: ParseCounts;
  /** The rows skipped for a missing score, with their row numbers and reasons. */
  readonly skipped: ReadonlyArray<SkippedRow>;
  /** Every problem of the rejected rows, with its row, field, value and message. */
  readonly issues: ReadonlyArray<NpsIssue>;
  /** With `badDate: "undated"`: the accepted rows whose date did not parse (their time is `NaN`). */
  readonly undated: ReadonlyArray<NpsIssue>;
}

/**
 * Collects checked rows into {@link ColumnarBatch}es. Put a row's raw values in `checker.raw` (see
 * {@link RowChecker}), then call `add`; a row that is not an object or cannot be read goes to
 * `reject`. `take` hands over what was collected and starts a new batch.
 */
export interface ColumnarBatcher {
  readonly checker: RowChecker;
  /** The number of rows (of every outcome) in the current batch. */
  readonly size: number;
  /** Checks the values in `checker.raw` as row number `row`, `index` being its place in its batch. */
  add(index: number, row: number): void;
  /** Counts a row as rejected with this issue (a row that is not an object, a line that is not JSON…). */
  reject(issue: NpsIssue): void;
  /** The batch collected so far (possibly empty); the next rows start a new one. */
  take(): ColumnarBatch;
}

/**
 * A batcher for one field mapping: the options are those of `parseResponses` (`mode` is ignored:
 * rejected rows are always collected). O(1) to create; O(k) per row for k mapped columns.
 *
 * @throws {@link NpsError} `invalid_option` for an invalid option, `invalid_date` for an unknown time zone.
 */
export function createColumnarBatcher(options: ParseOptions, fn = "parseResponses"): ColumnarBatcher {
  const settings = resolveOptions(options, fn);
  const checker = createRowChecker({ ...settings, readDateText: createDateTextReader(fn, settings) });
  const { fields, attributeColumns, scale } = settings;
  const smallScores = scale.min >= 0 && scale.max <= 255;
  const hasDate = fields.date !== undefined;
  const hasWeight = fields.weight !== undefined;
  const hasId = fields.respondentId !== undefined;
  const hasComment = fields.comment !== undefined;
  const attributeCount = attributeColumns.length;
  const dictionaries: AttributeValue[][] = attributeColumns.map(() => []);
  const codeMaps: Array<Map<AttributeValue, number>> = attributeColumns.map(() => new Map());
  const { attributes } = checker;

  let capacity = 0;
  let scores: Uint8Array | Float64Array = new Uint8Array(0);
  let times = new Float64Array(0);
  let weights = new Float64Array(0);
  let rowNumbers: Uint32Array | Float64Array = new Uint32Array(0);
  let codes: Int32Array[] = [];
  let ids: Array<string | undefined> = [];
  let comments: Array<string | undefined> = [];
  let accepted = 0;
  let rows = 0;
  let skipped: SkippedRow[] = [];
  let issues: NpsIssue[] = [];
  let undated: NpsIssue[] = [];
  let rejected = 0;

  const grow = (): void => {
    const next = Math.max(1024, capacity * 2);
    const copy = <T extends Uint8Array | Float64Array | Uint32Array | Int32Array>(
      array: T,
      make: new (n: number) => T,
    ) => {
      const grown = new make(next);
      grown.set(array.subarray(0, accepted));
      return grown;
    };
    scores = smallScores ? copy(scores as Uint8Array, Uint8Array) : copy(scores as Float64Array, Float64Array);
    if (hasDate) times = copy(times, Float64Array);
    if (hasWeight) weights = copy(weights, Float64Array);
    rowNumbers =
      rowNumbers instanceof Uint32Array
        ? copy(rowNumbers, Uint32Array)
        : copy(rowNumbers as Float64Array, Float64Array);
    codes = codes.length === 0 ? dictionaries.map(() => new Int32Array(next)) : codes.map((c) => copy(c, Int32Array));
    capacity = next;
  };

  return {
    checker,
    get size() {
      return rows;
    },
    add(index, row) {
      rows++;
      const outcome = checker.check(index, row, issues, skipped, undated);
      if (outcome !== ACCEPTED) {
        if (outcome === REJECTED) rejected++;
        return;
      }
      if (accepted === capacity) grow();
      scores[accepted] = checker.score;
      if (hasDate) times[accepted] = checker.time;
      if (hasWeight) weights[accepted] = checker.weight;
      if (row > 0xffffffff && rowNumbers instanceof Uint32Array) rowNumbers = Float64Array.from(rowNumbers);
      rowNumbers[accepted] = row;
      if (hasId) ids.push(checker.respondentId);
      if (hasComment) comments.push(checker.comment);
      for (let j = 0; j < attributeCount; j++) {
        const value = attributes[j] as AttributeValue;
        const map = codeMaps[j] as Map<AttributeValue, number>;
        let code = map.get(value);
        if (code === undefined) {
          const dictionary = dictionaries[j] as AttributeValue[];
          code = dictionary.length;
          dictionary.push(value);
          map.set(value, code);
        }
        (codes[j] as Int32Array)[accepted] = code;
      }
      accepted++;
    },
    reject(issue) {
      rows++;
      rejected++;
      issues.push(issue);
    },
    take() {
      const columns: { -readonly [K in keyof ColumnarResponses]: ColumnarResponses[K] } = {
        scores: scores.subarray(0, accepted),
      };
      if (hasDate) columns.times = times.subarray(0, accepted);
      if (hasWeight) columns.weights = weights.subarray(0, accepted);
      if (hasId) columns.respondentIds = ids;
      if (attributeCount > 0) {
        const segments: Record<string, SegmentColumn> = Object.create(null);
        for (let j = 0; j < attributeCount; j++) {
          segments[attributeColumns[j] as string] = {
            codes: capacity === 0 ? new Int32Array(0) : (codes[j] as Int32Array).subarray(0, accepted),
            dictionary: dictionaries[j] as AttributeValue[],
          };
        }
        columns.segments = segments;
      }
      const batch: ColumnarBatch = {
        kind: "columnar-batch",
        columns,
        ...(hasComment ? { comments } : {}),
        rowNumbers: rowNumbers.subarray(0, accepted),
        counts: { rows, accepted, skipped: skipped.length, rejected },
        skipped,
        issues,
        undated,
      };
      // The next batch writes into new arrays: the ones handed over stay as they are.
      capacity = 0;
      scores = new Uint8Array(0);
      times = new Float64Array(0);
      weights = new Float64Array(0);
      rowNumbers = new Uint32Array(0);
      codes = [];
      ids = [];
      comments = [];
      accepted = 0;
      rows = 0;
      skipped = [];
      issues = [];
      undated = [];
      rejected = 0;
      return batch;
    },
  };
}

/**
 * Rows already in memory (objects, as `parseResponses` takes them) as one {@link ColumnarBatch}:
 * the same accepted responses, skipped rows and issues as `parseResponses(rows, { ...options, mode:
 * "collect" })`, in columns. O(n·k).
 *
 * @param rows - Raw rows (objects keyed by column).
 * @param options - The options of {@link parseResponses}.
 * @returns The batch: accepted responses in columns, with the row accounting.
 * @throws {@link NpsError} `invalid_option` for an invalid option.
 * @example
 * ```ts
 * import { parseColumnarBatch } from "npskit";
 * const batch = parseColumnarBatch([{ NPS: "10" }, { NPS: "7" }, { NPS: "11" }], { fields: { score: "NPS" } });
 * Array.from(batch.columns.scores); // => [10, 7]
 * batch.counts; // => { rows: 3, accepted: 2, skipped: 0, rejected: 1 }
 * ```
 * @category Input
 */
export function parseColumnarBatch(rows: ReadonlyArray<unknown>, options: ParseOptions): ColumnarBatch {
  const batcher = createColumnarBatcher(options);
  const settings = resolveOptions(options);
  const { firstRow } = settings;
  checkColumnsExist(rows, settings.fields, settings.attributeColumns);
  const columns = [
    settings.fields.score,
    settings.fields.date,
    settings.fields.respondentId,
    settings.fields.weight,
    settings.fields.comment,
    ...settings.attributeColumns,
  ];
  for (let index = 0; index < rows.length; index++)
    addObjectRow(batcher, rows[index], columns, index, firstRow + index);
  return batcher.take();
}

/**
 * Puts one object row through a batcher: `columns` are the mapped column names in the order of
 * `checker.raw` (score, date, id, weight, comment, attributes; `undefined` when not mapped).
 */
export function addObjectRow(
  batcher: ColumnarBatcher,
  row: unknown,
  columns: ReadonlyArray<string | undefined>,
  index: number,
  rowNumber: number,
): void {
  if (row === null || typeof row !== "object" || Array.isArray(row)) {
    batcher.reject({
      path: [index],
      message: `row must be an object, received ${describeValue(row)}`,
      value: row,
      row: rowNumber,
    });
    return;
  }
  const raw = batcher.checker.raw;
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    raw[c] = column !== undefined && Object.hasOwn(row, column) ? (row as Record<string, unknown>)[column] : undefined;
  }
  batcher.add(index, rowNumber);
}
