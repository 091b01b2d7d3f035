import { spawnSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { guardOutput, nodeIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { openFileSource } from "../../src/node/io.js";
import { tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

function systemError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Runs the command with a file reader that fails as `chmod 000` makes it fail for a non-root user. */
async function runUnreadable(args: ReadonlyArray<string>, where: "open" | "read") {
  let stdout = "";
  let stderr = "";
  const refuse = (): never => {
    throw systemError("EACCES", "permission denied, open 'f.csv'");
  };
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => new Uint8Array(),
    readFile: async () => refuse(),
    openFile: async () =>
      where === "open"
        ? refuse()
        : {
            size: 12,
            // A stream opens its file on the first read: the refusal comes while reading.
            chunks: (async function* () {
              yield* [];
              refuse();
            })(),
          },
  });
  return { code, stdout, stderr };
}

describe("an unreadable file", () => {
  it.each([[["report", "f.csv"]], [["follow-up", "f.csv"]], [["migration", "f.csv", "f.csv"]]])(
    "%j says permission denied in one line and exits 1",
    async (args) => {
      for (const where of ["open", "read"] as const) {
        const result = await runUnreadable(args, where);
        expect(result.code).toBe(1);
        expect(result.stderr).toBe("npskit: cannot read f.csv: permission denied\n");
        expect(result.stdout).toBe("");
      }
    },
  );

  it("is refused when the file is opened, not later while its stream reads", async () => {
    // The command reads files through the reader's default, npskit/node's file-system opener.
    expect(nodeIo().openFile).toBeUndefined();
    const missing = temp.file("present.csv", "score\n9\n").replace("present", "absent");
    await expect(openFileSource(missing)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

class FakeStdout extends EventEmitter {
  written = "";
  constructor(private readonly failure?: Error) {
    super();
  }
  write(text: string): boolean {
    if (this.failure === undefined) {
      this.written += text;
    } else {
      // Node reports write errors on the stream, after the call returns.
      queueMicrotask(() => this.emit("error", this.failure));
    }
    return true;
  }
}

describe("guardOutput", () => {
  async function writeTo(stdout: FakeStdout) {
    let stderr = "";
    const exits: number[] = [];
    const write = guardOutput(
      stdout,
      (text) => {
        stderr += text;
      },
      (code) => exits.push(code),
    );
    write("first\n");
    write("second\n");
    await new Promise((resolve) => setTimeout(resolve, 0));
    write("third\n");
    return { stderr, exits };
  }

  it("writes through when nothing fails", async () => {
    const stdout = new FakeStdout();
    const result = await writeTo(stdout);
    expect(stdout.written).toBe("first\nsecond\nthird\n");
    expect(result).toEqual({ stderr: "", exits: [] });
  });

  it("ends quietly with status 0 when the pipe is closed", async () => {
    const result = await writeTo(new FakeStdout(systemError("EPIPE", "broken pipe, write")));
    expect(result).toEqual({ stderr: "", exits: [0] });
  });

  it("reports a full disk in one line and ends with status 1", async () => {
    const result = await writeTo(new FakeStdout(systemError("ENOSPC", "no space left on device, write")));
    expect(result).toEqual({
      stderr: "npskit: cannot write to standard output: no space left on device\n",
      exits: [1],
    });
  });
});

describe("a file the report stops reading early", () => {
  it("is closed when an error in its data ends the report (the rest is never read)", async () => {
    const bytes = new TextEncoder().encode(`score,spend\n8,lots\n${"9,10\n".repeat(60_000)}`);
    let read = 0;
    let closed = false;
    async function* chunks(): AsyncGenerator<Uint8Array> {
      try {
        for (; read < bytes.length; read += 1 << 16) yield bytes.subarray(read, read + (1 << 16));
      } finally {
        closed = true;
      }
    }
    let stderr = "";
    const code = await main(["report", "big.csv", "--where", "spend>5"], {
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      readStdin: async () => new Uint8Array(),
      readFile: async () => bytes,
      openFile: async () => ({ size: bytes.length, chunks: chunks() }),
    });
    expect(stderr).toContain('where "spend>5": row 2');
    expect(code).toBe(1);
    expect(read).toBeLessThan(bytes.length);
    expect(closed).toBe(true);
  });
});

describe("the built binary's standard output", () => {
  const binary = new URL("../../dist/cli.js", import.meta.url).pathname;
  const built = existsSync(binary);
  const file = temp.file("scores.csv", `score\n${"9\n3\n7\n".repeat(2000)}`);
  const shell = (pipeline: string) => spawnSync("bash", ["-c", `set -o pipefail; ${pipeline}`], { encoding: "utf8" });
  const npskit = `"${process.execPath}" "${binary}" report "${file}" --score score`;

  it.skipIf(!built || !existsSync("/dev/full"))("reports a full disk in one line with status 1", () => {
    const result = shell(`${npskit} --format json > /dev/full`);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("npskit: cannot write to standard output: no space left on device\n");
  });

  it.skipIf(!built)("ends quietly with status 0 when the reader closes the pipe", () => {
    const result = shell(`${npskit} --format html | head -c 10 > /dev/null`);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it.skipIf(!built)("reports an error of the data read (a filter on text) in one line, not a stack trace", () => {
    // The reader is built into the command: its errors must be recognised like the library's.
    const text = temp.file("text.csv", "score,spend\n9,10\n8,lots\n");
    const result = spawnSync(process.execPath, [binary, "report", text, "--where", "spend>5"], { encoding: "utf8" });
    expect(result.stderr).toContain('npskit: where "spend>5": row 3: "spend" is "lots", not a number');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.status).toBe(1);
  });
});
