/**
 * docs/five-minutes.md runs as written: every `$ npskit …` command in it is run on the made-up export
 * in docs/examples/, and every output line the page shows must be printed, in that order ("…" stands
 * for lines left out). The TypeScript script it shows (docs/examples/five-minutes.ts, quoted whole)
 * runs too, and writes the same Markdown report as the command with the same options.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "../cli/helpers.js";

const root = join(import.meta.dirname, "../..");
const examples = join(root, "docs/examples");
const page = readFileSync(join(root, "docs/five-minutes.md"), "utf8");
const script = readFileSync(join(examples, "five-minutes.ts"), "utf8");

/** Words of a shell command line, with '…' and "…" quoting (all the page uses). */
function words(line: string): string[] {
  const result: string[] = [];
  for (const match of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) result.push(match[1] ?? match[2] ?? match[3] ?? "");
  return result;
}

interface Session {
  readonly command: string;
  readonly shown: ReadonlyArray<string>;
}

/** The console blocks of the page: a `$ npskit …` line, then the output shown. */
function sessions(): Session[] {
  return [...page.matchAll(/```console\n([\s\S]*?)```/g)].map((block) => {
    const [first = "", ...rest] = (block[1] ?? "").trimEnd().split("\n");
    return { command: first.replace(/^\$ /, ""), shown: rest };
  });
}

let directory = "";
let previous = "";
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "npskit-five-minutes-"));
  for (const name of ["acme-survey.csv", "acme-themes.json"]) copyFileSync(join(examples, name), join(directory, name));
  previous = process.cwd();
  process.chdir(directory);
});
afterAll(() => {
  process.chdir(previous);
  rmSync(directory, { recursive: true, force: true });
});

describe("docs/five-minutes.md", () => {
  const all = sessions();

  it("shows commands", () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const session of all) expect(session.command).toMatch(/^npskit report /);
  });

  it.each(all.map((session) => [session.command, session]))("%s prints what the page shows", async (_, session) => {
    const args = words(session.command).slice(1);
    const result = await run(args);
    expect(result.code, result.stderr).toBe(0);
    const printed = `${result.stderr}${result.stdout}`.split("\n").map((line) => line.trimEnd());
    let at = 0;
    for (const line of session.shown) {
      if (line.trim() === "…") continue;
      const found = printed.indexOf(line.trimEnd(), at);
      expect(found, `not printed (in this order): ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it("quotes the TypeScript script whole", () => {
    expect(page).toContain(`\`\`\`ts\n${script}\`\`\``);
  });

  it("the script writes the report the command writes", async () => {
    // The script imports the package by name; run from source, it imports the entry points' sources.
    const source = script
      .replace('from "npskit/node"', `from ${JSON.stringify(join(root, "src/node.ts"))}`)
      .replace('from "npskit"', `from ${JSON.stringify(join(root, "src/index.ts"))}`);
    const file = join(directory, "five-minutes.ts");
    writeFileSync(file, source);
    const logged: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => {
      logged.push(values.join(" "));
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await import(file);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    // The command with the script's steps: the same file, segments, period, filter and title.
    const steps = ["report", "acme-survey.csv", "--by", "Plan", "--period", "month"];
    steps.push("--where", "Country in US,CA", "--title", "Acme NPS, North America", "--format");
    const command = await run([...steps, "json"]);
    const json = JSON.parse(command.stdout);
    // What the page says the script prints.
    const printed = /It prints:\n\n```text\n([\s\S]*?)```/.exec(page)?.[1]?.trimEnd().split("\n");
    expect(printed).toEqual(logged);
    expect(logged).toEqual(
      json.segments.segments.map(
        (segment: { label: string; n: number; nps: number }) =>
          `${segment.label} ${segment.n} ${segment.nps.toFixed(1)}`,
      ),
    );
    const markdown = await run([...steps, "markdown"]);
    // The same report, but for the rows: the command leaves the rows outside the filter unread
    // (and counts them), while the script reads every row, then filters the responses; it does not
    // pass on the skipped rows, whose list the command's report has (blank lines aside, the same).
    const withoutRows = (text: string): string[] =>
      text
        .split("\n")
        .filter(
          (line) =>
            line !== "" && !line.startsWith("| Rows |") && !line.startsWith("- skipped") && !line.startsWith("- …"),
        );
    expect(withoutRows(readFileSync(join(directory, "acme.md"), "utf8"))).toEqual(withoutRows(markdown.stdout));
    expect(readFileSync(join(directory, "acme.html"), "utf8")).toContain("<title>Acme NPS, North America</title>");
  });
});
