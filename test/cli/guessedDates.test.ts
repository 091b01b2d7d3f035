import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

describe("a guessed date column with a few unreadable values", () => {
  it("is used; the rows whose date does not read count undated, named by line (rejected with --strict)", async () => {
    const file = temp.file("d.csv", "score,date\n9,2025-01-01\n3,2025-01-02\n5,2025-01-03\n7,oops\n");
    const result = await run(["report", file, "--format", "json", "--max-rejected", "100"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('date: column "date" (guessed from its name)');
    expect(result.stderr).toContain("1 row with a date that does not parse: left out of trends");
    expect(result.stderr).toMatch(/row 5: date must be .*received "oops"/);
    const report = JSON.parse(result.stdout);
    expect(report.rows).toEqual({ read: 4, accepted: 4, skipped: 0, rejected: 0 });
    expect(report.period).toEqual({ first: "2025-01-01T00:00:00.000Z", last: "2025-01-03T00:00:00.000Z", dated: 3 });
    const strict = await run(["report", file, "--format", "json", "--strict", "--max-rejected", "100"]);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).rows).toEqual({ read: 4, accepted: 3, skipped: 0, rejected: 1 });
    expect(JSON.parse(strict.stdout).firstRejected).toEqual([
      expect.objectContaining({ row: 5, field: "date", message: expect.stringContaining('received "oops"') }),
    ]);
  });

  it("is left out when most values do not read, quoting values that do not", async () => {
    const file = temp.file("mostly.csv", "score,date\n9,2025-01-01\n3,soon\n5,later\n7,never\n");
    const result = await run(["report", file, "--format", "json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'column "date" looks like a date but its values (values such as "soon", "later", "never")',
    );
    expect(JSON.parse(result.stdout).rows.accepted).toBe(4);
  });

  it("takes the day-first pattern that reads the most values", async () => {
    const file = temp.file("dmy.csv", "score,date\n9,13/01/2025\n3,14/01/2025\n5,15/01/2025\n7,32/01/2025\n");
    const result = await run(["report", file, "--format", "json"]);
    expect(result.stderr).toContain('read with the pattern "d/M/yyyy"');
    expect(JSON.parse(result.stdout).rows).toEqual({ read: 4, accepted: 4, skipped: 0, rejected: 0 });
    expect(JSON.parse(result.stdout).period.dated).toBe(3);
  });
});
