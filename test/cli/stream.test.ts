import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { overview, parseResponses } from "../../src/index.js";
import type { ColumnarBatch } from "../../src/input/columnarBatch.js";
import { streamResponses } from "../../src/node.js";
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

describe("npskit report reads the rest of a file after a broken row", () => {
  it("rejects a stray quote in an unquoted field with its row number, and reads the rest", async () => {
    const path = temp.file("stray.csv", 'id,score,comment\n1,9,He said "no"\n2,8,ok\n3,"10"x,ok\n4,10,ok\n');
    const report = await streamed([path, "--max-rejected", "100"]);
    expect(report.rows).toMatchObject({ read: 4, accepted: 2, rejected: 2 });
    expect(report.firstRejected.map((row: { row: number }) => row.row)).toEqual([2, 4]);
    expect(report.firstRejected[0].message).toBe(
      'a field holding a quote (") must be quoted, with the quote doubled, received "He said \\"no\\""',
    );
  });

  it("rejects an NDJSON line that is not JSON and an item that is not an object", async () => {
    const ndjson = await streamed([
      temp.file("broken.ndjson", '{"score": 9}\n{"score": \n[9]\n{"score": 7}\n'),
      "--max-rejected",
      "100",
    ]);
    expect(ndjson.rows).toMatchObject({ read: 4, accepted: 2, rejected: 2 });
    expect(ndjson.firstRejected.map((row: { row: number }) => row.row)).toEqual([2, 3]);
    expect(ndjson.firstRejected[0].message).toMatch(/^line 2 must be valid JSON \(.+\), received "\{\\"score\\":"$/);
    expect(ndjson.firstRejected[1].message).toBe("row must be an object, received an array");
    const json = await streamed([
      temp.file("items.json", '[{"score": 9}, 7, null, {"score": 10}]'),
      "--max-rejected",
      "100",
    ]);
    expect(json.rows).toMatchObject({ read: 4, accepted: 2, rejected: 2 });
    expect(json.firstRejected.map((row: { row: number }) => row.row)).toEqual([2, 3]);
  });

  it("reads UTF-16 without a byte-order mark, detected by its NUL bytes", async () => {
    const text = "score,plan\n9,caf\u00e9\n3,th\u00e9\n";
    const little = Buffer.from(text, "utf16le");
    const big = Buffer.from(little);
    for (let i = 0; i + 1 < big.length; i += 2) [big[i], big[i + 1]] = [big[i + 1] as number, big[i] as number];
    for (const [name, bytes, encoding] of [
      ["le.csv", little, "utf-16le"],
      ["be.csv", big, "utf-16be"],
    ] as const) {
      const report = await streamed([temp.file(name, bytes), "--by", "plan"]);
      expect(report.input.encoding).toBe(encoding);
      expect(report.rows).toMatchObject({ read: 2, accepted: 2 });
      expect(report.segments.segments.map((segment: { key: string }) => segment.key).sort()).toEqual(["café", "thé"]);
    }
  });
});

describe("streamResponses with output: columns", () => {
  it("hands over typed columns whose codes mean the same key in every batch, with row numbers and accounting", async () => {
    const lines = ["id,score,date,plan"];
    for (let i = 0; i < 12_000; i++) {
      const score = i % 1000 === 7 ? "11" : i % 1000 === 8 ? "NA" : String(i % 11);
      const plan = i < 6000 ? ["free", "pro"][i % 2] : ["team", "free", ""][i % 3];
      lines.push(`r${i},${score},2026-0${(i % 9) + 1}-15T10:00:00Z,${plan}`);
    }
    const path = temp.file("columns.csv", `${lines.join("\n")}\n`);
    const io: CliIo = {
      stdout: () => {},
      stderr: () => {},
      readStdin: async () => new Uint8Array(),
      readFile: async () => new Uint8Array(),
      openFile: async (name) => ({
        size: statSync(name).size,
        chunks: createReadStream(name, { highWaterMark: 1 << 12 }),
      }),
    };
    const batches: ColumnarBatch[] = [];
    await streamResponses(
      path,
      {
        score: "score",
        date: "date",
        respondentId: "id",
        attributes: ["plan"],
        encoding: "auto",
        inputFormat: "auto",
        missingScore: "skip",
        output: "columns",
        ...(io.openFile === undefined ? {} : { openFile: io.openFile }),
      },
      (batch) => batches.push(batch),
    );
    expect(batches.length).toBeGreaterThan(1);
    const total = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
    for (const batch of batches) {
      for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += batch.counts[key];
      expect(batch.counts.accepted).toBe(batch.columns.scores.length);
      expect(batch.rowNumbers.length).toBe(batch.columns.scores.length);
    }
    expect(total).toEqual({ rows: 12_000, accepted: 11_976, skipped: 12, rejected: 12 });
    // Every accepted response, found again from its row number: same score, time, id and plan.
    const dictionary = batches[0]?.columns.segments?.plan?.dictionary;
    for (const batch of batches) {
      const { scores, times, respondentIds, segments } = batch.columns;
      expect(segments?.plan?.dictionary).toBe(dictionary);
      for (let i = 0; i < scores.length; i += 97) {
        const row = batch.rowNumbers[i] as number;
        const [id, score, date, plan] = (lines[row - 1] as string).split(",");
        expect(respondentIds?.[i]).toBe(id);
        expect(scores[i]).toBe(Number(score));
        expect(times?.[i]).toBe(Date.parse(date as string));
        expect(dictionary?.[segments?.plan?.codes[i] as number]).toBe(plan === "" ? null : plan);
      }
    }
    expect(dictionary).toEqual(["free", "pro", "team", null]);
    expect(batches.flatMap((batch) => batch.issues.map((issue) => issue.row)).slice(0, 2)).toEqual([9, 1009]);
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
