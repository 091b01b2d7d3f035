// Reading a survey export, side by side in one run, each side in its own child process so that its
// wall time and peak memory (maxRSS) are its own, reading the file included. The task of every side:
// count promoters, passives and detractors by plan × calendar month (UTC) of a generated file with
// the columns respondent_id, score, answered_at (ISO, Z), plan, country, comment (empty).
// - naive: readFileSync, split lines and commas, Number + Date.parse, count (checks nothing);
// - npskit columns: the command's streaming reader (streamResponses with output "columns": 1 MiB
//   pieces, the CSV reader, checks compiled once, typed columns), then a count over the columns;
// - npskit objects: the same reader, output as NpsResponse objects (parseResponses per batch);
// - DuckDB: read_csv + GROUP BY plan, month.
// The same rows as NDJSON and as a JSON array are read by npskit columns too, and a 10,000,000-row
// CSV (generated in a temporary directory, removed after) measures the streaming path's peak memory.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { lcg } from "./data.mjs";
import { printTable } from "./measure.mjs";
import { compareReaders } from "./readers.mjs";

const START = Date.UTC(2023, 0, 1);
const SPAN = 3 * 365 * 86_400_000;
const PLANS = ["free", "team", "pro", "enterprise"];
const COUNTRIES = ["FR", "DE", "US", "GB", "ES", "IT", "NL", "SE"];
const self = fileURLToPath(import.meta.url);

/** Writes n generated rows as CSV, NDJSON or a JSON array. */
function writeRows(file, n, format, seed = 11) {
  const random = lcg(seed);
  const fd = fs.openSync(file, "w");
  if (format === "csv") fs.writeSync(fd, "respondent_id,score,answered_at,plan,country,comment\n");
  if (format === "json") fs.writeSync(fd, "[\n");
  let text = "";
  for (let i = 0; i < n; i++) {
    const score = Math.floor(random() * 11);
    const at = new Date(START + Math.floor(random() * SPAN)).toISOString();
    const plan = PLANS[Math.floor(random() * PLANS.length)];
    const country = COUNTRIES[Math.floor(random() * COUNTRIES.length)];
    if (format === "csv") {
      text += `r${i},${score},${at},${plan},${country},\n`;
    } else {
      const line = `{"respondent_id":"r${i}","score":${score},"answered_at":"${at}","plan":"${plan}","country":"${country}","comment":""}`;
      text += format === "json" ? `${i === 0 ? "" : ",\n"}${line}` : `${line}\n`;
    }
    if (text.length > 1 << 20) {
      fs.writeSync(fd, text);
      text = "";
    }
  }
  if (format === "json") text += "\n]\n";
  fs.writeSync(fd, text);
  fs.closeSync(fd);
}

/** Counts by "plan|YYYY-MM" → [promoters, passives, detractors]. */
function counter() {
  const counts = new Map();
  const months = new Map();
  const monthOf = (time) => {
    const day = Math.floor(time / 86_400_000);
    let month = months.get(day);
    if (month === undefined) {
      month = new Date(day * 86_400_000).toISOString().slice(0, 7);
      months.set(day, month);
    }
    return month;
  };
  return {
    add(plan, time, score) {
      const key = `${plan}|${monthOf(time)}`;
      let entry = counts.get(key);
      if (entry === undefined) {
        entry = [0, 0, 0];
        counts.set(key, entry);
      }
      entry[score >= 9 ? 0 : score >= 7 ? 1 : 2]++;
    },
    fingerprint() {
      return JSON.stringify([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
    },
  };
}

function naiveSide(file) {
  const count = counter();
  const lines = fs.readFileSync(file, "utf8").split("\n");
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const cells = line.split(",");
    count.add(cells[3], Date.parse(cells[2]), Number(cells[1]));
  }
  return count.fingerprint();
}

/** The command's reader (`streamResponses` of npskit/node), bundled from the sources by esbuild. */
async function loadReader() {
  const bundle = path.join(os.tmpdir(), `npskit-bench-reader-${process.pid}.mjs`);
  const { build } = await import("esbuild");
  await build({
    entryPoints: [path.join(path.dirname(self), "../src/node.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: bundle,
    logLevel: "silent",
  });
  try {
    return await import(pathToFileURL(bundle).href);
  } finally {
    fs.rmSync(bundle, { force: true });
  }
}

async function npskitSide(file, output) {
  const { streamResponses } = await loadReader();
  const start = performance.now();
  const count = counter();
  let rows = 0;
  await streamResponses(
    file,
    {
      // What `npskit report FILE --by plan --period month` reads (the id and comment columns are guessed).
      score: "score",
      date: "answered_at",
      respondentId: "respondent_id",
      comment: "comment",
      attributes: ["plan"],
      output,
      openFile: async (name) => ({
        size: fs.statSync(name).size,
        chunks: fs.createReadStream(name, { highWaterMark: 1 << 20 }),
      }),
    },
    (batch) => {
      rows += batch.counts.rows;
      if (output === "columns") {
        const { scores, times, segments } = batch.columns;
        const { codes, dictionary } = segments.plan;
        for (let i = 0; i < scores.length; i++) count.add(dictionary[codes[i]], times[i], scores[i]);
      } else {
        for (const response of batch.responses) {
          count.add(response.attributes.plan, response.date.getTime(), response.score);
        }
      }
    },
  );
  return { fingerprint: count.fingerprint(), ms: performance.now() - start, rows };
}

async function duckdbSide(file) {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  const reader = await connection.runAndReadAll(
    `SELECT plan, strftime(answered_at, '%Y-%m') AS month,
       count(*) FILTER (WHERE score >= 9) AS p, count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS q,
       count(*) FILTER (WHERE score <= 6) AS d
     FROM read_csv('${file.replaceAll("'", "''")}', header = true,
       columns = {'respondent_id': 'VARCHAR', 'score': 'INTEGER', 'answered_at': 'TIMESTAMPTZ', 'plan': 'VARCHAR', 'country': 'VARCHAR', 'comment': 'VARCHAR'})
     GROUP BY ALL`,
  );
  const counts = reader
    .getRowObjects()
    .map((row) => [`${row.plan}|${row.month}`, [Number(row.p), Number(row.q), Number(row.d)]]);
  connection.closeSync();
  instance.closeSync();
  return JSON.stringify(counts.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The command as a user runs it: `npskit report FILE --score score --by plan --period month --format
 * json`, a process of its own (Node's start-up included), timed from outside.
 */
function commandSide(file) {
  const cli = path.join(path.dirname(self), "..", "dist", "cli.js");
  const args = [cli, "report", file, "--score", "score", "--by", "plan", "--period", "month", "--format", "json"];
  const result = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`npskit report failed: ${result.stderr}`);
  const report = JSON.parse(result.stdout);
  const counts = [];
  for (const segment of report.trend.segments) {
    for (const point of segment.trend.points) {
      if (point.n === 0) continue;
      const { promoters, passives, detractors } = point.tally;
      counts.push([`${segment.key}|${point.label}`, [promoters, passives, detractors]]);
    }
  }
  return JSON.stringify(counts.sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function child(side, file) {
  const start = performance.now();
  let fingerprint;
  let ms;
  if (side === "naive") fingerprint = naiveSide(file);
  else if (side === "command") fingerprint = commandSide(file);
  else if (side === "duckdb") fingerprint = await duckdbSide(file);
  else ({ fingerprint, ms } = await npskitSide(file, side === "objects" ? "responses" : "columns"));
  process.stdout.write(
    JSON.stringify({
      // npskit's time leaves out bundling the reader (done once per process, before the clock starts).
      ms: ms ?? performance.now() - start,
      // The command runs in a process of its own, whose peak memory this process does not see.
      maxRssMiB: side === "command" ? null : process.resourceUsage().maxRSS / 1024,
      fingerprint: `${fingerprint.length}:${hash(fingerprint)}`,
    }),
  );
}

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16);
}

function runChild(side, file) {
  const result = spawnSync(process.execPath, [self, "--child", side, file], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${side} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function duckdbInstalled() {
  try {
    createRequire(import.meta.url).resolve("@duckdb/node-api");
    return true;
  } catch {
    return false;
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

export function run({ n = 1_000_000, runs = 3, memoryRows = 10_000_000 } = {}) {
  const hasDuckDB = duckdbInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "npskit-csv-"));
  try {
    const files = {};
    for (const format of ["csv", "ndjson", "json"]) {
      files[format] = path.join(dir, `responses.${format}`);
      writeRows(files[format], n, format);
    }
    const measure = (side, file) => {
      const results = Array.from({ length: runs }, () => runChild(side, file));
      return {
        ms: median(results.map((r) => r.ms)),
        rss: results.some((r) => r.maxRssMiB === null) ? Number.NaN : Math.max(...results.map((r) => r.maxRssMiB)),
        fingerprint: results[0].fingerprint,
      };
    };
    const naive = measure("naive", files.csv);
    const sides = [
      ["naive Node loop (checks nothing)", "CSV", naive],
      ["npskit report --by plan --period month (the command)", "CSV", measure("command", files.csv)],
      ["npskit columns", "CSV", measure("columns", files.csv)],
      ["npskit objects", "CSV", measure("objects", files.csv)],
      ["npskit columns", "NDJSON", measure("columns", files.ndjson)],
      ["npskit columns", "JSON array", measure("columns", files.json)],
    ];
    const duckdb = hasDuckDB ? measure("duckdb", files.csv) : undefined;
    if (duckdb !== undefined) sides.push(["DuckDB read_csv + GROUP BY", "CSV", duckdb]);
    const rows = sides.map(([label, format, side]) => [
      label,
      format,
      `${(fs.statSync(files[format === "CSV" ? "csv" : format === "NDJSON" ? "ndjson" : "json"]).size / 2 ** 20).toFixed(0)} MiB`,
      seconds(side.ms),
      `${(side.ms / naive.ms).toFixed(2)}×`,
      duckdb === undefined ? "—" : `${(side.ms / duckdb.ms).toFixed(2)}×`,
      Number.isFinite(side.rss) ? `${side.rss.toFixed(0)} MiB` : "—",
      side.fingerprint === naive.fingerprint ? "yes" : "NO",
    ]);
    printTable(
      `Reading ${n.toLocaleString("en")} rows and counting by plan × month (median of ${runs} runs, each in its own process;\n` +
        "time = wall time of the process's work, reading the file included; peak RSS = maxRSS of the process)",
      ["side", "file", "size", "time", "/ naive", "/ DuckDB", "peak RSS", "same counts"],
      rows,
    );
    if (!hasDuckDB) console.log("DuckDB skipped: @duckdb/node-api is not installed (npm install)");

    const readers = compareReaders(files.csv, { runs });
    const npskit = readers.find((reader) => reader.name === "npskit");
    printTable(
      "CSV readers alone on the same file (decode 1 MiB pieces, make every field's string; own process each)",
      ["reader", "time", "/ npskit", "peak RSS", "records", "characters"],
      readers.map((reader) =>
        reader.skipped
          ? [reader.name, "skipped (npm install --no-save udsv papaparse to include it)", "", "", "", ""]
          : [
              reader.name,
              seconds(reader.ms),
              `${(reader.ms / npskit.ms).toFixed(2)}×`,
              `${reader.rss.toFixed(0)} MiB`,
              reader.rows.toLocaleString("en"),
              reader.characters.toLocaleString("en"),
            ],
      ),
    );

    if (memoryRows > 0) {
      for (const format of ["csv", "ndjson", "json"]) fs.rmSync(files[format], { force: true });
      const big = path.join(dir, "big.csv");
      writeRows(big, memoryRows, "csv");
      const size = fs.statSync(big).size;
      const columns = runChild("columns", big);
      fs.rmSync(big, { force: true });
      printTable(
        `Streaming a generated ${memoryRows.toLocaleString("en")}-row CSV (${(size / 2 ** 20).toFixed(0)} MiB) with npskit columns`,
        ["time", "rows per second", "peak RSS"],
        [
          [
            seconds(columns.ms),
            `${Math.round(memoryRows / (columns.ms / 1000)).toLocaleString("en")}`,
            `${columns.maxRssMiB.toFixed(0)} MiB`,
          ],
        ],
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child" && process.argv[1] === self) await child(process.argv[3], process.argv[4]);
