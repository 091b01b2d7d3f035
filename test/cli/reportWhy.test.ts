import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "./helpers.js";

const files = tempDirectory();
afterAll(() => files.cleanup());

// Row 2 of the file (line 3) has no score and is skipped; line 9 has a driver answer off the levels.
const lines = [
  "id,date,score,comment,service,agree",
  "1,2026-01-05,2,Long queue at the till,1,Disagree",
  "2,2026-01-06,NA,never mind,3,Agree",
  "3,2026-01-10,3,Queue again; call me on +33 6 12 34 56 78,2,Disagree",
  "4,2026-01-20,10,Friendly staff,5,Agree",
  "5,2026-02-02,9,Staff were helpful,4,Agree",
  "6,2026-02-03,8,,3,Neutral",
  "7,2026-02-10,6,=HYPERLINK(1) queue,2,Neutral",
  "8,2026-02-12,10,great,5,Maybe",
  "9,2026-03-01,7,ok,3,Neutral",
  "10,2026-03-02,9,staff,4,Agree",
];
const csv = files.file("survey.csv", `${lines.join("\n")}\n`);
const themeFile = files.file(
  "themes.json",
  JSON.stringify({
    themes: [
      { name: "Waiting", keywords: ["queue"] },
      { name: "Staff", keywords: ["staff"] },
    ],
  }),
);
const base = ["report", csv, "--score", "score", "--date", "date"];
const why = [...base, "--comment", "comment", "--themes", themeFile];
const drivers = ["--drivers", "service,agree", "--levels", "agree=Disagree,Neutral,Agree"];

describe("npskit report --comment and --drivers", () => {
  it("adds What customers say and What drives the score after the report, which is unchanged", async () => {
    const plain = await run(base);
    const result = await run([...why, ...drivers]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(plain.stdout)).toBe(true);
    const added = result.stdout.slice(plain.stdout.length);
    expect(added).toContain("What customers say");
    expect(added).toContain("9 responses, 8 with a comment (1 without)");
    expect(added).toMatch(/Waiting\s+3\s+37\.5%/);
    expect(added).toContain("[phone]");
    expect(added).not.toContain("12 34 56 78");
    expect(added).toContain("What drives the score");
    expect(added).toContain("NPS by answer: agree");
    // The off-level answer is named with its line in the file.
    expect(result.stderr).toContain('agree: 1 value is not on the levels and was left out: row 9 ("Maybe")');
  });

  it("with --period, shows each theme's share and impact by period", async () => {
    const result = await run([...why, "--period", "month"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Share of comments by month");
    expect(result.stdout).toMatch(/2026-01\s+3\s+66\.7%\s+33\.3%/);
    const table = await run([...why, "--period", "month", "-f", "csv", "--table", "themes-by-period"]);
    const rows = table.stdout.trimEnd().split("\r\n");
    expect(rows).toHaveLength(1 + 3 * 2);
    expect(rows[1]?.startsWith("2026-01,")).toBe(true);
  });

  it("writes the sections in JSON, Markdown, CSV and HTML", async () => {
    const json = JSON.parse((await run([...why, ...drivers, "-f", "json"])).stdout);
    expect(json.comments.themes.kind).toBe("themes");
    expect(json.comments.themes.redaction.phones).toBe(1);
    expect(json.comments.distinctiveTerms.kind).toBe("distinctive-terms");
    expect(json.drivers.kind).toBe("drivers");
    expect(json.nps).toBeDefined();
    const markdown = (await run([...why, ...drivers, "-f", "markdown"])).stdout;
    expect(markdown).toContain("\n## What customers say\n");
    expect(markdown).toContain("\n## What drives the score\n");
    const themesCsv = (await run([...why, "-f", "csv", "--table", "themes"])).stdout.split("\r\n");
    expect(themesCsv[0]?.startsWith("theme,mentions,share")).toBe(true);
    expect(themesCsv[1]?.startsWith("Waiting,3,0.375,")).toBe(true);
    const driversCsv = (await run([...base, ...drivers, "-f", "csv", "--table", "drivers"])).stdout;
    expect(driversCsv.split("\r\n")[0]).toBe(
      "driver,spearman,importance,importance_lower,importance_upper,answer,answer_value,n,nps,nps_lower,nps_upper",
    );
    const html = (await run([...why, ...drivers, "-f", "html"])).stdout;
    expect(html).toContain('<section id="comments">');
    expect(html).toContain('data-chart="theme-impacts"');
    expect(html).toContain('data-chart="driver-importance"');
    expect(html).not.toContain("12 34 56 78");
  });

  it("refuses why options that cannot apply (exit 2)", async () => {
    const cases: string[][] = [
      [...base, "--themes", themeFile],
      [...base, "--language", "fr"],
      [...base, "--levels", "a,b"],
      [...base, "--drivers", " , "],
      [...why, "--language", "xx"],
      [...base, "-f", "csv", "--table", "themes"],
      [...why, "-f", "csv", "--table", "themes-by-period"],
      [...base, "-f", "csv", "--table", "drivers"],
      ["report", "--comment", "comment"],
      ["report", "--tallies", csv, "--drivers", "service"],
    ];
    for (const args of cases) {
      const result = await run(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout, args.join(" ")).toBe("");
    }
    const badTheme = files.file("bad.json", JSON.stringify({ themes: [{ name: "Empty", keywords: [] }] }));
    const bad = await run([...base, "--comment", "comment", "--themes", badTheme]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("Empty");
  });

  it("names a driver column the file does not have (exit 1)", async () => {
    const result = await run([...base, "--drivers", "service,price"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--drivers: no column named "price"');
  });
});
