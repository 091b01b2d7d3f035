import { describe, expect, it } from "vitest";
import { BENCHMARKS_OPTIONS } from "../../src/cli/benchmarks.js";
import {
  buildReport,
  builtInBenchmarks,
  compareToBenchmark,
  formatBenchmarkText,
  formatReportCsv,
  formatReportMarkdown,
  renderHtmlReport,
  roundScore,
  sampleResponses,
} from "../../src/index.js";
import { escapeHtml } from "../../src/report/escapeHtml.js";
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
  it("compares the overall tally with a built-in row, dated by the newest answer", () => {
    // 500/300/200 answers, the newest dated 2026: NPS 30.0 against XM Institute's 30.1 for grocers (2023).
    const responses = [
      ...Array.from({ length: 500 }, () => ({ score: 10, date: new Date("2026-05-01T00:00:00Z") })),
      ...Array.from({ length: 300 }, () => ({ score: 8, date: new Date("2025-01-01T00:00:00Z") })),
      ...Array.from({ length: 200 }, () => ({ score: 2 })),
    ];
    const document = buildReport({ responses }, { benchmark: "xmi-2023-grocers" });
    const comparison = document.benchmark;
    expect(comparison?.verdict).toBe("not distinguishable");
    expect(comparison).toEqual(
      compareToBenchmark({ promoters: 500, passives: 300, detractors: 200 }, "xmi-2023-grocers", { asOf: 2026 }),
    );
    const text = formatBenchmarkText(comparison as never);
    expect(text).toContain("Benchmark  xmi-2023-grocers: 30.1 (grocers; XM Institute, 2023)");
    // Signed, as in Markdown and HTML and the overview.
    expect(text).toContain("Difference  -0.1 points; your NPS +30.0");
    expect(text).toContain("this benchmark is 3 years old (2023, as of 2026)");
    expect(() => buildReport({ responses }, { benchmark: "nope" })).toThrow(/nope/);
    expect(buildReport({ responses }).benchmark).toBeUndefined();
  });

  it("is shown by the markdown, CSV and HTML renderers", () => {
    const responses = sampleResponses({ size: 300 });
    const document = buildReport({ responses }, { benchmark: "xmi-2021-all" });
    const difference = document.benchmark?.difference ?? Number.NaN;
    const markdown = formatReportMarkdown(document);
    expect(markdown).toContain("## Benchmark");
    expect(markdown).toContain(
      `| Difference | ${difference > 0 ? "+" : ""}${roundScore(difference, 1).toFixed(1)} points |`,
    );
    const csv = formatReportCsv(document, { table: "benchmark" }).split("\r\n");
    expect(csv[0]?.split(",").slice(0, 2)).toEqual(["benchmark_id", "benchmark_value"]);
    expect(csv[1]?.split(",").slice(0, 2)).toEqual(["xmi-2021-all", "20.3"]);
    expect(Number(csv[1]?.split(",")[7])).toBe(difference);
    expect(() => formatReportCsv(buildReport({ responses }), { table: "benchmark" })).toThrow(
      "table benchmark needs a report with a benchmark",
    );
    const html = renderHtmlReport(document);
    expect(html).toContain("vs xmi-2021-all");
    expect(html).toContain(escapeHtml(document.benchmark?.verdictText ?? "?"));
    expect(renderHtmlReport(buildReport({ responses }))).not.toContain("Benchmark");
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

  it("is in the HTML summary and the CSV benchmark table", async () => {
    const html = await run(["report", "--benchmark", "xmi-2021-all", "--format", "html"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain("vs xmi-2021-all");
    const json = JSON.parse((await run(["report", "--benchmark", "xmi-2021-all", "--format", "json"])).stdout);
    const csv = await run(["report", "--benchmark", "xmi-2021-all", "--format", "csv", "--table", "benchmark"]);
    expect(csv.stdout.split("\r\n")[1]?.split(",")[7]).toBe(String(json.benchmark.difference));
    const missing = await run(["report", "--format", "csv", "--table", "benchmark"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--table benchmark needs --benchmark <id>");
  });

  it("names the method of the benchmark's interval, which need not be the report's", async () => {
    // The comparison uses the score interval; the overview here a Wald one: both are shown for one NPS.
    const args = ["report", "--benchmark", "xmi-2021-all", "--method", "wald"];
    const json = JSON.parse((await run([...args, "--format", "json"])).stdout);
    expect(json.interval.method).toBe("wald");
    expect(json.benchmark.interval.method).toBe("score");
    const bound = (value: number) => `${value > 0 ? "+" : ""}${roundScore(value, 1).toFixed(1)}`;
    const range = `${bound(json.benchmark.interval.lower)} to ${bound(json.benchmark.interval.upper)}`;
    const text = (await run(args)).stdout;
    expect(text).toContain(`95% CI ${range} (score)`);
    const markdown = (await run([...args, "--format", "markdown"])).stdout;
    expect(markdown).toContain(`95% interval ${range} (score)`);
    const html = (await run([...args, "--format", "html"])).stdout;
    expect(html).toContain(`95% interval ${range} (score)`);
  });

  it("exits 2 for an unknown id, before reading the file", async () => {
    const absent = await run(["report", "no-such-file.csv", "--benchmark", "nope"]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('received "nope"');

    const result = await run(["report", "--benchmark", "nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--benchmark must be the id of a built-in benchmark (run "npskit benchmarks"), received "nope"',
    );
  });
});
