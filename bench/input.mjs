// Reading raw rows (strings, as a CSV parser gives them) into responses: parseResponses, which
// validates every field and says where each problem is, against two naive loops that check nothing:
// one that only converts (Number() and Date.parse per row), one that also builds the response objects.
import os from "node:os";
import { parseResponses } from "../dist/index.js";
import { lcg } from "./data.mjs";
import { formatMs, interleavedMedianMs, printTable } from "./measure.mjs";

const START = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;

/** n raw rows: score, ISO timestamp (three years, repeated strings rare), respondent, segment. */
function makeRows(n) {
  const random = lcg(11);
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const time = START + Math.floor(random() * 3 * 365 * DAY);
    rows[i] = {
      respondent: `r${Math.floor(random() * (n / 3))}`,
      score: String(Math.floor(random() * 11)),
      answered_at: new Date(time).toISOString(),
      day: new Date(time).toISOString().slice(0, 10).split("-").reverse().join("/"),
      segment: `s${Math.floor(random() * 50)}`,
    };
  }
  return rows;
}

/** The leanest reading: Number() and Date.parse per row, nothing built, nothing checked. */
function convertOnly(rows, withDates) {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    sum += Number(row.score);
    if (withDates) sum += Date.parse(row.answered_at);
  }
  return sum;
}

/** The naive reading: numbers and dates converted, objects built, nothing checked, nothing reported. */
function naive(rows, withDates) {
  const responses = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const response = { score: Number(row.score) };
    if (withDates) {
      response.date = new Date(row.answered_at);
      response.respondentId = row.respondent;
      response.attributes = { segment: row.segment };
    }
    responses[i] = response;
  }
  return responses;
}

const CASES = [
  { label: "score", withDates: false, options: { fields: { score: "score" } } },
  {
    label: "score, ISO date, id, attribute",
    withDates: true,
    options: {
      fields: { score: "score", date: "answered_at", respondentId: "respondent", attributes: ["segment"] },
    },
  },
  {
    label: "same, ISO date in Europe/Paris",
    withDates: true,
    options: {
      fields: { score: "score", date: "answered_at", respondentId: "respondent", attributes: ["segment"] },
      timeZone: "Europe/Paris",
    },
  },
  {
    label: 'same, dates "dd/MM/yyyy" (date-fns)',
    withDates: true,
    options: {
      fields: { score: "score", date: "day", respondentId: "respondent", attributes: ["segment"] },
      dateFormat: "dd/MM/yyyy",
    },
  },
];

export function run({ n = 200_000 } = {}) {
  const rows = makeRows(n);
  const ratios = new Map();
  const table = CASES.map(({ label, withDates, options }) => {
    const result = parseResponses(rows, options);
    if (result.counts.accepted !== n) throw new Error(`${label}: ${result.counts.accepted} of ${n} rows accepted`);
    const [lean, baseline, ours] = interleavedMedianMs(
      [() => convertOnly(rows, withDates), () => naive(rows, withDates), () => parseResponses(rows, options)],
      { runs: 11, warmup: 2 },
    );
    ratios.set(label, ours / lean);
    return [
      label,
      formatMs(lean),
      formatMs(baseline),
      formatMs(ours),
      `${((ours * 1000) / n).toFixed(2)} µs`,
      `${(ours / lean).toFixed(1)}×`,
      `${(ours / baseline).toFixed(1)}×`,
    ];
  });
  printTable(
    `parseResponses on ${n.toLocaleString("en")} raw rows in memory (strings) against naive loops that check nothing\n` +
      "(convert = Number() and Date.parse per row only; objects = the same plus a response object per row;\n" +
      `the three run in turn, medians of 11; load average ${os.loadavg()[0].toFixed(1)})`,
    ["fields", "convert", "objects", "parseResponses", "per row", "/ convert", "/ objects"],
    table,
  );
  const goal = ratios.get(CASES[1].label);
  console.log(
    `\nGoal: parseResponses ≤ 3× the convert loop for "${CASES[1].label}": ${goal.toFixed(1)}×, ${goal <= 3 ? "met" : "NOT MET"}`,
  );
}
