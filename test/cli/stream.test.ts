import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { overview, parseResponses } from "../../src/index.js";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

/** Runs the command with real file streams (as the binary does), returning the parsed JSON report. */
// biome-ignore lint/suspicious/noExplicitAny: the parsed JSON document is explored freely in assertions
async function streamed(args: ReadonlyArray<string>): Promise<Record<string, any>> {
  let stdout = "";
  const code = await main(["report", ...args, "--format", "json"], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: () => {},
    readStdin: async () => new Uint8Array(),
    readFile: async () => {
      throw new Error("the file must be streamed, not read whole");
    },
    openFile: async (path) => ({
      size: statSync(path).size,
      chunks: createReadStream(path, { highWaterMark: 1 << 16 }),
    }),
  });
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe("npskit report streams large files", { timeout: 120_000 }, () => {
  // 200,000 rows with every kind of row: valid, missing (skipped) and invalid (rejected) scores,
  // quoted comments with commas and line breaks, dates.
  const lines = ["id,score,date,plan,comment"];
  const raw: Array<Record<string, string>> = [];
  for (let i = 0; i < 200_000; i++) {
    const score = i % 997 === 0 ? "NA" : i % 1009 === 0 ? "11" : String((i * 7) % 11);
    const date = `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    const plan = ["free", "team", "pro"][i % 3] as string;
    const comment = i % 50 === 0 ? `"line one, with comma\nline two ""quoted"""` : "ok";
    lines.push(`${i},${score},${date},${plan},${comment}`);
    raw.push({
      id: String(i),
      score,
      date,
      plan,
      comment: comment.startsWith('"') ? 'line one, with comma\nline two "quoted"' : comment,
    });
  }
  const path = temp.file("large.csv", `${lines.join("\n")}\n`);
  const expected = overview(
    parseResponses(raw, {
      fields: { score: "score", date: "date", respondentId: "id", comment: "comment" },
      mode: "collect",
      missingScore: "skip",
      firstRow: 2,
    }),
    { source: path },
  );

  it("gives the same overview as the in-memory path, streamed in 64 KiB pieces", async () => {
    const report = await streamed([path]);
    const { input, ...rest } = report;
    expect(rest).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(report.rows.read).toBe(200_000);
    expect(report.rows.skipped).toBeGreaterThan(0);
    expect(report.rows.rejected).toBeGreaterThan(0);
    expect(input.format).toBe("csv");
  });

  it("gives the same overview when it keeps the responses for segments", async () => {
    const report = await streamed([path, "--by", "plan"]);
    expect(report.nps).toBe(expected.nps);
    expect(report.segments.total.n).toBe(expected.rows.accepted);
    expect(report.firstRejected).toEqual(JSON.parse(JSON.stringify(expected.firstRejected)));
  });

  it("reads NDJSON as a stream, and matches the whole-file read", async () => {
    const ndjson = temp.file(
      "large.ndjson",
      `${raw
        .slice(0, 50_000)
        .map((row) => JSON.stringify(row))
        .join("\n")}\n`,
    );
    const report = await streamed([ndjson]);
    const fromStdin = await run(["report", "-", "--format", "json"], readFileSync(ndjson));
    expect(fromStdin.code).toBe(0);
    const { input: a, source: _a, ...streamedRest } = report;
    const { input: b, source: _b, ...stdinRest } = JSON.parse(fromStdin.stdout);
    expect(streamedRest).toEqual(stdinRest);
    expect(a).toEqual(b);
    expect(report.rows.read).toBe(50_000);
  });

  it("decides the encoding on the first 64 KiB: latin-1 bytes later are replaced, with a note", async () => {
    const head = `score,comment\n${"9,ok\n".repeat(20_000)}`;
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from("10,caf\xe9\n", "latin1")]);
    const result = await run(["report", temp.file("late-latin1.csv", bytes), "--format", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).rows.accepted).toBe(20_001);
    expect(result.stderr).toContain("are not valid UTF-8 and are read as U+FFFD; pass --encoding latin1");
    const strict = await run(["report", temp.file("late-latin1b.csv", bytes), "--encoding", "utf-8"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("npskit: the file is not valid UTF-8; try --encoding latin1");
  });
});

describe("the built binary", () => {
  const binary = new URL("../../dist/cli.js", import.meta.url).pathname;
  const built = existsSync(binary);
  if (!built) console.warn(`skipped: ${binary} does not exist (npm test builds it; run npm run build)`);
  it.skipIf(!built)("prints the JSON report of the built-in sample", () => {
    const stdout = execFileSync(process.execPath, [binary, "report", "--format", "json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const report = JSON.parse(stdout);
    expect(report.rows.accepted).toBe(2000);
    expect(report.input).toEqual({ format: "sample" });
  });
});
