import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ESM and CommonJS, each with its own declarations. tsup 8.5 injects `baseUrl` into
    // the declaration build, which TypeScript 6 rejects (TS5101) unless deprecations are acknowledged.
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
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
