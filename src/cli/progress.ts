import type { CliIo } from "./io.js";

/** A progress bar on standard error, drawn only when it is a terminal. */
export interface Progress {
  /** Counts the bytes read so far, of `size` when known, and redraws the bar. */
  update(read: number, size: number | undefined): void;
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
export function progressBar(io: CliIo): Progress {
  const shown = io.isTerminal === true;
  let drawn = "";
  let finished = false;
  const clear = (): void => {
    if (drawn !== "") io.stderr(`\r${" ".repeat(drawn.length)}\r`);
    drawn = "";
  };
  const draw = (read: number, size: number | undefined): void => {
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
    update(read, size) {
      if (shown && !finished) draw(read, size);
    },
    pause: clear,
    done() {
      finished = true;
      clear();
    },
  };
}
