/**
 * What `npm pack` puts in the package: no source maps, one copy of the library (the command imports
 * the library's build instead of bundling its own), and an unpacked size well under the 10 MB that
 * issue #12 allows for the whole install (docs/decisions.md, "Package").
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const built = existsSync(`${root}/dist/cli.js`) && existsSync(`${root}/dist/index.js`);
if (!built) console.warn("skipped: dist/ is not built (npm test builds it; run npm run build)");

interface Packed {
  readonly unpackedSize: number;
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

function pack(): Packed {
  const stdout = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return JSON.parse(stdout)[0];
}

describe.skipIf(!built)("the packed package", () => {
  const packed = built ? pack() : { unpackedSize: 0, files: [] };
  const paths = packed.files.map((file) => file.path);

  it("holds the files every entry point and the command need", () => {
    for (const path of ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts", "dist/cli.js"]) {
      expect(paths).toContain(path);
    }
    expect(paths).toContain("dist/module/index.js");
    expect(paths).toContain("dist/charts/vega.min.js");
    expect(paths.filter((path) => path.startsWith("test/vectors/")).length).toBeGreaterThan(0);
  });

  it("ships no source maps, and no file points to one", () => {
    expect(paths.filter((path) => path.endsWith(".map"))).toEqual([]);
    const scripts = paths.filter((path) => /\.c?js$/.test(path) && !path.startsWith("dist/charts/"));
    expect(scripts.length).toBeGreaterThan(100);
    for (const path of scripts) {
      expect(readFileSync(`${root}/${path}`, "utf8"), path).not.toContain("sourceMappingURL");
    }
  });

  it("holds one copy of the library: the command imports it from the entry points beside it", () => {
    const cli = readFileSync(`${root}/dist/cli.js`, "utf8");
    expect(cli).toMatch(/from "\.\/index\.js"/);
    expect(cli).toMatch(/from "\.\/node\.js"/);
    expect(cli).toMatch(/from "\.\/text\.js"/);
    // Nothing else of the build: the command imports the public entry points only.
    const imported = [...cli.matchAll(/from "(\.[^"]+)"/g)].map((match) => match[1]);
    expect([...new Set(imported)].sort()).toEqual(["./index.js", "./node.js", "./text.js"]);
    expect(paths.filter((path) => path.includes("node-command"))).toEqual([]);
    // Classes and functions of the library are defined in dist/index.js and its chunks, not again here.
    expect(cli).not.toMatch(/\bNpsError = class\b/);
    expect(cli).not.toMatch(/function confidenceInterval\b/);
    // …nor the reader of npskit/node (dist/node.js and its chunks).
    expect(cli).not.toMatch(/function streamResponses\b/);
    expect(cli).not.toMatch(/function readTallies\b/);
    expect(readFileSync(`${root}/dist/index.js`, "utf8") + chunks(paths)).toMatch(/\bNpsError = class\b/);
  });

  it("unpacks to less than 4 MB", () => {
    expect(packed.unpackedSize).toBeLessThan(4 * 2 ** 20);
    expect(packed.unpackedSize).toBe(packed.files.reduce((sum, file) => sum + file.size, 0));
  });
});

/** The text of the ES chunks that the entry points share. */
function chunks(paths: readonly string[]): string {
  return paths
    .filter((path) => /^dist\/chunk-[^/]+\.js$/.test(path))
    .map((path) => readFileSync(`${root}/${path}`, "utf8"))
    .join("\n");
}
