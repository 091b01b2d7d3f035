/**
 * The readers `npskit/node` makes public for the command (issue 12, item 1; issue 13: "the same
 * reader, with the command's defaults, is public"): `streamResponses` in both outputs, its row
 * accounting helpers, its I/O options, its errors (the command's messages, as `NpsError`), and
 * `readTallies`.
 */
import { readFileSync, statSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  countSqlRows,
  NpsError,
  type NpsIssue,
  type ParseCounts,
  parseResponses,
  parseWhere,
  sqlRowCounts,
} from "../../src/index.js";
import {
  countProblems,
  DEFAULT_MAX_REJECTED,
  readResponses,
  readTallies,
  streamResponses,
  tooManyLost,
  undatedNote,
} from "../../src/node.js";
import { run, tempDirectory } from "../cli/helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

/** A CSV of `n` rows: ids, scores (a blank every 97th, an 11 every 89th), ISO dates, a plan. */
function survey(n: number): { path: string; raw: Array<Record<string, string>> } {
  const raw: Array<Record<string, string>> = [];
  for (let i = 0; i < n; i++) {
    const score = i % 97 === 5 ? "" : i % 89 === 7 ? "11" : String((i * 7) % 11);
    raw.push({
      id: `r${i}`,
      score,
      date: `2025-${String((i % 12) + 1).padStart(2, "0")}-0${(i % 9) + 1}T08:30:00Z`,
      plan: ["free", "team", "pro"][i % 3] as string,
    });
  }
  const lines = ["id,score,date,plan", ...raw.map((row) => `${row.id},${row.score},${row.date},${row.plan}`)];
  return { path: temp.file(`survey-${n}.csv`, `${lines.join("\n")}\n`), raw };
}

function add(total: { -readonly [K in keyof ParseCounts]: number }, counts: ParseCounts): void {
  for (const key of ["rows", "accepted", "skipped", "rejected"] as const) total[key] += counts[key];
}

describe("streamResponses (npskit/node)", () => {
  const { path, raw } = survey(30_000);
  // The reference: the rows, checked in memory by parseResponses with the same mapping.
  const expected = parseResponses(raw, {
    fields: { score: "score", date: "date", respondentId: "id", attributes: ["plan"] },
    mode: "collect",
    missingScore: "skip",
    firstRow: 2,
  });

  it("hands over every accepted response in batches, every row accounted for, with the command's defaults", async () => {
    const responses: unknown[] = [];
    const skipped: number[] = [];
    const rejected: Array<number | undefined> = [];
    const total = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
    let batches = 0;
    const input = await streamResponses(path, { attributes: ["plan"] }, (batch) => {
      batches++;
      responses.push(...batch.responses);
      skipped.push(...batch.skipped.map((row) => row.row));
      rejected.push(...batch.issues.map((issue) => issue.row));
      add(total, batch.counts);
    });
    expect(batches).toBeGreaterThan(1);
    // Blank scores are skipped (the command's default), not rejected.
    expect(total).toEqual(expected.counts);
    expect(total.rows).toBe(30_000);
    expect(total.accepted + total.skipped + total.rejected).toBe(total.rows);
    expect(total.skipped).toBeGreaterThan(0);
    expect(total.rejected).toBeGreaterThan(0);
    expect(skipped).toEqual(expected.skipped.map((row) => row.row));
    expect(rejected).toEqual(expected.issues.map((issue) => issue.row));
    expect(responses).toEqual(expected.responses);
    // The columns were guessed from the header, as the command guesses them.
    expect(input).toMatchObject({
      format: "csv",
      encoding: "utf-8",
      delimiter: ",",
      fields: { score: "score", date: "date", respondentId: "id", attributes: ["plan"] },
    });
  });

  it("hands over the same rows as typed columns with output: columns", async () => {
    const total = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
    const scores: number[] = [];
    const times: number[] = [];
    const plans: unknown[] = [];
    await streamResponses(path, { attributes: ["plan"], output: "columns" }, (batch) => {
      add(total, batch.counts);
      scores.push(...batch.columns.scores);
      times.push(...(batch.columns.times ?? []));
      const plan = batch.columns.segments?.plan;
      for (const code of plan?.codes ?? []) plans.push(plan?.dictionary[code]);
    });
    expect(total).toEqual(expected.counts);
    expect(scores).toEqual(expected.responses.map((response) => response.score));
    expect(times).toEqual(expected.responses.map((response) => response.date?.getTime()));
    expect(plans).toEqual(expected.responses.map((response) => response.attributes?.plan));
  });

  it("tells onProgress the bytes read so far, growing to the file's size", async () => {
    const seen: Array<[number, number | undefined]> = [];
    await streamResponses(path, { onProgress: (read, size) => seen.push([read, size]) }, () => {});
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(1 << 17);
    // The file system's default reads 64 KiB pieces: several calls for this file.
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.[0]).toBeGreaterThan(seen[i - 1]?.[0] as number);
    expect(seen.every(([, total]) => total === size)).toBe(true);
    expect(seen.at(-1)?.[0]).toBe(size);
  });

  it("reads through the openFile and openStdin given", async () => {
    const bytes = readFileSync(path);
    const pieces = (async function* () {
      for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
    })();
    const opened: string[] = [];
    const total = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
    await streamResponses(
      "survey.csv",
      {
        openFile: async (name) => {
          opened.push(name);
          return { size: bytes.length, chunks: pieces };
        },
      },
      (batch) => add(total, batch.counts),
    );
    expect(opened).toEqual(["survey.csv"]);
    expect(total).toEqual(expected.counts);
    const fromStdin = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
    await streamResponses(
      "-",
      {
        openStdin: () => ({
          chunks: (async function* () {
            yield bytes;
          })(),
        }),
      },
      (batch) => add(fromStdin, batch.counts),
    );
    expect(fromStdin).toEqual(expected.counts);
  });

  it("gives the notes the command prints, through onNote", async () => {
    const notes: string[] = [];
    await streamResponses(path, { onNote: (text) => notes.push(text) }, () => {});
    const command = await run(["report", path, "--format", "json"]);
    expect(command.code).toBe(0);
    expect(notes.length).toBeGreaterThan(0);
    for (const text of notes) expect(command.stderr).toContain(`npskit: ${text}\n`);
  });

  it("throws NpsError invalid_input with the message the command prints", async () => {
    const cases = [
      `${path}.missing`,
      temp.file("header-only.csv", "score,date\n"),
      temp.file("bad.json", '[{"score": 9}, {"score": '),
      temp.file("latin.csv", Buffer.from("score,plan\n9,caf\xe9\n", "latin1") as unknown as string),
    ];
    for (const file of cases) {
      const options = file.endsWith("latin.csv") ? ({ encoding: "utf-8" } as const) : {};
      const error = await streamResponses(file, options, () => {}).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error, file).toBeInstanceOf(NpsError);
      expect((error as NpsError).code).toBe("invalid_input");
      const command = await run(["report", file, ...(file.endsWith("latin.csv") ? ["--encoding", "utf-8"] : [])]);
      expect(command.code, file).toBe(1);
      expect(command.stderr.split("\n").at(-2), file).toBe(`npskit: ${(error as Error).message}`);
    }
    await expect(streamResponses(path, { score: "Nope" }, () => {})).rejects.toThrow(
      expect.objectContaining({
        code: "invalid_input",
        message: expect.stringMatching(/^--score: no column named "Nope"/),
      }),
    );
  });

  it("leaves out the rows a where filter does not keep, counted apart, and refuses a filter on no column", async () => {
    const total = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
    const plans = new Set<unknown>();
    const input = await streamResponses(path, { attributes: ["plan"], where: [parseWhere("plan=pro")] }, (batch) => {
      add(total, batch.counts);
      for (const response of batch.responses) plans.add(response.attributes?.plan);
    });
    expect([...plans]).toEqual(["pro"]);
    const pro = raw.filter((row) => row.plan === "pro").length;
    expect(total.rows).toBe(pro);
    expect(input.filtered).toBe(raw.length - pro);
    await expect(streamResponses(path, { where: [parseWhere("plna=pro")] }, () => {})).rejects.toThrow(
      expect.objectContaining({ code: "invalid_option", message: expect.stringContaining('where "plna=pro"') }),
    );
  });

  it("throws invalid_option, naming itself, for an option it does not take", async () => {
    for (const [options, message] of [
      [{ encoding: "ebcdic" }, 'streamResponses: encoding must be "auto", "utf-8" or "latin1"'],
      [{ output: "rows" }, 'streamResponses: output must be "responses" or "columns"'],
      [{ delimiter: "ab" }, "streamResponses: delimiter must be one character"],
      [{ missingScore: "drop" }, 'streamResponses: missingScore must be "skip" or "reject"'],
      [{ onProgress: 1 }, "streamResponses: onProgress must be a function"],
    ] as const) {
      await expect(streamResponses(path, options as never, () => {})).rejects.toThrow(
        expect.objectContaining({ code: "invalid_option", message: expect.stringContaining(message) }),
      );
    }
  });

  it("with the row accounting helpers, says what readResponses and the command say of the rows lost", async () => {
    const file = temp.file(
      "dates.csv",
      `Date;NPS\n${Array.from({ length: 40 }, (_, i) => `${(i % 28) + 1}/${(i % 12) + 1}/2024 10:00;${i % 11}`).join("\n")}\n`,
    );
    const options = { dateFormat: "MM/dd/yyyy HH:mm" } as const;
    const problems = new Map<string, number>();
    const issues: NpsIssue[] = [];
    const undated: NpsIssue[] = [];
    const total = { rows: 0, accepted: 0, skipped: 0, rejected: 0 };
    const input = await streamResponses(file, options, (batch) => {
      countProblems(problems, batch.issues);
      countProblems(problems, batch.undated);
      issues.push(...batch.issues);
      undated.push(...batch.undated);
      add(total, batch.counts);
    });
    expect(undated.length).toBeGreaterThan(0);
    expect(problems.get("Date")).toBe(undated.length);
    const lost = tooManyLost(
      {
        rows: total.rows,
        rejected: total.rejected,
        undated: undated.length,
        problems,
        examples: [...issues.slice(0, 5), ...undated.slice(0, 5)],
        fields: input.fields,
        dateFormat: input.dateFormat,
        dateAdvice: input.dateAdvice,
      },
      DEFAULT_MAX_REJECTED,
    );
    const read = await readResponses(file, options);
    expect(lost).toBeDefined();
    expect(lost).toBe(read.tooManyLost);
    expect(read.notes).toContain(undatedNote(undated.length));
    const command = await run(["report", file, "--date-format", "MM/dd/yyyy HH:mm"]);
    expect(command.code).toBe(1);
    expect(command.stderr).toContain(`npskit: ${undatedNote(undated.length)}\n`);
    expect(command.stderr).toContain(`npskit: ${lost}\n`);
    // Within the limit, nothing to say.
    expect(tooManyLost({ rows: 100, rejected: 5, undated: 0, problems, examples: [], fields: input.fields }, 5)).toBe(
      undefined,
    );
  });
});

describe("readTallies (npskit/node)", () => {
  /** Result rows of a tallySql query by plan and month, unweighted. */
  const rows = [
    { plan: "pro", period: "2026-03-01", scores: [10, 10, 3], missing: 1 },
    { plan: null, period: "2026-03-01", scores: [9], missing: 0 },
    { plan: "free", period: "2026-04-01", scores: [8, 0], missing: 0 },
  ].map(({ plan, period, scores, missing }) => {
    const count = (test: (score: number) => boolean): number => scores.filter(test).length;
    const first = Date.parse(`${period}T00:00:00Z`) + 9 * 86_400_000;
    return {
      plan,
      nps_period: period,
      nps_rows: scores.length + missing,
      nps_promoters: count((s) => s >= 9),
      nps_passives: count((s) => s === 7 || s === 8),
      nps_detractors: count((s) => s <= 6),
      nps_missing_scores: missing,
      nps_invalid_scores: 0,
      ...Object.fromEntries(Array.from({ length: 11 }, (_, v) => [`nps_score_${v}`, count((s) => s === v)])),
      nps_dated: scores.length,
      nps_first: first,
      nps_last: first,
    };
  });

  it("counts a query's rows saved as JSON as countSqlRows counts them", async () => {
    const file = temp.file("tallies.json", JSON.stringify(rows));
    const read = await readTallies(file, { by: ["plan"], period: "month" });
    expect(read.tallies).toEqual(countSqlRows(rows, { by: ["plan"], period: "month" }));
    expect(read.counts).toEqual(sqlRowCounts(rows));
    expect(read.counts).toMatchObject({ rows: 7, accepted: 6, skipped: 1 });
    expect(read).toMatchObject({ format: "json", encoding: "utf-8", dated: true });
  });

  it("reads CSV cells as a file of responses does: NA is no value", async () => {
    const columns = Object.keys(rows[0] as object);
    const lines = [
      columns.join(","),
      ...rows.map((row) => columns.map((c) => (row as Record<string, unknown>)[c] ?? "NA").join(",")),
    ];
    const file = temp.file("tallies.csv", `${lines.join("\n")}\n`);
    const checked: string[][] = [];
    const read = await readTallies(file, {
      by: ["plan"],
      period: "month",
      checkColumns: (names) => checked.push([...names]),
    });
    expect(read.tallies).toEqual(countSqlRows(rows, { by: ["plan"], period: "month" }));
    expect(checked).toEqual([["plan"]]);
    expect(read).toMatchObject({ format: "csv", delimiter: ",", dated: true });
  });

  it("throws NpsError invalid_input with the message the command prints", async () => {
    const empty = temp.file("no-tallies.csv", "plan,nps_rows\n");
    const error = await readTallies(empty).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NpsError);
    expect(error).toMatchObject({ code: "invalid_input", message: `${empty} has no tally rows` });
    const command = await run(["report", "--tallies", empty]);
    expect(command.code).toBe(1);
    expect(command.stderr).toBe(`npskit: ${empty} has no tally rows\n`);
  });
});

describe("streamResponses row numbers", () => {
  it("give each response its line, in both outputs and in readResponses, with rows left out by where skipped over", async () => {
    // Property (on generated files): the row numbers of the accepted responses are exactly the
    // lines whose row the filter keeps and whose score is valid, whichever output reads them, and
    // readResponses returns the same.
    const row = fc.record({
      score: fc.constantFrom("0", "6", "9", "10", "", "11", "x"),
      plan: fc.constantFrom("free", "pro", "team"),
      q: fc.constantFrom("1", "5", "x", ""),
    });
    let file = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.constantFrom("plan=pro", "plan!=free", "plan in free,team"),
        async (rows, filter) => {
          const lines = ["score,plan,q", ...rows.map((r) => `${r.score},${r.plan},${r.q}`)];
          const path = temp.file(`rows-${file++}.csv`, `${lines.join("\n")}\n`);
          const where = [parseWhere(filter)];
          const kept = (plan: string): boolean =>
            filter === "plan=pro" ? plan === "pro" : filter === "plan!=free" ? plan !== "free" : plan !== "pro";
          const expectedRows = rows.flatMap((r, i) =>
            kept(r.plan) && ["0", "6", "9", "10"].includes(r.score) ? [i + 2] : [],
          );
          const fromResponses: number[] = [];
          const scores: number[] = [];
          await streamResponses(path, { score: "score", attributes: ["plan"], where }, (batch) => {
            fromResponses.push(...batch.rowNumbers);
            scores.push(...batch.responses.map((response) => response.score));
            expect(batch.rowNumbers).toHaveLength(batch.responses.length);
          });
          const fromColumns: number[] = [];
          await streamResponses(path, { score: "score", attributes: ["plan"], where, output: "columns" }, (batch) => {
            fromColumns.push(...batch.rowNumbers);
          });
          const read = await readResponses(path, { score: "score", attributes: ["plan"], where });
          expect(fromResponses).toEqual(expectedRows);
          expect(fromColumns).toEqual(expectedRows);
          expect(read.rowNumbers).toEqual(expectedRows);
          expect(scores).toEqual(expectedRows.map((line) => Number(rows[line - 2]?.score)));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("name the right line when the command reports a driver answer it leaves out after a --where", async () => {
    const path = temp.file("where-drivers.csv", "score,plan,q1\n9,pro,5\n3,free,4\n10,pro,x\n8,pro,3\n");
    const result = await run(["report", path, "--score", "score", "--where", "plan=pro", "--drivers", "q1"]);
    expect(result.stderr).toContain(
      'q1: 1 value is not a number (pass --levels for labels) and was left out: row 4 ("x")',
    );
  });
});

describe("readResponses where", () => {
  it("leaves out the rows a filter does not keep, counts them in input.filtered, and refuses a filter that is not an array", async () => {
    const path = temp.file("where-read.csv", "score,plan\n9,pro\n3,free\n10,pro\n");
    const read = await readResponses(path, { score: "score", attributes: ["plan"], where: [parseWhere("plan=pro")] });
    expect(read.responses.map((response) => response.score)).toEqual([9, 10]);
    expect(read.counts).toEqual({ rows: 2, accepted: 2, skipped: 0, rejected: 0 });
    expect(read.input.filtered).toBe(1);
    await expect(
      readResponses(path, { where: "plan=pro" as unknown as ReturnType<typeof parseWhere>[] }),
    ).rejects.toMatchObject({ code: "invalid_option" });
  });
});

describe("the readers' path and a bad tally row", () => {
  it("refuse a path that is not a non-empty string, before reading anything", async () => {
    for (const path of [42, "", undefined, null]) {
      for (const [name, read] of [
        ["readResponses", () => readResponses(path as string)],
        ["streamResponses", () => streamResponses(path as string, {}, () => {})],
        ["readTallies", () => readTallies(path as string)],
      ] as const) {
        await expect(read()).rejects.toMatchObject({
          code: "invalid_option",
          message: expect.stringMatching(new RegExp(`^${name}: path must be a file's path, or "-" for standard input`)),
        });
      }
    }
  });

  it("name a bad tally row by its line in the file, in readTallies and the command", async () => {
    const path = temp.file("bad-tallies.csv", "plan,nps_rows\npro,x\n");
    const error = await readTallies(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NpsError);
    expect((error as NpsError).message).toBe(`${path}: row 2: row must have a nps_promoters column, missing`);
    expect((error as NpsError).issues[0]?.row).toBe(2);
    const result = await run(["report", "--tallies", path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}: row 2: row must have a nps_promoters column, missing`);
  });
});
