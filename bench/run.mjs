// Runs every benchmark in one process and prints the tables. `npm run bench` builds first.
import os from "node:os";
import * as tallyBench from "./tally.mjs";

console.log(`npskit benchmarks — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}`);
const only = process.argv[2];
const benches = { tally: tallyBench };
for (const [name, bench] of Object.entries(benches)) {
  if (only === undefined || only === name) bench.run();
}
