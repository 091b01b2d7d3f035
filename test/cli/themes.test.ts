import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "./helpers.js";

const files = tempDirectory();
afterAll(() => files.cleanup());

// A latin-1 export with stray code-page-850 bytes (0x82 = é) and an NA for "no comment".
const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((char) => char.charCodeAt(0) & 0xff));
const rows = [
  "id,nps,explication",
  '1,2,"Temps d\'attente beaucoup trop long \x82 la caisse!!!!"',
  '2,3,"Trop d\'attente, appelez-moi au 06 12 34 56 78"',
  "3,10,Personnel tr\x82s aimable",
  '4,9,"Personnel aimable, bon conseil"',
  "5,8,NA",
  "6,7,Correct",
  "7,10,Bon conseil",
];
const csv = files.file("survey.csv", latin1(`${rows.join("\n")}\n`));
const themeFile = files.file(
  "themes.json",
  JSON.stringify({
    themes: [
      { name: "Waiting", keywords: ["attente"] },
      { name: "Staff", keywords: ["personnel"] },
    ],
  }),
);

describe("npskit themes", () => {
  it("prints the themes, the comment rate, distinctive words and masked excerpts", async () => {
    const result = await run([
      "themes",
      csv,
      "--score",
      "nps",
      "--comment",
      "explication",
      "--themes",
      themeFile,
      "--language",
      "fr",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("7 responses, 6 with a comment (1 without)");
    expect(result.stdout).toContain("Comment rate: detractors 100.0%, passives 50.0%, promoters 100.0%");
    // The table is wider than 80 columns: it is printed in two parts, each naming the theme.
    expect(result.stdout).toMatch(/\n {2}Waiting +2 +33\.3% +100\.0% +0\.0% +0\.0%\n/);
    expect(result.stdout).toMatch(/\n {2}Waiting +-100\.0 +\+75\.0 +-175\.0 \[/);
    expect(result.stdout).toContain('"Trop d\'attente, appelez-moi au [phone]" (3, detractor)');
    expect(result.stdout).toContain("Masked: 0 e-mail addresses, 1 phone numbers, 0 long numbers.");
  });

  it("writes JSON that says what was masked, and CSV with one row per theme", async () => {
    const args = [
      "themes",
      csv,
      "--score",
      "nps",
      "--comment",
      "explication",
      "--themes",
      themeFile,
      "--language",
      "fr",
    ];
    const json = JSON.parse((await run([...args, "-f", "json"])).stdout);
    expect(json.themes.kind).toBe("themes");
    expect(json.themes.redaction).toEqual({ enabled: true, emails: 0, phones: 1, numbers: 0 });
    expect(json.themes.themes[0].excerpts[1].masked).toEqual({ emails: 0, phones: 1, numbers: 0 });
    const open = JSON.parse((await run([...args, "-f", "json", "--no-redact"])).stdout);
    expect(open.themes.themes[0].excerpts[1].text).toContain("06 12 34 56 78");
    const csvOut = (await run([...args, "-f", "csv"])).stdout.split("\r\n");
    expect(csvOut[0]).toBe(
      "theme,mentions,share,detractor_share,passive_share,promoter_share,nps_mentioners,nps_others,difference,difference_lower,difference_upper,p_value,p_adjusted,impact",
    );
    expect(csvOut[1]?.startsWith("Waiting,2,0.3333333333333333,1,0,0,-100,")).toBe(true);
    const markdown = (await run([...args, "-f", "markdown"])).stdout;
    expect(markdown).toContain("| Theme | Mentions | Share |");
  });

  it("suggests themes without a theme file", async () => {
    const result = await run([
      "themes",
      csv,
      "--score",
      "nps",
      "--comment",
      "explication",
      "--language",
      "fr",
      "-f",
      "json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).themes.source).toBe("suggested");
  });

  it("names the theme of an invalid theme file (exit 2)", async () => {
    const bad = files.file("bad.json", JSON.stringify([{ name: "Staff", keywords: [] }]));
    const result = await run(["themes", csv, "--comment", "explication", "--themes", bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'npskit: defineThemes: themes[0] ("Staff").keywords must be a non-empty array of words or phrases (or give patterns), received an array',
    );
  });

  it("refuses a bad language and a missing file argument (exit 2)", async () => {
    expect((await run(["themes", csv, "--comment", "explication", "--language", "it"])).code).toBe(2);
    expect((await run(["themes"])).stderr).toContain("themes takes one file");
  });
});
