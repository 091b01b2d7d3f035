import { describe, expect, it } from "vitest";
import { formatTrendText, rollingTrend, trend, trendBy } from "../../src/index.js";

const responses = [
  { score: 10, date: new Date("2026-01-15T10:00:00Z"), respondentId: "a", attributes: { plan: "pro" } },
  { score: 3, date: new Date("2026-03-20T10:00:00Z"), attributes: { plan: "free" } },
  { score: 9, date: new Date("2026-03-21T10:00:00Z"), attributes: { plan: "free" } },
  { score: 7, date: new Date("2026-03-21T10:00:00Z") },
  { score: 8 },
];

describe("formatTrendText", () => {
  it("renders a calendar trend as an aligned table", () => {
    expect(formatTrendText(trend(responses, { method: "wald" }))).toBe(
      [
        "NPS by month (UTC)",
        "Period    n     NPS      95% interval   Prom.  Pass.  Detr.  vs prev.  p",
        "2026-01  1*  +100.0  [+100.0, +100.0]  100.0%   0.0%   0.0%",
        "2026-02  0        –",
        "2026-03  3*     0.0    [-92.4, +92.4]   33.3%  33.3%  33.3%",
        "1 response without a date, in no period",
        // Wald intervals are centred on the NPS: no word on an interval that could leave it out.
        "*: fewer than 30 responses, too few to act on.",
        "",
      ].join("\n"),
    );
  });

  it("shows the change and its p-value", () => {
    const text = formatTrendText(
      trend([...responses, { score: 10, date: new Date("2026-02-02T00:00:00Z") }], { method: "wald" }),
    );
    expect(text).toContain("2026-03  3*     0.0");
    expect(text.split("\n")[4]).toMatch(/-100\.0\s+0\.\d{4}$/);
  });

  it("renders a rolling trend with the window in the title", () => {
    const text = formatTrendText(
      rollingTrend(responses, { window: { days: 30 }, step: "month", respondents: "latest" }),
    );
    expect(text.split("\n")[0]).toBe("NPS over trailing 30-day windows, monthly, latest answer per respondent (UTC)");
    expect(text.split("\n")[1]?.startsWith("Window to")).toBe(true);
  });

  it("renders one table per segment and the responses in no segment", () => {
    const text = formatTrendText(trendBy(responses, "plan", { period: "quarter", timeZone: "Europe/Paris" }));
    const lines = text.split("\n");
    expect(lines[0]).toBe("NPS by quarter and segment (Europe/Paris)");
    expect(lines).toContain("Segment pro");
    expect(lines).toContain("Segment free");
    expect(lines).toContain("2 responses in no segment");
    expect(lines.indexOf("2 responses in no segment")).toBeGreaterThan(lines.indexOf("Segment pro"));
  });

  it("fits a daily rolling table in 80 columns, its columns still apart and aligned", () => {
    // Three answers a day for 70 days, with scores that change over time: every column is filled,
    // with signed changes and a "vs" window named by its day.
    const daily = Array.from({ length: 210 }, (_, i) => ({
      score: [10, 9, 7, 3, 10, 0, 8][(i * 5 + Math.floor(i / 60)) % 7] as number,
      date: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 3), 12)),
    }));
    const lines = formatTrendText(rollingTrend(daily, { window: { days: 30 } })).split("\n");
    const header = lines[1] ?? "";
    const rows = lines.filter((line) => /^\d{4}-\d{2}-\d{2} /.test(line));
    const compared = rows.filter((line) => / \d{4}-\d{2}-\d{2} +\S+$/.test(line));
    expect(rows.length).toBe(70);
    expect(compared.length).toBeGreaterThan(0);
    for (const line of [header, ...rows]) expect([...line].length).toBeLessThanOrEqual(80);
    for (const line of compared) {
      // label, n, NPS, [lower, upper], three shares, change, the window compared with, p
      expect(line).toMatch(
        /^\d{4}-\d{2}-\d{2} +\d+ +[+-]?\d+\.\d +\[[+-]?\d+\.\d, [+-]?\d+\.\d\]( +\d+\.\d%){3} +[+-]?\d+\.\d +\d{4}-\d{2}-\d{2} +<?\d\.\d{4}$/,
      );
      expect(line.length).toBe(header.length);
    }
  });

  it("says when there is nothing dated, and prints p-values below 0.0001 as <0.0001", () => {
    expect(formatTrendText(trend([{ score: 9 }]))).toBe(
      "NPS by month (UTC)\nPeriod  n  NPS  95% interval  Prom.  Pass.  Detr.  vs prev.  p\n(no dated responses)\n1 response without a date, in no period\n",
    );
    const many = [
      ...Array.from({ length: 200 }, () => ({ score: 10, date: new Date("2026-01-10T00:00:00Z") })),
      ...Array.from({ length: 200 }, () => ({ score: 0, date: new Date("2026-02-10T00:00:00Z") })),
    ];
    expect(formatTrendText(trend(many))).toContain("<0.0001");
  });
});
