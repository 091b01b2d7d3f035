import { describe, expect, it } from "vitest";
import {
  buildReport,
  drivers,
  formatCommentsText,
  formatDriversCsv,
  formatDriversText,
  formatReportCsv,
  formatReportMarkdown,
  formatThemesCsv,
  NpsError,
  type NpsResponse,
  renderHtmlReport,
} from "../../src/index.js";
import { distinctiveTerms, themes, themesByPeriod } from "../../src/text/index.js";

const HOSTILE = '=HYPERLINK("x")<script>alert(1)</script>\u001b[2J|*';

/** Responses with comments, dates and two drivers, one of them with agreement labels. */
function survey(): NpsResponse[] {
  const comments = ["long queue at the till", "friendly staff", "prices too high", "ok", `${HOSTILE} queue`];
  const labels = ["Disagree", "Neutral", "Agree"];
  return Array.from({ length: 90 }, (_, i) => {
    const score = (i * 7) % 11;
    return {
      score,
      date: new Date(Date.UTC(2026, i % 3, 1 + (i % 27))),
      ...(i % 4 === 3 ? {} : { comment: `${comments[i % comments.length]} mail me at a${i}@example.com` }),
      attributes: {
        service: Math.min(5, Math.floor(score / 2)),
        agree: labels[Math.min(2, Math.floor(score / 4))] as string,
      },
    };
  });
}

const THEMES = [
  { name: "Waiting <b>", keywords: ["queue"] },
  { name: HOSTILE, keywords: ["staff"] },
  { name: "Prices", keywords: ["prices"] },
];

function sections() {
  const responses = survey();
  const themed = themes(responses, { themes: THEMES });
  return {
    responses,
    comments: {
      themes: themed,
      distinctiveTerms: distinctiveTerms(responses, { minCount: 2 }),
      byPeriod: themesByPeriod(responses, { period: "month", themes: THEMES }),
    },
    drivers: drivers(responses, {
      drivers: ["service", "agree"],
      levels: { agree: ["Disagree", "Neutral", "Agree"] },
      resamples: 100,
    }),
  };
}

describe("buildReport with comments and drivers", () => {
  it("copies the sections into the document and leaves every other figure as it was", () => {
    const { responses, comments, drivers: driverResult } = sections();
    const plain = buildReport({ responses }, { by: ["agree"], period: "month" });
    const report = buildReport({ responses }, { by: ["agree"], period: "month", comments, drivers: driverResult });
    expect(report.comments).toBe(comments);
    expect(report.drivers).toBe(driverResult);
    const { comments: _c, drivers: _d, ...rest } = report;
    expect(rest).toEqual(plain);
    expect("comments" in plain).toBe(false);
  });

  it("names a section that is not the result of its function", () => {
    const { responses, comments } = sections();
    expect(() => buildReport({ responses }, { comments: { themes: comments.distinctiveTerms } as never })).toThrow(
      /buildReport: comments\.themes must be the result of themes/,
    );
    expect(() => buildReport({ responses }, { drivers: comments.themes as never })).toThrow(NpsError);
    expect(() => buildReport({ responses }, { comments: "themes" as never })).toThrow(/comments must be an object/);
    expect(() =>
      buildReport({ responses }, { comments: { themes: comments.themes, byPeriod: comments.themes } as never }),
    ).toThrow(/comments\.byPeriod must be the result of themesByPeriod/);
  });
});

describe("the text and Markdown of the sections", () => {
  it("shows each theme's figures, the comment rate and the periods, rounded from the analysis", () => {
    const { comments } = sections();
    const text = formatCommentsText(comments);
    const analysis = comments.themes;
    const rate = (100 * analysis.comments.detractors) / analysis.responses.detractors;
    expect(text).toContain(`Comment rate: detractors ${rate.toFixed(1)}%`);
    const prices = analysis.themes[2];
    const line = text.split("\n").find((row) => row.trimStart().startsWith("Prices")) as string;
    expect(line).toContain(String(prices?.mentions));
    expect(line).toContain(`${(100 * (prices?.share as number)).toFixed(1)}%`);
    expect(text).toContain("Share of comments by month");
    expect(text).toContain("2026-03");
    expect(text).toContain("Impact by month");
    // Excerpts are redacted by default and say so.
    expect(text).not.toContain("@example.com");
    expect(text).toContain("[email]");
  });

  it("says which way the impact points: the NPS minus the NPS if mentioners scored like the baseline", () => {
    // 4 detractors mention prices, 6 promoters mention nothing: NPS +20; were the 4 to score like the
    // baseline (the 6 promoters, NPS +100), every answer would be a promoter, NPS +100.
    const responses = [
      ...Array.from({ length: 4 }, () => ({ score: 2, comment: "prices" })),
      ...Array.from({ length: 6 }, () => ({ score: 10, comment: "lovely" })),
    ];
    const analysis = themes(responses, { themes: [{ name: "Prices", keywords: ["prices"] }] });
    const impact = analysis.themes[0]?.impact as number;
    expect(impact).toBeCloseTo(20 - 100, 10);
    const text = formatCommentsText({ themes: analysis }).replace(/\n +/g, " ");
    expect(text).toContain("Impact: the NPS minus the NPS if mentioners scored like the baseline");
    expect(text).not.toContain("would move");
    const html = renderHtmlReport(buildReport({ responses }, { comments: { themes: analysis } }));
    expect(html).toContain("the NPS minus the NPS if mentioners scored like");
    expect(html).not.toContain("would move");
  });

  it("never lets a theme name reach the terminal as a control sequence or break a Markdown table", () => {
    const { comments } = sections();
    const text = formatCommentsText(comments);
    expect(text).not.toContain("\u001b");
    expect(text).toContain("\\u001b[2J");
    const markdown = formatCommentsText(comments, { format: "markdown" });
    expect(markdown).not.toContain("<script>");
    expect(markdown).toContain("\\<script\\>");
    const row = markdown.split("\n").find((line) => line.includes("HYPERLINK") && line.startsWith("| ")) as string;
    // The theme's | is escaped: the row has as many unescaped separators as the header.
    const header = markdown.split("\n").find((line) => line.startsWith("| Theme")) as string;
    const separators = (line: string): number => (line.match(/(?<!\\)\|/g) ?? []).length;
    expect(separators(row)).toBe(separators(header));
    expect(markdown.startsWith("## What customers say\n")).toBe(true);
  });

  it("writes the drivers with R², importances and the NPS by answer", () => {
    const { drivers: result } = sections();
    const text = formatDriversText(result);
    expect(text).toContain(`R² of the 0-10 score on all drivers: ${(result.rSquared as number).toFixed(3)}`);
    expect(text).toContain("NPS by answer: agree");
    expect(text).toMatch(/Disagree\s+\d+/);
    expect(formatDriversText(result, { format: "markdown", heading: "Drivers", headingLevel: 1 })).toMatch(
      /^# Drivers\n[\s\S]*\n## NPS by answer: service\n/,
    );
  });

  it("refuses what is not a themes or drivers result", () => {
    expect(() => formatCommentsText({ themes: {} } as never)).toThrow(/section\.themes must be the result of themes/);
    expect(() => formatCommentsText({ themes: { kind: "themes" } } as never)).toThrow(NpsError);
    expect(() => (formatCommentsText as (value?: unknown) => string)()).toThrow(/section must be an object/);
    expect(() => formatDriversText({ kind: "themes" } as never)).toThrow(/result must be the result of drivers/);
    expect(() => formatDriversText({ kind: "drivers" } as never)).toThrow(NpsError);
    expect(() => formatThemesCsv([] as never)).toThrow(/analysis must be the result of themes/);
    expect(() => formatDriversCsv(undefined as never)).toThrow(/result must be the result of drivers/);
  });
});

describe("the CSV tables of the sections", () => {
  it("writes one row per theme in full precision, with text neutralised", () => {
    const { responses, comments, drivers: result } = sections();
    const report = buildReport({ responses }, { comments, drivers: result });
    const csv = formatReportCsv(report, { table: "themes" });
    expect(csv).toBe(formatThemesCsv(comments.themes));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + THEMES.length);
    expect(lines[2]?.startsWith(`"'=HYPERLINK`)).toBe(true);
    const impact = Number(lines[3]?.split(",").at(-1));
    expect(impact).toBe(comments.themes.themes[2]?.impact);
  });

  it("writes one row per period and theme, and one per driver and answer", () => {
    const { responses, comments, drivers: result } = sections();
    const report = buildReport({ responses }, { comments, drivers: result });
    const periods = formatReportCsv(report, { table: "themes-by-period" }).trimEnd().split("\r\n");
    expect(periods).toHaveLength(1 + comments.byPeriod.points.length * THEMES.length);
    expect(periods[0]).toBe("period,start,end,responses,comments,theme,mentions,share,nps_mentioners,impact");
    const driverRows = formatReportCsv(report, { table: "drivers" }).trimEnd().split("\r\n");
    expect(formatReportCsv(report, { table: "drivers" })).toBe(formatDriversCsv(result));
    const answers = result.drivers.reduce((sum, driver) => sum + driver.levels.length, 0);
    expect(driverRows).toHaveLength(1 + answers);
  });

  it("names the missing section", () => {
    const report = buildReport({ responses: survey() });
    expect(() => formatReportCsv(report, { table: "themes" })).toThrow(/table "themes" needs a report with comments/);
    expect(() => formatReportCsv(report, { table: "drivers" })).toThrow(/needs a report with drivers/);
  });
});

describe("the HTML of the sections", () => {
  const scripts = { vega: "/* vega */", vegaLite: "/* vega-lite */", vegaEmbed: "/* vega-embed */" };

  it("adds the theme impact, distinctive terms and driver importance charts, and escapes the data", () => {
    const { responses, comments, drivers: result } = sections();
    const report = buildReport({ responses }, { comments, drivers: result });
    const html = renderHtmlReport(report, { scripts });
    expect(html).toContain('<section id="comments">');
    expect(html).toContain('<section id="drivers">');
    for (const name of ["theme-impacts", "driver-importance"]) expect(html).toContain(`data-chart="${name}"`);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("@example.com");
    const specs = JSON.parse(
      (
        html.match(/<script type="application\/json" id="npskit-charts">([\s\S]*?)<\/script>/) as RegExpMatchArray
      )[1] as string,
    );
    expect(specs["theme-impacts"].data.values).toHaveLength(THEMES.length);
    expect(specs["driver-importance"].data.values.map((row: { driver: string }) => row.driver).sort()).toEqual([
      "agree",
      "service",
    ]);
    // Without scripts: the tables, no chart container.
    const plain = renderHtmlReport(report);
    expect(plain).not.toContain("data-chart=");
    expect(plain).toContain("What drives the score");
  });

  it("adds nothing when the document has no such section", () => {
    const report = buildReport({ responses: survey() });
    const html = renderHtmlReport(report);
    expect(html).not.toContain("What customers say");
    expect(formatReportMarkdown(report)).not.toContain("What customers say");
  });
});
