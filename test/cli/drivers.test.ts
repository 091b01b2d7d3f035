import { afterAll, describe, expect, it } from "vitest";
import { RAW_CONTROL } from "../helpers/terminal.js";
import { run, tempDirectory } from "./helpers.js";

const files = tempDirectory();
afterAll(() => files.cleanup());

describe("npskit drivers", () => {
  const labels = ["Strongly Disagree", "Disagree", "Agree", "Strongly Agree"];
  const lines = ["score,satisfaction,item"];
  for (let i = 0; i < 40; i++) {
    const score = i % 11;
    lines.push(
      `${score},${Math.min(10, Math.max(0, score + ((i * 7) % 3) - 1))},${labels[Math.min(3, Math.floor(score / 3))]}`,
    );
  }
  lines.push("9,NA,Agree", "4,5,Sometimes");
  const data = files.file("drivers.csv", `${lines.join("\n")}\n`);

  it("prints R², importances that add up to it, and the NPS by answer", async () => {
    const result = await run([
      "drivers",
      data,
      "--drivers",
      "satisfaction,item",
      "--levels",
      labels.join(","),
      "--resamples",
      "200",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/R² of the 0-10 score on all drivers: 0\.\d{3} \(40 respondents, listwise/);
    expect(result.stdout).toContain("NPS by answer: item");
    expect(result.stderr).toContain(
      'npskit: item: 1 value is not on the levels and was left out: row 43 ("Sometimes")',
    );
    const json = JSON.parse(
      (
        await run([
          "drivers",
          data,
          "--drivers",
          "satisfaction,item",
          "--levels",
          `item=${labels.join(",")}`,
          "-f",
          "json",
          "--resamples",
          "0",
        ])
      ).stdout,
    );
    expect(json.kind).toBe("drivers");
    expect(json.missing).toBe("listwise");
    const sum = json.drivers.reduce((total: number, driver: { importance: number }) => total + driver.importance, 0);
    expect(Math.abs(sum - json.rSquared)).toBeLessThan(1e-12);
    expect(json.drivers[1].levels.map((level: { label: string }) => level.label)).toEqual(labels);
  });

  it("writes CSV and Markdown, and pairwise when asked", async () => {
    const args = ["drivers", data, "--drivers", "satisfaction,item", "--levels", labels.join(","), "--resamples", "0"];
    expect((await run([...args, "-f", "csv"])).stdout.split("\r\n")[0]).toBe(
      "driver,spearman,importance,importance_lower,importance_upper,answer,answer_value,n,nps,nps_lower,nps_upper",
    );
    expect((await run([...args, "-f", "markdown"])).stdout).toContain("| Driver | n | Missing |");
    const pairwise = JSON.parse((await run([...args, "-f", "json", "--missing", "pairwise"])).stdout);
    expect(pairwise.missing).toBe("pairwise");
    expect(pairwise.drivers[0].n).toBe(41);
  });

  it("--levels <column>= with a column near a driver's name is an error, not a first label", async () => {
    // "Item=Strongly Disagree,…" would otherwise make "Item=Strongly Disagree" a label that no answer has.
    for (const command of ["drivers", "report"]) {
      const result = await run([
        command,
        data,
        "--drivers",
        "satisfaction,item",
        "--levels",
        `Item=${labels.join(",")}`,
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('"Item" is not one of the --drivers (did you mean "item"?)');
    }
    // A label that holds "=" is still a label when nothing before it looks like a driver.
    const coded = files.file("coded.csv", "score,grade\n9,3=good\n2,1=bad\n7,2=fair\n10,3=good\n");
    const result = await run([
      "drivers",
      coded,
      "--drivers",
      "grade",
      "--levels",
      "1=bad,2=fair,3=good",
      "--resamples",
      "0",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("3=good");
  });

  it("needs --drivers (exit 2)", async () => {
    const result = await run(["drivers", data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("drivers needs the driver columns");
  });
});

describe("notes quoting the data", () => {
  it("write control characters of column names and values as escapes, on every command", async () => {
    // A C1 control-sequence introducer in a column name, and a right-to-left override in a value:
    // a terminal would obey both if they were written raw.
    const name = "q\u009b1";
    const data = files.file("controls.csv", `score,${name}\n9,5\n10,x\u202e\n3,4\n`);
    for (const args of [
      ["drivers", data, "--score", "score", "--drivers", name],
      ["report", data, "--score", "score", "--drivers", name],
    ]) {
      const result = await run(args);
      expect(result.code).toBe(0);
      expect(result.stderr).not.toMatch(RAW_CONTROL);
      expect(result.stderr).toContain(
        'q\\u009b1: 1 value is not a number (pass --levels for labels) and was left out: row 3 ("x\\u202e")',
      );
    }
  });
});
