import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";

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
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
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
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: "EISDIR" });
      return { size: info.size, chunks: createReadStream(path, { highWaterMark: 1 << 16 }) };
    },
    openStdin: () => ({ chunks: process.stdin }),
    writeFile: (path, text) => writeFile(path, text),
    isTerminal: process.stderr.isTTY === true,
  };
}

/** A file as a byte stream, through `io.openFile` or else `io.readFile`. */
export async function openFile(io: CliIo, path: string): Promise<ByteSource> {
  if (io.openFile !== undefined) return io.openFile(path);
  const bytes = await io.readFile(path);
  return { size: bytes.length, chunks: pieces(bytes) };
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
