/**
 * Bundlers resolve npskit through the `module` export condition to one ES module per source file
 * (dist/module/), so a program that imports `nps` keeps a few modules and none of the dependencies.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(new URL("package.json", `file://${root}/`), "utf8"));
const built = existsSync(new URL("dist/module/index.js", `file://${root}/`));
if (!built) console.warn("skipped: dist/module/ does not exist (npm test builds it; run npm run build)");

describe("the module condition", () => {
  it("comes first in the exports map and points at the per-file build", () => {
    const conditions = Object.keys(pkg.exports["."]);
    expect(conditions[0]).toBe("module");
    expect(pkg.exports["."].module).toBe("./dist/module/index.js");
  });

  it.skipIf(!built)(
    "bundles nps alone in under 2 KB min+gzip, without zod, date-fns or simple-statistics",
    async () => {
      const { build } = await import("esbuild");
      const result = await build({
        stdin: {
          contents: 'import { nps } from "./dist/module/index.js"; console.log(nps([9, 10, 3]));',
          resolveDir: root,
        },
        bundle: true,
        minify: true,
        write: false,
        metafile: true,
        format: "esm",
        platform: "browser",
        logLevel: "silent",
      });
      // The modules that end up in the bundle (the metafile's inputs also list those dropped).
      const output = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
      const inputs = Object.keys(output).filter((path) => (output[path]?.bytesInOutput ?? 0) > 0);
      expect(inputs.filter((path) => path.includes("node_modules"))).toEqual([]);
      expect(inputs).toContain("dist/module/core/nps.js");
      expect(gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length).toBeLessThan(2048);
    },
  );
});
