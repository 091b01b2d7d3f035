import { resolve } from "node:path";
import { defineConfig } from "tsup";

// No source maps: the builds are neither minified nor mangled, so a stack trace already names the
// functions and lines a reader can follow, and the maps (with the sources inlined) were more than
// half of the installed package (docs/decisions.md, "Package").

// The command imports the library only through its public entry points (test/architecture.test.ts);
// its build imports them from the library's build beside it instead of bundling a second copy.
const publicEntryPoints = new Map([
  // The errors that code built into the command throws are the library's: one class, so that the
  // command's `instanceof NpsError` holds for them too (every export of errors.ts is public).
  [resolve("src/core/errors.ts"), "./index.js"],
  [resolve("src/index.ts"), "./index.js"],
  [resolve("src/node.ts"), "./node.js"],
  [resolve("src/text/index.ts"), "./text.js"],
]);

export default defineConfig([
  {
    // The library: ESM and CommonJS, each with its own declarations. tsup 8.5 injects `baseUrl` into
    // the declaration build, which TypeScript 6 rejects (TS5101) unless deprecations are acknowledged.
    // date-fns is a devDependency, so tsup builds the functions used into the file (here and in the
    // two builds below): from node_modules, `parse` and `format` alone make Node load 88 modules, a
    // third more time than importing zod (docs/performance.md, "Package"), and date-fns weighs 27 MB
    // installed. Its licence is copied into dist/ (scripts/copy-vendored.mjs).
    // `npskit/text` (comments: tokenizer, stop-word lists, themes) is its own entry so that its word
    // lists weigh only on those who import it. Code splitting also for CommonJS: both entries then
    // share one copy of the core (one `NpsError` class, so `instanceof` holds across entries).
    entry: {
      index: "src/index.ts",
      node: "src/node.ts",
      text: "src/text/index.ts",
    },
    format: ["esm", "cjs"],
    splitting: true,
    // `loadChartScripts` (npskit/node) finds dist/charts/ through `import.meta.url`, which the
    // CommonJS build gets from a shim (the file's own URL).
    shims: true,
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    target: "node20",
  },
  {
    // The library again, one ES module per source file, for bundlers (the `module` export condition,
    // which Node ignores): with `"sideEffects": false` a bundler keeps only the modules a program
    // uses, and with them only the dependencies those modules import. Node gets the single file
    // above, which loads faster than ninety small ones. Imports between source files stay imports;
    // the date-fns code used by the two files that need it goes into a shared chunk.
    entry: ["src/**/*.ts", "!src/cli/**", "!src/cli.ts", "!src/node/**", "!src/node.ts"],
    outDir: "dist/module",
    format: ["esm"],
    target: "es2022",
    esbuildPlugins: [
      {
        name: "keep-relative-imports",
        setup(build) {
          build.onResolve({ filter: /^\.\.?\// }, (args) =>
            args.kind !== "entry-point" && !/[\\/]node_modules[\\/]/.test(args.importer)
              ? { path: args.path, external: true }
              : undefined,
          );
        },
      },
    ],
  },
  {
    // The command: ESM only. Its imports of src/index.ts, src/node.ts and src/text/index.ts become
    // imports of dist/index.js, dist/node.js and dist/text.js: one copy of the library in the
    // package, and one `NpsError` class.
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "node20",
    esbuildPlugins: [
      {
        name: "import-public-entry-points",
        setup(build) {
          build.onResolve({ filter: /^\.\.?\// }, (args) => {
            const path = publicEntryPoints.get(resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts"));
            return path === undefined ? undefined : { path, external: true };
          });
        },
      },
    ],
  },
]);
