import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REPORT_HELP } from "../../src/cli/help.js";
import { REPORT_OPTIONS } from "../../src/cli/options.js";
import { run } from "../cli/helpers.js";

/** The options named in the first cell of the option tables of docs/cli.md's `npskit report` section. */
function documentedReportOptions(): Set<string> {
  const text = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");
  const start = text.indexOf("## `npskit report`");
  const end = text.indexOf("### What the text report shows", start);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const names = new Set<string>();
  for (const line of text.slice(start, end).split("\n")) {
    if (!line.startsWith("| `-")) continue;
    const cell = line.split("|")[1] ?? "";
    for (const match of cell.matchAll(/--([a-z][a-z-]*)/g)) names.add(match[1] as string);
  }
  return names;
}

describe("npskit report options: the code, --help and docs/cli.md agree", () => {
  it("docs/cli.md's option tables list every option of the command, and no other", () => {
    expect([...documentedReportOptions()].sort()).toEqual(Object.keys(REPORT_OPTIONS).sort());
  });

  it("--help names every option at the start of a line, and fits 80 columns", () => {
    for (const name of Object.keys(REPORT_OPTIONS)) {
      expect(REPORT_HELP).toMatch(new RegExp(`^ {2}(-[a-z], )?--${name}\\b`, "m"));
    }
    for (const line of REPORT_HELP.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe("--min-n, as docs/cli.md and --help say", () => {
  interface Point {
    readonly n: number;
    readonly small?: boolean;
  }
  const smallFlags = (points: ReadonlyArray<Point>, threshold: number): void => {
    expect(points.length).toBeGreaterThan(0);
    for (const point of points) expect(point.small === true).toBe(point.n < threshold);
  };

  it("sets the size below which trend periods are small too, overall and per segment", async () => {
    for (const threshold of [30, 100, 250]) {
      const options = threshold === 30 ? [] : ["--min-n", String(threshold)];
      const result = await run(["report", "--by", "plan", "--period", "quarter", ...options, "--format", "json"]);
      expect(result.code).toBe(0);
      const doc = JSON.parse(result.stdout);
      smallFlags(doc.overallTrend.points, threshold);
      for (const segment of doc.trend.segments) smallFlags(segment.trend.points, threshold);
      // Some period is small and some is not at each threshold, so the comparison above decides.
      const all: Point[] = doc.overallTrend.points;
      if (threshold > 30) expect(all.some((point) => point.n < threshold && point.n >= 30)).toBe(true);
    }
  });
});
