// A full report (overall + 50 segments + monthly trend + 90-day rolling trend, all with intervals)
// over 10^4..10^6 responses: npskit on columns, npskit on objects, and pandas (bench/pandas_report.py)
// on the same data, side by side in one run, pandas right after npskit at each size. Only the
// computation is timed on every side: building the columns or objects, writing the CSV and loading it
// into pandas are not.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  confidenceInterval,
  rollingTrend,
  rollingTrendColumns,
  segmentBy,
  segmentColumns,
  tallyColumns,
  tallyResponses,
  trend,
  trendColumns,
} from "../dist/index.js";
import { lcg } from "./data.mjs";
import { formatMs, medianMs, printTable } from "./measure.mjs";

const START = Date.UTC(2023, 0, 1);
const SPAN = 3 * 365 * 86_400_000;
const SEGMENTS = Array.from({ length: 50 }, (_, i) => `s${i}`);
const OPTIONS = { method: "wald" };

/** n responses over three years from 2023 in 50 segments, as columns. */
export function makeColumns(n, seed = 7) {
  const random = lcg(seed);
  const scores = new Uint8Array(n);
  const times = new Float64Array(n);
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const segment = Math.floor(random() * SEGMENTS.length);
    codes[i] = segment;
    scores[i] = Math.min(10, Math.floor(random() * 11 + (segment % 3) * 0.5));
    times[i] = START + Math.floor(random() * SPAN);
  }
  return { scores, times, segments: { segment: { codes, dictionary: SEGMENTS } } };
}

/** The same responses as objects. */
function toObjects(columns) {
  const { codes } = columns.segments.segment;
  return Array.from(columns.scores, (score, i) => ({
    score,
    date: new Date(columns.times[i]),
    attributes: { segment: SEGMENTS[codes[i]] },
  }));
}

function columnarReport(columns) {
  const overall = tallyColumns(columns);
  return {
    overall,
    interval: confidenceInterval(overall, OPTIONS),
    segments: segmentColumns(columns, "segment", OPTIONS),
    monthly: trendColumns(columns, { ...OPTIONS, period: "month" }),
    rolling: rollingTrendColumns(columns, { ...OPTIONS, window: { days: 90 } }),
  };
}

function objectReport(responses) {
  const overall = tallyResponses(responses);
  return {
    overall,
    interval: confidenceInterval(overall, OPTIONS),
    segments: segmentBy(responses, "segment", OPTIONS),
    monthly: trend(responses, { ...OPTIONS, period: "month" }),
    rolling: rollingTrend(responses, { ...OPTIONS, window: { days: 90 } }),
  };
}

/** A Python with pandas: `python3` on the PATH, else Debian's /usr/bin/python3; undefined when none. */
export function findPandasPython() {
  for (const python of ["python3", "/usr/bin/python3"]) {
    const probe = spawnSync(python, ["-c", "import pandas"], { stdio: "ignore" });
    if (probe.status === 0) return python;
  }
  return undefined;
}

function writeCsv(file, columns) {
  const { codes } = columns.segments.segment;
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, "score,time_ms,segment\n");
  let chunk = "";
  for (let i = 0; i < columns.scores.length; i++) {
    chunk += `${columns.scores[i]},${columns.times[i]},${SEGMENTS[codes[i]]}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = "";
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

export function run({ sizes = [1e4, 1e5, 1e6] } = {}) {
  const python = findPandasPython();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "npskit-bench-"));
  const measured = [];
  try {
    for (const n of sizes) {
      const columns = makeColumns(n);
      const responses = toObjects(columns);
      const runs = n >= 1e6 ? 3 : 7;
      const report = columnarReport(columns);
      const same = JSON.stringify(report) === JSON.stringify(objectReport(responses));
      // Steady state: V8 compiles the hot code over the first few runs (a report over 10^4 responses
      // takes several times longer in its first five runs than after), Python compiles nothing.
      const warmup = n >= 1e6 ? 1 : 5;
      const onColumns = medianMs(() => columnarReport(columns), { runs, warmup });
      const onObjects = medianMs(() => objectReport(responses), { runs, warmup });
      // pandas right after npskit on the same data, so that both sides see about the same machine load.
      let theirs;
      if (python !== undefined) {
        const file = path.join(dir, `responses-${n}.csv`);
        writeCsv(file, columns);
        const script = fileURLToPath(new URL("./pandas_report.py", import.meta.url));
        const child = spawnSync(python, [script, file], { encoding: "utf8" });
        if (child.status !== 0) throw new Error(`pandas_report.py failed: ${child.stderr}`);
        theirs = JSON.parse(child.stdout.trim());
      }
      measured.push({ n, onColumns, onObjects, same, report, theirs, load: os.loadavg()[0] });
    }
    const rows = measured.map(({ n, onColumns, onObjects, same, report, theirs, load }) => {
      const agrees =
        theirs === undefined
          ? "—"
          : theirs.check.segments === report.segments.segments.length &&
              theirs.check.months === report.monthly.points.length &&
              theirs.check.overall.join() ===
                [report.overall.promoters, report.overall.passives, report.overall.detractors].join()
            ? "yes"
            : "NO";
      return [
        n.toExponential(0),
        formatMs(onColumns),
        formatMs(onObjects),
        theirs === undefined ? "skipped" : formatMs(theirs.ms),
        theirs === undefined ? "—" : `${(theirs.ms / onColumns).toFixed(1)}×`,
        `${(onObjects / onColumns).toFixed(1)}×`,
        same ? "yes" : "NO",
        agrees,
        load.toFixed(1),
      ];
    });
    printTable(
      "full report (overall + 50 segments + monthly + 90-day rolling, Wald intervals): computation only\n" +
        "ratio pandas = pandas / npskit columns; ratio objects = npskit objects / npskit columns",
      [
        "n",
        "npskit columns",
        "npskit objects",
        "pandas",
        "ratio pandas",
        "ratio objects",
        "columns = objects",
        "counts = pandas",
        "load (1 min)",
      ],
      rows,
    );
    if (python === undefined) {
      console.log("pandas column skipped: no python3 with pandas found (Debian: apt-get install python3-pandas)");
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
