import { describe, expect, it } from "vitest";
import {
  buildReport,
  countResponses,
  formatReportCsv,
  formatReportMarkdown,
  renderHtmlReport,
  sampleResponses,
} from "../../src/index.js";
import { run } from "../cli/helpers.js";

const responses = sampleResponses();

describe("the overall trend beside per-segment trends", () => {
  it("buildReport gives the trend of all responses, as the report without --by has it", () => {
    for (const trendOptions of [{ period: "quarter" as const }, { rolling: { days: 90, step: "month" as const } }]) {
      const bySegment = buildReport({ responses }, { by: ["plan"], ...trendOptions });
      const alone = buildReport({ responses }, trendOptions);
      expect(bySegment.trend?.kind).toMatch(/-by-segment$/);
      expect(bySegment.overallTrend).toEqual(alone.trend);
      expect(alone.overallTrend).toBeUndefined();
    }
  });

  it("includes the responses in no segment, from tallies and with the latest answer per respondent", () => {
    const withoutPlan = [...responses, { score: 0, date: new Date("2026-01-05T00:00:00Z") }];
    const report = buildReport({ responses: withoutPlan }, { by: ["plan"], period: "year" });
    const overall = report.overallTrend;
    const segments = report.trend?.kind === "trend-by-segment" ? report.trend : undefined;
    const segmentTotal = segments?.segments.reduce((sum, s) => sum + s.trend.dated, 0) ?? 0;
    expect(overall?.dated).toBe(segmentTotal + 1);
    expect(segments?.leftOut).toBe(1);
    const tallies = countResponses(withoutPlan, { by: ["plan"], period: "day" });
    expect(buildReport({ tallies }, { by: ["plan"], period: "year" }).overallTrend).toEqual(overall);
    const latest = buildReport({ responses }, { by: ["plan"], period: "year", respondents: "latest" });
    expect(latest.overallTrend).toEqual(buildReport({ responses }, { period: "year", respondents: "latest" }).trend);
  });

  it("comes first in Markdown, CSV and HTML", () => {
    const report = buildReport({ responses }, { by: ["plan"], period: "quarter" });
    const markdown = formatReportMarkdown(report);
    expect(markdown.indexOf("## NPS by quarter (UTC)")).toBeGreaterThan(0);
    expect(markdown.indexOf("## NPS by quarter (UTC)")).toBeLessThan(markdown.indexOf("## NPS by quarter and segment"));
    expect(markdown).toContain("| Period | n | NPS | 95% interval | Change vs prev. quarter | p | Flags |");

    const csv = formatReportCsv(report, { table: "trend" }).split("\r\n");
    expect(csv[0]?.startsWith("segment,period,")).toBe(true);
    expect(csv[0]?.endsWith(",small,overall")).toBe(true);
    const quarters = report.overallTrend?.points.length ?? 0;
    expect(quarters).toBeGreaterThan(4);
    const rows = csv.slice(1, -1).map((line) => line.split(","));
    expect(rows.slice(0, quarters).every((row) => row[0] === "" && row.at(-1) === "true")).toBe(true);
    expect(rows.slice(quarters).every((row) => row[0] !== "" && row.at(-1) === "false")).toBe(true);
    expect(rows.slice(0, quarters).map((row) => Number(row[4]))).toEqual(
      report.overallTrend?.points.map((point) => point.n),
    );

    const html = renderHtmlReport(report);
    const overallNote = html.indexOf("NPS by quarter (UTC).");
    expect(overallNote).toBeGreaterThan(0);
    expect(overallNote).toBeLessThan(html.indexOf("NPS by quarter and segment (UTC)."));
    expect(html).toContain(`<th scope="col">Change vs prev. quarter</th>`);
  });
});

describe("buildReport's minResponses", () => {
  it("sets the small threshold of the segments and of every trend at once", () => {
    const report = buildReport({ responses }, { by: ["plan"], period: "quarter", minResponses: 100 });
    expect(report.segments?.settings.minResponses).toBe(100);
    expect(report.overallTrend?.minResponses).toBe(100);
    const segments = report.trend?.kind === "trend-by-segment" ? report.trend.segments : [];
    expect(segments.every((segment) => segment.trend.minResponses === 100)).toBe(true);
    // Every quarter of every plan has fewer than 200 answers; all of them are small at 200.
    const strict = buildReport({ responses }, { by: ["plan"], period: "quarter", minResponses: 200 });
    const points =
      strict.trend?.kind === "trend-by-segment" ? strict.trend.segments.flatMap((s) => s.trend.points) : [];
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((point) => point.small === point.n > 0)).toBe(true);
    const defaults = buildReport({ responses }, { period: "quarter" });
    expect(defaults.trend?.kind === "trend" ? defaults.trend.minResponses : undefined).toBe(30);
  });

  it("a bad threshold is an option error naming the value", () => {
    expect(() => buildReport({ responses }, { period: "month", minResponses: -5 })).toThrow(
      "buildReport: minResponses must be a finite number >= 0, received -5",
    );
  });
});

describe("rolling windows in Markdown and HTML", () => {
  it("name the window each change compares with, and flag small windows", () => {
    const report = buildReport({ responses }, { by: ["plan"], rolling: { days: 30, step: "month" } });
    const markdown = formatReportMarkdown(report);
    expect(markdown).toContain("| Window to | n | NPS | 95% interval | Change | vs window to | p | Flags |");
    // Enterprise has a few answers a month: its windows are small.
    expect(markdown).toMatch(/\| small \|\n/);
    expect(markdown).toContain(
      '- Change: from the window in "vs window to", the latest earlier one sharing no day with it',
    );
    const html = renderHtmlReport(report);
    expect(html).toContain(`<th scope="col">vs window to</th>`);
    expect(html).toContain("<td>small</td>");
  });
});

describe("npskit report --by with a trend shows the overall trend too", () => {
  it("text: the overall table first, then one per segment, within 80 columns", async () => {
    const result = await run(["report", "--by", "plan", "--period", "quarter"]);
    expect(result.code).toBe(0);
    const overall = result.stdout.indexOf("NPS by quarter (UTC)\n");
    expect(overall).toBeGreaterThan(0);
    expect(overall).toBeLessThan(result.stdout.indexOf("NPS by quarter and segment (UTC)"));
    for (const line of result.stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("rolling windows: text and JSON", async () => {
    const text = await run(["report", "--by", "channel", "--rolling", "30", "--step", "month"]);
    expect(text.stdout).toContain("NPS over trailing 30-day windows, monthly (UTC)\nWindow to");
    expect(text.stdout).toContain("NPS by segment, trailing 30-day windows, monthly (UTC)");
    const json = JSON.parse(
      (await run(["report", "--by", "channel", "--rolling", "30", "--step", "month", "--format", "json"])).stdout,
    );
    expect(json.overallTrend.kind).toBe("rolling-trend");
    expect(json.overallTrend.changeBasis).toBe("latest-non-overlapping-window");
    expect(json.trend.kind).toBe("rolling-trend-by-segment");
  });
});
