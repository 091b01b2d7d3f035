/**
 * Item 9 of issue 15: a valid score with a date that does not parse counts without its date (left
 * out of trends, counted), unless --strict; past --max-rejected (default 5 %) of rows rejected or
 * undated, the command prints the report, then exits 1 naming the main reason and the fix.
 */
import { afterAll, describe, expect, it } from "vitest";
import { RAW_CONTROL } from "../helpers/terminal.js";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

/** Day-first dates: `day/month/2018 hour:minute`, most with a day above 12 (which MM/dd cannot read). */
function dayFirstCsv(rows: number): { text: string; scores: number[]; dayAbove12: number } {
  const lines = ["Stage,Date,Score"];
  const scores: number[] = [];
  let dayAbove12 = 0;
  for (let i = 0; i < rows; i++) {
    const day = (i % 28) + 1;
    const month = (i % 12) + 1;
    const score = (i * 7) % 11;
    if (day > 12) dayAbove12++;
    scores.push(score);
    lines.push(
      `${["onboarding", "usage", "renewal"][i % 3]},${day}/${month}/2018 ${i % 24}:${String(i % 60).padStart(2, "0")},${score}`,
    );
  }
  return { text: `${lines.join("\n")}\n`, scores, dayAbove12 };
}

/** NPS of a list of 0–10 scores. */
function npsOf(scores: ReadonlyArray<number>): number {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return (100 * (promoters - detractors)) / scores.length;
}

describe("report: dates that do not parse", () => {
  const data = dayFirstCsv(120);
  const file = temp.file("day-first.csv", data.text);

  it("counts every valid score, lists the undated rows, and fails past --max-rejected with the fix", async () => {
    const result = await run(["report", file, "--date-format", "MM/dd/yyyy HH:mm", "--format", "json"]);
    const report = JSON.parse(result.stdout);
    // Every row counts in the overall figures: none is rejected for its date.
    expect(report.rows).toEqual({ read: 120, accepted: 120, skipped: 0, rejected: 0 });
    expect(report.nps).toBeCloseTo(npsOf(data.scores), 9);
    expect(report.period.dated).toBe(120 - data.dayAbove12);
    expect(report.input.undatedRows).toBe(data.dayAbove12);
    expect(result.stderr).toContain(`${data.dayAbove12} rows with a date that does not parse: left out of trends`);
    // More than 5 % lost their date: exit 1, the reason and the detected pattern that reads them all.
    expect(result.code).toBe(1);
    const share = ((100 * data.dayAbove12) / 120).toFixed(1);
    expect(result.stderr).toContain(
      `${data.dayAbove12} of 120 rows (${share} %) lost their date, more than --max-rejected 5 %: ${data.dayAbove12} dates of column "Date" do not parse with --date-format "MM/dd/yyyy HH:mm"`,
    );
    expect(result.stderr).toContain(
      `the detected pattern "d/M/yyyy H:mm" reads all 120 dates: pass --date-format "d/M/yyyy H:mm"`,
    );
    // The message comes after the report, on standard error.
    expect(result.stdout).not.toContain("max-rejected");
  });

  it("keeps the undated rows out of the trend", async () => {
    const result = await run([
      "report",
      file,
      "--date-format",
      "MM/dd/yyyy HH:mm",
      "--period",
      "month",
      "--format",
      "json",
      "--max-rejected",
      "100",
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const inTrend = report.trend.points.reduce((sum: number, point: { n: number }) => sum + point.n, 0);
    expect(inTrend).toBe(120 - data.dayAbove12);
    expect(report.rows.accepted).toBe(120);
  });

  it("exits 0 with the right pattern, and under the threshold", async () => {
    const right = await run(["report", file, "--date-format", "d/M/yyyy H:mm"]);
    expect(right.code).toBe(0);
    expect(right.stderr).not.toContain("does not parse");
    const one = dayFirstCsv(100).text.replace("1/1/2018 0:00", "31/31/2018 0:00");
    const result = await run(["report", temp.file("one-bad.csv", one), "--date-format", "d/M/yyyy H:mm"]);
    expect(result.stderr).toContain("1 row with a date that does not parse: left out of trends");
    expect(result.stderr).toContain('row 2: date must be a date in the format "d/M/yyyy H:mm"');
    expect(result.code).toBe(0);
  });

  it("rejects the rows with --strict, as before", async () => {
    const result = await run(["report", file, "--date-format", "MM/dd/yyyy HH:mm", "--strict", "--format", "json"]);
    const report = JSON.parse(result.stdout);
    expect(report.rows).toEqual({ read: 120, accepted: 120 - data.dayAbove12, skipped: 0, rejected: data.dayAbove12 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${data.dayAbove12} of 120 rows (${((100 * data.dayAbove12) / 120).toFixed(1)} %) were rejected`,
    );
  });

  it("names an invalid weight as the main reason (a bad weight rejects its row)", async () => {
    const lines = ["score,w"];
    for (let i = 0; i < 40; i++) lines.push(`${i % 11},${i < 4 ? "heavy" : "1.5"}`);
    const result = await run([
      "report",
      temp.file("weights.csv", `${lines.join("\n")}\n`),
      "--weight",
      "w",
      "--format",
      "json",
    ]);
    expect(JSON.parse(result.stdout).rows).toEqual({ read: 40, accepted: 36, skipped: 0, rejected: 4 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '4 of 40 rows (10.0 %) were rejected, more than --max-rejected 5 %: 4 weights of column "w" are missing or not a number greater than 0 (such as "heavy"); check --weight',
    );
    const allowed = await run([
      "report",
      temp.file("weights2.csv", `${lines.join("\n")}\n`),
      "--weight",
      "w",
      "--max-rejected",
      "10",
    ]);
    expect(allowed.code).toBe(0);
  });

  it("checks --max-rejected", async () => {
    for (const value of ["-1", "101", "five", ""]) {
      const result = await run(["report", file, `--max-rejected=${value}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("--max-rejected must be a percentage from 0 to 100");
    }
    const withoutFile = await run(["report", "--max-rejected", "10"]);
    expect(withoutFile.code).toBe(2);
  });
  it("escapes the column and the values of the message for the terminal", async () => {
    const lines = ['score,"when\u001b[2J"'];
    for (let i = 0; i < 20; i++) lines.push(`${i % 11},${i < 5 ? "\u001b]0;pwned\u0007" : "2026-01-02"}`);
    const result = await run(["report", temp.file("hostile.csv", `${lines.join("\n")}\n`), "--date", "when\u001b[2J"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '5 dates of column "when\\u001b[2J" do not parse as ISO 8601 dates (such as "\\u001b]0;pwned\\u0007")',
    );
    expect(result.stderr).not.toMatch(RAW_CONTROL);
  });
});
