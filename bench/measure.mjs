// Shared timing helpers for the benchmarks: median of repeated runs, side by side in one process.
import { performance } from "node:perf_hooks";

/** Runs `fn` `warmup` times, then `runs` times, and returns the median wall time in milliseconds. */
export function medianMs(fn, { runs = 7, warmup = 2 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Runs each function of `fns` in turn, `runs` rounds after `warmup` rounds, so that every side sees
 * the same machine load; returns the median wall time of each in milliseconds, in order.
 */
export function interleavedMedianMs(fns, { runs = 7, warmup = 2 } = {}) {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const start = performance.now();
      fn();
      times[k].push(performance.now() - start);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

/** Formats milliseconds with a unit that keeps three significant digits. */
export function formatMs(ms) {
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  return `${ms.toPrecision(3)} ms`;
}

/** Prints rows as an aligned table. */
export function printTable(title, header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => String(row[c]).length)));
  console.log(`\n${title}`);
  for (const [i, row] of all.entries()) {
    console.log(row.map((cell, c) => String(cell).padEnd(widths[c])).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}
