import { afterAll, describe, expect, it } from "vitest";
import { FOLLOW_UP_OPTIONS } from "../../src/cli/followUp.js";
import { RAW_CONTROL } from "../helpers/terminal.js";
import { run, tempDirectory } from "./helpers.js";

const files = tempDirectory();
afterAll(() => files.cleanup());

const CSV = [
  "id,nps,submitted,feedback,spend",
  "A,10,2026-03-02T10:00:00Z,Love it,5",
  "B,3,2026-03-01T10:00:00Z,Too slow,100",
  "C,5,2026-03-03T10:00:00Z,,20",
  "A,9,2026-03-05T10:00:00Z,,5",
  "D,8,2026-03-04T10:00:00Z,,",
].join("\n");

describe("npskit follow-up", () => {
  it("queues a file by urgency, one entry per respondent, with due dates", async () => {
    const file = files.file("answers.csv", CSV);
    const result = await run(["follow-up", file, "--respondent", "id", "--comment", "feedback", "--capacity", "2"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Follow-up queue  4 entries: 2 detractors to contact");
    expect(result.stdout).toContain("Capacity  2 a working day: 2 working days, until 2026-03-06");
    const lines = result.stdout.split("\n").filter((line) => /^\s+\d+ {2}/.test(line));
    expect(lines.map((line) => line.trim().split(/\s+/).slice(0, 5).join(" "))).toEqual([
      "1 2026-03-05 detractor 5 C",
      "2 2026-03-05 detractor 3 B",
      "3 2026-03-06 passive 8 D",
      "4 2026-03-06 promoter 9 A",
    ]);
    expect(result.stdout).toContain('"Too slow"');
  });

  it("prints JSON and takes the queue options", async () => {
    const file = files.file("answers2.csv", CSV);
    const result = await run([
      "follow-up",
      file,
      "--respondent",
      "id",
      "--value",
      "spend",
      "--all-responses",
      "--categories",
      "promoter,detractor",
      "--capacity",
      "1",
      "--start",
      "2026-03-07",
      "--working-days",
      "sat,sun",
      "-f",
      "json",
    ]);
    expect(result.code).toBe(0);
    const queue = JSON.parse(result.stdout);
    expect(queue.entries.map((e: { respondentId: string; dueDate: string }) => [e.respondentId, e.dueDate])).toEqual([
      ["C", "2026-03-07"],
      ["B", "2026-03-08"],
      ["A", "2026-03-14"],
      ["A", "2026-03-15"],
    ]);
    expect(queue.entries[1].value).toBe(100);
  });

  it("works on the built-in sample", async () => {
    const result = await run(["follow-up", "--capacity", "20", "--limit", "3"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("no file given");
    expect(result.stdout).toContain("Capacity  20 a working day");
    expect(result.stdout).toMatch(/… and \d+ more/);
    expect(result.stdout).toContain("detractor");
  });

  it.each([
    [["follow-up", "--capacity", "0"], '--capacity must be a positive whole number, received "0"'],
    [["follow-up", "--start", "2026-02-30"], '--start must be a date YYYY-MM-DD, received "2026-02-30"'],
    [["follow-up", "--working-days", "mon,xyz"], "--working-days must be days such as mon,tue,wed,thu,fri"],
    [["follow-up", "--categories", "fans"], "--categories must list detractor, passive or promoter"],
    [["follow-up", "--score", "nps"], "--score needs a file to read; no file was given"],
    [["follow-up", "a.csv", "b.csv"], "follow-up takes one file (or - for standard input), received 2"],
  ])("exits 2 for %j", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("exits 1 for a missing file", async () => {
    const result = await run(["follow-up", "no-such-file.csv"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot read no-such-file.csv: no such file");
  });

  it("--help lists every option", async () => {
    const result = await run(["follow-up", "--help"]);
    expect(result.code).toBe(0);
    for (const name of Object.keys(FOLLOW_UP_OPTIONS)) expect(result.stdout).toContain(`--${name}`);
    expect((await run(["help", "follow-up"])).stdout).toBe(result.stdout);
  });
});

describe("npskit follow-up with far start dates", () => {
  const due = (stdout: string) =>
    stdout
      .split("\n")
      .filter((line) => /^\s+\d+ {2}/.test(line))
      .map((line) => line.trim().split(/\s+/)[1]);

  it("keeps years before 100 (Date.UTC would read 0050 as 1950)", async () => {
    const file = files.file("early.csv", CSV);
    const result = await run(["follow-up", file, "--respondent", "id", "--capacity", "2", "--start", "0050-06-01"]);
    expect(result.code).toBe(0);
    // 1 June 50 was a Wednesday (proleptic Gregorian calendar, as Date counts).
    expect(due(result.stdout)).toEqual(["0050-06-01", "0050-06-01", "0050-06-02", "0050-06-02"]);
    expect(result.stdout).toContain("until 0050-06-02");
  });

  it("prints due dates after 9999 in full, with the sign and six digits of ISO 8601", async () => {
    const file = files.file("late.csv", CSV);
    const result = await run(["follow-up", file, "--respondent", "id", "--capacity", "2", "--start", "9999-12-31"]);
    expect(result.code).toBe(0);
    // 31 December 9999 is a Friday; the next working day is Monday 3 January 10000.
    expect(due(result.stdout)).toEqual(["9999-12-31", "9999-12-31", "+010000-01-03", "+010000-01-03"]);
    const json = await run([
      "follow-up",
      file,
      "--respondent",
      "id",
      "--capacity",
      "2",
      "--start",
      "9999-12-31",
      "-f",
      "json",
    ]);
    expect(JSON.parse(json.stdout).lastDueDate).toBe("+010000-01-03");
  });
});

describe("npskit follow-up escapes what reaches the terminal", () => {
  it("prints ids and comments with their control characters escaped; JSON keeps them", async () => {
    const csv = [
      "id,nps,feedback",
      '"E\u001b[2J",3,"clear\u001b]0;pwned\u0007 \u202eevil\b\b"',
      '"F\u009b31m",9,"two\nlines"',
    ].join("\n");
    const file = files.file("escapes.csv", csv);
    const result = await run(["follow-up", file, "--respondent", "id", "--comment", "feedback"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toContain("E\\u001b[2J");
    expect(result.stdout).toContain('"clear\\u001b]0;pwned\\u0007 \\u202eevil\\u0008\\u0008"');
    expect(result.stdout).toContain("F\\u009b31m");
    expect(result.stdout).toContain('"two\\u000alines"');
    const json = await run(["follow-up", file, "--respondent", "id", "--comment", "feedback", "-f", "json"]);
    const ids = JSON.parse(json.stdout).entries.map((entry: { respondentId: string }) => entry.respondentId);
    expect(ids).toEqual(["E\u001b[2J", "F\u009b31m"]);
  });
});
