import { readFile, writeFile } from "node:fs/promises";
import { escapeLines } from "../index.js";
import { type ByteSource, describeFileError, type ReadingIo } from "../node.js";
import { progressBar } from "./progress.js";

/**
 * Everything the command touches outside itself, so that tests can run it in-process: output
 * writers, standard input and the file reader.
 */
export interface CliIo {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads all of standard input. */
  readonly readStdin: () => Promise<Uint8Array>;
  /** Reads a whole file (a theme file). */
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** Opens a file of data as a stream of bytes (default: the file system, through `npskit/node`). */
  readonly openFile?: (path: string) => Promise<ByteSource>;
  /** Standard input as a stream of bytes (default: `readStdin`, in 64 KiB pieces). */
  readonly openStdin?: () => ByteSource;
  /** Writes a text file (default: the file system). */
  readonly writeFile?: (path: string, text: string) => Promise<void>;
  /** Whether standard error is a terminal: a progress bar is shown only then. @defaultValue false */
  readonly isTerminal?: boolean;
}

/** The process's own streams and file system. */
export function nodeIo(): CliIo {
  const write = guardOutput(
    process.stdout,
    (text) => process.stderr.write(text),
    (code) => process.exit(code),
  );
  return {
    stdout: write,
    stderr: (text) => {
      process.stderr.write(text);
    },
    readStdin: async () => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
      return Buffer.concat(chunks);
    },
    readFile: (path) => readFile(path),
    openStdin: () => ({ chunks: process.stdin }),
    writeFile: (path, text) => writeFile(path, text),
    isTerminal: process.stderr.isTTY === true,
  };
}

/** What the readers of `npskit/node` take from the command: its files, its notes and its progress bar. */
export interface CommandReading {
  /** The readers' I/O and note options: spread them into the readers' options. */
  readonly options: ReadingIo & { readonly onNote: (text: string) => void };
  /** Clears the progress bar for good (call it when the reading ends, whether it failed or not). */
  readonly done: () => void;
}

/**
 * The command's I/O as the readers take it: files through `io.openFile` (else the file system),
 * standard input through `io.openStdin` (else `io.readStdin`, in 64 KiB pieces), a progress bar on
 * standard error when it is a terminal, and `note` after the bar is cleared.
 */
export function readingIo(io: CliIo, note: (text: string) => void): CommandReading {
  const bar = progressBar(io);
  return {
    options: {
      ...(io.openFile === undefined ? {} : { openFile: io.openFile }),
      openStdin:
        io.openStdin ??
        (() => ({
          chunks: (async function* () {
            yield* pieces(await io.readStdin());
          })(),
        })),
      onProgress: bar.update,
      onNote: (text) => {
        bar.pause();
        note(text);
      },
    },
    done: bar.done,
  };
}

async function* pieces(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += 1 << 16) yield bytes.subarray(start, start + (1 << 16));
}

/** The part of a writable stream {@link guardOutput} uses. */
export interface OutputStream {
  write(text: string): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
}

/**
 * A writer to `stream` (standard output) that handles the stream's write errors instead of letting
 * them crash the process: a closed pipe (`EPIPE`, as in `npskit report x.csv | head -1`) ends the
 * process quietly with status 0, as `cat` does; any other write error (`ENOSPC` on a full disk) is
 * reported in one line on standard error and ends it with status 1. Later writes are dropped.
 */
export function guardOutput(
  stream: OutputStream,
  stderr: (text: string) => void,
  exit: (code: number) => void,
): (text: string) => void {
  let failed = false;
  const fail = (error: unknown): void => {
    if (failed) return;
    failed = true;
    if ((error as { code?: unknown } | null)?.code === "EPIPE") {
      exit(0);
      return;
    }
    stderr(`npskit: cannot write to standard output: ${describeFileError(error)}\n`);
    exit(1);
  };
  stream.on("error", fail);
  return (text) => {
    if (failed) return;
    try {
      stream.write(text);
    } catch (error) {
      fail(error);
    }
  };
}

/**
 * Writes a note on standard error, after `npskit: `. Notes quote column names, values and file names
 * from the data, so their control characters are written as escapes, never obeyed.
 */
export function writeNote(io: CliIo, text: string): void {
  io.stderr(`npskit: ${escapeLines(text)}\n`);
}

/** Writes a text file through `io.writeFile`, or else the file system. */
export function writeTextFile(io: CliIo, path: string, text: string): Promise<void> {
  return io.writeFile === undefined ? writeFile(path, text) : io.writeFile(path, text);
}

/** A failure the command reports and turns into an exit status: 1 for unusable data, 2 for usage. */
export class CliError extends Error {
  readonly exitCode: 1 | 2;

  constructor(exitCode: 1 | 2, message: string) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** A usage error (exit status 2). */
export function usageError(message: string): CliError {
  return new CliError(2, message);
}

/** A data error (exit status 1). */
export function dataError(message: string): CliError {
  return new CliError(1, message);
}
