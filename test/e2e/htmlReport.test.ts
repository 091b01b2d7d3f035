/**
 * End-to-end: the HTML report of the built-in sample, with the real Vega scripts, opened in headless
 * Chromium. Checks that every chart is drawn, that the page makes no network request and logs no
 * error, and that hostile segment names show as text without running.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (or NPSKIT_CHROMIUM=<path>): `apt-get install chromium`
 * or `bash scripts/install-chromium.sh`. Without it the test is skipped with that message.
 * NPSKIT_SCREENSHOT=docs/images/report.png also saves the screenshot there.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NpsResponse } from "../../src/core/response.js";
import { migrationBetween } from "../../src/customers/migrationBetween.js";
import { drivers } from "../../src/drivers/drivers.js";
import { loadChartScripts } from "../../src/node/chartScripts.js";
import { renderHtmlReport } from "../../src/report/html.js";
import { buildReport } from "../../src/report/reportData.js";
import { sampleResponses } from "../../src/sample/sampleResponses.js";
import { distinctiveTerms, themes, themesByPeriod } from "../../src/text/index.js";

const CHROMIUM = process.env.NPSKIT_CHROMIUM ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
/** In CI the test must run: a missing Chromium fails it instead of skipping it. */
const required = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";
if (!available && !required) {
  console.warn(
    `e2e HTML report test skipped: no Chromium at ${CHROMIUM}. Enable it with "apt-get install chromium" or "bash scripts/install-chromium.sh" (or set NPSKIT_CHROMIUM to a Chromium binary).`,
  );
}

const root = resolve(import.meta.dirname, "../..");
const out = join(root, "test/e2e/out");
const SCRIPT_NAME = "<script>window.__npskitInjected = 1</script>";
const IMAGE_NAME = '"><img src=x onerror="window.__npskitInjected = 2">';
/** A name with the line and paragraph separators, which end a line inside a Vega expression. */
const SEPARATOR_NAME = "line\u2028separator\u2029end";

/** The sample plus nine responses whose plan names are hostile strings (three small segments). */
function hostileSample(): NpsResponse[] {
  const extra = [SCRIPT_NAME, IMAGE_NAME, SEPARATOR_NAME].flatMap((plan, i) =>
    [9, 6, 10].map((score, j) => ({
      score,
      date: new Date(Date.UTC(2026, 9 + i, 3 + j)),
      attributes: { plan },
    })),
  );
  return [...sampleResponses(), ...extra];
}

/** Comments by category (one with a hostile name) and a 1–5 service rating that follows the score. */
function whySections(responses: ReadonlyArray<NpsResponse>) {
  // Some say nothing a theme matches: they are the baseline of the impacts.
  const said = [
    "slow delivery again",
    "price is fine",
    "great support team",
    `${SCRIPT_NAME} support`,
    "nothing to add",
  ];
  const commented = responses.map((response, i) => ({
    ...response,
    comment: said[i % 4 === 0 ? 4 : response.score <= 6 ? 0 : response.score <= 8 ? 1 : i % 7 === 0 ? 3 : 2],
    attributes: { ...response.attributes, service: 1 + Math.floor((response.score + (i % 3)) / 3) },
  }));
  const themeList = [
    { name: "Delivery", keywords: ["delivery"] },
    { name: "Support", keywords: ["support"] },
    { name: "Price", keywords: ["price"] },
  ];
  return {
    comments: {
      themes: themes(commented, { themes: themeList }),
      distinctiveTerms: distinctiveTerms(commented),
      byPeriod: themesByPeriod(commented, { period: "quarter", themes: themeList }),
    },
    drivers: drivers(commented, { drivers: ["service", "spend"], resamples: 100 }),
  };
}

interface PageReport {
  readonly requests: string[];
  readonly errors: string[];
  readonly dialogs: string[];
  readonly state: string | null;
  readonly charts: Array<{ name: string | null; marks: number; errors: number }>;
  readonly injected: unknown;
  readonly tableText: string;
  readonly svgText: string;
  readonly images: number;
  /** Each trend table: its width and its box's, and the most lines a period label takes. */
  readonly trendTables: Array<{ table: number; box: number; labelLines: number }>;
}

describe.skipIf(!available && !required)("HTML report in headless Chromium", () => {
  let report: PageReport;
  let pageFile: string;

  beforeAll(async () => {
    if (!available) {
      throw new Error(`no Chromium at ${CHROMIUM} in CI: run "bash scripts/install-chromium.sh" before the tests`);
    }
    const responses = hostileSample();
    const reportDocument = buildReport(
      { responses },
      {
        source: "built-in sample <with a hostile plan>",
        by: ["plan"],
        period: "quarter",
        ...whySections(responses),
      },
    );
    const waves = migrationBetween(
      responses.filter((response) => (response.date?.getTime() ?? 0) < Date.UTC(2025, 11, 1)),
      responses.filter((response) => (response.date?.getTime() ?? 0) >= Date.UTC(2025, 11, 1)),
    );
    const html = renderHtmlReport({ ...reportDocument, migration: waves.table }, { scripts: await loadChartScripts() });
    mkdirSync(out, { recursive: true });
    pageFile = join(out, "report.html");
    writeFileSync(pageFile, html);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      const errors: string[] = [];
      const dialogs: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning")
          errors.push(`${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(pageFile).href, { waitUntil: "load" });
      await page.waitForFunction(() => document.body.getAttribute("data-charts") !== "pending", undefined, {
        timeout: 20_000,
      });
      const seen = await page.evaluate(() => ({
        state: document.body.getAttribute("data-charts"),
        charts: [...document.querySelectorAll("[data-chart]")].map((element) => ({
          name: element.getAttribute("data-chart"),
          marks: element.querySelectorAll("svg .mark-rect path, svg path, svg line, svg text").length,
          errors: element.querySelectorAll(".chart-error").length,
        })),
        injected: (window as unknown as { __npskitInjected?: unknown }).__npskitInjected,
        tableText: document.querySelector("#segments table")?.textContent ?? "",
        svgText: [...document.querySelectorAll("[data-chart='segments'] svg text")]
          .map((t) => t.textContent)
          .join("\n"),
        images: document.querySelectorAll("img").length,
        trendTables: [...document.querySelectorAll("#trend .table-wrap")].map((box) => ({
          table: box.querySelector("table")?.scrollWidth ?? 0,
          box: box.clientWidth,
          labelLines: Math.max(
            ...[...box.querySelectorAll("tbody td:first-child")].map((cell) => {
              const range = document.createRange();
              range.selectNodeContents(cell);
              return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
            }),
          ),
        })),
      }));
      const screenshot = await page.screenshot({ fullPage: true });
      writeFileSync(join(out, "report.png"), screenshot);
      report = { requests: [...requests], errors: [...errors], dialogs: [...dialogs], ...seen };
      const target = process.env.NPSKIT_SCREENSHOT;
      if (target !== undefined && target !== "") {
        // The picture for the docs: the plain sample (no hostile names), as `npskit report --format html
        // --by plan --period quarter` shows it. A second page load, only in this mode.
        const cleanFile = join(out, "sample.html");
        const clean = buildReport(
          { responses: sampleResponses() },
          { source: "built-in sample", by: ["plan"], period: "quarter" },
        );
        writeFileSync(cleanFile, renderHtmlReport(clean, { scripts: await loadChartScripts() }));
        await page.goto(pathToFileURL(cleanFile).href, { waitUntil: "load" });
        await page.waitForFunction(() => document.body.getAttribute("data-charts") === "ready", undefined, {
          timeout: 20_000,
        });
        const path = resolve(root, target);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, await page.screenshot({ clip: { x: 0, y: 0, width: 1100, height: 2000 }, fullPage: true }));
      }
    } finally {
      await browser.close();
    }
  }, 60_000);

  afterAll(() => undefined);

  it("draws every chart: each container has an SVG with marks and no error", () => {
    expect(report.state).toBe("ready");
    expect(report.charts.map((chart) => chart.name)).toEqual([
      "distribution",
      "segments",
      "trend",
      "trend-segments",
      "trend-shares",
      "migration",
      "theme-impacts",
      "distinctive-terms",
      "theme-shares-by-period",
      "theme-impacts-by-period",
      "driver-importance",
    ]);
    for (const chart of report.charts) {
      expect(chart.errors, chart.name ?? "").toBe(0);
      expect(chart.marks, chart.name ?? "").toBeGreaterThan(10);
    }
  });

  it("fits each trend table in the page, every period label on one line (the Flags column in view)", () => {
    expect(report.trendTables.length).toBeGreaterThan(1);
    for (const table of report.trendTables) {
      expect(table.table).toBeLessThanOrEqual(table.box);
      expect(table.labelLines).toBe(1);
    }
  });

  it("makes no network request: the file itself is the only thing loaded", () => {
    expect(report.requests).toEqual([pathToFileURL(pageFile).href]);
  });

  it("logs no console error or warning and throws no page error (so the content security policy held)", () => {
    expect(report.errors).toEqual([]);
  });

  it("shows hostile segment names as text in the table and the chart, and runs none of them", () => {
    expect(report.injected).toBeUndefined();
    expect(report.dialogs).toEqual([]);
    expect(report.images).toBe(0);
    expect(report.tableText).toContain(SCRIPT_NAME);
    expect(report.tableText).toContain(IMAGE_NAME);
    expect(report.tableText).toContain(SEPARATOR_NAME);
    expect(report.svgText).toContain(SCRIPT_NAME.slice(0, 30));
  });
});
