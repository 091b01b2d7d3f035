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
import { matchesWhere, type WhereFilter } from "../input/where.js";
import { type ColumnOptions, chooseFields, type DateAdvice, PROBE_ROWS } from "./chooseFields.js";
import { type ByteSource, type CliIo, dataError, openFile, openStdin } from "./io.js";
import { progressBar } from "./progress.js";
import type { InputFormatChoice } from "./readRows.js";
import { decodeStream, type EncodingChoice, type RowBatch, type RowStream, streamRows } from "./stream.js";

/** How to read a file of responses, once the command's options are checked. */
export interface StreamOptions {
  readonly columns: ColumnOptions;
  readonly encoding: EncodingChoice;
  readonly inputFormat: InputFormatChoice;
  readonly delimiter?: string;
  readonly missingScore?: "skip" | "reject";
  /** A date that does not parse rejects the row, or leaves it undated (see `ParseOptions.badDate`). */
  readonly badDate?: "reject" | "undated";
  /** Notes for standard error (the file's encoding, the columns guessed…), in the order they arise. */
  readonly note: (text: string) => void;
  /** Called with the column names before the columns are chosen (to check the options that name them). */
  readonly checkColumns?: (columns: ReadonlyArray<string>) => void;
  /**
   * `"responses"`: batches of `NpsResponse` objects (`ParseResult`); `"columns"`: batches of typed
   * columns without an object per row ({@link ColumnarBatch}). @defaultValue `"responses"`
   */
  readonly output?: "responses" | "columns";
  /**
   * Row filters ({@link parseWhere}), combined with AND: a row that fails one is left out before it
   * is checked and counted in `filtered`. Their columns must be checked by `checkColumns`.
   * @defaultValue no filter
   */
  readonly where?: ReadonlyArray<WhereFilter>;
}

/** The values of `READ_OPTIONS` after `parseArgs`. */
export interface ReadValues {
  readonly score?: string | undefined;
  readonly date?: string | undefined;
  readonly "date-format"?: string | undefined;
  readonly "time-zone"?: string | undefined;
  readonly respondent?: string | undefined;
  readonly comment?: string | undefined;
  readonly attribute?: string[] | undefined;
  readonly encoding?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly "input-format"?: string | undefined;
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
 * Reads a CSV, JSON or NDJSON file (or standard input for `-`) as validated responses, batch by
 * batch: decode the bytes as they come, read rows (CSV and NDJSON streamed), choose the columns on
 * the first rows (guessing what is not given), then check each batch in collect mode and hand it to
 * `onBatch`. Memory does not grow with the file unless `onBatch` keeps what it is given. A progress
 * bar is drawn on a terminal; `pause` clears it before a note. Exit 1 (a data error) for a file that
 * cannot be read or has no data rows. A row that cannot be read (broken CSV quoting, an NDJSON line
 * that is not JSON, a JSON item that is not an object) is rejected with its row number and reason,
 * like a row with an invalid value, and the rest of the file is read.
 *
 * With `output: "columns"`, `onBatch` receives {@link ColumnarBatch}es instead: the same accepted
 * rows, skipped rows, issues and counts, with the accepted responses in typed columns
 * (`ColumnarResponses`) and no object per row (a CSV's cells go straight from the text into the
 * columns). Segment dictionaries are shared by the batches of one file and only grow, so a code
 * means the same key in every batch.
 */
export function streamResponses(
  file: string,
  options: StreamOptions & { readonly output: "columns" },
  io: CliIo,
  onBatch: (batch: ColumnarBatch) => void,
): Promise<StreamedInput>;
export function streamResponses(
  file: string,
  options: StreamOptions & { readonly output?: "responses" },
  io: CliIo,
  onBatch: (batch: ParseResult) => void,
): Promise<StreamedInput>;
export async function streamResponses(
  file: string,
  options: StreamOptions,
  io: CliIo,
  onBatch: ((batch: ParseResult) => void) | ((batch: ColumnarBatch) => void),
): Promise<StreamedInput> {
  const columnar = options.output === "columns";
  const bytes = await openBytes(file, io);
  const progress = progressBar(io, bytes.size);
  const note = (text: string): void => {
    progress.pause();
    options.note(text);
  };
  try {
    const decoded = await decodeStream(progress.track(bytes.chunks), options.encoding, note);
    if (decoded.note !== undefined) note(`encoding: ${decoded.note}`);
    const rows = await streamRows(decoded.texts, {
      format: options.inputFormat,
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      ...(file === "-" ? {} : { fileName: file }),
    });
    let notesShown = 0;
    const showNotes = (): void => {
      for (; notesShown < rows.notes.length; notesShown++) note(rows.notes[notesShown] as string);
    };
    showNotes();
    const { timeZone } = options.columns;
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
      if (probeRows === 0) throw dataError(`${file === "-" ? "standard input" : file} has no data rows`);
      options.checkColumns?.(rows.columns);
      chosen = chooseFields({ rows: objects, columns: rows.columns, format: rows.format, notes: [] }, options.columns);
      for (const text of chosen.notes) note(text);
      showNotes();
      // Both handlers read own properties only: JSON objects need no copy from here on.
      rows.plainObjects();
      const { fields, dateFormat } = chosen;
      const parseOptions: ParseOptions = {
        fields,
        mode: "collect",
        ...(options.missingScore === undefined ? {} : { missingScore: options.missingScore }),
        ...(options.badDate === undefined ? {} : { badDate: options.badDate }),
        ...(dateFormat === undefined ? {} : { dateFormat }),
        ...(timeZone === undefined ? {} : { timeZone }),
      };
      const keep = rowFilter(options.where, rows.columns, () => {
        filtered++;
      });
      handle = columnar
        ? columnarHandler(rows, parseOptions, onBatch as (batch: ColumnarBatch) => void, keep)
        : objectHandler(parseOptions, onBatch as (batch: ParseResult) => void, keep);
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
    progress.done();
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
  } finally {
    progress.done();
  }
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
  onBatch: (batch: ParseResult) => void,
  keep: RowFilter | undefined,
): (batch: RowBatch) => void {
  const settings = resolveOptions(parseOptions);
  return (batch) => {
    const parsed =
      keep === undefined
        ? parseCheckedRows(batch.rows, { ...settings, firstRow: batch.firstRow })
        : parseKept(batch, settings, keep);
    const { unreadable } = batch;
    if (unreadable.length === 0) {
      onBatch(parsed);
      return;
    }
    const { counts } = parsed;
    onBatch({
      responses: parsed.responses,
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
function parseKept(batch: RowBatch, settings: ReturnType<typeof resolveOptions>, keep: RowFilter): ParseResult {
  const parts: ParseResult[] = [];
  let start = 0;
  const flush = (end: number): void => {
    if (end > start)
      parts.push(parseCheckedRows(batch.rows.slice(start, end), { ...settings, firstRow: batch.firstRow + start }));
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

/**
 * The column options of the command line, as {@link chooseFields} takes them: the reading options
 * shared by every command that reads responses, the weight column (report only) and the attributes
 * to read.
 */
export function columnOptions(
  values: ReadValues & { readonly weight?: string | undefined },
  attributes: ReadonlyArray<string> | undefined,
): ColumnOptions {
  const given: Array<[keyof ColumnOptions, string | ReadonlyArray<string> | undefined]> = [
    ["score", values.score],
    ["date", values.date],
    ["dateFormat", values["date-format"]],
    ["timeZone", values["time-zone"]],
    ["respondent", values.respondent],
    ["comment", values.comment],
    ["weight", values.weight],
    ["attributes", attributes],
  ];
  return Object.fromEntries(given.filter(([, value]) => value !== undefined)) as ColumnOptions;
}

async function openBytes(file: string, io: CliIo): Promise<ByteSource> {
  try {
    return file === "-" ? openStdin(io) : await openFile(io, file);
  } catch (error) {
    throw dataError(`cannot read ${file}: ${reasonOf(error)}`);
  }
}

/** A file-system error in words. */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return code === "ENOENT"
    ? "no such file"
    : code === "EISDIR"
      ? "it is a directory"
      : code === "EACCES"
        ? "permission denied"
        : (error as Error).message;
}
