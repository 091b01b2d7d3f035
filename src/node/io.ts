import { open, readFile, writeFile } from "node:fs/promises";

/** Bytes read piece by piece, with the total size when it is known (a file, not a pipe). */
export interface ByteSource {
  /** The total number of bytes, when known. */
  readonly size?: number;
  /** The bytes, in order. */
  readonly chunks: AsyncIterable<Uint8Array>;
}

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
  /** Reads a whole file. */
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** Opens a file as a stream of bytes (default: the whole file from `readFile`, in 64 KiB pieces). */
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
    openFile: async (path) => {
      // Opened here, not lazily by the stream, so that a refused permission is reported on opening.
      const handle = await open(path, "r");
      try {
        const info = await handle.stat();
        if (info.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: "EISDIR" });
        return { size: info.size, chunks: handle.createReadStream({ highWaterMark: 1 << 16 }) };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },
    openStdin: () => ({ chunks: process.stdin }),
    writeFile: (path, text) => writeFile(path, text),
    isTerminal: process.stderr.isTTY === true,
  };
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
    stderr(`npskit: cannot write to standard output: ${fileErrorReason(error)}\n`);
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

/** A file-system error in words: "permission denied", "no space left on device"… */
export function fileErrorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "it is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOSPC":
      return "no space left on device";
    case "EPIPE":
      return "the pipe is closed";
    default:
      return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
  }
}

/** A file as a byte stream, through `io.openFile` or else `io.readFile`. */
export async function openFile(io: CliIo, path: string): Promise<ByteSource> {
  if (io.openFile === undefined) {
    const bytes = await io.readFile(path);
    return { size: bytes.length, chunks: pieces(bytes) };
  }
  const source = await io.openFile(path);
  return { ...source, chunks: readingErrors(path, source.chunks) };
}

/** The chunks of a file, with a read error on the way (a refused permission, a failing disk) in words. */
async function* readingErrors(path: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (error) {
    throw dataError(`cannot read ${path}: ${fileErrorReason(error)}`);
  }
}

/** Standard input as a byte stream, through `io.openStdin` or else `io.readStdin`. */
export function openStdin(io: CliIo): ByteSource {
  if (io.openStdin !== undefined) return io.openStdin();
  return {
    chunks: (async function* () {
      yield* pieces(await io.readStdin());
    })(),
  };
}

/** Writes a text file through `io.writeFile`, or else the file system. */
export function writeTextFile(io: CliIo, path: string, text: string): Promise<void> {
  return io.writeFile === undefined ? writeFile(path, text) : io.writeFile(path, text);
}

async function* pieces(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += 1 << 16) yield bytes.subarray(start, start + (1 << 16));
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
