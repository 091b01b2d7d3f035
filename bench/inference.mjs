// Interval methods: time per call at several n, each method as a ratio of the Wald interval (a few
// arithmetic operations, the floor), and the count-based bootstrap against resampling responses.
import { confidenceInterval } from "../dist/index.js";
import { lcg } from "./data.mjs";
import { formatMs, medianMs, printTable } from "./measure.mjs";

const METHODS = ["wald", "adjusted-wald", "score", "bayes", "bootstrap"];

/** Time of one call in ms, from a loop long enough to measure. */
function perCall(fn, calls) {
  return (
    medianMs(
      () => {
        for (let i = 0; i < calls; i++) fn();
      },
      { runs: 5, warmup: 1 },
    ) / calls
  );
}

/** The naive bootstrap: resample n individual responses B times (O(n·B)). */
function naiveBootstrap(scores, resamples, level) {
  const random = lcg(3);
  const n = scores.length;
  const values = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const s = scores[Math.floor(random() * n)];
      sum += s >= 9 ? 1 : s <= 6 ? -1 : 0;
    }
    values[b] = (100 * sum) / n;
  }
  values.sort();
  const alpha = (1 - level) / 2;
  return { lower: values[Math.ceil(resamples * alpha) - 1], upper: values[Math.ceil(resamples * (1 - alpha)) - 1] };
}

/**
 * Prints the median and 90th percentile of a sweep's brief timings, and its slowest case: the ten
 * slowest are timed again with a longer loop (a short loop can be slowed by a garbage collection or
 * another process).
 */
function printSweep(title, entries) {
  const times = entries.map((entry) => entry.time).sort((a, b) => a - b);
  const [slowest] = [...entries]
    .sort((a, b) => b.time - a.time)
    .slice(0, 10)
    .map((entry) => ({ ...entry, time: perCall(() => confidenceInterval(entry.tally, entry.options), 1000) }))
    .sort((a, b) => b.time - a.time);
  const count = (v) => (Number.isInteger(v) ? v : v.toFixed(2));
  const { tally, options } = slowest;
  printTable(
    title,
    ["median", "90th percentile", "slowest (retimed)", "slowest case"],
    [
      [
        formatMs(times[Math.floor(times.length / 2)]),
        formatMs(times[Math.floor(times.length * 0.9)]),
        formatMs(slowest.time),
        `${[tally.promoters, tally.passives, tally.detractors].map(count).join("/")} ${options.prior} ${options.level}`,
      ],
    ],
  );
}

export function run() {
  const rows = [];
  for (const n of [100, 10_000, 10_000_000]) {
    const counts = { promoters: Math.round(n * 0.45), passives: Math.round(n * 0.3), detractors: 0 };
    const tally = { ...counts, detractors: n - counts.promoters - counts.passives };
    const times = METHODS.map((method) =>
      perCall(() => confidenceInterval(tally, { method }), method === "bootstrap" ? 3 : 2000),
    );
    rows.push([n.toExponential(0), ...times.map((t) => `${formatMs(t)} (${(t / times[0]).toFixed(0)}×)`)]);
  }
  printTable(
    "confidenceInterval: time per call (ratio to Wald); bootstrap with 10,000 resamples",
    ["n", ...METHODS],
    rows,
  );

  const smallRows = [];
  for (const [promoters, passives, detractors] of [
    [1, 0, 0],
    [1, 1, 0],
    [2, 0, 1],
    [5, 3, 2],
    [0, 10, 0],
    [0, 297, 3],
    [2.5, 7.3, 0.2],
    [1_000_000, 0, 0],
    [0, 1_000_000, 6],
    [0, 32_003, 0.86],
    [45_000_000, 30_000_000, 25_000_000],
    [11_179_778, 13_847_788, 1],
  ]) {
    const tally = { promoters, passives, detractors };
    const cells = [0.95, 0.5].flatMap((level) =>
      ["jeffreys", "uniform"].map((prior) =>
        formatMs(perCall(() => confidenceInterval(tally, { method: "bayes", prior, level }), 500)),
      ),
    );
    smallRows.push([`${promoters}/${passives}/${detractors}`, ...cells]);
  }
  printTable(
    "bayes on small, one-sided, passive-heavy and huge samples: time per call",
    ["counts P/O/D", "jeffreys 0.95", "uniform 0.95", "jeffreys 0.5", "uniform 0.5"],
    smallRows,
  );

  // Every sample of up to 12 responses, both priors, three levels: the slowest are the interval's worst
  // case among small samples.
  const sweep = [];
  for (let n = 0; n <= 12; n++) {
    for (let promoters = 0; promoters <= n; promoters++) {
      for (let detractors = 0; detractors <= n - promoters; detractors++) {
        for (const prior of ["jeffreys", "uniform"]) {
          for (const level of [0.8, 0.95, 0.999]) {
            const tally = { promoters, passives: n - promoters - detractors, detractors };
            const options = { method: "bayes", prior, level };
            sweep.push({ tally, options, time: perCall(() => confidenceInterval(tally, options), 40) });
          }
        }
      }
    }
  }
  printSweep(
    `bayes on every sample of 0 to 12 responses (${sweep.length} cases: 455 counts, 2 priors, 3 levels)`,
    sweep,
  );

  // Seeded random samples of every kind (one-sided, passive-heavy, tiny, weighted, large), at levels
  // from 10⁻⁴ to 0.999999. Two large categories beside a small one are the slowest: the incomplete beta
  // of the two large shapes is needed near its mean.
  const random = lcg(2026);
  const small = () => {
    const r = random();
    return r < 0.3 ? 0 : r < 0.6 ? Math.floor(random() * 6) : random() * 6;
  };
  const big = () => Math.floor(Math.exp(random() * Math.log(1e8)));
  const draws = [];
  for (let i = 0; i < 1000; i++) {
    const kind = random();
    const tally =
      kind < 0.25
        ? { promoters: small(), passives: big(), detractors: small() }
        : kind < 0.45
          ? { promoters: big(), passives: small(), detractors: small() }
          : kind < 0.6
            ? { promoters: small(), passives: small(), detractors: big() }
            : kind < 0.8
              ? { promoters: small(), passives: small(), detractors: small() }
              : kind < 0.9
                ? { promoters: big(), passives: big(), detractors: big() }
                : { promoters: big(), passives: big(), detractors: small() };
    const level = [1e-4, 0.2, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999, 0.999999][Math.floor(random() * 10)];
    const options = { method: "bayes", level, prior: random() < 0.5 ? "jeffreys" : "uniform" };
    draws.push({ tally, options, time: perCall(() => confidenceInterval(tally, options), 20) });
  }
  printSweep("bayes on 1,000 seeded random samples of every kind, levels 10⁻⁴–0.999999", draws);

  const bootRows = [];
  for (const n of [100, 1000, 10_000]) {
    const scores = Array.from({ length: n }, (_, i) => (i * 7) % 11);
    const tally = {
      promoters: scores.filter((s) => s >= 9).length,
      passives: scores.filter((s) => s === 7 || s === 8).length,
      detractors: scores.filter((s) => s <= 6).length,
    };
    const naive = medianMs(() => naiveBootstrap(scores, 10_000, 0.95), { runs: 3, warmup: 1 });
    const ours = medianMs(() => confidenceInterval(tally, { method: "bootstrap" }), { runs: 5, warmup: 1 });
    bootRows.push([n, formatMs(naive), formatMs(ours), `${(naive / ours).toFixed(0)}×`]);
  }
  printTable(
    "bootstrap, 10,000 resamples: resampling responses (naive) vs resampling counts (npskit)",
    ["n", "naive", "npskit", "ratio"],
    bootRows,
  );
}
