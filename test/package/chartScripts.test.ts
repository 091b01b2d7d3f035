/**
 * The built command reads the Vega, Vega-Lite and vega-embed builds that `npm run build` copies into
 * dist/charts/ (the packages themselves are devDependencies, absent from an installed npskit).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadChartScripts } from "../../src/node/chartScripts.js";

const dist = new URL("../../dist/", import.meta.url);
const built = existsSync(new URL("charts/vega.min.js", dist));
if (!built) console.warn("skipped: dist/charts/ does not exist (npm test builds it; run npm run build)");

describe.skipIf(!built)("the chart builds copied into dist/charts/", () => {
  it("are the installed devDependencies' builds, byte for byte, each with its licence", async () => {
    const scripts = await loadChartScripts();
    for (const [name, code] of [
      ["vega", scripts.vega],
      ["vega-lite", scripts.vegaLite],
      ["vega-embed", scripts.vegaEmbed],
    ] as const) {
      expect(readFileSync(new URL(`charts/${name}.min.js`, dist), "utf8")).toBe(code);
      expect(readFileSync(new URL(`charts/${name}.LICENSE`, dist), "utf8")).toContain(
        "University of Washington Interactive Data Lab",
      );
    }
  });

  it("are what the built command inlines in the HTML report", async () => {
    const html = execFileSync(process.execPath, [new URL("cli.js", dist).pathname, "report", "--format", "html"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 2 ** 20,
    });
    const scripts = await loadChartScripts();
    expect(html).toContain(scripts.vega);
    expect(html).toContain(scripts.vegaLite);
    expect(html).toContain(scripts.vegaEmbed);
  });

  it("are what the built npskit/node's loadChartScripts reads, from ES modules and CommonJS", async () => {
    const scripts = await loadChartScripts();
    const lengths = (code: string): string =>
      execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }).trim();
    const esm = lengths(
      `const { loadChartScripts } = await import(${JSON.stringify(new URL("node.js", dist).href)}); const s = await loadChartScripts(); console.log([s.vega.length, s.vegaLite.length, s.vegaEmbed.length].join(","));`,
    );
    const cjs = lengths(
      `import { createRequire } from "node:module"; const require = createRequire(import.meta.url); const s = await require(${JSON.stringify(new URL("node.cjs", dist).pathname)}).loadChartScripts(); console.log([s.vega.length, s.vegaLite.length, s.vegaEmbed.length].join(","));`,
    );
    const expected = [scripts.vega.length, scripts.vegaLite.length, scripts.vegaEmbed.length].join(",");
    expect([esm, cjs]).toEqual([expected, expected]);
  });
});
