/**
 * Command fuzz suite: `npskit report`, `follow-up` and `migration` run in-process on generated hostile
 * files — CSV, NDJSON and JSON with broken quoting, byte-order marks, UTF-16 and latin-1 bytes, control
 * characters, prototype keys, huge and tiny numbers, far dates, bad weights — and generated options,
 * in every output format. Whatever the input:
 *
 * - the exit status is 0, 1 or 2;
 * - standard error has no stack trace and no raw control character, and each of its lines is a
 *   message (`npskit: …`), an indented continuation of one, or the usage hint;
 * - the JSON report accounts for every row (read = accepted + skipped + rejected + filtered), NPS
 *   within ±100, and holds no null but segment keys (JSON's way of writing NaN and infinities);
 * - text and Markdown output hold no raw control character;
 * - no CSV cell reaches a spreadsheet as a formula (a property on segment labels makes sure some do
 *   come from hostile text);
 * - the HTML page shows data only escaped (no tag, no `</script>` from the data);
 * - no input file is changed.
 *
 * About 340 runs of the command per test run; fast-check prints the seed and the shrunk case on
 * failure, and FUZZ_SEED=<seed> replays a run.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "../cli/helpers.js";
import { RAW_CONTROL } from "../helpers/terminal.js";

/**
 * Kinds of hostile input with known failures owned elsewhere (issue 14 items 1 and 9: far-apart
 * dates with a period or rolling window crash or run for minutes; one stray quote, broken NDJSON line
 * or non-object JSON item fails the whole file). Not yet generated: empty this set once they are
 * fixed, and the suite generates them too — and then requires a broken row not to fail the file.
 */
const PENDING_FIXES_ELSEWHERE: ReadonlySet<"far dates with periods" | "one bad row"> = new Set([]);

const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
const temp = tempDirectory();
afterAll(() => temp.cleanup());

/** Data that must never appear as a tag in the HTML page. */
const CANARY = "<x-npskit-canary>";
const FAR_DATES = ["0001-01-01", "0050-06-01", "1700-01-01", "9999-12-31", "+010000-01-01"];
const STRAY_QUOTE = 'He said "no"';

const HEADERS = [
  "score",
  "NPS",
  "date",
  "answered_at",
  "id",
  "plan",
  "__proto__",
  "constructor",
  "=cmd|' /C calc'!A0",
  "spend",
  "weight",
  "comment",
  "Ünïcödé",
  "tab\tname",
  "esc\u001b[2J",
  "",
];

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10 }).map(String) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "",
      "NA",
      "11",
      "-1",
      "9.0",
      "9.5",
      "1e1",
      "abc",
      "1e308",
      "1e-320",
      "-0",
      " 10 ",
      "0x9",
      "Infinity",
      "NaN",
      "2026-03-01",
      "2026-03-01T10:00:00Z",
      "2026-13-45",
      "31/12/2025",
      "=1+1",
      "@SUM(A1)",
      "__proto__",
      "constructor",
      "toString",
      "1e200",
      "1e-170",
      "0",
      CANARY,
      "</script><script>alert(1)</script>",
      "\u001b[2J\u001b]0;title\u0007",
      "rtl\u202eevil",
      "line\u2028sep\u2029para",
      "c1\u0085\u009b31m",
      "back\b\b",
      "nul\u0000byte",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(...FAR_DATES) },
);

interface Table {
  readonly columns: string[];
  readonly rows: string[][];
}

const table: fc.Arbitrary<Table> = fc
  .tuple(fc.boolean(), fc.uniqueArray(fc.constantFrom(...HEADERS.slice(1)), { minLength: 1, maxLength: 4 }))
  // Most files have a score column, so that most runs get as far as the figures.
  .map(([withScore, others]) => (withScore ? ["score", ...others] : others))
  .chain((columns) =>
    fc.record({
      columns: fc.constant(columns),
      rows: fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 25 }),
    }),
  );

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

type Layout = "csv" | "csv-semicolon" | "ndjson" | "json" | "broken-csv" | "broken-ndjson" | "broken-json";
type Encoding = "utf-8" | "utf-8-bom" | "utf-16le-bom" | "utf-16le" | "latin1";

/** The table written in a layout, with a stray quote or a broken line for the broken layouts. */
function textOf(data: Table, layout: Layout, lineEnd: string): string {
  const { columns, rows } = data;
  const object = (row: string[]) => Object.fromEntries(columns.map((column, i) => [column, row[i]]));
  switch (layout) {
    case "csv":
    case "csv-semicolon": {
      const separator = layout === "csv" ? "," : ";";
      const quote = (value: string) =>
        layout === "csv" ? csvField(value) : /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
      return [columns, ...rows].map((row) => row.map(quote).join(separator)).join(lineEnd) + lineEnd;
    }
    case "broken-csv": {
      const lines = [columns, ...rows].map((row) => row.map(csvField).join(","));
      lines.splice(Math.min(2, lines.length), 0, `1,${STRAY_QUOTE}`);
      return lines.join(lineEnd) + lineEnd;
    }
    case "ndjson":
      return rows.map((row) => JSON.stringify(object(row))).join(lineEnd) + lineEnd;
    case "broken-ndjson":
      return [...rows.map((row) => JSON.stringify(object(row))), '{"score": 9,', "[1]", "null"].join(lineEnd);
    case "json":
      return JSON.stringify(rows.map(object));
    case "broken-json":
      return `[${rows.map((row) => JSON.stringify(object(row))).join(",")}, 7, "x", null]`;
  }
}

function bytesOf(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case "utf-8":
      return new TextEncoder().encode(text);
    case "utf-8-bom":
      return new TextEncoder().encode(`\ufeff${text}`);
    case "utf-16le-bom":
      return Buffer.from(`\ufeff${text}`, "utf16le");
    case "utf-16le":
      return Buffer.from(text, "utf16le");
    case "latin1":
      return Buffer.from(text, "latin1");
  }
}

const badRowsAllowed = !PENDING_FIXES_ELSEWHERE.has("one bad row");
const layouts: Layout[] = ["csv", "csv", "csv-semicolon", "ndjson", "json"];
if (badRowsAllowed) layouts.push("broken-csv", "broken-ndjson", "broken-json");

const file = fc.record({
  data: table,
  layout: fc.constantFrom(...layouts),
  encoding: fc.constantFrom<Encoding>("utf-8", "utf-8", "utf-8-bom", "utf-16le-bom", "utf-16le", "latin1"),
  lineEnd: fc.constantFrom("\n", "\r\n", "\r"),
});

/** Generated options for the columns of a table: each one present or not, values good and bad. */
function optionsFor(columns: ReadonlyArray<string>, command: "report" | "follow-up" | "migration") {
  const column = fc.constantFrom(...columns, "missing");
  // Each option is given in about one run in seven, so that many runs get as far as the data
  // (the report has some twenty options, many of them given bad values on purpose).
  const maybe = (arbitrary: fc.Arbitrary<string[]>) =>
    fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
  const reading = [
    maybe(column.map((c) => ["--score", c])),
    maybe(column.map((c) => ["--date", c])),
    maybe(fc.constantFrom("d/M/yyyy", "yyyy-MM-dd", "%Y", "nonsense").map((f) => ["--date-format", f])),
    maybe(fc.constantFrom("Europe/Paris", "America/New_York", "Mars/Olympus").map((z) => ["--time-zone", z])),
    maybe(column.map((c) => ["--respondent", c])),
    maybe(column.map((c) => ["--comment", c])),
    maybe(fc.constantFrom("utf-8", "latin1", "utf-8", "ebcdic").map((e) => ["--encoding", e])),
    maybe(fc.constantFrom(",", ";", ",", '"', "ab").map((d) => ["--delimiter", d])),
    maybe(fc.constantFrom("auto", "csv", "json", "ndjson", "xml").map((f) => ["--input-format", f])),
  ];
  const periods = fc.constantFrom("day", "week", "month", "quarter", "year", "fortnight");
  const specific =
    command === "report"
      ? [
          maybe(column.map((c) => ["--by", c])),
          maybe(fc.tuple(column, fc.constantFrom("4", "2", "1", "x")).map(([c, k]) => ["--tiers", `${c}:${k}`])),
          maybe(column.map((c) => ["--weight", c])),
          maybe(periods.map((p) => ["--period", p])),
          maybe(fc.constantFrom("30", "90", "0", "x").map((r) => ["--rolling", r])),
          maybe(fc.constantFrom("latest", "all", "some").map((r) => ["--respondents", r, "--period", "month"])),
          maybe(fc.constantFrom("0.9", "95", "1", "0", "99.9999999").map((l) => ["--level", l])),
          maybe(fc.constantFrom("wald", "score", "bayes", "bootstrap", "exact").map((m) => ["--method", m])),
          maybe(fc.constantFrom(["--skip-missing"], ["--reject-missing"], ["--strict"])),
          maybe(fc.tuple(column, column).map(([a, b]) => ["--drivers", `${a},${b}`])),
          // --levels and --language only with what they need (alone, each is a usage error).
          maybe(
            fc
              .tuple(column, column, fc.constantFrom("a,b,c", "x=low,high", "one"))
              .map(([a, b, l]) => ["--drivers", `${a},${b}`, "--levels", l]),
          ),
          maybe(fc.tuple(column, fc.constantFrom("fr", "en", "xx")).map(([c, l]) => ["--comment", c, "--language", l])),
          // Past 5 % of rows rejected or undated the report exits 1, which random files often are:
          // most runs lift the limit so that they reach the end.
          fc.oneof(
            { weight: 3, arbitrary: fc.constant(["--max-rejected", "100"]) },
            { weight: 1, arbitrary: fc.constant([]) },
            { weight: 1, arbitrary: fc.constantFrom("0", "5", "x", "150").map((m) => ["--max-rejected", m]) },
          ),
          maybe(
            fc
              .tuple(column, fc.constantFrom("=", "!=", ">=", " in "), fc.constantFrom("a", "1", "x,y", ""))
              .map(([c, op, v]) => ["--where", `${c}${op}${v}`]),
          ),
          // Segment limits, a title and a benchmark, together and rarely (alone, most are usage errors).
          maybe(
            fc
              .tuple(
                column,
                fc.constantFrom("0", "5"),
                fc.constantFrom("1", "all"),
                fc.constantFrom("<b>T</b>", "\u001b[31m"),
              )
              .map(([c, n, k, t]) => [
                "--by",
                c,
                "--min-n",
                n,
                "--top",
                k,
                "--title",
                t,
                "--benchmark",
                "xmi-2021-all",
              ]),
          ),
          fc.oneof(
            fc.constantFrom("text", "json", "markdown", "csv", "html").map((f) => ["--format", f]),
            // A CSV table that quotes the data (segment labels), for the formula check.
            column.map((c) => ["--by", c, "--min-n", "0", "--format", "csv", "--table", "segments"]),
          ),
        ]
      : command === "follow-up"
        ? [
            maybe(fc.constantFrom("1", "2", "0", "x").map((c) => ["--capacity", c])),
            maybe(fc.constantFrom("2026-01-01", "0050-06-01", "9999-12-31", "2026-02-30").map((s) => ["--start", s])),
            maybe(column.map((c) => ["--value", c])),
            maybe(fc.constantFrom("0", "3").map((l) => ["--limit", l])),
            fc.constantFrom("text", "json").map((f) => ["--format", f]),
          ]
        : [
            maybe(fc.constantFrom("0.9", "95", "2").map((l) => ["--level", l])),
            fc.constantFrom("text", "json").map((f) => ["--format", f]),
          ];
  return fc.tuple(...reading, ...specific).map((parts) => parts.flatMap((part) => part ?? []));
}

let fileNumber = 0;
function writeInput(input: { data: Table; layout: Layout; encoding: Encoding; lineEnd: string }): {
  path: string;
  bytes: Uint8Array;
} {
  const bytes = bytesOf(textOf(input.data, input.layout, input.lineEnd), input.encoding);
  const extension = input.layout.includes("ndjson") ? "ndjson" : input.layout.includes("json") ? "json" : "csv";
  fileNumber++;
  return { path: temp.file(`fuzz-${fileNumber}.${extension}`, bytes), bytes };
}

/** How many runs ended with each exit status, to check that the runs reach the data. */
const statuses = new Map<number, number>();

/** The assertions every run must pass; `format` is the output format asked for. */
function checkRun(result: { code: number; stdout: string; stderr: string }, format: string, what: string): void {
  statuses.set(result.code, (statuses.get(result.code) ?? 0) + 1);
  if (process.env.FUZZ_DEBUG)
    console.log(
      result.code,
      result.stderr
        .split("\n")
        .filter((l) => l.startsWith("npskit"))
        .pop(),
    );
  expect([0, 1, 2], what).toContain(result.code);
  expect(result.stderr, `${what}: stack trace`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(result.stderr, `${what}: error type`).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError):/);
  // Notes and errors quote column names, values and file names: never as raw control characters.
  expect(result.stderr, `${what}: raw control character on standard error`).not.toMatch(RAW_CONTROL);
  for (const line of result.stderr.split("\n")) {
    if (line === "") continue;
    expect(
      line.startsWith("npskit: ") || line.startsWith("  ") || line === 'Run "npskit --help" for usage.',
      `${what}: stderr line ${JSON.stringify(line)}`,
    ).toBe(true);
  }
  if (result.code !== 0 && result.code !== 1) return;
  if (result.stdout === "") return;
  if (format === "json") {
    const document = JSON.parse(result.stdout);
    if (document.rows !== undefined) {
      const { read, accepted, skipped, rejected, filtered = 0 } = document.rows;
      // Every row read is accepted, skipped, rejected or left out by --where.
      expect(accepted + skipped + rejected + filtered, `${what}: rows`).toBe(read);
    }
    // JSON writes NaN and infinities as null: the only nulls are segment keys ("(no value)").
    for (const path of nullPaths(document)) {
      expect(/(^|\.)(key|keys\.\d+)$/.test(path), `${what}: null at ${path}`).toBe(true);
    }
    for (const figure of npsFigures(document)) {
      expect(Math.abs(figure), `${what}: NPS ${figure}`).toBeLessThanOrEqual(100);
    }
  } else if (format === "text" || format === "markdown") {
    expect(result.stdout, `${what}: raw control character`).not.toMatch(RAW_CONTROL);
  } else if (format === "csv") {
    // No cell reaches a spreadsheet as a formula: text that starts with = + - @, a tab or a carriage
    // return has a leading ', and a cell that starts with - is a number.
    for (const cell of csvCells(result.stdout)) {
      expect(/^[=+@\t\r]/.test(cell), `${what}: formula cell ${JSON.stringify(cell)}`).toBe(false);
      if (cell.startsWith("-")) expect(cell, `${what}: cell`).toMatch(/^-\d+(\.\d+)?(e-?\d+)?$/);
    }
  } else if (format === "html") {
    expect(result.stdout, `${what}: canary tag`).not.toContain(CANARY);
    expect(result.stdout, `${what}: injected script`).not.toContain("<script>alert(1)");
    const opened = result.stdout.match(/<script\b/gi)?.length ?? 0;
    const closed = result.stdout.match(/<\/script/gi)?.length ?? 0;
    expect(opened, `${what}: script tags`).toBe(closed);
  }
}

/** The cells of CSV text (RFC 4180 quoting), in order. */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === "," || char === "\n") {
      cells.push(cell.endsWith("\r") && char === "\n" ? cell.slice(0, -1) : cell);
      cell = "";
    } else cell += char;
  }
  if (cell !== "") cells.push(cell);
  return cells;
}

/** The paths (`a.b.0.c`) of every null in a JSON document. */
function nullPaths(value: unknown, path = "", out: string[] = []): string[] {
  if (value === null) out.push(path);
  else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      nullPaths(item, `${path}.${i}`, out);
    });
  } else if (typeof value === "object") {
    for (const [key, item] of Object.entries(value as object))
      nullPaths(item, path === "" ? key : `${path}.${key}`, out);
  }
  return out;
}

/** Every `nps` figure in a JSON document. */
function npsFigures(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const item of value) npsFigures(item, out);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "nps" && typeof item === "number") out.push(item);
      else npsFigures(item, out);
    }
  }
  return out;
}

function formatOf(args: ReadonlyArray<string>): string {
  const index = args.lastIndexOf("--format");
  return index < 0 ? "text" : (args[index + 1] ?? "text");
}

const farDatesAllowed = !PENDING_FIXES_ELSEWHERE.has("far dates with periods");
const withoutPendingCombinations = (data: Table, args: ReadonlyArray<string>): boolean =>
  farDatesAllowed ||
  !(args.includes("--period") || args.includes("--rolling")) ||
  !data.rows.some((row) => row.some((value) => FAR_DATES.includes(value)));

describe(`command fuzz (seed ${SEED})`, () => {
  it("report: any file, any options, every format", async () => {
    await fc.assert(
      fc.asyncProperty(
        file.chain((input) => fc.tuple(fc.constant(input), optionsFor(input.data.columns, "report"))),
        async ([input, options]) => {
          fc.pre(withoutPendingCombinations(input.data, options));
          const { path, bytes } = writeInput(input);
          const args = ["report", path, ...options];
          const result = await run(args);
          checkRun(result, formatOf(args), args.join(" "));
          // A file read in the format and encoding it is written in (a forced --input-format or
          // --encoding can make the whole file unreadable, which is not one bad row).
          if (
            badRowsAllowed &&
            input.layout.startsWith("broken") &&
            !options.includes("--input-format") &&
            !options.includes("--encoding") &&
            // A blank header line (one unnamed column) is skipped, and the broken line becomes the header.
            input.data.columns.map(csvField).join(",").trim() !== ""
          ) {
            expect(result.stderr, "a bad row fails the whole file").not.toMatch(/npskit: cannot read (the|line)/);
          }
          expect(readFileSync(path).equals(Buffer.from(bytes)), "input unchanged").toBe(true);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  }, 120_000);

  it("report --format csv: no segment label reaches a spreadsheet as a formula", async () => {
    const label = fc.oneof(cell, fc.constantFrom("=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "-", "--"));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), label), { minLength: 1, maxLength: 12 }),
        async (rows) => {
          const lines = ["score,plan", ...rows.map(([score, plan]) => `${score},${csvField(plan)}`)];
          const path = temp.file(`fuzz-labels-${fileNumber++}.csv`, `${lines.join("\n")}\n`);
          const args = ["report", path, "--score", "score", "--by", "plan", "--min-n", "0", "--top", "all"];
          const result = await run([...args, "--format", "csv", "--table", "segments"]);
          expect(result.code, result.stderr).toBe(0);
          checkRun(result, "csv", args.join(" "));
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  }, 60_000);

  it("follow-up: any file, any options", async () => {
    await fc.assert(
      fc.asyncProperty(
        file.chain((input) => fc.tuple(fc.constant(input), optionsFor(input.data.columns, "follow-up"))),
        async ([input, options]) => {
          const { path, bytes } = writeInput(input);
          const args = ["follow-up", path, ...options];
          checkRun(await run(args), formatOf(args), args.join(" "));
          expect(readFileSync(path).equals(Buffer.from(bytes)), "input unchanged").toBe(true);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  }, 60_000);

  it("migration: any two files, any options", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .tuple(file, file)
          .chain(([first, second]) =>
            fc.tuple(
              fc.constant(first),
              fc.constant(second),
              optionsFor([...new Set([...first.data.columns, ...second.data.columns])], "migration"),
            ),
          ),
        async ([first, second, options]) => {
          const a = writeInput(first);
          const b = writeInput(second);
          const args = ["migration", a.path, b.path, ...options];
          checkRun(await run(args), formatOf(args), args.join(" "));
          expect(readFileSync(a.path).equals(Buffer.from(a.bytes)), "first input unchanged").toBe(true);
          expect(readFileSync(b.path).equals(Buffer.from(b.bytes)), "second input unchanged").toBe(true);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  }, 60_000);

  it("reaches the data in most runs: successes, data errors and usage errors all occur", () => {
    expect(statuses.get(0) ?? 0).toBeGreaterThan(10);
    expect(statuses.get(1) ?? 0).toBeGreaterThan(5);
    expect(statuses.get(2) ?? 0).toBeGreaterThan(5);
  });
});
