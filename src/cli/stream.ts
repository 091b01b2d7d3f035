import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { CliError, dataError } from "./io.js";
import { detectDelimiter, type InputFormatChoice, readRows, showDelimiter, uniqueNames } from "./readRows.js";

/** The encodings `--encoding` accepts. */
export type EncodingChoice = "auto" | "utf-8" | "latin1";

/** How many bytes decide the encoding and the format when they are not given. */
export const SNIFF_BYTES = 1 << 16;

/** How many rows are handed on at a time. */
const BATCH_ROWS = 5000;

/** Decoded text pieces, with the encoding used and, when it was guessed, why. */
export interface DecodedStream {
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "latin1";
  readonly note?: string;
  /** The text, piece by piece (the first piece holds at least the first 64 KiB, or the whole input). */
  readonly texts: AsyncIterable<string>;
}

/**
 * Decodes a byte stream. The encoding is decided on the first 64 KiB: a byte-order mark (UTF-8,
 * UTF-16 LE/BE); otherwise, with `auto`, UTF-8 when those bytes are valid UTF-8, else latin-1. When a
 * later byte is not valid UTF-8, `onNote` is told once and that piece onwards is decoded with
 * replacement characters (U+FFFD); `--encoding utf-8` refuses it instead.
 */
export async function decodeStream(
  chunks: AsyncIterable<Uint8Array>,
  encoding: EncodingChoice,
  onNote: (text: string) => void,
): Promise<DecodedStream> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    const chunk = next.value instanceof Uint8Array ? next.value : new Uint8Array(next.value);
    head.push(chunk);
    length += chunk.length;
  }
  const first = Buffer.concat(head);
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    yield first;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  };
  if (encoding === "latin1") return { encoding: "latin1", texts: latin1Texts(rest()) };
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) {
    return {
      encoding: "utf-8",
      note: "UTF-8 (byte-order mark)",
      texts: utf8Texts(rest(), encoding === "utf-8", onNote),
    };
  }
  if (encoding === "auto" && first[0] === 0xff && first[1] === 0xfe) {
    return { encoding: "utf-16le", note: "UTF-16 LE (byte-order mark)", texts: decoderTexts(rest(), "utf-16le") };
  }
  if (encoding === "auto" && first[0] === 0xfe && first[1] === 0xff) {
    return { encoding: "utf-16be", note: "UTF-16 BE (byte-order mark)", texts: decoderTexts(rest(), "utf-16be") };
  }
  if (encoding === "utf-8" || validUtf8(first, done)) {
    return { encoding: "utf-8", texts: utf8Texts(rest(), encoding === "utf-8", onNote) };
  }
  return {
    encoding: "latin1",
    note: "latin-1 (ISO-8859-1): the file is not valid UTF-8; pass --encoding to choose",
    texts: latin1Texts(rest()),
  };
}

/** Whether bytes are valid UTF-8 (a sequence cut at the end is fine unless the input ends there). */
function validUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

async function* latin1Texts(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  // ISO-8859-1 maps each byte to the code point of the same value: no state across pieces.
  for await (const chunk of chunks) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString("latin1");
}

async function* decoderTexts(chunks: AsyncIterable<Uint8Array>, label: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(label);
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

async function* utf8Texts(
  chunks: AsyncIterable<Uint8Array>,
  required: boolean,
  onNote: (text: string) => void,
): AsyncGenerator<string> {
  let decoder = new TextDecoder("utf-8", { fatal: true });
  let lenient = false;
  let offset = 0;
  for await (const chunk of chunks) {
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      if (required || offset === 0) throw dataError("the file is not valid UTF-8; try --encoding latin1");
      onNote(
        `encoding: bytes after the first ${offset} are not valid UTF-8 and are read as U+FFFD; pass --encoding latin1 if the file is latin-1`,
      );
      decoder = new TextDecoder("utf-8");
      lenient = true;
      yield decoder.decode(chunk, { stream: true });
    }
    offset += chunk.length;
  }
  try {
    yield decoder.decode();
  } catch {
    if (required || !lenient) throw dataError("the file is not valid UTF-8 (it ends inside a character)");
  }
}

/** A batch of raw rows; `firstRow` is the row number of the first one. */
export interface RowBatch {
  readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly firstRow: number;
}

/** Raw rows read as a stream, with what is known of the file before the rows. */
export interface RowStream {
  readonly format: "csv" | "json" | "ndjson";
  readonly delimiter?: string;
  /** The CSV header (made unique); for JSON and NDJSON, filled in from the rows as they are read. */
  readonly columns: string[];
  /** What was decided without being asked; more may be added once every row is read. */
  readonly notes: string[];
  readonly batches: AsyncIterable<RowBatch>;
}

/**
 * Reads decoded text as rows, in batches: CSV and NDJSON are streamed (memory does not grow with the
 * file), a JSON array is read whole. The format and delimiter rules are those of {@link readRows}.
 */
export async function streamRows(
  texts: AsyncIterable<string>,
  options: { readonly format: InputFormatChoice; readonly delimiter?: string; readonly fileName?: string },
): Promise<RowStream> {
  const iterator = texts[Symbol.asyncIterator]();
  let first = "";
  // Skip empty pieces (a BOM alone) to see the first character.
  while (first.trim() === "") {
    const next = await iterator.next();
    if (next.done === true) break;
    first += next.value;
  }
  const all = async function* (): AsyncGenerator<string> {
    yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  };
  const format = options.format === "auto" ? detectFormat(first, options.fileName) : options.format;
  if (format === "json") {
    let text = "";
    for await (const piece of all()) text += piece;
    const table = readRows(text, { format: "json" });
    return {
      format: "json",
      columns: [...table.columns],
      notes: [],
      batches: (async function* () {
        for (let start = 0; start < table.rows.length; start += BATCH_ROWS) {
          yield { rows: table.rows.slice(start, start + BATCH_ROWS), firstRow: start + 1 };
        }
      })(),
    };
  }
  if (format === "ndjson") return ndjsonRows(all());
  return csvRows(all(), first, options.delimiter);
}

function detectFormat(text: string, fileName: string | undefined): "csv" | "json" | "ndjson" {
  const extension = /\.([a-z]+)$/i.exec(fileName ?? "")?.[1]?.toLowerCase();
  if (extension === "json") return "json";
  if (extension === "ndjson" || extension === "jsonl") return "ndjson";
  if (extension === "csv" || extension === "tsv") return "csv";
  const character = text.replace(/^\uFEFF/, "").trimStart()[0];
  if (character === "[") return "json";
  if (character === "{") return "ndjson";
  return "csv";
}

function ndjsonRows(texts: AsyncIterable<string>): RowStream {
  const columns: string[] = [];
  const known = new Set<string>();
  const stream: RowStream = {
    format: "ndjson",
    columns,
    notes: [],
    batches: (async function* () {
      let pending = "";
      let line = 0;
      let objects = 0;
      let batch: Record<string, unknown>[] = [];
      const take = (text: string): void => {
        line++;
        const trimmed = text.trim();
        if (trimmed === "") return;
        let item: unknown;
        try {
          item = JSON.parse(trimmed);
        } catch (error) {
          throw dataError(`cannot read line ${line} of the NDJSON: ${(error as Error).message}`);
        }
        objects++;
        if (item === null || typeof item !== "object" || Array.isArray(item)) {
          throw dataError(`object ${objects} of the NDJSON is not an object`);
        }
        const row: Record<string, unknown> = Object.create(null);
        for (const key of Object.keys(item)) {
          if (!known.has(key)) {
            known.add(key);
            columns.push(key);
          }
          row[key] = (item as Record<string, unknown>)[key];
        }
        batch.push(row);
      };
      let firstRow = 1;
      for await (const piece of texts) {
        pending += piece;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const text of lines) take(text);
        if (batch.length >= BATCH_ROWS) {
          yield { rows: batch, firstRow };
          firstRow += batch.length;
          batch = [];
        }
      }
      if (pending !== "") take(pending);
      if (batch.length > 0) yield { rows: batch, firstRow };
    })(),
  };
  return stream;
}

function csvRows(texts: AsyncIterable<string>, first: string, given: string | undefined): RowStream {
  const notes: string[] = [];
  const delimiter = given ?? detectDelimiter(first.replace(/^\uFEFF/, ""));
  if (given === undefined && delimiter !== ",") notes.push(`delimiter ${showDelimiter(delimiter)} (detected)`);
  const columns: string[] = [];
  return {
    format: "csv",
    delimiter,
    columns,
    notes,
    batches: (async function* () {
      const parser = parse({
        delimiter,
        record_delimiter: ["\r\n", "\n", "\r"],
        relax_column_count: true,
        skip_empty_lines: true,
        bom: true,
      });
      const source = Readable.from(texts, { objectMode: false });
      source.on("error", (error) => parser.destroy(error));
      source.pipe(parser);
      let header: string[] | undefined;
      let batch: Record<string, unknown>[] = [];
      let firstRow = 2;
      let ragged = 0;
      try {
        for await (const record of parser as AsyncIterable<string[]>) {
          if (header === undefined) {
            header = uniqueNames(record, notes);
            columns.push(...header);
            continue;
          }
          if (record.length !== header.length) ragged++;
          const row: Record<string, unknown> = Object.create(null);
          for (let i = 0; i < header.length; i++) {
            const value = record[i];
            if (value !== undefined) row[header[i] as string] = value;
          }
          batch.push(row);
          if (batch.length >= BATCH_ROWS) {
            yield { rows: batch, firstRow };
            firstRow += batch.length;
            batch = [];
          }
        }
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw dataError(`cannot read the CSV: ${(error as Error).message}`);
      } finally {
        source.destroy();
      }
      if (batch.length > 0) yield { rows: batch, firstRow };
      if (ragged > 0 && header !== undefined) {
        notes.push(`${ragged} rows do not have ${header.length} fields like the header (missing fields are blank)`);
      }
    })(),
  };
}
