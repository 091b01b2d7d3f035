/**
 * The import rules of docs/architecture.md, checked on every file under src/: arrows point down the
 * layers only, folders of one layer do not import each other, `internal` imports nothing of npskit,
 * the command imports only the package's public entry points and its own files (not `src/node`),
 * and nothing but the command, the Node layer and their entry files imports `node:` modules.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "..", "src");

/** The layer of each folder: a folder may import folders of lower layers only (and itself). */
const LAYERS: Readonly<Record<string, number>> = {
  internal: 0,
  core: 1,
  inference: 2,
  input: 2,
  sample: 2,
  segments: 3,
  trends: 3,
  customers: 3,
  benchmarks: 3,
  sql: 3,
  text: 3,
  // Drivers build on the segment statistics (Spearman).
  drivers: 3.5,
  report: 4,
  // Reading files as the command does (Node only): the `npskit/node` entry point.
  node: 5,
};

/** The public entry points (files directly under src/), which the command may import. */
const ENTRY_POINTS = new Set(["index.ts", "node.ts", "text/index.ts"]);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const match of text.matchAll(pattern)) found.push((match[1] ?? match[2]) as string);
  return found;
}

/** The folder of a file under src/ (`""` for an entry point). */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split("/");
  return parts.length === 1 ? "" : (parts[0] as string);
}

/**
 * Whether a file of the command (`src/cli`) may import `specifier`: its own files and the public
 * entry points only; everything else, `src/node` included, is reached through the entry points, as a
 * user does.
 */
function commandMayImport(file: string, specifier: string): boolean {
  const target = resolve(dirname(file), specifier.replace(/\.js$/, ".ts"));
  return folderOf(target) === "cli" || ENTRY_POINTS.has(relative(SRC, target));
}

const files = sourceFiles(SRC);
const imports = files.flatMap((file) =>
  specifiers(readFileSync(file, "utf8")).map((specifier) => ({ file, specifier })),
);

describe("architecture: the import rules", () => {
  it("finds the source files and their imports", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(imports.length).toBeGreaterThan(200);
  });

  it("gives every folder under src/ a layer", () => {
    const folders = new Set(files.map(folderOf).filter((folder) => folder !== "" && folder !== "cli"));
    expect([...folders].filter((folder) => !(folder in LAYERS))).toEqual([]);
  });

  it("imports downward only: no file imports a folder of its own layer or above", () => {
    const upward: string[] = [];
    for (const { file, specifier } of imports) {
      if (!specifier.startsWith(".")) continue;
      const from = folderOf(file);
      const to = folderOf(resolve(dirname(file), specifier));
      if (from === "" || from === "cli" || from === to) continue;
      const rankFrom = LAYERS[from] as number;
      const rankTo = to === "" || to === "cli" ? Number.POSITIVE_INFINITY : (LAYERS[to] as number);
      if (rankTo >= rankFrom) upward.push(`${relative(SRC, file)} imports ${specifier}`);
    }
    expect(upward).toEqual([]);
  });

  it("keeps internal free of the rest of npskit", () => {
    const outside = imports
      .filter(({ file, specifier }) => folderOf(file) === "internal" && specifier.startsWith("."))
      .filter(({ file, specifier }) => folderOf(resolve(dirname(file), specifier)) !== "internal")
      .map(({ file, specifier }) => `${relative(SRC, file)} imports ${specifier}`);
    expect(outside).toEqual([]);
  });

  it("lets the command import only the public entry points and its own files", () => {
    const inner = imports
      .filter(({ file, specifier }) => folderOf(file) === "cli" && specifier.startsWith("."))
      .filter(({ file, specifier }) => !commandMayImport(file, specifier))
      .map(({ file, specifier }) => `${relative(SRC, file)} imports ${specifier}`);
    expect(inner).toEqual([]);
  });

  it("tells the command's allowed imports from the others", () => {
    const report = join(SRC, "cli", "report.ts");
    for (const specifier of ["../index.js", "../node.js", "../text/index.js", "./io.js"]) {
      expect(commandMayImport(report, specifier), specifier).toBe(true);
    }
    for (const specifier of ["../node/io.js", "../node/streamResponses.js", "../core/errors.js", "../text/themes.js"]) {
      expect(commandMayImport(report, specifier), specifier).toBe(false);
    }
  });

  it("keeps node: modules out of everything that runs in browsers", () => {
    const nodeImports = imports
      .filter(({ specifier }) => specifier.startsWith("node:"))
      .filter(
        ({ file }) => !["cli", "node"].includes(folderOf(file)) && !["cli.ts", "node.ts"].includes(relative(SRC, file)),
      )
      .map(({ file, specifier }) => `${relative(SRC, file)} imports ${specifier}`);
    expect(nodeImports).toEqual([]);
  });
});
