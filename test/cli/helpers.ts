import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

/** What one in-process run of the command printed and returned. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npskit` in-process with captured output, the real file system, and `stdin` as standard input. */
export async function run(args: ReadonlyArray<string>, stdin: string | Uint8Array = ""): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => (typeof stdin === "string" ? new TextEncoder().encode(stdin) : stdin),
    readFile: (path) => readFile(path),
  });
  return { code, stdout, stderr };
}

/** A temporary directory for the files of one test file, removed by `cleanup`. */
export function tempDirectory(): { file: (name: string, content: string | Uint8Array) => string; cleanup: () => void } {
  const directory = mkdtempSync(join(tmpdir(), "npskit-cli-"));
  return {
    file: (name, content) => {
      const path = join(directory, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  };
}
