import { afterAll, describe, expect, it } from "vitest";
import { createRandom } from "../../src/internal/random.js";
import { run, tempDirectory } from "./helpers.js";

/*
 * Seeded random files and options: whatever the input, the command either works (exit 0) or says what
 * is wrong (exit 1 for the data, 2 for the options); it never fails with an unexpected exception, and
 * what it prints as JSON is well formed, with every NPS in −100..100 and every row accounted for.
 */
const temp = tempDirectory();
afterAll(() => temp.cleanup());

const random = createRandom(20261123);
const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random.nextDouble() * items.length)] as T;

const HEADERS = [
  "score",
  "NPS",
  "date",
  "answered_at",
  "id",
  "plan",
  "__proto__",
  "=cmd|' /C calc'!A0",
  "spend",
  "weight",
  "comment",
  "Ünïcödé",
  "",
];
const CELLS = [
  "",
  "NA",
  "0",
  "6",
  "7",
  "8",
  "9",
  "10",
  "11",
  "-1",
  "9.0",
  "9.5",
  "1e1",
  "abc",
  '"quoted, with comma"',
  '"line\nbreak"',
  "2026-03-01",
  "2026-03-01T10:00:00Z",
  "2026-13-45",
  "3/4/26 10:00",
  "31/12/2025",
  "=1+1",
  "@SUM(A1)",
  "constructor",
  "toString",
  "0.5",
  "1000000",
  "-0",
  " 10 ",
];

function randomCsv(): { text: string; columns: string[] } {
  const width = 1 + Math.floor(random.nextDouble() * 6);
  const columns = Array.from({ length: width }, () => pick(HEADERS));
  const rows = Math.floor(random.nextDouble() * 40);
  const lines = [columns.map((name) => (/[",\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name)).join(",")];
  for (let r = 0; r < rows; r++) {
    lines.push(Array.from({ length: width }, () => pick(CELLS)).join(","));
  }
  return { text: `${lines.join(random.nextDouble() < 0.2 ? "\r\n" : "\n")}\n`, columns };
}

function randomOptions(columns: ReadonlyArray<string>): string[] {
  const options: string[] = [];
  const maybe = (p: number, ...args: string[]): void => {
    if (random.nextDouble() < p) options.push(...args);
  };
  maybe(0.2, "--score", pick(columns));
  maybe(0.2, "--by", pick(columns));
  maybe(0.1, "--by", pick(columns));
  maybe(0.15, "--tiers", pick(columns));
  maybe(0.2, "--period", pick(["month", "quarter", "week", "year", "day", "fortnight"]));
  maybe(0.1, "--rolling", pick(["30", "90", "0", "x"]));
  maybe(0.1, "--respondents", pick(["latest", "all", "some"]));
  maybe(0.1, "--weight", pick(columns));
  maybe(0.1, "--level", pick(["0.9", "95", "1", "0"]));
  maybe(0.1, "--method", pick(["wald", "score", "bayes", "bootstrap", "exact"]));
  maybe(0.1, "--time-zone", pick(["Europe/Paris", "Mars/Olympus"]));
  maybe(0.1, "--date-format", pick(["d/M/yyyy", "M/d/yy H:mm", "nonsense"]));
  options.push("--format", "json");
  return options;
}

/** Every NPS-like figure in a report JSON document (keys nps, lower, upper of intervals). */
function npsFigures(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) {
    for (const item of value) npsFigures(item, out);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "nps" && typeof item === "number") out.push(item);
      else npsFigures(item, out);
    }
  }
  return out;
}

describe("npskit on random files and options", () => {
  it("report: exit 0, 1 or 2, never an exception; JSON well formed, NPS in range, rows accounted for", async () => {
    const codes = new Map<number, number>();
    for (let i = 0; i < 150; i++) {
      const { text, columns } = randomCsv();
      const path = temp.file(`fuzz-${i}.csv`, text);
      const args = ["report", path, ...randomOptions(columns)];
      const result = await run(args);
      codes.set(result.code, (codes.get(result.code) ?? 0) + 1);
      expect([0, 1, 2], `${args.join(" ")}\n${text}\n${result.stderr}`).toContain(result.code);
      if (result.code !== 0) {
        expect(result.stderr).toMatch(/^npskit: /m);
        continue;
      }
      const report = JSON.parse(result.stdout);
      const { read, accepted, skipped, rejected } = report.rows;
      expect(accepted + skipped + rejected).toBe(read);
      for (const figure of npsFigures(report)) {
        expect(figure).toBeGreaterThanOrEqual(-100);
        expect(figure).toBeLessThanOrEqual(100);
      }
    }
    // The cases cover success and both kinds of failure.
    expect(codes.get(0) ?? 0).toBeGreaterThan(10);
    expect(codes.get(1) ?? 0).toBeGreaterThan(10);
    expect(codes.get(2) ?? 0).toBeGreaterThan(5);
  }, 30_000);

  it("migration and follow-up: exit 0, 1 or 2, never an exception", async () => {
    for (let i = 0; i < 60; i++) {
      const first = randomCsv();
      const second = randomCsv();
      const a = temp.file(`wave-a-${i}.csv`, first.text);
      const b = temp.file(`wave-b-${i}.csv`, second.text);
      const migration = await run(["migration", a, b, "--format", "json"]);
      expect([0, 1, 2], `migration ${first.text}\n${second.text}\n${migration.stderr}`).toContain(migration.code);
      const followUp = await run(["follow-up", a, "--format", "json"]);
      expect([0, 1, 2], `follow-up ${first.text}\n${followUp.stderr}`).toContain(followUp.code);
    }
  }, 30_000);
});
