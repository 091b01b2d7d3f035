import { type FieldMapping, type ParseResult, parseResponses } from "../index.js";
import { type ColumnOptions, chooseFields, PROBE_ROWS } from "./chooseFields.js";
import { type ByteSource, type CliIo, dataError, openFile, openStdin } from "./io.js";
import { progressBar } from "./progress.js";
import type { InputFormatChoice } from "./readRows.js";
import { decodeStream, type EncodingChoice, streamRows } from "./stream.js";

/** How to read a file of responses, once the command's options are checked. */
export interface StreamOptions {
  readonly columns: ColumnOptions;
  readonly encoding: EncodingChoice;
  readonly inputFormat: InputFormatChoice;
  readonly delimiter?: string;
  readonly missingScore?: "skip" | "reject";
  /** Notes for standard error (the file's encoding, the columns guessed…), in the order they arise. */
  readonly note: (text: string) => void;
  /** Called with the column names before the columns are chosen (to check the options that name them). */
  readonly checkColumns?: (columns: ReadonlyArray<string>) => void;
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

/** How a file was read: what the report's JSON calls `input`, and the mapping used. */
export interface StreamedInput {
  readonly format: "csv" | "json" | "ndjson";
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "latin1";
  readonly delimiter?: string;
  readonly fields: FieldMapping;
  readonly dateFormat?: string;
}

/**
 * Reads a CSV, JSON or NDJSON file (or standard input for `-`) as validated responses, batch by
 * batch: decode the bytes as they come, read rows (CSV and NDJSON streamed), choose the columns on
 * the first rows (guessing what is not given), then parse each batch in collect mode and hand it to
 * `onBatch`. Memory does not grow with the file unless `onBatch` keeps what it is given. A progress
 * bar is drawn on a terminal; `pause` clears it before a note. Exit 1 (a data error) for a file that
 * cannot be read or has no data rows.
 */
export async function streamResponses(
  file: string,
  options: StreamOptions,
  io: CliIo,
  onBatch: (batch: ParseResult) => void,
): Promise<StreamedInput> {
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
    let parse: ((batch: ReadonlyArray<Readonly<Record<string, unknown>>>, firstRow: number) => void) | undefined;
    let chosen: ReturnType<typeof chooseFields> | undefined;
    let probe: Array<Readonly<Record<string, unknown>>> = [];
    let probeFirstRow = 1;
    const decide = (): void => {
      if (probe.length === 0) throw dataError(`${file === "-" ? "standard input" : file} has no data rows`);
      options.checkColumns?.(rows.columns);
      chosen = chooseFields({ rows: probe, columns: rows.columns, format: rows.format, notes: [] }, options.columns);
      for (const text of chosen.notes) note(text);
      showNotes();
      const { fields, dateFormat } = chosen;
      parse = (batch, firstRow) =>
        onBatch(
          parseResponses(batch, {
            fields,
            mode: "collect",
            firstRow,
            ...(options.missingScore === undefined ? {} : { missingScore: options.missingScore }),
            ...(dateFormat === undefined ? {} : { dateFormat }),
            ...(timeZone === undefined ? {} : { timeZone }),
          }),
        );
      parse(probe, probeFirstRow);
      probe = [];
    };
    for await (const batch of rows.batches) {
      if (parse !== undefined) {
        parse(batch.rows, batch.firstRow);
        continue;
      }
      if (probe.length === 0) probeFirstRow = batch.firstRow;
      probe.push(...batch.rows);
      if (probe.length >= PROBE_ROWS) decide();
    }
    if (parse === undefined) decide();
    progress.done();
    showNotes();
    const { fields, dateFormat } = chosen as NonNullable<typeof chosen>;
    return {
      format: rows.format,
      encoding: decoded.encoding,
      ...(rows.delimiter === undefined ? {} : { delimiter: rows.delimiter }),
      fields,
      ...(dateFormat === undefined ? {} : { dateFormat }),
    };
  } finally {
    progress.done();
  }
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
