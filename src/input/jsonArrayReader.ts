/**
 * A streaming reader of one JSON array (`[ {...}, {...} ]`): it finds where each item of the array
 * starts and ends in a tight loop over the text (strings, escapes and nesting followed), and hands
 * over each item's text, so that memory holds one piece of text and one item, not the whole file and
 * every object. Each item is then read with `JSON.parse` by the caller: an item that is not valid
 * JSON is that item's problem only. Browser-safe (no `node:` import).
 *
 * The array itself must be well formed (an opening `[`, items separated by commas, a closing `]` and
 * nothing after it but white space); otherwise {@link JsonArrayReader.push} or
 * {@link JsonArrayReader.end} throws a `SyntaxError` saying where. An empty slot before the closing
 * bracket (a trailing comma) is ignored.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Thrown when the text does not start with `[`: it is not a JSON array at all. */
export class NotAnArrayError extends SyntaxError {
  override readonly name = "NotAnArrayError";
}

/** Called with the text of item `index` (0-based) of the array. */
export type ItemCallback = (text: string, index: number) => void;

const BEFORE = 0;
const BETWEEN = 1;
const AFTER_ITEM = 2;
const DONE = 3;

/** The longest item kept while waiting for its end (a string or bracket left open would hold the rest). */
const MAX_ITEM = 1 << 22;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 0xfeff;
}

export class JsonArrayReader {
  private readonly onItem: ItemCallback;
  private state = BEFORE;
  private pending = "";
  private index = 0;
  /** Characters read before `pending`, for positions in error messages. */
  private offset = 0;

  constructor(onItem: ItemCallback) {
    this.onItem = onItem;
  }

  /** Reads a piece of text; items completed by it are handed over before it returns. */
  push(piece: string): void {
    const text = this.pending === "" ? piece : this.pending + piece;
    const consumed = this.read(text, false);
    this.offset += consumed;
    this.pending = consumed === text.length ? "" : text.slice(consumed);
    if (this.pending.length > MAX_ITEM) {
      throw new SyntaxError(
        `an item starting at character ${this.offset + 1} is longer than 4,194,304 characters (is a string or a bracket left open?)`,
      );
    }
  }

  /** Reads what is left; throws when the array is not closed. */
  end(): void {
    const text = this.pending;
    this.pending = "";
    this.read(text, true);
    if (this.state !== DONE) throw new SyntaxError("the JSON array is not closed by ] at the end of the text");
  }

  private fail(position: number, expected: string, text: string): never {
    const found = position < text.length ? JSON.stringify(text[position]) : "the end of the text";
    throw new SyntaxError(`expected ${expected} at character ${this.offset + position + 1}, found ${found}`);
  }

  /** Reads whole items of `text`; returns how many characters were consumed. */
  private read(text: string, final: boolean): number {
    const length = text.length;
    let position = 0;
    while (position < length) {
      const code = text.charCodeAt(position);
      if (isSpace(code)) {
        position++;
        continue;
      }
      if (this.state === DONE) this.fail(position, "nothing after the closing ]", text);
      if (this.state === BEFORE) {
        if (code !== OPEN_BRACKET) throw new NotAnArrayError("the JSON must be an array of objects, one per response");
        this.state = BETWEEN;
        position++;
        continue;
      }
      if (this.state === AFTER_ITEM) {
        if (code === COMMA) {
          this.state = BETWEEN;
          position++;
          continue;
        }
        if (code === CLOSE_BRACKET) {
          this.state = DONE;
          position++;
          continue;
        }
        this.fail(position, ", or ] after an item", text);
      }
      // BETWEEN: an item starts here, or the array ends.
      if (code === CLOSE_BRACKET) {
        this.state = DONE;
        position++;
        continue;
      }
      const end = itemEnd(text, position);
      if (end === -1) {
        if (!final) return position;
        throw new SyntaxError("the JSON array is not closed by ] at the end of the text");
      }
      this.onItem(text.slice(position, end), this.index++);
      this.state = AFTER_ITEM;
      position = end;
    }
    return position;
  }
}

/**
 * Where the item starting at `start` ends (the index after it), or −1 when the text ends first. An
 * object or array ends at its matching bracket; anything else at the next comma, closing bracket or
 * white space outside a string.
 */
function itemEnd(text: string, start: number): number {
  const length = text.length;
  let depth = 0;
  let inString = false;
  for (let i = start; i < length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth === 0) return i;
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (code === COMMA || isSpace(code))) {
      return i;
    }
  }
  return -1;
}
