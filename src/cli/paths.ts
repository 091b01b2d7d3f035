import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { usageError } from "./io.js";

/**
 * Refuses output paths that would overwrite an input, or each other: an output is the same file as
 * an input when the resolved paths are equal, or when both exist and share device and inode (a hard
 * link, a symbolic link, `./data.csv` and `data.csv`). `-` (standard input) is no file. A usage error
 * (exit 2), raised before anything is read or written.
 *
 * @param outputs - Each output option's name (`--out`) and path, `undefined` when not given.
 * @param inputs - The input paths.
 */
export async function checkOutputPaths(
  outputs: ReadonlyArray<readonly [option: string, path: string | undefined]>,
  inputs: ReadonlyArray<string | undefined>,
): Promise<void> {
  const files = inputs.filter((path): path is string => path !== undefined && path !== "-");
  const given = outputs.filter((output): output is readonly [string, string] => output[1] !== undefined);
  for (const [index, [option, path]] of given.entries()) {
    for (const input of files) {
      if (await sameFile(path, input)) {
        throw usageError(
          `${option} must not be an input file, received ${JSON.stringify(path)}, the same file as the input ${JSON.stringify(input)}`,
        );
      }
    }
    for (const [otherOption, other] of given.slice(0, index)) {
      if (await sameFile(path, other)) {
        throw usageError(`${option} must not be the file of ${otherOption}, received ${JSON.stringify(path)} for both`);
      }
    }
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [first, second] = await Promise.all([identity(a), identity(b)]);
  return first !== undefined && first === second;
}

/** Device and inode of an existing file, `undefined` when it cannot be read (it does not exist yet). */
async function identity(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path, { bigint: true });
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}
