import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, View } from "vega";
import { compile } from "vega-lite";
import { describe, expect, it } from "vitest";
import {
  type ChartSpec,
  distinctiveTermsChart,
  driverImportanceChart,
  drivers,
  type NpsResponse,
  themeImpactChart,
  themesByPeriodChart,
} from "../../src/index.js";
import { distinctiveTerms, themes, themesByPeriod } from "../../src/text/index.js";
import { errorOf } from "../helpers/errors.js";

/** Compiles with Vega-Lite, checks there is no warning, and renders the chart to SVG with Vega. */
async function render(spec: ChartSpec): Promise<string> {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    info: () => logger,
    debug: () => logger,
    warn: (...args: unknown[]) => {
      warnings.push(args.join(" "));
      return logger;
    },
    error: (...args: unknown[]) => {
      throw new Error(args.join(" "));
    },
  };
  const vega = compile(spec as never, { logger: logger as never }).spec;
  expect(warnings).toEqual([]);
  return new View(parse(vega), { renderer: "none" }).toSVG();
}

const corpus = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "text", "fixtures", "fightin_words_corpus.json"), "utf8"),
) as Array<{ score: number; comment?: string }>;

describe("charts of comments and drivers", () => {
  it("themeImpactChart: one bar per theme, impacts as in the analysis, renders", async () => {
    const analysis = themes(corpus, {
      removeStopWords: false,
      themes: [
        { name: "Queue", keywords: ["queue", "wait"] },
        { name: "Staff", keywords: ["staff", "friendly"] },
        { name: "Price", keywords: ["price", "expensive"] },
      ],
    });
    const spec = themeImpactChart(analysis, { title: "Impact" });
    const rows = (spec.data as { values: Array<{ theme: string; impact: number }> }).values;
    expect(rows.map((row) => row.impact)).toEqual(analysis.themes.map((theme) => theme.impact));
    expect(await render(spec)).toContain("<svg");
  });

  it("distinctiveTermsChart: the terms with z ≥ 1.96 of each category, renders", async () => {
    const terms = distinctiveTerms(corpus, { removeStopWords: false, minCount: 2 });
    if (terms === undefined) throw new Error("the fixture has terms");
    const spec = distinctiveTermsChart(terms, { limit: 5 });
    const rows = (spec.data as { values: Array<{ category: string; zScore: number }> }).values;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.zScore).toBeGreaterThanOrEqual(1.96);
    expect(rows.filter((row) => row.category === "detractor").length).toBeLessThanOrEqual(5);
    expect(await render(spec)).toContain("<svg");
  });

  it("driverImportanceChart: importances and bootstrap intervals, renders", async () => {
    const responses: NpsResponse[] = Array.from({ length: 60 }, (_, i) => ({
      score: i % 11,
      attributes: { service: (i % 11) + ((i * 3) % 4), price: (i * 7) % 5 },
    }));
    const analysis = drivers(responses, { drivers: ["service", "price"], resamples: 200 });
    const spec = driverImportanceChart(analysis);
    const rows = (spec.data as { values: Array<{ importance: number; lower: number }> }).values;
    expect(rows.map((row) => row.importance)).toEqual(analysis.drivers.map((driver) => driver.importance));
    expect(await render(spec)).toContain("<svg");
  });

  it("themesByPeriodChart: one line per theme, shares or impacts as in the result, renders", async () => {
    const dated = corpus.map((response, i) => ({ ...response, date: new Date(Date.UTC(2026, i % 4, 10)) }));
    const byPeriod = themesByPeriod(dated, {
      removeStopWords: false,
      period: "month",
      themes: [
        { name: "Queue", keywords: ["queue", "wait"] },
        { name: "Staff", keywords: ["staff", "friendly"] },
      ],
    });
    for (const measure of ["share", "impact"] as const) {
      const spec = themesByPeriodChart(byPeriod, { measure });
      const rows = (spec.data as { values: Array<{ period: string; theme: string; value: number | null }> }).values;
      expect(rows).toHaveLength(byPeriod.points.length * 2);
      expect(rows.map((row) => row.value)).toEqual(
        byPeriod.points.flatMap((point) => point.themes.map((theme) => theme[measure] ?? null)),
      );
      expect(await render(spec)).toContain("<svg");
    }
    expect(errorOf(() => themesByPeriodChart(byPeriod, { measure: "mentions" as never })).message).toBe(
      'themesByPeriodChart: measure must be "share" or "impact", received "mentions"',
    );
    expect(errorOf(() => themesByPeriodChart({ kind: "themes" } as never)).code).toBe("invalid_input");
  });

  it("rejects inputs that are not the right result", () => {
    const error = errorOf(() => themeImpactChart({ kind: "drivers" } as never));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("themeImpactChart: the input must be the result of themes, received an object");
    const size = errorOf(() => driverImportanceChart(drivers([], { drivers: ["x"] }), { width: -1 }));
    expect(size.message).toBe("driverImportanceChart: width must be a finite number greater than 0, received -1");
  });
});
