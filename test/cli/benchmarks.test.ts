import { describe, expect, it } from "vitest";
import { BENCHMARKS_OPTIONS } from "../../src/cli/benchmarks.js";
import { builtInBenchmarks } from "../../src/index.js";
import { run } from "./helpers.js";

describe("npskit benchmarks", () => {
  it("lists every row with its source, and why two figures are missing", async () => {
    const result = await run(["benchmarks"]);
    expect(result.code).toBe(0);
    for (const row of builtInBenchmarks()) {
      expect(result.stdout).toContain(`${row.id}  ${row.value}`);
      expect(result.stdout).toContain(row.source);
    }
    expect(result.stdout).toContain("SPG Consulting 2018: average 39");
    expect(result.stdout).toContain("undated (undated page, seen in 2021)");
    expect(result.stdout).toContain("quartiles   median 44, upper 72");
  });

  it("filters and prints JSON", async () => {
    const result = await run(["benchmarks", "--segment", "grocer", "--year", "2023", "--format", "json"]);
    expect(JSON.parse(result.stdout).map((row: { id: string }) => row.id)).toEqual(["xmi-2023-grocers"]);
    const none = await run(["benchmarks", "--region", "Mars"]);
    expect(none.stdout).toBe("No benchmark matches.\n");
  });

  it.each([
    [["benchmarks", "--year", "20"], '--year must be a four-digit year, received "20"'],
    [["benchmarks", "file.csv"], 'benchmarks takes no file, received "file.csv"'],
    [["benchmarks", "--format", "xml"], '--format must be one of text, json, received "xml"'],
  ])("exits 2 for %j", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("--help lists every option", async () => {
    const result = await run(["benchmarks", "--help"]);
    for (const name of Object.keys(BENCHMARKS_OPTIONS)) expect(result.stdout).toContain(`--${name}`);
    expect((await run(["--help"])).stdout).toContain("benchmarks");
  });
});

describe("the report's benchmark section", () => {
  it("compares a tally with a built-in row, dated by the newest answer", async () => {
    const { formatBenchmarkComparison, reportBenchmark } = await import("../../src/cli/benchmarks.js");
    const comparison = reportBenchmark({ promoters: 500, passives: 300, detractors: 200 }, "xmi-2023-grocers", {
      level: 0.95,
      newestAnswer: new Date("2026-05-01T00:00:00Z"),
    });
    expect(comparison?.verdict).toBe("not distinguishable");
    const text = formatBenchmarkComparison(comparison as never);
    expect(text).toContain("Benchmark  xmi-2023-grocers: 30.1 (grocers; XM Institute, 2023)");
    expect(text).toContain("Difference  -0.1 points; your NPS 30.0");
    expect(text).toContain("this benchmark is 3 years old (2023, as of 2026)");
    expect(() => reportBenchmark({ promoters: 1, passives: 0, detractors: 0 }, "nope", { level: 0.95 })).toThrow(
      '--benchmark must be the id of a built-in benchmark (run "npskit benchmarks"), received "nope"',
    );
  });
});

describe("npskit report --benchmark", () => {
  it("compares the sample's NPS with a built-in row in text and JSON", async () => {
    const text = await run(["report", "--benchmark", "xmi-2021-all"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Benchmark  xmi-2021-all: 20.3");
    expect(text.stdout).toMatch(/Verdict {2}(above|below|not distinguishable)/);
    const json = JSON.parse((await run(["report", "--benchmark", "xmi-2021-all", "--format", "json"])).stdout);
    expect(json.benchmark.benchmark.id).toBe("xmi-2021-all");
    expect(json.benchmark.difference).toBeCloseTo(json.nps - 20.3, 10);
    expect(["above", "below", "not-distinguishable"]).toContain(json.benchmark.verdict);
  });

  it("adds a benchmark section to the markdown report", async () => {
    const markdown = await run(["report", "--benchmark", "surveymonkey-all-median", "--format", "markdown"]);
    expect(markdown.stdout).toContain("## Benchmark");
    expect(markdown.stdout).toContain("surveymonkey-all-median: 44");
  });

  it("exits 2 for an unknown id", async () => {
    const result = await run(["report", "--benchmark", "nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--benchmark must be the id of a built-in benchmark (run "npskit benchmarks"), received "nope"',
    );
  });
});
