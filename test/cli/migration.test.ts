import { afterAll, describe, expect, it } from "vitest";
import { MIGRATION_OPTIONS } from "../../src/cli/migration.js";
import { run, tempDirectory } from "./helpers.js";

const files = tempDirectory();
afterAll(() => files.cleanup());

describe("npskit migration", () => {
  const before = files.file("before.csv", "customer,score\nA,8\nB,3\nC,10\nD,7\nE,9\n");
  const after = files.file("after.csv", "customer,score\nA,9\nB,7\nC,10\nD,9\nF,6\n");

  it("matches the two waves by respondent id and prints the table and the paired change", async () => {
    const result = await run(["migration", before, after, "--respondent", "customer", "--score", "score"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Matched respondents  4 (only in the first wave: 1, only in the second: 1)");
    expect(result.stdout).toMatch(/passive\s+0 \(0%\)\s+0 \(0%\)\s+2 \(100%\)\s+2/);
    expect(result.stdout).toContain("NPS of the matched panel  first wave 0.0, second wave 75.0");
    expect(result.stdout).toContain("Paired change  +75.0 points, 95% CI +32.6 to +117.4 (SE 21.7, p < 0.001)");
  });

  it("prints JSON", async () => {
    const result = await run(["migration", before, after, "--respondent", "customer", "-f", "json", "--level", "90"]);
    const document = JSON.parse(result.stdout);
    expect(document.waves).toEqual({ before, after });
    expect(document.matched).toBe(4);
    expect(document.change.level).toBe(0.9);
    expect(document.table.detractors).toEqual({ promoters: 0, passives: 1, detractors: 0 });
  });

  it("uses the built-in sample's first year against its second with no files", async () => {
    const result = await run(["migration"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("first 12 months against its last 12 months");
    expect(result.stdout).toContain("Migration from sample 2024-12 to 2025-11 to sample 2025-12 to 2026-11");
    expect(result.stdout).toContain("Paired change");
  });

  it.each([
    [["migration", "a.csv"], "migration takes two files (the first wave, then the second), received 1"],
    [["migration", "-", "-"], "only one of the two files can be standard input (-)"],
    [["migration", "--respondent", "id"], "--respondent need files to read; no file was given"],
    [["migration", "--level", "2"], "--level must be a number between 0 and 1"],
  ])("exits 2 for %j", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("--help lists every option", async () => {
    const result = await run(["migration", "--help"]);
    expect(result.code).toBe(0);
    for (const name of Object.keys(MIGRATION_OPTIONS)) expect(result.stdout).toContain(`--${name}`);
  });
});
