// Tallying n scores: npskit against a naive implementation (filter twice over an array), one run.
import { nps, tally } from "../dist/index.js";
import { formatMs, medianMs, printTable } from "./measure.mjs";

/** The naive way: two filters over a plain array, no validation. */
function naiveNps(scores) {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return ((promoters - detractors) / scores.length) * 100;
}

function makeScores(n, seed = 1) {
  const scores = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    scores[i] = x % 11;
  }
  return scores;
}

export function run({ sizes = [1e4, 1e5, 1e6, 1e7] } = {}) {
  const rows = [];
  for (const n of sizes) {
    const bytes = makeScores(n);
    const doubles = Float64Array.from(bytes);
    const plain = Array.from(bytes);
    if (nps(tally(plain)) !== naiveNps(plain) && Math.abs(nps(tally(plain)) - naiveNps(plain)) > 1e-9) {
      throw new Error("npskit and the naive implementation disagree");
    }
    const runs = n >= 1e7 ? 5 : 9;
    const naive = medianMs(() => naiveNps(plain), { runs });
    const onArray = medianMs(() => tally(plain), { runs });
    const onBytes = medianMs(() => tally(bytes), { runs });
    const onDoubles = medianMs(() => tally(doubles), { runs });
    rows.push([
      n.toExponential(0),
      formatMs(naive),
      formatMs(onArray),
      formatMs(onDoubles),
      formatMs(onBytes),
      `${(naive / onArray).toFixed(1)}×`,
      `${(naive / onBytes).toFixed(1)}×`,
    ]);
  }
  printTable(
    "tally: npskit vs naive filter (median wall time; ratio = naive / npskit)",
    ["n", "naive filter", "tally(number[])", "tally(Float64Array)", "tally(Uint8Array)", "ratio array", "ratio Uint8"],
    rows,
  );
}
