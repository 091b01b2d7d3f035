import { open } from "node:fs/promises";
import { NpsError } from "../core/errors.js";

/**
 * Bytes read piece by piece, with the total size when it is known (a file, not a pipe).
 *
 * @category Node
 */
export interface ByteSource {
  /** The total number of bytes, when known. */
  readonly size?: number;
  /** The bytes, in order. */
  readonly chunks: AsyncIterable<Uint8Array>;
}

/**
 * Where the readers of `npskit/node` get their bytes, and whom they tell how far they are. Every
 * member is optional: by default a file is read from the file system and `"-"` from `process.stdin`.
 *
 * @category Node
 */
export interface ReadingIo {
  /**
   * Opens a file as a stream of bytes. Reject when it cannot be opened: a Node file-system error is
   * put in words (`ENOENT`: "no such file", `EACCES`: "permission denied"…).
   * @defaultValue the file system, in 64 KiB pieces
   */
  readonly openFile?: (path: string) => Promise<ByteSource>;
  /** Standard input as a stream of bytes, for the path `"-"`. @defaultValue `process.stdin` */
  readonly openStdin?: () => ByteSource;
  /**
   * Called after each piece read with the bytes read so far and the total size when known (a file,
   * not a pipe): to draw a progress bar.
   */
  readonly onProgress?: (bytesRead: number, totalBytes: number | undefined) => void;
}

/** An error of reading: `invalid_input`, with the message the command prints (after `npskit: `). */
export function readError(message: string): NpsError {
  return new NpsError("invalid_input", message);
}

/** A file of the file system as a byte stream: refused on opening (not later) when it cannot be read. */
export async function openFileSource(path: string): Promise<ByteSource> {
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
}

/**
 * The bytes of `path` (`"-"`: standard input) through `io`, with `io.onProgress` told of each piece.
 * A file that cannot be opened or read is an `invalid_input` error, `cannot read <path>: <reason>`.
 */
export async function openBytes(path: string, io: ReadingIo): Promise<ByteSource> {
  let source: ByteSource;
  try {
    source = path === "-" ? (io.openStdin ?? standardInput)() : await (io.openFile ?? openFileSource)(path);
  } catch (error) {
    throw readError(`cannot read ${path}: ${describeFileError(error)}`);
  }
  const chunks = path === "-" ? source.chunks : readingErrors(path, source.chunks);
  const { onProgress } = io;
  return { ...source, chunks: onProgress === undefined ? chunks : counted(chunks, source.size, onProgress) };
}

function standardInput(): ByteSource {
  return { chunks: process.stdin };
}

/** The chunks of a file, with a read error on the way (a refused permission, a failing disk) in words. */
async function* readingErrors(path: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (error) {
    throw readError(`cannot read ${path}: ${describeFileError(error)}`);
  }
}

/** The chunks, passed through, with the bytes read so far told after each. */
async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  size: number | undefined,
  onProgress: (bytesRead: number, totalBytes: number | undefined) => void,
): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const chunk of chunks) {
    read += chunk.length;
    onProgress(read, size);
    yield chunk;
  }
}

/**
 * A Node file-system error in the words of npskit's messages: `ENOENT` "no such file", `EISDIR` "it
 * is a directory", `EACCES` and `EPERM` "permission denied", `ENOSPC` "no space left on device",
 * `EPIPE` "the pipe is closed"; any other error, the first line of its message. For a program
 * that reads or writes files around `npskit/node` and wants to say what went wrong as the command
 * does. O(length of the message).
 *
 * @param error - What a file-system call threw or rejected with.
 * @returns The reason, in words.
 * @example
 * ```typescript
 * import { describeFileError } from "npskit/node";
 * describeFileError(Object.assign(new Error("ENOENT: no such file or directory"), { code: "ENOENT" })); // "no such file"
 * ```
 * @category Node
 */
export function describeFileError(error: unknown): string {
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
