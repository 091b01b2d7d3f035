// CSV readers alone, on the same file: decode 1 MiB pieces as they are read and split them into
// records and fields, touching every field (its length is summed, so that every reader makes every
// field's string). Each reader runs in its own child process. npskit's reader is bundled from the
// sources; udsv and papaparse are measured when installed (`npm install --no-save udsv papaparse`:
// they are not dependencies of npskit), csv-parse (the reader npskit used before) always.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const self = fileURLToPath(import.meta.url);

async function* texts(file) {
  const decoder = new TextDecoder();
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    yield decoder.decode(chunk, { stream: true });
  }
  yield decoder.decode();
}

async function npskitReader(file) {
  const bundle = path.join(os.tmpdir(), `npskit-bench-delimited-${process.pid}.mjs`);
  const { build } = await import("esbuild");
  await build({
    entryPoints: [path.join(path.dirname(self), "../src/input/delimitedReader.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: bundle,
    logLevel: "silent",
  });
  const { DelimitedReader } = await import(pathToFileURL(bundle).href);
  fs.rmSync(bundle, { force: true });
  return async () => {
    let rows = 0;
    let characters = 0;
    const reader = new DelimitedReader(",", (record) => {
      rows++;
      for (let i = 0; i < record.fieldCount; i++) characters += record.field(i).length;
    });
    for await (const text of texts(file)) reader.push(text);
    reader.end();
    return { rows, characters };
  };
}

const READERS = {
  npskit: npskitReader,
  udsv: async (file) => {
    const { initParser, inferSchema } = await import("udsv");
    return async () => {
      let rows = 0;
      let characters = 0;
      let parser;
      const take = (record) => {
        rows++;
        for (const field of record) characters += field.length;
      };
      for await (const text of texts(file)) {
        if (parser === undefined) {
          const schema = inferSchema(text);
          parser = initParser(schema);
          // udsv takes the header out: count it as the other readers do.
          rows++;
          for (const column of schema.cols) characters += column.name.length;
        }
        parser.chunk(text, parser.stringArrs, take);
      }
      parser?.end();
      return { rows, characters };
    };
  },
  papaparse: async (file) => {
    const { default: Papa } = await import("papaparse");
    return () =>
      new Promise((resolve, reject) => {
        let rows = 0;
        let characters = 0;
        Papa.parse(fs.createReadStream(file, { highWaterMark: 1 << 20 }), {
          skipEmptyLines: true,
          chunk: (result) => {
            for (const record of result.data) {
              rows++;
              for (const field of record) characters += field.length;
            }
          },
          complete: () => resolve({ rows, characters }),
          error: reject,
        });
      });
  },
  "csv-parse": async (file) => {
    const { parse } = await import("csv-parse");
    return async () => {
      let rows = 0;
      let characters = 0;
      const parser = fs
        .createReadStream(file, { highWaterMark: 1 << 20 })
        .pipe(parse({ relax_column_count: true, skip_empty_lines: true }));
      for await (const record of parser) {
        rows++;
        for (const field of record) characters += field.length;
      }
      return { rows, characters };
    };
  },
};

function installed(name) {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

async function child(name, file) {
  const read = await READERS[name](file);
  const start = performance.now();
  const { rows, characters } = await read();
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, rows, characters, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

/** Times every installed reader on `file` (median of `runs`, each in its own process). */
export function compareReaders(file, { runs = 3 } = {}) {
  const results = [];
  for (const name of Object.keys(READERS)) {
    if (name !== "npskit" && !installed(name)) {
      results.push({ name, skipped: true });
      continue;
    }
    const measured = Array.from({ length: runs }, () => {
      const result = spawnSync(process.execPath, [self, "--child", name, file], { encoding: "utf8" });
      if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
      return JSON.parse(result.stdout);
    });
    const times = measured.map((m) => m.ms).sort((a, b) => a - b);
    results.push({
      name,
      ms: times[Math.floor(times.length / 2)],
      rows: measured[0].rows,
      characters: measured[0].characters,
      rss: Math.max(...measured.map((m) => m.maxRssMiB)),
    });
  }
  return results;
}

if (process.argv[2] === "--child" && process.argv[1] === self) await child(process.argv[3], process.argv[4]);
