import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ESM and CommonJS, each with its own declarations. tsup 8.5 injects `baseUrl` into
    // the declaration build, which TypeScript 6 rejects (TS5101) unless deprecations are acknowledged.
    // `npskit/text` (comments: tokenizer, stop-word lists, themes) is its own entry so that its word
    // lists weigh only on those who import it. Code splitting also for CommonJS: both entries then
    // share one copy of the core (one `NpsError` class, so `instanceof` holds across entries).
    entry: { index: "src/index.ts", text: "src/text/index.ts" },
    format: ["esm", "cjs"],
    splitting: true,
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    target: "node20",
  },
  {
    // The command: ESM only (it reads its chart scripts through `import.meta.url`).
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
  },
]);
