// Copies into dist/ what the package ships of other packages, with their licence texts. Run by
// `npm run build` after tsup.
// - dist/charts/: the minified builds of Vega, Vega-Lite and vega-embed, which the command's offline
//   HTML page inlines; the three packages are only needed at build time.
// - dist/date-fns.LICENSE.md: the date-fns functions that npskit uses are built into dist/index.js
//   and dist/index.cjs (tsup.config.ts).
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
mkdirSync(join(dist, "charts"), { recursive: true });
for (const [name, file] of [
  ["vega", "vega.min.js"],
  ["vega-lite", "vega-lite.min.js"],
  ["vega-embed", "vega-embed.min.js"],
]) {
  // The export maps expose only the module entry points, which sit in build/ beside the UMD build;
  // the licence is in the package's root, one level up.
  const build = dirname(require.resolve(name));
  copyFileSync(join(build, file), join(dist, "charts", file));
  copyFileSync(join(build, "..", "LICENSE"), join(dist, "charts", `${name}.LICENSE`));
}
copyFileSync(join(dirname(require.resolve("date-fns/package.json")), "LICENSE.md"), join(dist, "date-fns.LICENSE.md"));
