/**
 * Item 13 of issue 15: `readResponses` of `npskit/node` reads a file as `npskit report` does — same
 * columns, notes, date-format detection, defaults and row accounting — and the entry point exports
 * only the public reader.
 */
import { afterAll, describe, expect, it } from "vitest";
import { NpsError } from "../../src/index.js";
import * as node from "../../src/node.js";
import { readResponses } from "../../src/node.js";
import { run, tempDirectory } from "../cli/helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

/** A semicolon-separated latin-1 export with day-first dates, a blank score and a bad one. */
function latin1Export(): string {
  const lines = ["Kunde;Région;Date;Likely to recommend"];
  for (let i = 0; i < 30; i++) {
    const score = i === 4 ? "" : i === 9 ? "11" : String(i % 11);
    lines.push(`C${i};${i % 2 === 0 ? "Île" : "Nord"};${(i % 28) + 1}/${(i % 12) + 1}/2024 ${i % 24}:05;${score}`);
  }
  const text = `${lines.join("\r\n")}\r\n`;
  return temp.file("export.csv", Buffer.from(text, "latin1") as unknown as string);
}

describe("readResponses (npskit/node)", () => {
  const file = latin1Export();

  it("reads the file as the command does: encoding, delimiter, guessed columns, detected dates", async () => {
    const read = await readResponses(file, { attributes: ["Région"] });
    expect(read.input).toMatchObject({
      format: "csv",
      encoding: "latin1",
      delimiter: ";",
      fields: { score: "Likely to recommend", date: "Date", attributes: ["Région"] },
      dateFormat: "d/M/yyyy H:mm",
    });
    // Blank scores skipped and counted, the invalid one rejected, every row accounted for.
    expect(read.counts).toEqual({ rows: 30, accepted: 28, skipped: 1, rejected: 1 });
    expect(read.skipped).toEqual([{ row: 6, reason: 'score is missing, received ""' }]);
    expect(read.issues.map((issue) => [issue.row, issue.field, issue.value])).toEqual([
      [11, "Likely to recommend", "11"],
    ]);
    // Row numbers are the file's lines: the header is line 1.
    expect(read.rowNumbers).toEqual([2, 3, 4, 5, 7, 8, 9, 10, ...Array.from({ length: 20 }, (_, i) => 12 + i)]);
    expect(read.responses[0]).toMatchObject({ score: 0, date: new Date("2024-01-01T00:05:00Z") });
    expect(read.responses[0]?.attributes?.Région).toBe("Île");
    expect(read.responses[4]).toMatchObject({ score: 5 });
    // 1 row of 30 rejected (3.3 %): within the 5 % of the default limit.
    expect(read.tooManyLost).toBeUndefined();
  });

  it("gives the notes the command prints on standard error, in the same order", async () => {
    const read = await readResponses(file, { attributes: ["Région"] });
    const command = await run(["report", file, "--attribute", "Région", "--format", "json"]);
    const printed = command.stderr
      .split("\n")
      .filter((line) => line.startsWith("npskit: "))
      .map((line) => line.slice("npskit: ".length));
    for (const text of read.notes) expect(printed).toContain(text);
    expect(read.notes.some((text) => text.startsWith("encoding:"))).toBe(true);
    expect(read.notes).toContain(
      'date: column "Date" (guessed from its name), read with the pattern "d/M/yyyy H:mm" (detected; pass --date-format to change)',
    );
    // The same counts as the report.
    const report = JSON.parse(command.stdout);
    expect(report.rows).toEqual({ read: 30, accepted: 28, skipped: 1, rejected: 1 });
    expect(report.firstRejected[0].row).toBe(read.issues[0]?.row);
  });

  it("keeps undated rows and says when too many rows are lost, as --max-rejected does", async () => {
    const read = await readResponses(file, { dateFormat: "MM/dd/yyyy HH:mm", maxRejected: 5 });
    const undated = read.undated.length;
    expect(undated).toBeGreaterThan(10);
    expect(read.counts.accepted).toBe(28);
    expect(read.responses.filter((r) => r.date === undefined)).toHaveLength(undated);
    expect(read.notes).toContain(
      `${undated} rows with a date that does not parse: left out of trends (they count in the overall figures and segments)`,
    );
    expect(read.tooManyLost).toContain(
      'the detected pattern "d/M/yyyy H:mm" reads all 30 dates: pass --date-format "d/M/yyyy H:mm"',
    );
    const command = await run(["report", file, "--date-format", "MM/dd/yyyy HH:mm"]);
    expect(command.code).toBe(1);
    expect(command.stderr).toContain(`npskit: ${read.tooManyLost}`);
    const strict = await readResponses(file, { dateFormat: "MM/dd/yyyy HH:mm", badDate: "reject", maxRejected: 100 });
    expect(strict.counts.rejected).toBe(1 + undated);
    expect(strict.undated).toEqual([]);
    expect(strict.tooManyLost).toBeUndefined();
  });

  it("throws NpsError for a file it cannot read and for bad options", async () => {
    await expect(readResponses(temp.file("empty.csv", "score\n"))).rejects.toThrow(
      expect.objectContaining({
        name: "NpsError",
        code: "invalid_input",
        message: expect.stringContaining("has no data rows"),
      }),
    );
    await expect(readResponses(`${file}.missing`)).rejects.toBeInstanceOf(NpsError);
    await expect(readResponses(file, { score: "Nope" })).rejects.toThrow(
      /readResponses: --score: no column named "Nope"/,
    );
    await expect(readResponses(file, { encoding: "ebcdic" as never })).rejects.toThrow(
      expect.objectContaining({ code: "invalid_option", message: expect.stringContaining("encoding must be") }),
    );
    await expect(readResponses(file, { maxRejected: 101 })).rejects.toThrow(/maxRejected must be a percentage/);
  });

  it("exports the readers, their row accounting, file errors in words and the chart scripts' loader only, not the command's internals", () => {
    expect(Object.keys(node).sort()).toEqual([
      "DEFAULT_MAX_REJECTED",
      "countProblems",
      "describeFileError",
      "loadChartScripts",
      "readResponses",
      "readTallies",
      "streamResponses",
      "tooManyLost",
      "undatedNote",
    ]);
  });

  it("puts file-system errors in the words of the command's messages", () => {
    const error = (code: string): Error => Object.assign(new Error(`${code}: raw\nsecond line`), { code });
    expect(
      ["ENOENT", "EISDIR", "EACCES", "EPERM", "ENOSPC", "EPIPE", "EIO"].map((code) =>
        node.describeFileError(error(code)),
      ),
    ).toEqual([
      "no such file",
      "it is a directory",
      "permission denied",
      "permission denied",
      "no space left on device",
      "the pipe is closed",
      "EIO: raw",
    ]);
    expect(node.describeFileError("text")).toBe("text");
    expect(node.describeFileError(null)).toBe("null");
  });
});
