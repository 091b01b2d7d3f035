import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChartScripts } from "../index.js";

/**
 * Reads the UMD builds of Vega, Vega-Lite and vega-embed, for `renderHtmlReport`'s `scripts`.
 *
 * The built command reads the copies that `npm run build` puts in `dist/charts/`
 * (`scripts/copy-vendored.mjs`): the three packages are devDependencies, absent from an
 * installed npskit. Run from source (tests), it reads them from the installed devDependencies, where
 * each build sits beside the package's resolved entry (`vega/build/vega.module.js` →
 * `vega/build/vega.min.js`): their export maps only expose the ES module entry points.
 */
export async function loadChartScripts(): Promise<ChartScripts> {
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
