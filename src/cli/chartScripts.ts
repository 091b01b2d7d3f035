import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ChartScripts } from "../index.js";

/**
 * Reads the UMD builds of Vega, Vega-Lite and vega-embed from the installed packages, for
 * `renderHtmlReport`'s `scripts`. Their export maps only expose the ES module entry points, so each
 * build is found beside the resolved entry (`vega/build/vega.module.js` → `vega/build/vega.min.js`).
 */
export async function loadChartScripts(): Promise<ChartScripts> {
  const require = createRequire(import.meta.url);
  const read = (name: string, file: string): Promise<string> =>
    readFile(join(dirname(require.resolve(name)), file), "utf8");
  const [vega, vegaLite, vegaEmbed] = await Promise.all([
    read("vega", "vega.min.js"),
    read("vega-lite", "vega-lite.min.js"),
    read("vega-embed", "vega-embed.min.js"),
  ]);
  return { vega, vegaLite, vegaEmbed };
}
