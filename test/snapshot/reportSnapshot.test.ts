/**
 * Every number of the JSON report must stay the same across refactorings and renames.
 *
 * The fixture `fixtures/reports.json` was written by this test (with `NPSKIT_WRITE_SNAPSHOT=1`) from
 * npskit 0.1.0 (commit 6f00d7d), before the engine was rebuilt on keyed tallies. The test compares the numbers of each
 * report, not its field names: every numeric leaf of the current JSON, sorted, against those of the
 * snapshot, sorted. Unweighted reports must be identical to the last digit. Weighted sums may be added
 * in another order (merging partial tallies), so weighted reports agree within 1e-9 (relative), and
 * the Bayesian interval, which is computed by an iterative method, within 1e-6 points. The score
 * (Tango) interval's bounds were made exact to 1e-13 near ±100 afterwards (a cancellation-free form);
 * its case allows 1e-11 points, and moved by at most 5.7e-12.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "../cli/helpers.js";

const FIXTURE = join(import.meta.dirname, "fixtures", "reports.json");
const WRITE = process.env.NPSKIT_WRITE_SNAPSHOT === "1";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

/** A small seeded generator (mulberry32), so the generated files are the same on every machine. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generated export: ids, scores leaning on the plan, ISO dates with an offset spread over 2025 and
 * the start of 2026 (both summer-time changes in Europe/Paris, several answers an hour from midnight),
 * a plan and a country, and a survey weight.
 */
function generatedCsv(rows: number, seed: number, weighted = true): string {
  const random = generator(seed);
  const plans = ["free", "team", "business", "enterprise"];
  const countries = ["FR", "DE", "US", "NL", "NA"];
  const lines = [weighted ? "id,score,answered_at,plan,country,weight" : "id,score,answered_at,plan,country"];
  const start = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2026, 2, 31) - start;
  for (let i = 0; i < rows; i++) {
    const plan = Math.floor(random() * plans.length);
    const lean = plan * 0.6;
    const score = Math.max(0, Math.min(10, Math.round(random() * 10 + lean - 1)));
    let time = start + Math.floor(random() * span);
    if (i % 17 === 0) time = time - (time % 86_400_000) + 22.5 * 3_600_000; // 23:30 in Paris in winter
    const date = new Date(time).toISOString();
    const weight = (0.25 + random() * 3).toFixed(3);
    const id = `R${Math.floor(random() * rows * 0.6)}`;
    lines.push(
      [id, score, date, plans[plan], countries[Math.floor(random() * countries.length)], random() < 0.01 ? "" : weight]
        .slice(0, weighted ? 6 : 5)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

interface Case {
  readonly name: string;
  /** Arguments after `report`; `{file}` is the generated file (its weight column is guessed), `{plain}` the same without weights. */
  readonly args: ReadonlyArray<string>;
  readonly tolerance: "exact" | "weighted" | "score" | "bayes";
}

const CASES: ReadonlyArray<Case> = [
  { name: "sample overview", args: [], tolerance: "exact" },
  { name: "sample by plan, quarterly", args: ["--by", "plan", "--period", "quarter"], tolerance: "exact" },
  { name: "sample plan × country", args: ["--by", "plan", "--by", "country"], tolerance: "exact" },
  {
    name: "sample rolling 90 days by channel, monthly steps",
    args: ["--by", "channel", "--rolling", "90", "--step", "month"],
    tolerance: "exact",
  },
  { name: "sample spend tiers", args: ["--tiers", "spend:4"], tolerance: "exact" },
  {
    name: "sample latest answer per respondent, monthly",
    args: ["--period", "month", "--respondents", "latest"],
    tolerance: "exact",
  },
  {
    name: "generated (weight guessed) weekly in Paris by plan",
    args: ["{file}", "--by", "plan", "--period", "week", "--time-zone", "Europe/Paris"],
    tolerance: "weighted",
  },
  {
    name: "generated (weight guessed) daily in New York, score interval at 90%",
    args: ["{file}", "--period", "day", "--time-zone", "America/New_York", "--method", "score", "--level", "90"],
    tolerance: "weighted",
  },
  {
    name: "generated (weight guessed) rolling 60 days by plan in Paris",
    args: ["{file}", "--by", "plan", "--rolling", "60", "--time-zone", "Europe/Paris"],
    tolerance: "weighted",
  },
  {
    name: "generated unweighted weekly in Paris by plan",
    args: ["{plain}", "--by", "plan", "--period", "week", "--time-zone", "Europe/Paris"],
    tolerance: "exact",
  },
  {
    name: "generated unweighted daily in New York, score interval at 90%",
    args: ["{plain}", "--period", "day", "--time-zone", "America/New_York", "--method", "score", "--level", "90"],
    tolerance: "score",
  },
  {
    name: "generated unweighted rolling 60 days by plan in Paris",
    args: ["{plain}", "--by", "plan", "--rolling", "60", "--time-zone", "Europe/Paris"],
    tolerance: "exact",
  },
  {
    name: "generated weighted, monthly by plan in Paris",
    args: ["{file}", "--weight", "weight", "--by", "plan", "--period", "month", "--time-zone", "Europe/Paris"],
    tolerance: "weighted",
  },
  {
    name: "generated weighted, rolling 30 days with weekly steps in Paris",
    args: ["{file}", "--weight", "weight", "--rolling", "30", "--step", "week", "--time-zone", "Europe/Paris"],
    tolerance: "weighted",
  },
  {
    name: "generated weighted, plan × country",
    args: ["{file}", "--weight", "weight", "--by", "plan", "--by", "country"],
    tolerance: "weighted",
  },
  {
    name: "generated Bayesian interval, quarterly by country",
    args: ["{file}", "--by", "country", "--period", "quarter", "--method", "bayes"],
    tolerance: "bayes",
  },
];

/**
 * Fields added after the snapshot that repeat no figure of the old report: the overall trend printed
 * beside per-segment trends (its numbers are checked against the report without `--by` below) and
 * the trends' `minResponses` setting.
 */
const ADDED_FIELDS = new Set(["overallTrend", "minResponses"]);

/** Every number in a JSON value, depth first, without the added fields of a trend or of the report. */
function numbers(value: unknown, out: number[] = [], top = true): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) for (const item of value) numbers(item, out, false);
  else if (value !== null && typeof value === "object") {
    const isTrend = typeof (value as { kind?: unknown }).kind === "string" && "points" in value;
    for (const [key, item] of Object.entries(value)) {
      if (ADDED_FIELDS.has(key) && (isTrend || (top && key === "overallTrend"))) continue;
      numbers(item, out, false);
    }
  }
  return out;
}

async function reportNumbers(args: ReadonlyArray<string>, file: string, plain: string): Promise<number[]> {
  const result = await run([
    "report",
    ...args.map((arg) => (arg === "{file}" ? file : arg === "{plain}" ? plain : arg)),
    "--format",
    "json",
  ]);
  expect(
    result.stderr
      .split("\n")
      .filter((line) => line.includes("Error"))
      .join("\n"),
  ).toBe("");
  expect(result.code).toBe(0);
  return numbers(JSON.parse(result.stdout)).sort((a, b) => a - b);
}

describe("the JSON report keeps every number", () => {
  const file = temp.file("generated.csv", generatedCsv(6000, 20261204));
  const plain = temp.file("unweighted.csv", generatedCsv(6000, 20261204, false));
  const snapshot: Record<string, number[]> =
    !WRITE && existsSync(FIXTURE) ? JSON.parse(readFileSync(FIXTURE, "utf8")) : {};
  const written: Record<string, number[]> = {};
  afterAll(() => {
    if (WRITE) writeFileSync(FIXTURE, `${JSON.stringify(written)}\n`);
  });

  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const current = await reportNumbers(testCase.args, file, plain);
      if (WRITE) {
        written[testCase.name] = current;
        return;
      }
      const expected = snapshot[testCase.name];
      expect(expected, "the snapshot has this case").toBeDefined();
      expect(current.length).toBe(expected?.length);
      const mismatches: string[] = [];
      current.forEach((value, i) => {
        const want = expected?.[i] as number;
        const ok =
          testCase.tolerance === "exact"
            ? Object.is(value, want)
            : testCase.tolerance === "weighted"
              ? Math.abs(value - want) <= 1e-9 * Math.max(1, Math.abs(want))
              : testCase.tolerance === "score"
                ? Math.abs(value - want) <= 1e-11
                : Math.abs(value - want) <= 1e-6;
        if (!ok) mismatches.push(`${i}: ${value} (snapshot ${want})`);
      });
      expect(mismatches.slice(0, 10)).toEqual([]);
    });
  }
});
