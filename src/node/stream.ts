import type { NpsIssue } from "../core/errors.js";
import { DelimitedReader, type DelimitedRecord } from "../input/delimitedReader.js";
import { JsonArrayReader, NotAnArrayError } from "../input/jsonArrayReader.js";
import { describeValue } from "../internal/describe.js";
import { readError } from "./io.js";
import { detectDelimiter, type InputFormatChoice, showDelimiter, uniqueNames } from "./readRows.js";

/**
 * The encodings `--encoding` accepts.
 *
 * @category Node
 */
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
  const rest = (): AsyncGenerator<Uint8Array> => following(first, iterator, done);
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
  if (encoding === "auto") {
    const utf16 = utf16WithoutMark(first);
    if (utf16 !== undefined) {
      const name = utf16 === "utf-16le" ? "UTF-16 LE" : "UTF-16 BE";
      return {
        encoding: utf16,
        note: `${name} (no byte-order mark; detected by the NUL bytes in alternate positions)`,
        texts: decoderTexts(rest(), utf16),
      };
    }
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

/**
 * UTF-16 without a byte-order mark: text that is mostly ASCII has a NUL byte in every other position
 * (odd positions for little-endian, even for big-endian), which no UTF-8 or latin-1 text has. Decided
 * when at least 4 code units were seen, at least 40% of them have the NUL on one side and ten times
 * fewer on the other.
 */
function utf16WithoutMark(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const units = Math.floor(bytes.length / 2);
  if (units < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  if (oddNuls >= units * 0.4 && evenNuls * 10 <= oddNuls) return "utf-16le";
  if (evenNuls >= units * 0.4 && oddNuls * 10 <= evenNuls) return "utf-16be";
  return undefined;
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
      if (required || offset === 0) throw readError("the file is not valid UTF-8; try --encoding latin1");
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
    if (required || !lenient) throw readError("the file is not valid UTF-8 (it ends inside a character)");
  }
}

/**
 * A batch of raw rows. `unreadable` are the rows before `firstRow` that could not be read at all (a
 * CSV row with broken quoting, an NDJSON line that is not JSON), each as the issue that rejects it;
 * then come `size` rows numbered from `firstRow`, as objects in `rows`. After
 * {@link RowStream.readDirectly}, a CSV's rows go to the consumer as they are read, and a batch only
 * says that `size` more rows (unreadable ones included) were handed over.
 */
export interface RowBatch {
  readonly unreadable: ReadonlyArray<NpsIssue>;
  /** The rows: null-prototype objects keyed by column, or what a JSON file held (empty when `direct`). */
  readonly rows: ReadonlyArray<unknown>;
  readonly firstRow: number;
  /** How many rows follow the unreadable ones. */
  readonly size: number;
  /** The rows of this batch went to the consumer given to `readDirectly`. */
  readonly direct?: true;
}

/** Takes a CSV's records as they are read, without an object per row (see {@link RowStream.readDirectly}). */
export interface RecordConsumer {
  /** A data record: row number `row`, `index` being its place in the current batch. */
  record(record: DelimitedRecord, index: number, row: number): void;
  /** A row that cannot be read, as the issue that rejects it. */
  unreadable(issue: NpsIssue): void;
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
  /**
   * For CSV: from now on, hand each record to `consumer` as it is read (batches then only count the
   * rows, for the caller to flush what it built); the rows read so far still come as objects, first.
   * Returns false (and does nothing) for JSON and NDJSON.
   */
  readDirectly(consumer: RecordConsumer): boolean;
  /**
   * For JSON and NDJSON: from now on, hand objects over as `JSON.parse` made them, without copying
   * them into null-prototype rows or collecting their keys into `columns` (for a caller that reads
   * own properties only, as `parseResponses` does: a `__proto__` key is then an own property too).
   */
  plainObjects(): void;
}

/** Options of {@link streamRows}. */
export interface StreamRowsOptions {
  readonly format: InputFormatChoice;
  readonly delimiter?: string;
  readonly fileName?: string;
}

/**
 * Reads decoded text as rows, in batches: CSV and NDJSON are streamed (memory does not grow with the
 * file), a JSON array is read whole. `auto` picks JSON when the text starts with `[`, NDJSON when it
 * starts with `{`, CSV otherwise; the file name's extension wins when it is .json, .ndjson, .jsonl,
 * .csv or .tsv. The CSV delimiter, when not given, is the one of `,` `;` tab found most often in the
 * header line.
 * A row that cannot be read (broken CSV quoting, an NDJSON line that is not JSON) is handed over as
 * an unreadable row with its number and the reason, and reading goes on; a JSON item or NDJSON value
 * that is not an object is handed over as it is (the parser rejects it).
 */
/**
 * `head`, then the rest of `iterator`. A reader that stops early (an error in the data) ends the
 * source through its `return`, which closes the file now rather than at garbage collection.
 */
async function* following<T>(head: T, iterator: AsyncIterator<T>, ended: boolean): AsyncGenerator<T> {
  let done = ended;
  try {
    yield head;
    while (!done) {
      const next = await iterator.next();
      done = next.done === true;
      if (!done) yield next.value;
    }
  } finally {
    if (!done) await iterator.return?.();
  }
}

export async function streamRows(texts: AsyncIterable<string>, options: StreamRowsOptions): Promise<RowStream> {
  const iterator = texts[Symbol.asyncIterator]();
  let first = "";
  let ended = false;
  // Skip empty pieces (a BOM alone) to see the first character.
  while (first.trim() === "" || first === "\uFEFF") {
    const next = await iterator.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    first += next.value;
  }
  const all = (): AsyncGenerator<string> => following(first, iterator, ended);
  const format = options.format === "auto" ? detectFormat(first, options.fileName) : options.format;
  if (format === "json") return jsonRows(all());
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

/** Copies JSON objects into null-prototype rows, collecting their keys, until `plain` is set. */
function objectRows(): { columns: string[]; row: (item: unknown) => unknown; plain: () => void } {
  const columns: string[] = [];
  const known = new Set<string>();
  let plain = false;
  return {
    columns,
    plain: () => {
      plain = true;
    },
    row: (item) => {
      if (plain || item === null || typeof item !== "object" || Array.isArray(item)) return item;
      const row: Record<string, unknown> = Object.create(null);
      for (const key of Object.keys(item)) {
        if (!known.has(key)) {
          known.add(key);
          columns.push(key);
        }
        row[key] = (item as Record<string, unknown>)[key];
      }
      return row;
    },
  };
}

/**
 * A JSON array, streamed: each item is found by {@link JsonArrayReader} and read with `JSON.parse`;
 * an item that is not valid JSON is an unreadable row, an item that is not an object is handed over
 * for the parser to reject. A broken array (no `[`, a missing comma) stops the reading (exit 1).
 */
function jsonRows(texts: AsyncIterable<string>): RowStream {
  const objects = objectRows();
  return {
    format: "json",
    columns: objects.columns,
    notes: [],
    readDirectly: () => false,
    plainObjects: objects.plain,
    batches: (async function* () {
      let ready: RowBatch[] = [];
      let unreadable: NpsIssue[] = [];
      let rows: unknown[] = [];
      let firstRow = 1;
      const close = (): void => {
        ready.push({ unreadable, rows, firstRow, size: rows.length });
        firstRow += rows.length;
        unreadable = [];
        rows = [];
      };
      const reader = new JsonArrayReader((text, index) => {
        let item: unknown;
        try {
          item = JSON.parse(text);
        } catch (error) {
          if (rows.length > 0) close();
          unreadable.push({
            path: [index],
            message: `item ${index + 1} must be valid JSON (${(error as Error).message}), received ${describeValue(text)}`,
            value: text,
            row: index + 1,
          });
          firstRow = index + 2;
          return;
        }
        rows.push(objects.row(item));
        if (rows.length >= BATCH_ROWS) close();
      });
      try {
        for await (const piece of texts) {
          reader.push(piece);
          if (ready.length > 0) {
            yield* ready;
            ready = [];
          }
        }
        reader.end();
      } catch (error) {
        if (error instanceof NotAnArrayError) throw readError(error.message);
        if (!(error instanceof SyntaxError)) throw error;
        throw readError(`cannot read the JSON: ${error.message}`);
      }
      if (rows.length > 0 || unreadable.length > 0) close();
      yield* ready;
    })(),
  };
}

function ndjsonRows(texts: AsyncIterable<string>): RowStream {
  const objects = objectRows();
  return {
    format: "ndjson",
    columns: objects.columns,
    notes: [],
    readDirectly: () => false,
    plainObjects: objects.plain,
    batches: (async function* () {
      let pending = "";
      let line = 0;
      let unreadable: NpsIssue[] = [];
      let batch: unknown[] = [];
      let firstRow = 1;
      const take = (text: string): void => {
        line++;
        const trimmed = text.trim();
        if (trimmed === "" || (line === 1 && trimmed === "\uFEFF")) return;
        let item: unknown;
        try {
          item = JSON.parse(line === 1 ? trimmed.replace(/^\uFEFF/, "") : trimmed);
        } catch (error) {
          // Rows keep their order: the rows read so far go first, this one opens the next batch.
          batches.push({ unreadable, rows: batch, firstRow, size: batch.length });
          firstRow += batch.length + 1;
          batch = [];
          unreadable = [
            {
              path: [],
              message: `line ${line} must be valid JSON (${(error as Error).message}), received ${describeValue(trimmed)}`,
              value: trimmed,
              row: firstRow - 1,
            },
          ];
          return;
        }
        batch.push(objects.row(item));
      };
      const batches: RowBatch[] = [];
      for await (const piece of texts) {
        pending += piece;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const text of lines) take(text);
        if (batch.length >= BATCH_ROWS) {
          batches.push({ unreadable, rows: batch, firstRow, size: batch.length });
          firstRow += batch.length;
          batch = [];
          unreadable = [];
        }
        yield* nonEmpty(batches);
        batches.length = 0;
      }
      if (pending !== "") take(pending);
      batches.push({ unreadable, rows: batch, firstRow, size: batch.length });
      yield* nonEmpty(batches);
    })(),
  };
}

function* nonEmpty(batches: ReadonlyArray<RowBatch>): Generator<RowBatch> {
  for (const batch of batches) if (batch.size > 0 || batch.unreadable.length > 0) yield batch;
}

function csvRows(texts: AsyncIterable<string>, first: string, given: string | undefined): RowStream {
  const notes: string[] = [];
  const delimiter = given ?? detectDelimiter(first.replace(/^\uFEFF/, ""));
  if (given === undefined && delimiter !== ",") notes.push(`delimiter ${showDelimiter(delimiter)} (detected)`);
  const columns: string[] = [];
  let direct: RecordConsumer | undefined;
  let ready: RowBatch[] = [];
  let unreadable: NpsIssue[] = [];
  let rows: Array<Record<string, unknown>> = [];
  let size = 0;
  let firstRow = 2;
  const close = (): void => {
    ready.push(
      direct === undefined
        ? { unreadable, rows, firstRow, size }
        : { unreadable: [], rows: [], firstRow, size, direct: true },
    );
    firstRow += size;
    unreadable = [];
    rows = [];
    size = 0;
  };
  return {
    format: "csv",
    delimiter,
    columns,
    notes,
    readDirectly(consumer) {
      if (size > 0 || unreadable.length > 0) close();
      direct = consumer;
      return true;
    },
    plainObjects: () => {},
    batches: (async function* () {
      let header: string[] | undefined;
      let width = 0;
      let ragged = 0;
      let protoColumn = false;
      const reader = new DelimitedReader(delimiter, (record) => {
        const { malformed } = record;
        if (header === undefined) {
          if (malformed !== undefined) {
            throw readError(`cannot read the CSV header: ${malformed.rule}, received ${describeValue(malformed.text)}`);
          }
          const names: string[] = [];
          for (let i = 0; i < record.fieldCount; i++) names.push(record.field(i));
          header = uniqueNames(names, notes);
          columns.push(...header);
          width = header.length;
          protoColumn = header.includes("__proto__");
          return;
        }
        if (malformed !== undefined) {
          const column = header[malformed.field] ?? `column ${malformed.field + 1}`;
          const issue: NpsIssue = {
            path: [column],
            message: `${malformed.rule}, received ${describeValue(malformed.text)}`,
            value: malformed.text,
            row: firstRow + size,
            field: column,
          };
          if (direct !== undefined) {
            direct.unreadable(issue);
            size++;
          } else {
            if (size > 0) close();
            unreadable.push(issue);
            firstRow++;
          }
          if (size >= BATCH_ROWS) close();
          return;
        }
        const count = record.fieldCount;
        if (count !== width) ragged++;
        if (direct !== undefined) {
          direct.record(record, size, firstRow + size);
        } else {
          // Null-prototype rows; made as literals whose prototype is then removed, which V8 keeps
          // fast (`Object.create(null)` starts a slow dictionary object), unless a column is named
          // `__proto__` (assigning it on a literal would set the prototype).
          const row: Record<string, unknown> = protoColumn ? Object.create(null) : {};
          const names = header;
          for (let i = 0; i < width && i < count; i++) row[names[i] as string] = record.field(i);
          if (!protoColumn) Object.setPrototypeOf(row, null);
          rows.push(row);
        }
        size++;
        if (size >= BATCH_ROWS) close();
      });
      for await (const piece of texts) {
        reader.push(piece);
        if (ready.length > 0) {
          yield* ready;
          ready = [];
        }
      }
      reader.end();
      if (size > 0 || unreadable.length > 0) close();
      yield* ready;
      if (ragged > 0 && header !== undefined) {
        notes.push(
          `${ragged} ${ragged === 1 ? "row does" : "rows do"} not have ${header.length} fields like the header (missing fields are blank, extra fields are left out)`,
        );
      }
    })(),
  };
}
