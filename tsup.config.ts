import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ESM and CommonJS, each with its own declarations. tsup 8.5 injects `baseUrl` into
    // the declaration build, which TypeScript 6 rejects (TS5101) unless deprecations are acknowledged.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    // The date-fns functions used are built into this file: imported from node_modules, `parse` and
    // `format` alone make Node load 88 modules, a third more time than importing zod
    // (docs/performance.md, "Package"). Their licence is copied beside it (scripts/copy-vendored.mjs).
    noExternal: ["date-fns"],
    sourcemap: true,
    target: "node20",
  },
  {
    // The library again, one ES module per source file, for bundlers (the `module` export condition,
    // which Node ignores): with `"sideEffects": false` a bundler keeps only the modules a program
    // uses, and with them only the dependencies those modules import. Node gets the single file
    // above, which loads faster than ninety small ones.
    entry: ["src/**/*.ts", "!src/cli/**", "!src/cli.ts"],
    outDir: "dist/module",
    format: ["esm"],
    bundle: false,
    target: "es2022",
  },
  {
    // The command: ESM only (it reads its chart scripts through `import.meta.url`).
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
  },
]);
