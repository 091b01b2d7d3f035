import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { buildReport, crossSegment, sampleResponses, segmentBy, trend, trendBy } from "../../src/index.js";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

// biome-ignore lint/suspicious/noExplicitAny: the parsed JSON document is explored freely in assertions
async function json(args: ReadonlyArray<string>): Promise<Record<string, any>> {
  const result = await run(["report", ...args, "--format", "json"]);
  expect(result.stderr).not.toContain('Run "npskit --help"');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const ANSWERS = [
  "id,score,date,plan,spend,w",
  "a,10,2026-01-05,pro,120.5,1",
  "b,9,2026-01-20,free,15,2",
  "c,3,2026-02-03,free,0,1",
  "d,8,2026-02-14,pro,300,1.5",
  "e,6,2026-03-01,=cmd,45.25,1",
  "f,10,2026-03-15,pro,,1",
  "a,2,2026-03-20,pro,80,1",
].join("\n");

describe("npskit report segments and trends on the built-in sample", () => {
  it("--by plan --period quarter works on the sample and fits 80 columns", async () => {
    const result = await run(["report", "--by", "plan", "--period", "quarter"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("NPS by plan\n\nSegment");
    expect(result.stdout).toContain("NPS by quarter and segment (UTC)");
    for (const line of result.stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("gives the library's figures in JSON: segmentBy, trendBy", async () => {
    const report = await json(["--by", "plan", "--period", "quarter"]);
    const responses = sampleResponses();
    expect(report.segmentedBy).toEqual(["plan"]);
    // The report is computed from keyed tallies, which do not know the indices of left-out responses.
    const { leftOutIndices: _, ...segments } = segmentBy(responses, "plan");
    expect(report.segments).toEqual(JSON.parse(JSON.stringify(segments)));
    expect(report.trend).toEqual(JSON.parse(JSON.stringify(trendBy(responses, "plan", { period: "quarter" }))));
    // The trend of all responses comes with the per-segment trends.
    expect(report.overallTrend).toEqual(JSON.parse(JSON.stringify(trend(responses, { period: "quarter" }))));
    expect(Object.keys(report).slice(-5)).toEqual(["segmentedBy", "segments", "overallTrend", "trend", "input"]);
  });

  it("crosses two --by attributes", async () => {
    const report = await json(["--by", "plan", "--by", "channel"]);
    const { leftOutIndices: _, ...cells } = crossSegment(sampleResponses(), ["plan", "channel"]);
    expect(report.segments).toEqual(JSON.parse(JSON.stringify(cells)));
  });

  it("--tiers with quantiles and with cut points", async () => {
    const quartiles = await json(["--tiers", "spend:4"]);
    expect(quartiles.segments.tiering).toBe("quantiles");
    expect(quartiles.segments.segments).toHaveLength(4);
    const cuts = await json(["--tiers", "spend:50,200"]);
    expect(cuts.segments.cutPoints).toEqual([50, 200]);
    expect(cuts.segments.segments.map((tier: { label: string }) => tier.label)).toEqual([
      "T1 < 50",
      "T2 [50, 200)",
      "T3 >= 200",
    ]);
  });

  it("--rolling with --step and --respondents latest, in a time zone", async () => {
    const report = await json([
      "--rolling",
      "90",
      "--step",
      "month",
      "--respondents",
      "latest",
      "--time-zone",
      "Europe/Paris",
    ]);
    expect(report.trend.window).toEqual({ days: 90 });
    expect(report.trend.step).toBe("month");
    expect(report.trend.respondents).toBe("latest");
    expect(report.trend.timeZone).toBe("Europe/Paris");
  });

  it("--rolling with --by gives each segment's rolling trend on the same windows", async () => {
    const report = await json(["--rolling", "90", "--step", "month", "--by", "plan"]);
    const segments = report.trend.segments as Array<{ key: string; trend: { points: Array<{ label: string }> } }>;
    expect(segments.map((segment) => segment.key).sort()).toEqual(["business", "enterprise", "free", "team"]);
    const labels = segments.map((segment) => segment.trend.points.map((point) => point.label).join());
    expect(new Set(labels).size).toBe(1);
    const text = await run(["report", "--rolling", "90", "--step", "month", "--by", "plan"]);
    expect(text.stdout).toContain("NPS by segment, trailing 90-day windows, monthly (UTC)");
  });
});

describe("npskit report segments and trends on files", () => {
  const path = temp.file("answers.csv", ANSWERS);

  it("reads --by and --tiers columns as attributes without --attribute, numbers from text", async () => {
    const report = await json([path, "--by", "plan"]);
    expect(report.input.fields.attributes).toEqual(["plan"]);
    expect(report.segments.segments.map((s: { key: string; n: number }) => [s.key, s.n])).toEqual([
      ["=cmd", 1],
      ["free", 2],
      ["pro", 4],
    ]);
    const tiers = await json([path, "--tiers", "spend:100,"]);
    expect(tiers.segments.segments.map((s: { label: string; n: number }) => [s.label, s.n])).toEqual([
      ["T1 < 100", 4],
      ["T2 >= 100", 2],
    ]);
    expect(tiers.segments.leftOut).toBe(1);
  });

  it("--weight gives weighted segment and trend figures", async () => {
    const report = await json([path, "--weight", "w", "--by", "plan", "--period", "month"]);
    expect(report.weighted).toBe(true);
    expect(report.segments.segments[1].tally.promoters).toBe(2);
    expect(report.segments.segments[1].effectiveN).toBeCloseTo(9 / 5, 10);
  });

  it("the trend per month matches the library", async () => {
    const report = await json([path, "--period", "month"]);
    expect(report.trend.points.map((p: { label: string; n: number }) => [p.label, p.n])).toEqual([
      ["2026-01", 2],
      ["2026-02", 2],
      ["2026-03", 3],
    ]);
  });

  it("--period without a date column exits 1", async () => {
    const noDates = temp.file("no-dates.csv", "score,plan\n9,a\n3,b\n");
    const result = await run(["report", noDates, "--period", "month"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--period needs dates");
  });

  it("an unknown --by column exits 1, naming the columns", async () => {
    const result = await run(["report", path, "--by", "region"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('npskit: --by: no column named "region"; the columns are "id", "score"');
    const sample = await run(["report", "--by", "region"]);
    expect(sample.code).toBe(1);
    expect(sample.stderr).toContain('--by: no attribute named "region" in the built-in sample');
  });
});

describe("npskit report formats", () => {
  const path = temp.file("formats.csv", ANSWERS);

  it("markdown: title, tables, escaped labels", async () => {
    const result = await run(["report", path, "--by", "plan", "--format", "markdown"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("# NPS report: formats.csv");
    expect(result.stdout).toContain("## Segments by plan");
    expect(result.stdout).toContain("| =cmd | 1 |");
    expect(result.stdout).toContain("| Score | Count | Share |");
  });

  it("csv: each --table, numbers as numbers, data text neutralised", async () => {
    const overview = await run(["report", path, "--format", "csv"]);
    expect(overview.code).toBe(0);
    const [header, row] = overview.stdout.split("\r\n");
    expect(header?.split(",").slice(0, 5)).toEqual([
      "source",
      "rows_read",
      "rows_accepted",
      "rows_skipped",
      "rows_rejected",
    ]);
    expect(row?.split(",")[1]).toBe("7");
    const distribution = await run(["report", path, "--format", "csv", "--table", "distribution"]);
    expect(distribution.stdout.split("\r\n")[3]).toBe("2,detractor,1,0.14285714285714285");
    const segments = await run(["report", path, "--by", "plan", "--format", "csv", "--table", "segments"]);
    const lines = segments.stdout.split("\r\n");
    expect(lines[1]?.startsWith("'=cmd,1,,")).toBe(true);
    // A negative NPS and difference from the rest stay plain numbers.
    expect(lines[1]?.split(",")[7]).toBe("-100");
    expect(lines[1]?.split(",")[10]).toMatch(/^-\d/);
    const monthly = await run(["report", path, "--period", "month", "--format", "csv", "--table", "trend"]);
    expect(monthly.stdout.split("\r\n")[0]).toBe(
      "period,start,end,n,promoters,passives,detractors,nps,lower,upper,change,change_p_value,compared_with,change_tested,change_lower,change_upper,small",
    );
    expect(monthly.stdout.split("\r\n")[1]?.startsWith("2026-01,2026-01-01T00:00:00")).toBe(true);
    // February compares with January; every month has 2 or 3 answers, so each is small.
    const february = monthly.stdout.split("\r\n")[2]?.split(",") ?? [];
    expect([february[0], february[12], february[16]]).toEqual(["2026-02", "2026-01", "true"]);
  });

  it("--out writes the report to a file", async () => {
    const out = temp.file("out.md", "");
    const result = await run(["report", path, "--format", "markdown", "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`report written to ${out}`);
    expect(readFileSync(out, "utf8").startsWith("# NPS report")).toBe(true);
  });

  it("--out to a directory that does not exist exits 1", async () => {
    const result = await run(["report", path, "--out", "/nonexistent/dir/out.txt"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("npskit: cannot write /nonexistent/dir/out.txt: no such file");
  });
});

describe("npskit report rejected rows", () => {
  it("--rejected writes every problem as neutralised CSV, and the report counts them", async () => {
    const rows = ["score,comment", ...Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? "=1+1,x" : "9,y"))];
    const path = temp.file("rejects.csv", `${rows.join("\n")}\n`);
    const file = temp.file("rejected.csv", "");
    const result = await run(["report", path, "--rejected", file, "--max-rejected", "50"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("8 read, 4 accepted, 0 skipped, 4 rejected");
    expect(result.stderr).toContain(`4 rejected rows (4 problems) written to ${file}`);
    const lines = readFileSync(file, "utf8").split("\r\n");
    expect(lines[0]).toBe("row,field,value,message");
    expect(lines).toHaveLength(6);
    expect(lines[1]?.startsWith("2,score,'=1+1,")).toBe(true);
    expect(lines[4]?.startsWith("8,score,")).toBe(true);
  });

  it("--rejected needs a file", async () => {
    const result = await run(["report", "--rejected", "x.csv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--rejected needs a file to read; no file was given");
  });
});

describe("npskit report progress bar", () => {
  const rows = Array.from({ length: 30000 }, (_, i) => `${i % 11}`).join("\n");
  const path = temp.file("progress.csv", `score\n${rows}\n`);

  async function stderrOf(isTerminal: boolean): Promise<string> {
    let stderr = "";
    const code = await main(["report", path], {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      readStdin: async () => new Uint8Array(),
      readFile: async (file) => readFileSync(file),
      isTerminal,
    });
    expect(code).toBe(0);
    return stderr;
  }

  it("is drawn on a terminal, and cleared", async () => {
    const stderr = await stderrOf(true);
    expect(stderr).toContain("100%");
    expect(stderr).toMatch(/\r\s+\r/);
  });

  it("is not drawn otherwise", async () => {
    const stderr = await stderrOf(false);
    expect(stderr).not.toContain("\r");
    expect(stderr).not.toContain("%");
  });
});

describe("npskit report usage errors", () => {
  it.each([
    [
      ["--by", "a", "--by", "b", "--by", "c"],
      "--by can be given at most twice (two attributes are crossed), received 3",
    ],
    [["--by", "plan", "--by", "plan"], '--by must name two different attributes, received "plan" twice'],
    [
      ["--tiers", "spend"],
      '--tiers must be <attribute>:<number of tiers from 2 to 100> or <attribute>:<cut>,<cut>…, received "spend"',
    ],
    [["--tiers", "spend:1"], "--tiers must be <attribute>:<number of tiers"],
    [
      ["--tiers", "spend:5,1"],
      '--tiers cut points must be increasing numbers separated by commas, received "spend:5,1"',
    ],
    [["--tiers", "spend:4", "--by", "plan"], "--tiers cannot be combined with --by"],
    [["--period", "fortnight"], '--period must be one of day, week, month, quarter, year, received "fortnight"'],
    [["--rolling", "0"], '--rolling must be a number of days from 1 to 36600, received "0"'],
    [["--rolling", "30", "--period", "month"], "--rolling cannot be combined with --period"],
    [
      ["--rolling", "30", "--by", "plan", "--by", "country"],
      "--rolling can be combined with one --by attribute, not two",
    ],
    [
      ["--period", "month", "--by", "plan", "--by", "country"],
      "--period can be combined with one --by attribute, not two",
    ],
    [["--step", "week"], "--step needs --rolling"],
    [["--rolling", "30", "--step", "year"], '--step must be one of day, week, month, received "year"'],
    [["--respondents", "latest"], "--respondents applies to the trend: give --period or --rolling"],
    [["--period", "month", "--respondents", "first"], '--respondents must be one of all, latest, received "first"'],
    [["--table", "segments"], "--table needs --format csv"],
    [
      ["--format", "csv", "--table", "people"],
      '--table must be one of overview, distribution, segments, trend, benchmark, themes, themes-by-period, drivers, received "people"',
    ],
    [["--format", "csv", "--table", "segments"], "--table segments needs --by or --tiers"],
    [["--format", "csv", "--table", "trend"], "--table trend needs --period or --rolling"],
    [["--period", "month", "--time-zone", "Mars/Olympus"], "Mars/Olympus"],
  ])("exits 2 for %j", async (args, message) => {
    const result = await run(["report", ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });
});

describe("buildReport", () => {
  it("is what the command prints", async () => {
    const report = await json(["--tiers", "spend:3", "--level", "90"]);
    const built = buildReport(
      { responses: sampleResponses() },
      { tiers: { attribute: "spend", tiers: 3 }, level: 0.9 },
    );
    expect(report.segments).toEqual(JSON.parse(JSON.stringify(built.segments)));
  });
});
