// segmentBy with 50 segments: one pass (npskit) against filtering the responses once per segment.
import { confidenceInterval, segmentBy } from "../dist/index.js";
import { makeResponses, naiveTally } from "./data.mjs";
import { formatMs, medianMs, printTable } from "./measure.mjs";

/** Naive: find the keys, then filter and tally the responses once per key, with an interval each. */
function naiveSegments(responses) {
  const keys = [...new Set(responses.map((r) => r.attributes.segment))];
  return keys.map((key) => {
    const tally = naiveTally(responses.filter((r) => r.attributes.segment === key));
    return { key, tally, interval: confidenceInterval(tally) };
  });
}

export function run() {
  const rows = [];
  for (const n of [1e4, 1e5, 1e6]) {
    const responses = makeResponses(n, { segments: 50 });
    const runs = n >= 1e6 ? 3 : 7;
    const naive = medianMs(() => naiveSegments(responses), { runs, warmup: 1 });
    const ours = medianMs(() => segmentBy(responses, "segment"), { runs, warmup: 1 });
    rows.push([n.toExponential(0), formatMs(naive), formatMs(ours), `${(naive / ours).toFixed(1)}×`]);
  }
  printTable(
    "segmentBy, 50 segments, full figures (intervals, vs-rest tests, Holm): naive rescan vs npskit",
    ["n", "naive rescan", "segmentBy", "ratio"],
    rows,
  );
}
