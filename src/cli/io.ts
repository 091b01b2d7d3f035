import { readFile } from "node:fs/promises";

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
  };
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
