import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChartScripts } from "../report/html.js";

/**
 * Reads the charting library that npskit's offline HTML report inlines — the UMD builds of Vega 6,
 * Vega-Lite 6 and vega-embed 7, copied into the package (`dist/charts/`, with their licences) when it
 * is built — for the `scripts` option of `renderHtmlReport`. With them the page draws its charts,
 * offline, as `npskit report --format html` does; nothing else needs to be installed. Node only (the
 * `npskit/node` entry point).
 *
 * @returns The three scripts' source code.
 * @throws A file system error when the package's `dist/charts/` files are missing.
 * @example
 * ```typescript
 * import { buildReport, renderHtmlReport, sampleResponses } from "npskit";
 * import { loadChartScripts } from "npskit/node";
 * const report = buildReport({ responses: sampleResponses() }, { by: ["plan"] });
 * const html = renderHtmlReport(report, { scripts: await loadChartScripts() });
 * ```
 * @category Node
 */
export async function loadChartScripts(): Promise<ChartScripts> {
  // Run from source (the tests), the builds are read from the installed devDependencies, beside each
  // package's resolved entry (their export maps expose only the ES modules).
  const fromSource = import.meta.url.endsWith(".ts");
  const require = createRequire(import.meta.url);
  const read = (name: string, file: string): Promise<string> =>
    readFile(
      fromSource
        ? join(dirname(require.resolve(name)), file)
        : fileURLToPath(new URL(`charts/${file}`, import.meta.url)),
      "utf8",
    );
  const [vega, vegaLite, vegaEmbed] = await Promise.all([
    read("vega", "vega.min.js"),
    read("vega-lite", "vega-lite.min.js"),
    read("vega-embed", "vega-embed.min.js"),
  ]);
  return { vega, vegaLite, vegaEmbed };
}
