import { afterAll, describe, expect, it } from "vitest";
import { nps, sampleResponses, tallyResponses } from "../../src/index.js";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

// Rows 2–8 of the file (row 1 is the header).
const rows = [
  { id: 1, score: "9", plan: "pro", country: "FR", spend: "120", date: "2024-01-05" },
  { id: 2, score: "3", plan: "team", country: "DE", spend: "50", date: "2024-01-09" },
  { id: 3, score: "10", plan: "free", country: "", spend: "10", date: "2024-02-01" },
  { id: 4, score: "7", plan: "pro", country: "US", spend: "NA", date: "2024-02-11" },
  { id: 5, score: "2", plan: "team", country: "FR", spend: "300", date: "2024-03-01" },
  { id: 6, score: "", plan: "pro", country: "DE", spend: "100", date: "2024-03-02" },
  { id: 7, score: "abc", plan: "pro", country: "DE", spend: "100", date: "2024-03-03" },
];
const header = "id,score,plan,country,spend,date";
const csv = temp.file(
  "plans.csv",
  `${header}\n${rows.map((r) => [r.id, r.score, r.plan, r.country, r.spend, r.date].join(",")).join("\n")}\n`,
);
const ndjson = temp.file(
  "plans.ndjson",
  `${rows
    .map((r) =>
      JSON.stringify({
        ...r,
        score: r.score === "" ? null : /^\d+$/.test(r.score) ? Number(r.score) : r.score,
        spend: r.spend === "NA" ? null : Number(r.spend),
        country: r.country === "" ? null : r.country,
      }),
    )
    .join("\n")}\n`,
);

// biome-ignore lint/suspicious/noExplicitAny: the parsed JSON document is explored freely in assertions
async function json(args: ReadonlyArray<string>): Promise<Record<string, any>> {
  const result = await run(["report", ...args, "--score", "score", "--format", "json", "--max-rejected", "100"]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** The NPS of the valid scores of the rows a predicate keeps, computed here from the table above. */
function expectedNps(keep: (row: (typeof rows)[number]) => boolean): number {
  const scores = rows.filter(keep).flatMap((row) => (/^\d+$/.test(row.score) ? [{ score: Number(row.score) }] : []));
  return nps(tallyResponses(scores)) as number;
}

describe("npskit report --where", () => {
  const cases: Array<[ReadonlyArray<string>, (row: (typeof rows)[number]) => boolean, number]> = [
    [["--where", "plan=pro"], (r) => r.plan === "pro", 3],
    [["--where", "country!=FR"], (r) => r.country !== "FR", 2],
    [["--where", "plan in pro,team"], (r) => r.plan === "pro" || r.plan === "team", 1],
    [["--where", "spend>=100"], (r) => r.spend !== "NA" && Number(r.spend) >= 100, 3],
    [["--where", "spend < 100"], (r) => r.spend !== "NA" && Number(r.spend) < 100, 5],
    [["--where", "spend>=100", "--where", "plan in pro,team"], (r) => r.spend !== "NA" && Number(r.spend) >= 100, 3],
    [["--where", "country="], (r) => r.country === "", 6],
  ];

  it.each(cases)("%j keeps the matching rows and counts the others", async (args, keep, filtered) => {
    expect(rows.filter((row) => !keep(row)).length).toBe(filtered);
    for (const file of [csv, ndjson]) {
      const report = await json([file, ...args]);
      expect(report.rows.filtered).toBe(filtered);
      const { read, accepted, skipped, rejected } = report.rows;
      expect(read).toBe(rows.length);
      expect(accepted + skipped + rejected + filtered).toBe(read);
      expect(report.nps).toBeCloseTo(expectedNps(keep), 10);
      expect(report.input.where).toEqual(args.filter((_, i) => i % 2 === 1));
    }
  });

  it("filters the same on the columnar path and the response path (--tiers, --respondents latest)", async () => {
    const args = ["--where", "plan in pro,team", "--where", "spend>=100"];
    const columnar = await json([csv, ...args, "--by", "plan", "--period", "month"]);
    const latest = await json([csv, ...args, "--by", "plan", "--period", "month", "--respondents", "latest"]);
    expect(latest.rows).toEqual(columnar.rows);
    expect(latest.segments).toEqual(columnar.segments);
    const tiers = await json([csv, ...args, "--tiers", "spend:2"]);
    expect(tiers.rows).toEqual(columnar.rows);
    expect(tiers.nps).toBe(columnar.nps);
  });

  it("keeps the row numbers of the rows it keeps", async () => {
    const report = await json([csv, "--where", "plan=pro"]);
    expect(report.firstSkipped).toEqual([{ row: 7, reason: expect.any(String) }]);
    expect(report.firstRejected).toEqual([expect.objectContaining({ row: 8 })]);
  });

  it("shows the rows left out in the text report", async () => {
    const result = await run(["report", csv, "--score", "score", "--where", "plan=pro", "--max-rejected", "100"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Rows         7 read, 2 accepted, 1 skipped, 1 rejected\n");
    expect(result.stdout).toContain("             3 rows left out by the filters (not checked)\n");
  });

  it("counts the rows left out in the CSV overview, so that its row columns add up", async () => {
    const result = await run([
      "report",
      csv,
      "--score",
      "score",
      "--where",
      "plan=pro",
      "--format",
      "csv",
      "--max-rejected",
      "100",
    ]);
    expect(result.code).toBe(0);
    const [header, row] = result.stdout.split("\r\n").map((line) => line.split(","));
    const cell = (name: string) => Number(row?.[header?.indexOf(name) ?? -1]);
    const left = rows.filter((r) => r.plan !== "pro").length;
    expect(cell("rows_filtered")).toBe(left);
    expect(cell("rows_read")).toBe(rows.length);
    expect(cell("rows_accepted") + cell("rows_skipped") + cell("rows_rejected") + cell("rows_filtered")).toBe(
      cell("rows_read"),
    );
    const unfiltered = await run(["report", csv, "--score", "score", "--format", "csv", "--max-rejected", "100"]);
    const [plainHeader, plainRow] = unfiltered.stdout.split("\r\n").map((line) => line.split(","));
    expect(plainRow?.[plainHeader?.indexOf("rows_filtered") ?? -1]).toBe("0");
  });

  it("has no filtered count without --where", async () => {
    const report = await json([csv]);
    expect(report.rows).not.toHaveProperty("filtered");
    expect(report.input).not.toHaveProperty("where");
  });

  it("filters the built-in sample by its attributes", async () => {
    const result = await run(["report", "--where", "plan=team", "--format", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const team = sampleResponses().filter((response) => response.attributes?.plan === "team");
    expect(report.rows.accepted).toBe(team.length);
    expect(report.rows.filtered).toBe(2000 - team.length);
    expect(report.nps).toBeCloseTo(nps(tallyResponses(team)) as number, 10);
  });

  it("a numeric comparison on text names the value and the row", async () => {
    const file = temp.file("text.csv", "score,spend\n9,10\n8,lots\n");
    const result = await run(["report", file, "--where", "spend>5"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('where "spend>5": row 3: "spend" is "lots", not a number');
  });

  it("an unknown column is an error with suggestions", async () => {
    const result = await run(["report", csv, "--where", "PLAN=pro"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--where "PLAN=pro": no column named "PLAN" (did you mean "plan"?)');
    const sample = await run(["report", "--where", "contry=FR"]);
    expect(sample.code).toBe(1);
    expect(sample.stderr).toContain('no attribute named "contry" in the built-in sample (did you mean "country"?)');
  });

  it("a filter it cannot read is a usage error", async () => {
    const result = await run(["report", csv, "--where", "spend>=lots"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('where "spend>=lots": >= compares numbers, received "lots"');
  });

  it("says so when no row is left", async () => {
    const result = await run(["report", csv, "--score", "score", "--where", "plan=none"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("(7 rows: 0 skipped, 0 rejected, 7 left out by --where)");
  });

  it("when the filters leave no row, names them instead of doubting the guessed score column", async () => {
    const result = await run(["report", csv, "--where", "plan=Pro", "--where", "spend>=100"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('score: column "score" (guessed');
    expect(result.stderr).toContain('no row matches --where "plan=Pro" --where "spend>=100"');
    expect(result.stderr).not.toContain("the score column was guessed");
  });

  it("is refused with --tallies", async () => {
    const tallies = temp.file("tallies.csv", "nps_promoters,nps_passives,nps_detractors\n1,1,1\n");
    const result = await run(["report", "--tallies", tallies, "--where", "plan=pro"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("with --tallies, filter in the query");
  });
});
