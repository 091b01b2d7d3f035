import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", cli: "src/cli.ts" },
  format: ["esm", "cjs"],
  // Declarations for the library entry only. tsup 8.5 injects `baseUrl` into the declaration build,
  // which TypeScript 6 rejects (TS5101) unless deprecations are acknowledged.
  dts: { entry: { index: "src/index.ts" }, compilerOptions: { ignoreDeprecations: "6.0" } },
  sourcemap: true,
  clean: true,
  target: "node20",
});
