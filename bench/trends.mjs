// trend by month and rollingTrend (90-day windows, daily step) over three years of responses,
// against a naive scan of all responses for each period or window.
import { rollingTrend, tallyResponses, trend } from "../dist/index.js";
import { makeResponses } from "./data.mjs";
import { formatMs, medianMs, printTable } from "./measure.mjs";

const DAY = 86_400_000;

/** Naive monthly trend: for each month, scan every response. */
function naiveMonthly(responses) {
  const points = [];
  for (let year = 2023; year < 2026; year++) {
    for (let month = 0; month < 12; month++) {
      const start = Date.UTC(year, month, 1);
      const end = Date.UTC(year, month + 1, 1);
      points.push(tallyResponses(responses.filter((r) => r.date.getTime() >= start && r.date.getTime() < end)));
    }
  }
  return points;
}

/** Naive rolling: for each day, scan every response for the trailing 90 days. */
function naiveRolling(responses, days) {
  const first = Date.UTC(2023, 0, 1);
  const points = [];
  for (let end = first + DAY; end <= first + 3 * 365 * DAY; end += DAY) {
    const start = end - 90 * DAY;
    points.push(tallyResponses(responses.filter((r) => r.date.getTime() >= start && r.date.getTime() < end)));
    if (points.length >= days) break;
  }
  return points;
}

export function run() {
  const rows = [];
  for (const n of [1e4, 1e5, 1e6]) {
    const responses = makeResponses(n);
    const runs = n >= 1e6 ? 3 : 5;
    const monthly = medianMs(() => trend(responses, { period: "month" }), { runs, warmup: 1 });
    const naiveMonth = medianMs(() => naiveMonthly(responses), { runs, warmup: 1 });
    const rolling = medianMs(() => rollingTrend(responses, { window: { days: 90 }, step: "day" }), { runs, warmup: 1 });
    // The naive rolling scan is too slow to run in full at large n: time 30 windows and scale up to
    // the same number of windows as npskit computed.
    const windows = rollingTrend(responses, { window: { days: 90 }, step: "day" }).points.length;
    const naiveSome = medianMs(() => naiveRolling(responses, 30), { runs: 3, warmup: 1 });
    const naiveRoll = (naiveSome / 30) * windows;
    rows.push([
      n.toExponential(0),
      formatMs(naiveMonth),
      formatMs(monthly),
      `${(naiveMonth / monthly).toFixed(1)}×`,
      formatMs(naiveRoll),
      formatMs(rolling),
      `${(naiveRoll / rolling).toFixed(0)}×`,
      windows,
    ]);
  }
  printTable(
    "trends over 3 years: naive scan per period/window vs npskit (naive rolling extrapolated from 30 windows)",
    ["n", "naive monthly", "trend month", "ratio", "naive rolling", "rollingTrend", "ratio", "windows"],
    rows,
  );
}
