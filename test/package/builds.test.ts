/**
 * The two library builds give the same results: dist/index.js (Node's, with the date-fns functions
 * built in) and dist/module/ (bundlers', importing date-fns from node_modules). Checked on what goes
 * through date-fns: calendar periods in a time zone across a summer-time change, and dates read with a
 * pattern.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

const single = new URL("../../dist/index.js", import.meta.url);
const perFile = new URL("../../dist/module/index.js", import.meta.url);
const built = existsSync(single) && existsSync(perFile);
if (!built) console.warn("skipped: dist/ is not built (npm test builds it; run npm run build)");

/** Figures that depend on date-fns, computed with one build. */
async function figures(url: URL) {
  const api = await import(url.href);
  const responses = api.sampleResponses({ size: 3000 });
  const rows = [
    { score: "9", when: "30/03/2025 01:30" },
    { score: "6", when: "30/03/2025 03:30" },
    { score: "10", when: "26/10/2025 02:30" },
  ];
  return {
    weeks: api.trend(responses, { period: "week", timeZone: "Europe/Paris" }),
    quarters: api.trend(responses, { period: "quarter", timeZone: "America/New_York" }),
    parsed: api
      .parseResponses(rows, {
        fields: { score: "score", date: "when" },
        dateFormat: "dd/MM/yyyy HH:mm",
        timeZone: "Europe/Paris",
      })
      .responses.map((response: { date?: Date }) => response.date?.toISOString()),
  };
}

describe.skipIf(!built)("the Node build and the bundlers' build", () => {
  it("give the same calendar periods and read the same dates", async () => {
    const node = await figures(single);
    expect(node.weeks.points.length).toBeGreaterThan(50);
    expect(node.parsed).toEqual(["2025-03-30T00:30:00.000Z", "2025-03-30T01:30:00.000Z", "2025-10-26T00:30:00.000Z"]);
    expect(await figures(perFile)).toEqual(node);
  });
});
