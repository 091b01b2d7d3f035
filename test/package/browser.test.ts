/**
 * Everything under src/ except the command must run in a browser, Deno or Bun: no Node built-ins, no
 * `process` or `Buffer`, and nothing that runs at import time beyond declarations.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const src = join(import.meta.dirname, "..", "..", "src");

function libraryFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // The command and the Node entry point (src/node, src/node.ts) read files: they are Node only.
    if (statSync(path).isDirectory()) return name === "cli" || name === "node" ? [] : libraryFiles(path);
    return path.endsWith(".ts") && name !== "cli.ts" && name !== "node.ts" ? [path] : [];
  });
}

describe("library code is portable", () => {
  const files = libraryFiles(src);

  it("finds the library files", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("imports no Node built-in and uses neither process nor Buffer", () => {
    const offenders = files.filter((path) => {
      const text = readFileSync(path, "utf8");
      return /from\s+["']node:|require\(|\bprocess\.|\bBuffer\./.test(text);
    });
    expect(offenders.map((path) => relative(src, path))).toEqual([]);
  });

  it("imports only the declared runtime dependencies, and date-fns, which the build copies in", () => {
    const allowed = new Set(["date-fns", "@date-fns/tz", "simple-statistics"]);
    const found = new Set<string>();
    for (const path of files) {
      for (const match of readFileSync(path, "utf8").matchAll(
        /^(?:import|export)\b[^;]*?from\s+["']([^."'][^"']*)["']/gm,
      )) {
        const name = match[1] ?? "";
        found.add(name.startsWith("@") ? name.split("/").slice(0, 2).join("/") : (name.split("/")[0] ?? name));
      }
    }
    expect([...found].filter((name) => !allowed.has(name))).toEqual([]);
  });
});

describe("the package tree-shakes", () => {
  it("importing nps alone bundles a few kilobytes, without zod or date-fns", async () => {
    const { build } = await import("esbuild");
    const result = await build({
      stdin: {
        contents: 'import { nps } from "./src/index.js"; console.log(nps([9, 10, 3]));',
        resolveDir: join(src, ".."),
      },
      bundle: true,
      minify: true,
      write: false,
      format: "esm",
      platform: "browser",
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    // About 4.8 KB minified: nps, the tally of raw scores and the checks of its input (tally, scale,
    // options; counts near the largest number are rescaled), with their error messages.
    expect(code.length).toBeLessThan(5000);
    expect(code).not.toMatch(/ZodError|zod/);
    expect(code).not.toMatch(/startOfISOWeek|TZDate/);
  });
});
