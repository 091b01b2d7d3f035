// Runs every benchmark in one process and prints the tables: `npm run bench [name]` builds first.
import os from "node:os";
import * as csv from "./csv.mjs";
import * as inference from "./inference.mjs";
import * as input from "./input.mjs";
import * as pkg from "./package.mjs";
import * as scale from "./scale.mjs";
import * as segments from "./segments.mjs";
import * as tally from "./tally.mjs";
import * as text from "./text.mjs";
import * as trends from "./trends.mjs";

const cpus = os.cpus();
console.log(
  `npskit benchmarks — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
const only = process.argv[2];
const benches = { tally, inference, segments, trends, scale, csv, input, text, package: pkg };
for (const [name, bench] of Object.entries(benches)) {
  if (only === undefined || only === name) await bench.run();
}
