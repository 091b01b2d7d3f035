/**
 * A streaming reader of delimited text (CSV, semicolon- or tab-separated), written as one tight loop
 * over the decoded text: no regular expression, no object per field, and a field's string is made
 * only when it is asked for. Browser-safe (no `node:` import).
 *
 * The rules (RFC 4180, with the tolerance of spreadsheet exports):
 * - records end at `\r\n`, `\n` or `\r`, even mixed in one file; an empty line is skipped;
 * - a field that starts with `"` is quoted: it may hold delimiters and line breaks, a doubled quote
 *   `""` stands for one quote, and it ends at a quote followed by the delimiter, a line break or the
 *   end of the text;
 * - a byte-order mark (U+FEFF) at the very start is dropped;
 * - rows may have more or fewer fields than the header (ragged rows: the caller decides).
 *
 * A row that breaks the quoting rules is reported as one malformed record, and reading goes on with
 * the next line: a quote inside an unquoted field (`1,9,He said "no"`), text after a closing quote
 * (`"a"b`), or a quote still open at the end of the text (then the text after the line where the
 * quote was opened is read again as ordinary rows, so that one stray quote loses one row).
 */

import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Why a record could not be read, with the field where it went wrong (0-based) and its raw text. */
export interface MalformedRecord {
  /** Index of the field where the problem is. */
  readonly field: number;
  /** The raw text of that field (up to the end of its line), as found. */
  readonly text: string;
  /** What rule the row breaks, in the words of an issue message (without the received value). */
  readonly rule: string;
}

/**
 * What the reader hands over for each record: the number of fields, each field's text on demand, or
 * why the record is malformed. The view is reused: read what you need inside the callback.
 */
export interface DelimitedRecord {
  /** How many fields the record has (0 for a malformed record). */
  readonly fieldCount: number;
  /** The text of field `index` (quotes removed, doubled quotes undone); `""` past the last field. */
  field(index: number): string;
  /** Set when the record breaks the quoting rules; then it has no fields. */
  readonly malformed: MalformedRecord | undefined;
  /** The text the fields are in (see {@link DelimitedReader.text}). */
  readonly text: string;
  /** Where each field starts in `text` (quotes excluded). */
  readonly starts: Int32Array;
  /** Where each field ends in `text`. */
  readonly ends: Int32Array;
  /** 1 when field `i` holds doubled quotes (then read it with `field`). */
  readonly escaped: Uint8Array;
}

/** Called once per record (header included), in file order. */
export type RecordCallback = (record: DelimitedRecord) => void;

const STRAY_QUOTE = 'a field holding a quote (") must be quoted, with the quote doubled';
const TEXT_AFTER_QUOTE = "a quoted field must end at the closing quote, before a delimiter or a line break";
const UNCLOSED_QUOTE = "a quoted field must be closed by a quote before the end of the file";
const TOO_LONG = "a row must be shorter than 4,194,304 characters (is a quote left open?)";

/**
 * The longest record kept while waiting for its end. Past it, the record is reported as malformed
 * (usually a stray opening quote that would swallow the rest of the file) and reading goes on after
 * its first line: memory stays bounded and one stray quote loses one row.
 */
const MAX_RECORD = 1 << 22;

/**
 * A streaming reader: {@link DelimitedReader.push} pieces of text as they are decoded, then
 * {@link DelimitedReader.end}. A record cut between two pieces is kept until the next piece (so the
 * memory held is one piece plus one record). O(n) in the length of the text.
 */
export class DelimitedReader implements DelimitedRecord {
  private readonly delimiter: number;
  private readonly onRecord: RecordCallback;
  private pending = "";
  private started = false;
  /** After a record longer than {@link MAX_RECORD} without a line break: drop text up to the next one. */
  private skipping = false;
  /**
   * The text the current record's fields are in: field `i` is `text.slice(starts[i], ends[i])`,
   * with doubled quotes still doubled when `escaped[i]` is 1. For callers that read a field in place
   * (a number, a date) without making its string; valid inside the callback only.
   */
  text = "";
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** 1 when a field was quoted and holds doubled quotes. */
  escaped = new Uint8Array(64);
  fieldCount = 0;
  malformed: MalformedRecord | undefined = undefined;

  /**
   * @param delimiter - One character: `","`, `";"`, `"\t"`…
   * @param onRecord - Called with each record, header included.
   */
  constructor(delimiter: string, onRecord: RecordCallback) {
    if (typeof delimiter !== "string" || delimiter.length !== 1 || '"\r\n'.includes(delimiter)) {
      throw new NpsError(
        "invalid_option",
        `DelimitedReader: delimiter must be one character other than a quote or a line break, received ${describeValue(delimiter)}`,
      );
    }
    this.delimiter = delimiter.charCodeAt(0);
    this.onRecord = onRecord;
  }

  field(index: number): string {
    if (index >= this.fieldCount) return "";
    const value = this.text.slice(this.starts[index] as number, this.ends[index] as number);
    return this.escaped[index] === 1 ? value.replaceAll('""', '"') : value;
  }

  /** Reads a piece of text; records completed by it are handed over before it returns. */
  push(piece: string): void {
    let text = piece;
    let from = 0;
    const pending = this.pending;
    this.pending = "";
    if (pending !== "" && this.started && !this.skipping) {
      // The record cut at the end of the last piece is read on its own, with the first line of this
      // piece: reading the piece itself then works on the flat string the decoder made, which is
      // much faster than a concatenation of the two pieces.
      const lineBreak = nextLineBreak(piece, 0);
      const end =
        lineBreak === -1
          ? -1
          : piece.charCodeAt(lineBreak) === CR && piece.charCodeAt(lineBreak + 1) === LF
            ? lineBreak + 2
            : lineBreak + 1;
      if (end !== -1 && end < piece.length) {
        const head = pending + piece.slice(0, end);
        const consumed = this.read(head, 0, false);
        if (consumed === head.length) {
          from = end;
        } else {
          // Records completed in `head` were handed over: go on from the first one that was not.
          text = head.slice(consumed) + piece.slice(end);
        }
      } else {
        text = pending + piece;
      }
    } else if (pending !== "") {
      text = pending + piece;
    }
    if (!this.started) {
      if (text.length === 0) return;
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.skipping) {
      const lineBreak = nextLineBreak(text, 0);
      if (lineBreak === -1) return;
      this.skipping = false;
      from = afterLineBreak(text, lineBreak);
    }
    let consumed = this.read(text, from, false);
    while (text.length - consumed > MAX_RECORD) {
      const lineBreak = nextLineBreak(text, consumed);
      this.text = text;
      this.fieldCount = 0;
      this.malformed = { field: 0, text: text.slice(consumed, Math.min(consumed + 200, text.length)), rule: TOO_LONG };
      this.onRecord(this);
      this.malformed = undefined;
      if (lineBreak === -1) {
        this.skipping = true;
        return;
      }
      consumed = this.read(text, afterLineBreak(text, lineBreak), false);
    }
    this.pending = consumed === text.length ? "" : text.slice(consumed);
  }

  /** Reads what is left: the last record may end without a line break. */
  end(): void {
    let text = this.pending;
    this.pending = "";
    if (this.skipping) return;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) this.read(text, 0, true);
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const escaped = new Uint8Array(size);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }

  /** Reports a malformed record whose field `field` starts at `fieldStart`; returns where to go on (−1: wait for more text). */
  private reject(text: string, fieldStart: number, field: number, rule: string, final: boolean): number {
    const lineEnd = nextLineBreak(text, fieldStart);
    if (lineEnd === -1 && !final) return -1;
    const end = lineEnd === -1 ? text.length : lineEnd;
    this.text = text;
    this.fieldCount = 0;
    this.malformed = { field, text: text.slice(fieldStart, end), rule };
    this.onRecord(this);
    this.malformed = undefined;
    return afterLineBreak(text, end);
  }

  /**
   * Reads whole records from `text`, starting at `from`; returns how many characters were consumed (the start of the
   * first record not complete in `text`, unless `final`).
   */
  private read(text: string, from: number, final: boolean): number {
    const length = text.length;
    const delimiter = this.delimiter;
    this.text = text;
    let position = from;
    records: while (position < length) {
      const recordStart = position;
      let code = text.charCodeAt(position);
      // An empty line.
      if (code === LF) {
        position++;
        continue;
      }
      if (code === CR) {
        if (position + 1 === length && !final) return recordStart;
        position += text.charCodeAt(position + 1) === LF ? 2 : 1;
        continue;
      }
      let field = 0;
      for (;;) {
        if (field === this.starts.length) this.grow();
        if (position < length && text.charCodeAt(position) === QUOTE) {
          // A quoted field: find its closing quote.
          const open = position;
          let search = position + 1;
          let doubled = 0;
          let close: number;
          for (;;) {
            close = text.indexOf('"', search);
            if (close === -1) {
              if (!final) return recordStart;
              // Never closed: one malformed row, then the text after its first line is read again.
              const lineEnd = nextLineBreak(text, open);
              this.fieldCount = 0;
              this.malformed = {
                field,
                text: text.slice(open, lineEnd === -1 ? length : lineEnd),
                rule: UNCLOSED_QUOTE,
              };
              this.onRecord(this);
              this.malformed = undefined;
              this.text = text;
              if (lineEnd === -1) return length;
              position = afterLineBreak(text, lineEnd);
              continue records;
            }
            if (close + 1 === length && !final) return recordStart;
            if (text.charCodeAt(close + 1) === QUOTE) {
              doubled = 1;
              search = close + 2;
              continue;
            }
            break;
          }
          this.starts[field] = open + 1;
          this.ends[field] = close;
          this.escaped[field] = doubled;
          position = close + 1;
          code = position < length ? text.charCodeAt(position) : -1;
          if (code !== delimiter && code !== LF && code !== CR && code !== -1) {
            const next = this.reject(text, open, field, TEXT_AFTER_QUOTE, final);
            if (next === -1) return recordStart;
            this.text = text;
            position = next;
            continue records;
          }
        } else {
          const start = position;
          code = -1;
          while (position < length) {
            code = text.charCodeAt(position);
            if (code === delimiter || code === LF || code === CR) break;
            if (code === QUOTE) break;
            position++;
          }
          if (position === length) {
            if (!final) return recordStart;
            code = -1;
          }
          if (code === QUOTE) {
            const next = this.reject(text, start, field, STRAY_QUOTE, final);
            if (next === -1) return recordStart;
            this.text = text;
            position = next;
            continue records;
          }
          this.starts[field] = start;
          this.ends[field] = position;
          this.escaped[field] = 0;
        }
        field++;
        if (code === delimiter) {
          position++;
          continue;
        }
        // End of the record: a line break or the end of the text.
        if (code === CR) {
          if (position + 1 === length && !final) return recordStart;
          position += text.charCodeAt(position + 1) === LF ? 2 : 1;
        } else if (code === LF) {
          position++;
        }
        this.fieldCount = field;
        this.onRecord(this);
        this.text = text;
        continue records;
      }
    }
    return position;
  }
}

/** The index of the next `\n` or `\r` at or after `from`, or −1. */
function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF || code === CR) return i;
  }
  return -1;
}

/** The index after the line break at `at` (`\r\n` counts as one). */
function afterLineBreak(text: string, at: number): number {
  if (at >= text.length) return text.length;
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}
