import { NpsError } from "../core/errors.js";
import { addObjectRow, type ColumnarBatch, createColumnarBatcher } from "../input/columnarBatch.js";
import { TIME_GIVEN } from "../input/compileRow.js";
import {
  type FieldMapping,
  type ParseOptions,
  type ParseResult,
  parseCheckedRows,
  resolveOptions,
} from "../input/parseResponses.js";
import { createWallClockConverter, fastIsoTime, SLOW } from "../input/readDate.js";
import { checkWhereColumns, matchesWhere, type WhereFilter } from "../input/where.js";
import { describeValue } from "../internal/describe.js";
import { type ColumnOptions, chooseFields, type DateAdvice, PROBE_ROWS } from "./chooseFields.js";
import { openBytes, type ReadingIo, readError } from "./io.js";
import type { InputFormatChoice } from "./readRows.js";
import { decodeStream, type EncodingChoice, type RowBatch, type RowStream, streamRows } from "./stream.js";

/**
 * The reading options of {@link readResponses} and {@link streamResponses}: the command's reading
 * options (`npskit report --score …`), with the command's defaults, and where the bytes come from.
 *
 * @category Node
 */
export interface ReadingOptions extends ReadingIo {
  /** The column of the 0–10 answer. @defaultValue guessed from the header, checked on the first 2,000 values */
  readonly score?: string;
  /** The date column. @defaultValue guessed from the header (left out, with a note, when its values do not read) */
  readonly date?: string;
  /** A date-fns pattern of the dates (`"d/M/yyyy H:mm"`). @defaultValue ISO 8601, else detected */
  readonly dateFormat?: string;
  /** The IANA time zone of dates without an offset. @defaultValue `"UTC"` */
  readonly timeZone?: string;
  /** The respondent id column. @defaultValue guessed from the header */
  readonly respondentId?: string;
  /** The comment column. @defaultValue guessed from the header (when it holds free text) */
  readonly comment?: string;
  /** The weight column. @defaultValue guessed from the header */
  readonly weight?: string;
  /** Segment columns, kept in `attributes`. @defaultValue none */
  readonly attributes?: ReadonlyArray<string>;
  /** `"auto"` (a byte-order mark, else UTF-16 by its NUL bytes, else UTF-8 when valid, else latin-1), `"utf-8"` or `"latin1"`. @defaultValue `"auto"` */
  readonly encoding?: EncodingChoice;
  /** The CSV delimiter (one character). @defaultValue detected on the header line among `,` `;` tab */
  readonly delimiter?: string;
  /** `"auto"` (by the file name, then the first character), `"csv"`, `"json"` or `"ndjson"`. @defaultValue `"auto"` */
  readonly inputFormat?: InputFormatChoice;
  /** A blank or `NA` score: `"skip"` the row and count it, or `"reject"` it. @defaultValue `"skip"` */
  readonly missingScore?: "skip" | "reject";
  /** A date that does not parse: keep the row `"undated"` and list it, or `"reject"` it. @defaultValue `"undated"` */
  readonly badDate?: "undated" | "reject";
  /**
   * Called with each note the command prints on standard error, as it arises: the encoding, the
   * columns guessed, the date pattern detected, ragged rows… (they name the command's options:
   * `--date-format` is `dateFormat` here).
   */
  readonly onNote?: (text: string) => void;
}

/**
 * Options of {@link streamResponses}: the reading options, what each batch holds, row filters, and a
 * check of the header.
 *
 * @category Node
 */
export interface StreamResponsesOptions extends ReadingOptions {
  /**
   * `"responses"`: batches of `NpsResponse` objects (`ParseResult`); `"columns"`: batches of typed
   * columns without an object per row (`ColumnarBatch`). @defaultValue `"responses"`
   */
  readonly output?: "responses" | "columns";
  /**
   * Row filters (`parseWhere` of `npskit`), combined with AND: a row that fails one is left out
   * before it is checked, and counted in `filtered` of the result instead of in the batches.
   * @defaultValue no filter
   */
  readonly where?: ReadonlyArray<WhereFilter>;
  /**
   * Called with the header's column names before the columns are chosen: throw to stop reading (to
   * check the columns that other options name).
   */
  readonly checkColumns?: (columns: ReadonlyArray<string>) => void;
}

/**
 * A batch of {@link streamResponses} (`output: "responses"`): the checked rows of a piece of the
 * file, with the row each accepted response comes from.
 *
 * @category Node
 */
export interface ResponseBatch extends ParseResult {
  /**
   * The row number of each response of `responses`, in order: CSV rows by their line in the file (the
   * header is line 1), JSON items and NDJSON lines from 1. Rows left out by `where` are skipped over.
   */
  readonly rowNumbers: ReadonlyArray<number>;
}

/**
 * How a file was read: what the report's JSON calls `input`, and the mapping used.
 *
 * @category Node
 */
export interface StreamedInput {
  /** The file's format, given or detected. */
  readonly format: "csv" | "json" | "ndjson";
  /** The text encoding, given or detected. */
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "latin1";
  /** The CSV delimiter, given or detected (CSV only). */
  readonly delimiter?: string;
  /** The columns used, given or guessed. */
  readonly fields: FieldMapping;
  /** The date pattern, given or detected (absent: ISO 8601). */
  readonly dateFormat?: string;
  /** Rows left out by `where` (absent without filters); not in the counts of the batches. */
  readonly filtered?: number;
  /** A date pattern that reads more of the first rows' dates than the one used (see {@link DateAdvice}). */
  readonly dateAdvice?: DateAdvice;
}

/**
 * Reads a CSV, JSON or NDJSON file (or standard input for `"-"`) of survey answers batch by batch,
 * as `npskit report` does, with its defaults: the bytes decoded as they come (the encoding
 * detected), rows read as they come (the CSV delimiter detected), the columns not given guessed from
 * the header and checked on the first rows (with the command's notes), the date format detected when
 * the dates are not ISO 8601, then each batch checked in collect mode and handed to `onBatch`: blank
 * scores skipped and counted, dates that do not parse kept undated and listed, invalid rows rejected
 * with their row number and reason, and a row that cannot be read (broken CSV quoting, an NDJSON line
 * that is not JSON, a JSON item that is not an object) rejected the same way; the rest of the file
 * is read. Every row is in the counts of one batch (`rows = accepted + skipped + rejected`), or in
 * `filtered`. Memory does not grow with the file unless `onBatch` keeps what it is given. O(n) in
 * the bytes. Each batch holds the row number of each of its responses (`rowNumbers`).
 *
 * With `output: "columns"`, `onBatch` receives `ColumnarBatch`es instead: the same accepted rows,
 * skipped rows, issues and counts, with the accepted responses in typed columns and their row
 * numbers, and no object per row (a CSV's cells go straight from the text into the columns); count
 * them with `countInBatches`. Segment dictionaries are shared by the batches of one file and only
 * grow, so a code means the same key in every batch.
 *
 * The row accounting helpers ({@link countProblems}, {@link undatedNote}, {@link tooManyLost}) turn
 * the batches into the command's notes and its `--max-rejected` message; {@link readResponses} keeps
 * every response instead.
 *
 * @param path - The file to read (`"-"` reads standard input).
 * @param options - The columns, reading rules, filters and I/O; every one is optional.
 * @param onBatch - Called with each batch, in file order.
 * @returns How the file was read: its format, encoding, delimiter, the columns used, the date format.
 * @throws `NpsError` (from `npskit`) `invalid_input` when the file cannot be read, is not CSV, JSON or
 * NDJSON, has no data rows, or a column given is not in it, with the message the command prints;
 * `invalid_option` for an invalid option or a `where` filter on a column that is not in the file;
 * whatever `onBatch` or `checkColumns` throw.
 * @example
 * ```typescript
 * import { countInBatches } from "npskit";
 * import { streamResponses } from "npskit/node";
 * const counter = countInBatches({ by: ["Plan"], period: "month" });
 * const input = await streamResponses("survey.csv", { attributes: ["Plan"], output: "columns" }, (batch) =>
 *   counter.add(batch.columns),
 * );
 * input.fields.score; // "Likely to recommend" (guessed)
 * const tallies = counter.result();
 * ```
 * @category Node
 */
export function streamResponses(
  path: string,
  options: StreamResponsesOptions & { readonly output: "columns" },
  onBatch: (batch: ColumnarBatch) => void,
): Promise<StreamedInput>;
export function streamResponses(
  path: string,
  options: StreamResponsesOptions & { readonly output?: "responses" },
  onBatch: (batch: ResponseBatch) => void,
): Promise<StreamedInput>;
export async function streamResponses(
  path: string,
  options: StreamResponsesOptions,
  onBatch: ((batch: ResponseBatch) => void) | ((batch: ColumnarBatch) => void),
): Promise<StreamedInput> {
  checkPath("streamResponses", path);
  checkReadingOptions("streamResponses", options);
  const { output, where, checkColumns } = options;
  if (output !== undefined && output !== "responses" && output !== "columns") {
    throw invalidOption("streamResponses", "output", '"responses" or "columns"', output);
  }
  if (where !== undefined && !Array.isArray(where)) {
    throw invalidOption("streamResponses", "where", "an array of filters from parseWhere", where);
  }
  if (checkColumns !== undefined && typeof checkColumns !== "function") {
    throw invalidOption("streamResponses", "checkColumns", "a function", checkColumns);
  }
  if (typeof onBatch !== "function") throw invalidOption("streamResponses", "onBatch", "a function", onBatch);
  return readBatches(path, options, onBatch);
}

/**
 * {@link streamResponses} without its checks of the options (for {@link readResponses}, which checks
 * its own).
 */
export async function readBatches(
  file: string,
  options: StreamResponsesOptions,
  onBatch: ((batch: ResponseBatch) => void) | ((batch: ColumnarBatch) => void),
): Promise<StreamedInput> {
  const columnar = options.output === "columns";
  const bytes = await openBytes(file, options);
  const note = options.onNote ?? (() => {});
  const columns = columnsOf(options);
  const decoded = await decodeStream(bytes.chunks, options.encoding ?? "auto", note);
  if (decoded.note !== undefined) note(`encoding: ${decoded.note}`);
  const rows = await streamRows(decoded.texts, {
    format: options.inputFormat ?? "auto",
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(file === "-" ? {} : { fileName: file }),
  });
  let notesShown = 0;
  const showNotes = (): void => {
    for (; notesShown < rows.notes.length; notesShown++) note(rows.notes[notesShown] as string);
  };
  showNotes();
  const { timeZone } = columns;
  let handle: ((batch: RowBatch) => void) | undefined;
  let chosen: ReturnType<typeof chooseFields> | undefined;
  let probe: RowBatch[] = [];
  let probeRows = 0;
  let filtered = 0;
  const decide = (): void => {
    const objects: Array<Readonly<Record<string, unknown>>> = [];
    for (const batch of probe) {
      for (const row of batch.rows) {
        if (row !== null && typeof row === "object" && !Array.isArray(row))
          objects.push(row as Readonly<Record<string, unknown>>);
      }
    }
    if (probeRows === 0) throw readError(`${file === "-" ? "standard input" : file} has no data rows`);
    options.checkColumns?.(rows.columns);
    // A filter on a column that is not in the file would leave every row out, or none, silently.
    if (options.where !== undefined) checkWhereColumns(options.where, rows.columns);
    chosen = chooseFields({ rows: objects, columns: rows.columns, format: rows.format, notes: [] }, columns);
    for (const text of chosen.notes) note(text);
    showNotes();
    // Both handlers read own properties only: JSON objects need no copy from here on.
    rows.plainObjects();
    const { fields, dateFormat } = chosen;
    const parseOptions: ParseOptions = {
      fields,
      mode: "collect",
      missingScore: options.missingScore ?? "skip",
      badDate: options.badDate ?? "undated",
      ...(dateFormat === undefined ? {} : { dateFormat }),
      ...(timeZone === undefined ? {} : { timeZone }),
    };
    const keep = rowFilter(options.where, rows.columns, () => {
      filtered++;
    });
    handle = columnar
      ? columnarHandler(rows, parseOptions, onBatch as (batch: ColumnarBatch) => void, keep)
      : objectHandler(parseOptions, onBatch as (batch: ResponseBatch) => void, keep);
    for (const batch of probe) handle(batch);
    probe = [];
  };
  for await (const batch of rows.batches) {
    if (handle !== undefined) {
      handle(batch);
      continue;
    }
    probe.push(batch);
    probeRows += batch.size + batch.unreadable.length;
    if (probeRows >= PROBE_ROWS) decide();
  }
  if (handle === undefined) decide();
  showNotes();
  const { fields, dateFormat, dateAdvice } = chosen as NonNullable<typeof chosen>;
  return {
    format: rows.format,
    encoding: decoded.encoding,
    ...(rows.delimiter === undefined ? {} : { delimiter: rows.delimiter }),
    fields,
    ...(dateFormat === undefined ? {} : { dateFormat }),
    ...(options.where === undefined ? {} : { filtered }),
    ...(dateAdvice === undefined ? {} : { dateAdvice }),
  };
}

/**
 * Which rows the filters keep: a test of a row object, and of a CSV record (its fields by index),
 * each given the row's number and calling `left` for a row left out; `undefined` without filters.
 */
interface RowFilter {
  readonly object: (row: unknown, rowNumber: number) => boolean;
  readonly record: (record: { fieldCount: number; field(index: number): string }, rowNumber: number) => boolean;
}

function rowFilter(
  where: ReadonlyArray<WhereFilter> | undefined,
  columns: ReadonlyArray<string>,
  left: () => void,
): RowFilter | undefined {
  if (where === undefined || where.length === 0) return undefined;
  const counted = (kept: boolean): boolean => {
    if (!kept) left();
    return kept;
  };
  const indexes = new Map(where.map((filter) => [filter.column, columns.indexOf(filter.column)]));
  return {
    object: (row, rowNumber) =>
      // A row that is not an object is left to the checks, which reject it.
      row === null || typeof row !== "object" || Array.isArray(row)
        ? true
        : counted(
            matchesWhere(
              where,
              (column) => (Object.hasOwn(row, column) ? (row as Record<string, unknown>)[column] : undefined),
              rowNumber,
            ),
          ),
    record: (record, rowNumber) =>
      counted(
        matchesWhere(
          where,
          (column) => {
            const index = indexes.get(column) ?? -1;
            return index < 0 || index >= record.fieldCount ? undefined : record.field(index);
          },
          rowNumber,
        ),
      ),
  };
}

/** Unreadable rows first, then the parsed rows (those the filter keeps): one `ParseResult` per batch. */
function objectHandler(
  parseOptions: ParseOptions,
  onBatch: (batch: ResponseBatch) => void,
  keep: RowFilter | undefined,
): (batch: RowBatch) => void {
  const settings = resolveOptions(parseOptions);
  return (batch) => {
    const rowNumbers: number[] = [];
    const parsed =
      keep === undefined
        ? parseCheckedRows(batch.rows, { ...settings, firstRow: batch.firstRow }, rowNumbers)
        : parseKept(batch, settings, keep, rowNumbers);
    const { unreadable } = batch;
    if (unreadable.length === 0) {
      onBatch({ ...parsed, rowNumbers });
      return;
    }
    const { counts } = parsed;
    onBatch({
      responses: parsed.responses,
      rowNumbers,
      skipped: parsed.skipped,
      issues: [...unreadable, ...parsed.issues],
      undated: parsed.undated,
      counts: {
        rows: counts.rows + unreadable.length,
        accepted: counts.accepted,
        skipped: counts.skipped,
        rejected: counts.rejected + unreadable.length,
      },
    });
  };
}

/** The rows of a batch that the filter keeps, parsed run by run so that each keeps its row number. */
function parseKept(
  batch: RowBatch,
  settings: ReturnType<typeof resolveOptions>,
  keep: RowFilter,
  rowNumbers: number[],
): ParseResult {
  const parts: ParseResult[] = [];
  let start = 0;
  const flush = (end: number): void => {
    if (end > start)
      parts.push(
        parseCheckedRows(batch.rows.slice(start, end), { ...settings, firstRow: batch.firstRow + start }, rowNumbers),
      );
  };
  for (let r = 0; r < batch.rows.length; r++) {
    if (keep.object(batch.rows[r], batch.firstRow + r)) continue;
    flush(r);
    start = r + 1;
  }
  flush(batch.rows.length);
  return {
    responses: parts.flatMap((part) => part.responses),
    skipped: parts.flatMap((part) => part.skipped),
    issues: parts.flatMap((part) => part.issues),
    undated: parts.flatMap((part) => part.undated),
    counts: {
      rows: parts.reduce((sum, part) => sum + part.counts.rows, 0),
      accepted: parts.reduce((sum, part) => sum + part.counts.accepted, 0),
      skipped: parts.reduce((sum, part) => sum + part.counts.skipped, 0),
      rejected: parts.reduce((sum, part) => sum + part.counts.rejected, 0),
    },
  };
}

/**
 * Rows checked straight into columns, one `ColumnarBatch` per batch: a CSV's records as they are
 * read (only the mapped fields become strings), JSON and NDJSON objects as they come.
 */
function columnarHandler(
  rows: RowStream,
  parseOptions: ParseOptions,
  onBatch: (batch: ColumnarBatch) => void,
  keep: RowFilter | undefined,
): (batch: RowBatch) => void {
  const batcher = createColumnarBatcher(parseOptions);
  const { fields } = parseOptions;
  const mapped = [
    fields.score,
    fields.date,
    fields.respondentId,
    fields.weight,
    fields.comment,
    ...(fields.attributes ?? []),
  ];
  const indexes = mapped.map((name) => (name === undefined ? -1 : rows.columns.indexOf(name)));
  const { checker } = batcher;
  const raw = checker.raw;
  const width = indexes.length;
  const settings = resolveOptions(parseOptions);
  const { min, max } = settings.scale;
  const scoreColumn = indexes[0] as number;
  // ISO dates are read in place, without making their strings (other formats go through strings).
  const dateColumn = settings.dateFormat === undefined ? (indexes[1] as number) : -1;
  const toInstant = createWallClockConverter(settings.timeZone);
  rows.readDirectly({
    record(record, index, row) {
      if (keep !== undefined && !keep.record(record, row)) return;
      const count = record.fieldCount;
      const { text, starts, ends } = record;
      for (let c = 0; c < width; c++) {
        const column = indexes[c] as number;
        // A field past the end of a short row is absent, as in the row objects.
        if (column < 0 || column >= count) {
          raw[c] = undefined;
          continue;
        }
        const start = starts[column] as number;
        const end = ends[column] as number;
        if (column === scoreColumn && c === 0 && end - start <= 2 && end > start) {
          // One or two digits: the score as a number when it is on the scale (the checks then take
          // it as they take the string); anything else as the string, for the same message.
          const first = text.charCodeAt(start) - 48;
          const second = end - start === 2 ? text.charCodeAt(start + 1) - 48 : -1;
          const score = second === -1 ? first : first * 10 + second;
          if (first >= 0 && first <= 9 && (second === -1 || (first > 0 && second >= 0 && second <= 9))) {
            if (score >= min && score <= max) {
              raw[0] = score;
              continue;
            }
          }
        } else if (column === dateColumn && c === 1 && record.escaped[column] === 0) {
          const time = fastIsoTime(text, start, end, toInstant);
          if (time !== undefined && time !== SLOW) {
            raw[1] = TIME_GIVEN;
            checker.givenTime = time;
            continue;
          }
        }
        raw[c] = record.field(column);
      }
      batcher.add(index, row);
    },
    unreadable(issue) {
      batcher.reject(issue);
    },
  });
  return (batch) => {
    if (batch.direct !== true) {
      for (const issue of batch.unreadable) batcher.reject(issue);
      const { firstRow } = batch;
      for (let r = 0; r < batch.size; r++) {
        if (keep === undefined || keep.object(batch.rows[r], firstRow + r)) {
          addObjectRow(batcher, batch.rows[r], mapped, r, firstRow + r);
        }
      }
    }
    onBatch(batcher.take());
  };
}

/** The options as the column chooser takes them. */
function columnsOf(options: ReadingOptions): ColumnOptions {
  const given: Array<[keyof ColumnOptions, string | ReadonlyArray<string> | undefined]> = [
    ["score", options.score],
    ["date", options.date],
    ["dateFormat", options.dateFormat],
    ["timeZone", options.timeZone],
    ["respondent", options.respondentId],
    ["comment", options.comment],
    ["weight", options.weight],
    ["attributes", options.attributes],
  ];
  return Object.fromEntries(given.filter(([, value]) => value !== undefined)) as ColumnOptions;
}

/** Checks the path of a reader: a file's path, or `"-"` for standard input. */
export function checkPath(caller: string, path: unknown): void {
  if (typeof path !== "string" || path === "") {
    throw invalidOption(caller, "path", 'a file\'s path, or "-" for standard input', path);
  }
}

/**
 * Throws `invalid_option`, naming `caller`, for a reading option the reader would not take. Column
 * names must be strings (a name not in the file is an `invalid_input` error of the reading).
 */
export function checkReadingOptions(caller: string, options: ReadingOptions): void {
  if (options === null || typeof options !== "object") {
    throw invalidOption(caller, "options", "an object", options);
  }
  const { encoding, inputFormat, delimiter, missingScore, badDate } = options;
  if (encoding !== undefined && !["auto", "utf-8", "latin1"].includes(encoding)) {
    throw invalidOption(caller, "encoding", '"auto", "utf-8" or "latin1"', encoding);
  }
  if (inputFormat !== undefined && !["auto", "csv", "json", "ndjson"].includes(inputFormat)) {
    throw invalidOption(caller, "inputFormat", '"auto", "csv", "json" or "ndjson"', inputFormat);
  }
  if (
    delimiter !== undefined &&
    !(typeof delimiter === "string" && [...delimiter].length === 1 && !'"\r\n'.includes(delimiter))
  ) {
    throw invalidOption(caller, "delimiter", "one character other than the quote and line breaks", delimiter);
  }
  if (missingScore !== undefined && missingScore !== "skip" && missingScore !== "reject") {
    throw invalidOption(caller, "missingScore", '"skip" or "reject"', missingScore);
  }
  if (badDate !== undefined && badDate !== "undated" && badDate !== "reject") {
    throw invalidOption(caller, "badDate", '"undated" or "reject"', badDate);
  }
  for (const name of ["score", "date", "dateFormat", "timeZone", "respondentId", "comment", "weight"] as const) {
    const value = options[name];
    if (value !== undefined && typeof value !== "string") throw invalidOption(caller, name, "a string", value);
  }
  const { attributes } = options;
  if (attributes !== undefined && !(Array.isArray(attributes) && attributes.every((a) => typeof a === "string"))) {
    throw invalidOption(caller, "attributes", "an array of column names", attributes);
  }
  for (const name of ["openFile", "openStdin", "onProgress", "onNote"] as const) {
    const value = options[name];
    if (value !== undefined && typeof value !== "function") throw invalidOption(caller, name, "a function", value);
  }
}

/** `<caller>: <name> must be <rule>, received <value>`, an `invalid_option` error. */
export function invalidOption(caller: string, name: string, rule: string, value: unknown): NpsError {
  return new NpsError("invalid_option", `${caller}: ${name} must be ${rule}, received ${describeValue(value)}`);
}
