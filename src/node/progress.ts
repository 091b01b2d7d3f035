import type { CliIo } from "./io.js";

/** A progress bar on standard error, drawn only when it is a terminal. */
export interface Progress {
  /** Passes the bytes through, counting them. */
  track(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /** Clears the bar (it is drawn again on the next update). */
  pause(): void;
  /** Clears the bar for good. */
  done(): void;
}

const WIDTH = 30;

/**
 * A progress bar of bytes read: `[#####-----]  45%  12.3 MB` when the size is known, the megabytes
 * read otherwise. Redrawn at most once per percent (or per megabyte); nothing at all unless
 * `io.isTerminal`.
 */
export function progressBar(io: CliIo, size: number | undefined): Progress {
  const shown = io.isTerminal === true;
  let read = 0;
  let drawn = "";
  let finished = false;
  const clear = (): void => {
    if (drawn !== "") io.stderr(`\r${" ".repeat(drawn.length)}\r`);
    drawn = "";
  };
  const draw = (): void => {
    const megabytes = `${(read / 1e6).toFixed(1)} MB`;
    let text: string;
    if (size !== undefined && size > 0) {
      const fraction = Math.min(1, read / size);
      const filled = Math.round(fraction * WIDTH);
      text = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${String(Math.floor(100 * fraction)).padStart(3)}%  ${megabytes}`;
    } else {
      text = `reading… ${megabytes}`;
    }
    if (text === drawn) return;
    io.stderr(`\r${text}`);
    drawn = text;
  };
  return {
    async *track(chunks) {
      for await (const chunk of chunks) {
        read += chunk.length;
        if (shown && !finished) draw();
        yield chunk;
      }
    },
    pause: clear,
    done() {
      finished = true;
      clear();
    },
  };
}
