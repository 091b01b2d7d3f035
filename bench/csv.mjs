// CSV file → tallies by segment and by month, for 10^4..10^6-row files, three ways, each in its own
// child process so that its peak memory (maxRSS) is its own; wall time includes reading and parsing:
// - npskit "parseResponses": csv-parse stream → parseResponses per chunk of 10,000 rows (validated
//   objects for one chunk at a time) → typed columns → segmentColumns + trendColumns;
// - npskit "columns": csv-parse stream → cells read straight into typed columns (validated by the
//   columnar functions) → segmentColumns + trendColumns;
// - DuckDB: read_csv into a table, then the tallySql queries read back with tallyFromRows.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse";
import { parseResponses, segmentColumns, tallyFromRows, tallySql, trendColumns } from "../dist/index.js";
import { lcg } from "./data.mjs";
import { formatMs, printTable } from "./measure.mjs";

const START = Date.UTC(2023, 0, 1);
const SPAN = 3 * 365 * 86_400_000;
const CHUNK = 10_000;

function writeCsv(file, n, seed = 11) {
  const random = lcg(seed);
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, "respondent,score,answered_at,segment\n");
  let text = "";
  for (let i = 0; i < n; i++) {
    const segment = Math.floor(random() * 50);
    const score = Math.min(10, Math.floor(random() * 11 + (segment % 3) * 0.5));
    const at = new Date(START + Math.floor(random() * SPAN)).toISOString();
    text += `r${i},${score},${at},s${segment}\n`;
    if (text.length > 1 << 20) {
      fs.writeSync(fd, text);
      text = "";
    }
  }
  fs.writeSync(fd, text);
  fs.closeSync(fd);
}

/** Growable typed columns: the file's responses without one object each (20 bytes per response). */
function growableColumns() {
  let size = 0;
  let scores = new Float64Array(1 << 16); // not Uint8Array: 256 or 8.5 would wrap silently
  let times = new Float64Array(1 << 16);
  let codes = new Int32Array(1 << 16);
  const dictionary = [];
  const codeOf = new Map();
  return {
    push(score, time, key) {
      if (size === scores.length) {
        const grow = (array) => {
          const next = new array.constructor(array.length * 2);
          next.set(array);
          return next;
        };
        scores = grow(scores);
        times = grow(times);
        codes = grow(codes);
      }
      let code = codeOf.get(key);
      if (code === undefined) {
        code = dictionary.length;
        codeOf.set(key, code);
        dictionary.push(key);
      }
      scores[size] = score;
      times[size] = time;
      codes[size] = code;
      size++;
    },
    columns: () => ({
      scores: scores.subarray(0, size),
      times: times.subarray(0, size),
      segments: { segment: { codes: codes.subarray(0, size), dictionary } },
    }),
  };
}

/**
 * npskit: stream the file through csv-parse, 10,000 rows at a time, into typed columns, then tally
 * them by segment and by month. "parse" validates each chunk with parseResponses (objects per chunk
 * only); "columns" reads the cells straight into the columns (Number, Date.parse) and lets the
 * columnar functions validate them.
 */
async function npskitSide(file, mode) {
  const columns = growableColumns();
  let header;
  const flush = (rows) => {
    if (mode === "parse") {
      const { responses } = parseResponses(rows, {
        fields: { score: "score", date: "answered_at", attributes: ["segment"] },
      });
      for (const response of responses) {
        columns.push(response.score, response.date.getTime(), response.attributes.segment);
      }
    } else {
      const first = header === undefined ? 1 : 0;
      header ??= rows[0];
      const [score, time, segment] = ["score", "answered_at", "segment"].map((name) => header.indexOf(name));
      for (let i = first; i < rows.length; i++) {
        const row = rows[i];
        columns.push(row[score] === "" ? Number.NaN : Number(row[score]), Date.parse(row[time]), row[segment]);
      }
    }
  };
  let rows = [];
  const parser = fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse({ columns: mode === "parse" }));
  parser.on("readable", () => {
    for (let row = parser.read(); row !== null; row = parser.read()) {
      rows.push(row);
      if (rows.length === CHUNK) {
        flush(rows);
        rows = [];
      }
    }
  });
  await new Promise((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  if (rows.length > 0) flush(rows);
  const all = columns.columns();
  return {
    bySegment: new Map(segmentColumns(all, "segment").segments.map((segment) => [segment.key, segment.tally])),
    byMonth: new Map(
      trendColumns(all, { period: "month", fillGaps: false }).points.map((point) => [
        point.start.slice(0, 10),
        point.tally,
      ]),
    ),
  };
}

/** DuckDB: read_csv into a table, then the two tallySql queries, read back with tallyFromRows. */
async function duckdbSide(file) {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  await connection.run(
    `CREATE TABLE responses AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, columns = {'respondent': 'VARCHAR', 'score': 'INTEGER', 'answered_at': 'TIMESTAMPTZ', 'segment': 'VARCHAR'})`,
  );
  const query = async (options) => {
    const reader = await connection.runAndReadAll(
      tallySql({ dialect: "duckdb", table: "responses", score: "score", ...options }),
    );
    return tallyFromRows(reader.getRowObjects());
  };
  const segments = await query({ groupBy: ["segment"] });
  const months = await query({ timeBucket: { column: "answered_at", period: "month", timeZone: "UTC" } });
  connection.closeSync();
  instance.closeSync();
  return {
    bySegment: new Map(segments.map((entry) => [entry.group.segment, entry.tally])),
    byMonth: new Map(months.map((entry) => [entry.period, entry.tally])),
  };
}

/** A stable text of the tallies, to check both sides agree. */
function fingerprint({ bySegment, byMonth }) {
  const sorted = (map) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([sorted(bySegment), sorted(byMonth)]);
}

async function child(side, file) {
  const start = performance.now();
  const result = side === "duckdb" ? await duckdbSide(file) : await npskitSide(file, side);
  const ms = performance.now() - start;
  const text = fingerprint(result);
  process.stdout.write(
    JSON.stringify({
      ms,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      fingerprint: `${text.length}:${hash(text)}`,
    }),
  );
}

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16);
}

function runChild(side, file) {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [self, "--child", side, file], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${side} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Whether the DuckDB package (a dev dependency) is installed. */
function duckdbInstalled() {
  try {
    createRequire(import.meta.url).resolve("@duckdb/node-api");
    return true;
  } catch {
    return false;
  }
}

export function run({ sizes = [1e4, 1e5, 1e6] } = {}) {
  const hasDuckDB = duckdbInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "npskit-csv-"));
  const rows = [];
  try {
    for (const n of sizes) {
      const file = path.join(dir, `responses-${n}.csv`);
      writeCsv(file, n);
      const runs = n >= 1e6 ? 1 : 3;
      const sides = ["parse", "columns", ...(hasDuckDB ? ["duckdb"] : [])].map((side) =>
        Array.from({ length: runs }, () => runChild(side, file)),
      );
      const missing = { ms: Number.NaN, rss: Number.NaN, fingerprint: "" };
      const [parsed, columns, duckdb = missing] = sides.map((results) => ({
        ms: median(results.map((r) => r.ms)),
        rss: Math.max(...results.map((r) => r.maxRssMiB)),
        fingerprint: results[0].fingerprint,
      }));
      rows.push([
        n.toExponential(0),
        `${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MiB`,
        formatMs(parsed.ms),
        formatMs(columns.ms),
        hasDuckDB ? formatMs(duckdb.ms) : "skipped",
        hasDuckDB ? `${(parsed.ms / duckdb.ms).toFixed(1)}×` : "—",
        hasDuckDB ? `${(columns.ms / duckdb.ms).toFixed(1)}×` : "—",
        `${parsed.rss.toFixed(0)} / ${columns.rss.toFixed(0)} / ${hasDuckDB ? duckdb.rss.toFixed(0) : "—"} MiB`,
        parsed.fingerprint === columns.fingerprint && (!hasDuckDB || columns.fingerprint === duckdb.fingerprint)
          ? "yes"
          : "NO",
      ]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printTable(
    "CSV file → tallies by segment (50) and by month: npskit streaming vs DuckDB read_csv + GROUP BY\n" +
      "(wall time of a separate process per run, reading the file included; ratio = npskit / DuckDB;\n" +
      " peak RSS = maxRSS of the process: parseResponses / columns / DuckDB)",
    ["n", "file", "parseResponses", "columns", "DuckDB", "ratio parse", "ratio columns", "peak RSS", "same tallies"],
    rows,
  );
  if (!hasDuckDB) console.log("DuckDB column skipped: @duckdb/node-api is not installed (npm install)");
}

if (process.argv[2] === "--child") await child(process.argv[3], process.argv[4]);
