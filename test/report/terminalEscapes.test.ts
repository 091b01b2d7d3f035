import { afterAll, describe, expect, it } from "vitest";
import { escapeControls } from "../../src/internal/describe.js";
import { run, tempDirectory } from "../cli/helpers.js";
import { RAW_CONTROL } from "../helpers/terminal.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

const HOSTILE = [
  "clear\u001b[2J",
  "title\u001b]0;pwned\u0007",
  "back\b\b",
  "rtl\u202eevil",
  "c1\u009b31m",
  "del\u007f",
];
const csv = [
  "score,seg,date",
  ...HOSTILE.flatMap((label, i) => [`9,"${label}",2026-01-0${i + 1}`, `3,"${label}",2026-01-0${i + 1}`]),
  "11,x,2026-01-01",
].join("\n");

describe("escapeControls", () => {
  it("writes C0, DEL, C1 and bidirectional controls as \\u escapes and leaves other text alone", () => {
    expect(escapeControls("a\u001b[2Jb\u202ec\u0085d\u2028e\ne")).toBe("a\\u001b[2Jb\\u202ec\\u0085d\\u2028e\\u000ae");
    expect(escapeControls("Zoë — 日本 ✓")).toBe("Zoë — 日本 ✓");
  });
});

describe("report output on a terminal", () => {
  it.each(["text", "markdown"])("%s: no raw control character, labels shown escaped", async (format) => {
    const file = temp.file(`hostile-${format}.csv`, csv);
    const result = await run(["report", file, "--by", "seg", "--format", format]);
    // 1 of 13 rows rejected (the score 11): over --max-rejected (5 %), so the report ends with exit 1
    // and the reason on standard error, escaped as well.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("1 of 13 rows (7.7 %) were rejected");
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    const slash = format === "markdown" ? "\\\\" : "\\";
    expect(result.stdout).toContain(`clear${slash}u001b`);
    expect(result.stdout).toContain(`rtl${slash}u202eevil`);
  });

  it("segments by trend keep the labels escaped too", async () => {
    const file = temp.file("hostile-trend.csv", csv);
    const result = await run(["report", file, "--by", "seg", "--period", "month", "--max-rejected", "10"]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
  });

  it("JSON and CSV keep the true values", async () => {
    const file = temp.file("hostile-json.csv", csv);
    const json = await run(["report", file, "--by", "seg", "--format", "json"]);
    const labels = JSON.parse(json.stdout).segments.segments.map((row: { label: string }) => row.label);
    expect(labels).toEqual(expect.arrayContaining(HOSTILE));
    const table = await run(["report", file, "--by", "seg", "--format", "csv", "--table", "segments"]);
    expect(table.stdout).toContain("clear\u001b[2J");
  });

  it("Markdown escapes & so that entities in labels show as written", async () => {
    const file = temp.file("amp.csv", 'score,seg\n9,"R&amp;D"\n3,"R&amp;D"\n');
    const result = await run(["report", file, "--by", "seg", "--format", "markdown"]);
    expect(result.stdout).toContain("R\\&amp;D");
  });
});
