// Copies the minified builds of Vega, Vega-Lite and vega-embed, with their licence texts, into
// dist/charts/: the command's offline HTML page inlines them, so the three packages are only needed
// at build time. Run by `npm run build` after tsup.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const out = fileURLToPath(new URL("../dist/charts/", import.meta.url));
mkdirSync(out, { recursive: true });
for (const [name, file] of [
  ["vega", "vega.min.js"],
  ["vega-lite", "vega-lite.min.js"],
  ["vega-embed", "vega-embed.min.js"],
]) {
  // The export maps expose only the module entry points, which sit in build/ beside the UMD build;
  // the licence is in the package's root, one level up.
  const build = dirname(require.resolve(name));
  copyFileSync(join(build, file), join(out, file));
  copyFileSync(join(build, "..", "LICENSE"), join(out, `${name}.LICENSE`));
}
