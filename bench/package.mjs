// The package as a user gets it: packs npskit, installs the tarball in a scratch project and measures
// what installing, importing and bundling it costs, each figure beside its goal.
import { execFileSync, spawnSync } from "node:child_process";
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { printTable } from "./measure.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const KB = 1024;
const MB = 1024 * 1024;

/** Runs npm quietly (its warnings go to stderr, which is returned with stdout). */
function npm(args, cwd) {
  const result = spawnSync("npm", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${result.stderr}`);
  return result;
}

/** Bytes of a tree as `du` counts them (allocated blocks) and as the files' lengths add up. */
function treeSize(dir) {
  let disk = 0;
  let apparent = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const stat = lstatSync(path);
    disk += stat.blocks * 512;
    apparent += stat.size;
    if (entry.isDirectory()) {
      const inner = treeSize(path);
      disk += inner.disk;
      apparent += inner.apparent;
    }
  }
  return { disk, apparent };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * A fresh `node` process imports `specifier`: milliseconds the import takes, timed inside the
 * process, and the whole process's wall time (Node's own start-up included), timed from outside.
 */
function importMs(scratch, specifier) {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const start = performance.now();
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: scratch,
    encoding: "utf8",
  });
  return { import: Number(stdout), process: performance.now() - start };
}

/** Minified, gzipped size of an esbuild bundle of `code` resolved from `dir`, and its largest inputs. */
async function bundle(dir, code, plugins = []) {
  const result = await build({
    stdin: { contents: code, resolveDir: dir },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins,
  });
  const output = result.outputFiles[0].contents;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
    .map(([path, { bytesInOutput }]) => ({ path: path.replace(/^.*node_modules\//, ""), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { minified: output.length, gzipped: gzipSync(output).length, inputs };
}

/**
 * An esbuild plugin that replaces a module of npskit by stubs of its exports, to weigh what it adds
 * to a bundle; `stubbed()` says whether the module was met.
 */
function withoutModule(pattern) {
  let stubbed = false;
  const plugin = {
    name: "without-module",
    setup(context) {
      context.onLoad({ filter: pattern }, (args) => {
        stubbed = true;
        const text = readFileSync(args.path, "utf8");
        const declared = [...text.matchAll(/export\s+(?:function|const|let)\s+(\w+)/g)].map((match) => match[1]);
        const listed = [...text.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) =>
          match[1].split(",").map((part) =>
            part
              .trim()
              .split(/\s+as\s+/)
              .pop(),
          ),
        );
        const names = [...declared, ...listed].filter(Boolean);
        return { contents: names.map((name) => `export function ${name}() { throw 0; }`).join("\n"), loader: "js" };
      });
    },
  };
  return { plugin, stubbed: () => stubbed };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const verdict = (ok) => (ok ? "met" : "NOT MET");

export async function run({ imports = 21 } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), "npskit-package-"));
  try {
    // 1. Pack the build as npm would publish it, and install the tarball in an empty project.
    const [packed] = JSON.parse(npm(["pack", "--json", "--pack-destination", scratch], root).stdout);
    writeFileSync(join(scratch, "package.json"), '{ "name": "scratch", "private": true, "type": "module" }\n');
    const install = npm(["install", "--no-audit", "--no-fund", `./${packed.filename}`], scratch);
    const lock = JSON.parse(readFileSync(join(scratch, "node_modules", ".package-lock.json"), "utf8"));
    const packages = Object.keys(lock.packages).filter((path) => path.startsWith("node_modules/"));
    const size = treeSize(join(scratch, "node_modules"));
    const engineWarnings = [...install.stderr.matchAll(/EBADENGINE\s+package: '([^']+)'/g)].map((match) => match[1]);

    // 2. The command installed this way writes the same offline HTML page as the build in this tree.
    const html = (cwd, cli) =>
      execFileSync(process.execPath, [cli, "report", "--format", "html"], {
        cwd,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
        maxBuffer: 64 * MB,
      });
    const installedHtml = html(scratch, join(scratch, "node_modules", "npskit", "dist", "cli.js"));
    if (installedHtml !== html(root, join(root, "dist", "cli.js"))) {
      throw new Error("the installed command's HTML report differs from the build's");
    }

    // 3. Cold import: fresh processes, npskit and zod alternately, medians. zod is the yardstick of
    // the goal, not a dependency: it is installed after the sizes above were taken, at the version
    // the tests use.
    const zodVersion = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies.zod;
    npm(["install", "--no-audit", "--no-fund", "--no-save", `zod@${zodVersion}`], scratch);
    for (const specifier of ["npskit", "zod", "npskit", "zod"]) importMs(scratch, specifier);
    const npskitRuns = [];
    const zodRuns = [];
    for (let i = 0; i < imports; i++) {
      npskitRuns.push(importMs(scratch, "npskit"));
      zodRuns.push(importMs(scratch, "zod"));
    }
    const npskitMs = median(npskitRuns.map((run) => run.import));
    const zodMs = median(zodRuns.map((run) => run.import));
    const npskitProcessMs = median(npskitRuns.map((run) => run.process));
    const zodProcessMs = median(zodRuns.map((run) => run.process));
    const importRatio = npskitMs / zodMs;
    const processRatio = npskitProcessMs / zodProcessMs;

    // 4. What a browser bundle of a few functions weighs (esbuild, minified, gzip).
    const alone = await bundle(scratch, 'import { nps } from "npskit"; console.log(nps([9, 10, 3]));');
    const intervalCode =
      'import { confidenceInterval, nps } from "npskit"; console.log(nps([9, 10, 3]), confidenceInterval([9, 10, 3]));';
    const interval = await bundle(scratch, intervalCode);
    // inference/bayes.ts is due to be rewritten: the same bundle with that module's exports stubbed.
    const bayesStub = withoutModule(/npskit[\\/]dist[\\/]module[\\/]inference[\\/]bayes\.js$/);
    const withoutBayes = await bundle(scratch, intervalCode, [bayesStub.plugin]);

    console.log(
      `\nThe package: npm pack, then npm install of the tarball in an empty project (${packed.filename}, ${kb(packed.size)} packed, ${packed.entryCount} files; Node ${process.version}, npm ${npm(["--version"], scratch).stdout.trim()})`,
    );
    printTable(
      "Measures and goals",
      ["measure", "goal", "measured", ""],
      [
        ["npm install npskit: packages", "≤ 10", String(packages.length), verdict(packages.length <= 10)],
        [
          "npm install npskit: node_modules (du)",
          "≤ 10 MB",
          `${(size.disk / MB).toFixed(1)} MB (files add up to ${(size.apparent / MB).toFixed(1)} MB)`,
          verdict(size.disk <= 10 * MB),
        ],
        [
          `install on Node ${process.versions.node}`,
          "no EBADENGINE",
          engineWarnings.length === 0 ? "none" : engineWarnings.join(", "),
          verdict(engineWarnings.length === 0),
        ],
        [
          'import "npskit", cold: whole process',
          "≤ 1.3× zod",
          `${processRatio.toFixed(2)}× (${npskitProcessMs.toFixed(0)} ms vs ${zodProcessMs.toFixed(0)} ms, medians of ${imports})`,
          verdict(processRatio <= 1.3),
        ],
        [
          "  the import alone, timed inside",
          "≤ 1.3× zod",
          `${importRatio.toFixed(2)}× (${npskitMs.toFixed(0)} ms vs ${zodMs.toFixed(0)} ms)`,
          verdict(importRatio <= 1.3),
        ],
        [
          "nps alone, esbuild bundle",
          "≤ 2 KB min+gzip",
          `${kb(alone.gzipped)} (${kb(alone.minified)} minified)`,
          verdict(alone.gzipped <= 2 * KB),
        ],
        [
          "nps + confidenceInterval, esbuild bundle",
          "≤ 8 KB min+gzip",
          `${kb(interval.gzipped)} (${kb(interval.minified)} minified)`,
          verdict(interval.gzipped <= 8 * KB),
        ],
      ],
    );
    console.log(
      bayesStub.stubbed()
        ? `\nnps + confidenceInterval with inference/bayes.ts stubbed out: ${kb(withoutBayes.gzipped)} min+gzip (${kb(withoutBayes.minified)} minified); bayes.ts and what only it uses weigh ${kb(interval.gzipped - withoutBayes.gzipped)} of the ${kb(interval.gzipped)}`
        : "\nnps + confidenceInterval: dist/module/inference/bayes.js is not in the bundle",
    );
    const sizes = packages
      .map((path) => ({ name: path.slice("node_modules/".length), disk: treeSize(join(scratch, path)).disk }))
      .sort((a, b) => b.disk - a.disk);
    console.log(
      `Installed packages (du): ${sizes.map(({ name, disk }) => `${name} ${(disk / MB).toFixed(1)} MB`).join(", ")}`,
    );
    // Node 20.19 cannot be installed here: the engines every installed package declares show the range.
    const engines = packages.map((path) => {
      const manifest = JSON.parse(readFileSync(join(scratch, path, "package.json"), "utf8"));
      return `${path.slice("node_modules/".length)} ${manifest.engines?.node ?? "(none)"}`;
    });
    console.log(`Node engines declared: ${engines.join(", ")}`);
    console.log(`Load average while measuring (1 min): ${loadavg()[0].toFixed(1)}`);
    console.log(
      `Offline HTML report from the installed command: ${kb(installedHtml.length)}, identical to the build's`,
    );
    for (const [title, result] of [
      ["nps alone", alone],
      ["nps + confidenceInterval", interval],
    ]) {
      const top = result.inputs.filter((input) => input.bytes > 0).slice(0, 8);
      console.log(`${title}, largest inputs (minified bytes): ${top.map((i) => `${i.path} ${i.bytes}`).join(", ")}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
