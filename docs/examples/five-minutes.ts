import { writeFile } from "node:fs/promises";
import { buildReport, formatReportMarkdown, matchesWhere, parseWhere, renderHtmlReport } from "npskit";
import { loadChartScripts, readResponses } from "npskit/node";

// 1. Read the export as the command does: columns guessed, US dates detected, blank scores skipped.
const read = await readResponses("acme-survey.csv", { attributes: ["Plan", "Country"] });
for (const note of read.notes) console.error(note);

// 2. Keep the North American answers (the command's --where 'Country in US,CA').
const where = [parseWhere("Country in US,CA")];
const responses = read.responses.filter((response) =>
  matchesWhere(where, (column) => response.attributes?.[column] ?? undefined),
);

// 3. NPS by plan and by month, with intervals, small-sample flags and tests of each change.
const report = buildReport({ responses }, { by: ["Plan"], period: "month", title: "Acme NPS, North America" });
for (const segment of report.segments?.kind === "segment-breakdown" ? report.segments.segments : []) {
  console.log(segment.label, segment.n, segment.nps.toFixed(1));
}

// 4. The same report as Markdown, and as one offline HTML page with its charts.
await writeFile("acme.md", formatReportMarkdown(report));
await writeFile("acme.html", renderHtmlReport(report, { scripts: await loadChartScripts() }));
