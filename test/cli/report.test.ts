import { afterAll, describe, expect, it } from "vitest";
import { REPORT_OPTIONS } from "../../src/cli/options.js";
import { nps, sampleResponses, tallyResponses } from "../../src/index.js";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

/** The report as JSON (the run must succeed). */
// biome-ignore lint/suspicious/noExplicitAny: the parsed JSON document is explored freely in assertions
async function json(args: ReadonlyArray<string>, stdin?: string): Promise<Record<string, any>> {
  const result = await run(["report", ...args, "--format", "json"], stdin);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("npskit report on the built-in sample", () => {
  it("prints the sample report when no file is given", async () => {
    const result = await run(["report"]);
    expect(result.code).toBe(0);
    const expected = nps(tallyResponses(sampleResponses())) as number;
    expect(result.stdout).toContain("NPS overview: built-in sample");
    expect(result.stdout).toContain(`NPS          +${expected.toFixed(1)}`);
    expect(result.stdout).toContain("Rows         2000 read, 2000 accepted, 0 skipped, 0 rejected");
    expect(result.stderr).toContain("no file given: reporting on the built-in sample (2000 responses)");
  });

  it("gives the documented JSON fields", async () => {
    const report = await json([]);
    expect(Object.keys(report)).toEqual([
      "source",
      "scale",
      "rows",
      "firstSkipped",
      "firstRejected",
      "period",
      "distribution",
      "weighted",
      "tally",
      "shares",
      "nps",
      "interval",
      "input",
    ]);
    expect(Object.keys(report.interval)).toEqual(["level", "method", "lower", "upper", "marginOfError", "effectiveN"]);
    expect(report.input).toEqual({ format: "sample" });
    expect(report.period).toEqual({
      first: expect.stringMatching(/^2024-12-01T/),
      last: expect.stringMatching(/^2026-11-30T/),
      dated: 2000,
    });
  });

  it("honours --level and --method", async () => {
    const report = await json(["--level", "90", "--method", "wald"]);
    expect(report.interval.level).toBe(0.9);
    expect(report.interval.method).toBe("wald");
  });
});

describe("npskit report on files", () => {
  it("reads a latin-1 file with NA scores: announces the encoding, skips and counts the NAs", async () => {
    const text = 'id;nps;explication\n1;10;"Très bien, un peu cher"\n2;NA;NA\n3;6;"Accueil médiocre"\n4;9;\n';
    const path = temp.file("latin1.csv", Buffer.from(text, "latin1"));
    const result = await run(["report", path]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("encoding: latin-1 (ISO-8859-1): the file is not valid UTF-8");
    expect(result.stderr).toContain('delimiter ";" (detected)');
    expect(result.stdout).toContain("Rows         4 read, 3 accepted, 1 skipped, 0 rejected");
    expect(result.stdout).toContain('  skipped    row 3: score is missing, received "NA"');
    expect(result.stdout).toContain("NPS          +33.3");
    const report = await json([path]);
    expect(report.input).toMatchObject({ format: "csv", encoding: "latin1", delimiter: ";" });
    expect(report.input.fields).toEqual({ score: "nps", respondentId: "id", comment: "explication" });
  });

  it("reads latin-1 when asked, and refuses invalid UTF-8 when UTF-8 is asked", async () => {
    const path = temp.file("latin1-forced.csv", Buffer.from("score,comment\n9,été\n", "latin1"));
    expect((await json([path, "--encoding", "latin1"])).input.encoding).toBe("latin1");
    const refused = await run(["report", path, "--encoding", "utf-8"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("npskit: the file is not valid UTF-8; try --encoding latin1");
  });

  it("reads a tab-delimited file and an explicit delimiter", async () => {
    const path = temp.file("tabs.tsv", "score\tplan\n10\tfree\n0\tteam\n");
    expect((await json([path])).input.delimiter).toBe("\t");
    const pipes = temp.file("pipes.txt", "score|plan\n10|free\n9|team\n");
    const report = await json([pipes, "--delimiter", "|", "--attribute", "plan"]);
    expect(report.nps).toBe(100);
  });

  it("reads quoted fields with commas, quotes and newlines as one row each", async () => {
    const path = temp.file(
      "quoted.csv",
      'score,comment\n9,"Great, really.\nSecond line"\n3,"He said ""no"""\r\n7,"a\r\nb"\n',
    );
    const report = await json([path]);
    expect(report.rows).toEqual({ read: 3, accepted: 3, skipped: 0, rejected: 0 });
    expect(report.tally).toEqual({ promoters: 1, passives: 1, detractors: 1 });
  });

  it("reads a UTF-8 file with a byte-order mark: the first column name is clean", async () => {
    const path = temp.file("bom.csv", "\uFEFFscore,country\n10,DE\n8,FR\n");
    const result = await run(["report", path, "--attribute", "country"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("UTF-8 (byte-order mark)");
    expect(result.stderr).toContain('score: column "score"');
    expect(result.stdout).toContain("Rows         2 read, 2 accepted, 0 skipped, 0 rejected");
  });

  it("reads UTF-16 LE with a byte-order mark", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("score\tx\n10\t1\n6\t2\n", "utf16le")]);
    const report = await json([temp.file("utf16.txt", bytes)]);
    expect(report.input.encoding).toBe("utf-16le");
    expect(report.nps).toBe(0);
  });

  it("reads a JSON array of objects", async () => {
    const path = temp.file(
      "answers.json",
      JSON.stringify([
        { score: 10, date: "2026-01-05T10:00:00Z", plan: "team" },
        { score: "9", date: "2026-02-01", plan: "free" },
        { score: null, date: "2026-02-03", plan: "free" },
        { score: 2, date: "2026-03-01", plan: "team" },
      ]),
    );
    const report = await json([path]);
    expect(report.input.format).toBe("json");
    expect(report.rows).toEqual({ read: 4, accepted: 3, skipped: 1, rejected: 0 });
    expect(report.period).toEqual({ first: "2026-01-05T10:00:00.000Z", last: "2026-03-01T00:00:00.000Z", dated: 3 });
    expect(report.firstSkipped[0].row).toBe(3);
  });

  it("reads NDJSON, from a file and from standard input", async () => {
    const text = '{"nps": 10}\n\n{"nps": 8}\n{"nps": 0}\n';
    expect((await json([temp.file("answers.ndjson", text)])).input.format).toBe("ndjson");
    const fromStdin = await json(["-"], text);
    expect(fromStdin.source).toBe("standard input");
    expect(fromStdin.input.format).toBe("ndjson");
    expect(fromStdin.nps).toBe(0);
  });

  it("skips blank scores by default and rejects them with --reject-missing", async () => {
    const path = temp.file("blanks.csv", "score,comment\n10,\n,no answer\n  ,\n5,\n");
    const skipped = await json([path]);
    expect(skipped.rows).toEqual({ read: 4, accepted: 2, skipped: 2, rejected: 0 });
    expect(skipped.input.missingScore).toBe("skip");
    const rejected = await json([path, "--reject-missing", "--max-rejected", "50"]);
    expect(rejected.rows).toEqual({ read: 4, accepted: 2, skipped: 0, rejected: 2 });
  });

  it("reports on the valid rows and lists the rejected ones with their rows; --strict exits 1", async () => {
    const path = temp.file("invalid.csv", "score\n10\n11\n9\nnine\n8.5\n");
    // 3 rows of 5 rejected: more than --max-rejected (5 % by default), so the report ends with exit 1.
    const over = await run(["report", path]);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain("NPS          +100.0");
    expect(over.stderr).toContain(
      '3 of 5 rows (60.0 %) were rejected, more than --max-rejected 5 %: 3 scores of column "score" are not 0–10 answers (such as "11"); check --score',
    );
    const result = await run(["report", path, "--max-rejected", "60"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Rows         5 read, 2 accepted, 0 skipped, 3 rejected");
    expect(result.stdout).toMatch(/rejected {3}row 3, column "score": [^"]*\s+received "11"/);
    expect(result.stdout).toMatch(/rejected {3}row 5, column "score": [^"]*\s+received "nine"/);
    expect(result.stdout).toContain("NPS          +100.0");
    const strict = await run(["report", path, "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("NPS          +100.0");
    expect(strict.stderr).toContain("3 rows were rejected (--strict)");
  });

  it("treats a __proto__ column as an ordinary column, in CSV and JSON, without polluting prototypes", async () => {
    const csv = temp.file("proto.csv", "__proto__,score,constructor\nx,9,y\nz,3,w\n");
    const fromCsv = await json([csv, "--attribute", "__proto__", "--attribute", "constructor"]);
    expect(fromCsv.rows.accepted).toBe(2);
    const jsonFile = temp.file(
      "proto.json",
      '[{"__proto__": {"polluted": 1}, "score": "9"}, {"__proto__": "a", "score": 10}]',
    );
    const fromJson = await json([jsonFile, "--attribute", "__proto__", "--max-rejected", "50"]);
    expect(fromJson.rows.read).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("makes repeated column names unique and says so", async () => {
    const path = temp.file("repeated.csv", "score,score,plan\n9,1,a\n");
    const result = await run(["report", path]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('column "score" appears more than once; the repeat is named "score (2)"');
  });
});

describe("npskit report column guessing", () => {
  it("does not take a Recommend column of agree/disagree answers over LikelyToRecommend", async () => {
    const path = temp.file(
      "carpentries-like.csv",
      "Date,Recommend,LikelyToRecommend\n9/8/18 15:29,Agree,10\n9/28/17 3:42,Strongly Agree,\n10/7/17 10:42,Disagree,6\n",
    );
    const result = await run(["report", path, "--format", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.input.fields.score).toBe("LikelyToRecommend");
    expect(report.rows).toEqual({ read: 3, accepted: 2, skipped: 1, rejected: 0 });
    expect(report.input.dateFormat).toBe("M/d/yy H:mm");
    expect(report.period.first).toBe("2017-10-07T10:42:00.000Z");
    expect(result.stderr).toContain('read with the pattern "M/d/yy H:mm" (detected; pass --date-format to change)');
  });

  it("falls back from a guessed score column that holds no 0–10 answers to one that does", async () => {
    const path = temp.file("grades.csv", "Score,NPS answer\nA,10\nB,7\nA,9\n");
    const result = await run(["report", path, "--format", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).input.fields.score).toBe("NPS answer");
    expect(result.stderr).toContain('column "Score" does not hold 0–10 answers (values such as "A", "B")');
  });

  it("exits 1 when the only candidate holds no 0–10 answers, with the reasons and a hint", async () => {
    const path = temp.file("agree.csv", "Recommend,Other\nAgree,1\nDisagree,2\n");
    const result = await run(["report", path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'score: column "Recommend" (guessed from its name, but few of its values are 0–10 answers: values such as "Agree", "Disagree"; pass --score to choose another)',
    );
    expect(result.stderr).toContain("(2 rows: 0 skipped, 2 rejected)");
    expect(result.stderr).toMatch(/row 2: .*"Agree"/);
    expect(result.stderr).toContain('pass --score <column> if "Recommend" is not the 0–10 answer');
  });

  it("does not take a guessed comment column that holds the answers to a closed question", async () => {
    const answers = ["Little knowledge", "Some knowledge", "Extensive knowledge"];
    const rows = Array.from({ length: 30 }, (_, i) => `${i % 11},${answers[i % 3]}`);
    const path = temp.file("closed.csv", `score,KnowledgeFeedbackPost\n${rows.join("\n")}\n`);
    const result = await run(["report", path, "--format", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).input.fields).toEqual({ score: "score" });
    expect(result.stderr).toContain(
      'column "KnowledgeFeedbackPost" looks like a comment by its name, but its 30 values are 3 distinct answers (values such as "Little knowledge", "Some knowledge", "Extensive knowledge"); comments are not used (pass --comment <column>)',
    );
    const given = await run(["report", path, "--format", "json", "--comment", "KnowledgeFeedbackPost"]);
    expect(JSON.parse(given.stdout).input.fields.comment).toBe("KnowledgeFeedbackPost");
  });

  it("does not take a guessed comment column of numbers, and keeps one of free text", async () => {
    const numbers = temp.file("numbers.csv", "score,reason\n9,1\n7,2\n3,3.5\n");
    const result = await run(["report", numbers, "--format", "json"]);
    expect(JSON.parse(result.stdout).input.fields.comment).toBeUndefined();
    expect(result.stderr).toContain('column "reason" looks like a comment by its name, but its values are numbers');
    const rows = Array.from({ length: 30 }, (_, i) => `${i % 11},comment number ${i}`);
    const text = temp.file("text.csv", `score,Why\n${rows.join("\n")}\n`);
    const kept = await run(["report", text, "--format", "json"]);
    expect(JSON.parse(kept.stdout).input.fields.comment).toBe("Why");
    expect(kept.stderr).toContain('comment: column "Why" (guessed from its name)');
  });

  it("exits 1 when no column looks like a score, naming the columns", async () => {
    const path = temp.file("nothing.csv", "a,b\n1,2\n");
    const result = await run(["report", path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'npskit: no column looks like the 0–10 score; pass --score <column>; the columns are "a", "b"',
    );
  });

  it("does not use a date column whose day and month order is ambiguous", async () => {
    const path = temp.file("ambiguous.csv", "date,score\n1/2/2026,9\n3/4/2026,7\n");
    const result = await run(["report", path, "--format", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).period).toBeUndefined();
    expect(result.stderr).toContain(
      'column "date" looks like a date but its values read both month-first and day-first',
    );
    const given = await json([path, "--date", "date", "--date-format", "d/M/yyyy"]);
    expect(given.period.first).toBe("2026-02-01T00:00:00.000Z");
  });

  it("reads dates in the time zone given", async () => {
    const path = temp.file("zoned.csv", "when,score\n2026-07-01T12:00,9\n");
    const report = await json([path, "--date", "when", "--time-zone", "Europe/Paris"]);
    expect(report.period.first).toBe("2026-07-01T10:00:00.000Z");
    expect(report.input.timeZone).toBe("Europe/Paris");
  });

  it("uses the columns given, and exits 1 for a column that does not exist", async () => {
    const path = temp.file("named.csv", "q1,q2\n10,x\n3,y\n");
    expect((await json([path, "--score", "q1"])).nps).toBe(0);
    const unknown = await run(["report", path, "--score", "q3"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('npskit: --score: no column named "q3"; the columns are "q1", "q2"');
    const attribute = await run(["report", path, "--score", "q1", "--attribute", "plan"]);
    expect(attribute.code).toBe(1);
    expect(attribute.stderr).toContain('npskit: --attribute: no column named "plan"');
  });
});

describe("npskit report failures", () => {
  it("exits 1 when no row has a valid score, with the reasons", async () => {
    const path = temp.file("no-valid.csv", "score\n11\n\n-1\nNA\n");
    const result = await run(["report", path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("npskit: no valid score in");
    expect(result.stderr).toContain("(3 rows: 1 skipped, 2 rejected)");
    expect(result.stderr).toMatch(/row 2: .*"11"/);
  });

  it("exits 1 for a missing file, an empty file, bad JSON and a JSON object", async () => {
    const missing = await run(["report", "/nonexistent/answers.csv"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("npskit: cannot read /nonexistent/answers.csv: no such file\n");
    const empty = await run(["report", temp.file("empty.csv", "")]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("has no data rows");
    const bad = await run(["report", temp.file("bad.json", "[{")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("npskit: cannot read the JSON:");
    const object = await run(["report", temp.file("object.json", '{"score": 9}'), "--input-format", "json"]);
    expect(object.code).toBe(1);
    expect(object.stderr).toContain("npskit: the JSON must be an array of objects, one per response");
  });

  it("rejects one broken row (a line that is not JSON, an unclosed quote) and reads the rest", async () => {
    const ndjson = await run([
      "report",
      temp.file("bad.ndjson", '{"score": 9}\nnot json\n'),
      "--format",
      "json",
      "--max-rejected",
      "50",
    ]);
    expect(ndjson.code).toBe(0);
    expect(JSON.parse(ndjson.stdout).rows).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    const result = await run(["report", temp.file("unclosed.csv", 'score,comment\n9,"open\n')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'row 2: a quoted field must be closed by a quote before the end of the file, received "\\"open"',
    );
  });

  it.each([
    [["report", "--nope"], "Unknown option '--nope'"],
    [["report", "--format", "xml"], '--format must be one of text, json, markdown, csv, html, received "xml"'],
    [
      ["report", "--level", "1.5"],
      '--level must be a number between 0 and 1 (or a percentage such as 95), received "1.5"',
    ],
    [
      ["report", "--level", "abc"],
      '--level must be a number between 0 and 1 (or a percentage such as 95), received "abc"',
    ],
    [
      ["report", "--method", "exact"],
      '--method must be one of adjusted-wald, wald, score, bayes, bootstrap, received "exact"',
    ],
    [["report", "--encoding", "ebcdic", "x.csv"], '--encoding must be one of auto, utf-8, latin1, received "ebcdic"'],
    [["report", "--delimiter", "ab", "x.csv"], '--delimiter must be one character (or "tab"), received "ab"'],
    [["report", "a.csv", "b.csv"], "report takes one file (or - for standard input), received 2"],
    [["report", "--score", "nps"], "--score needs a file to read; no file was given"],
    [
      ["report", "--skip-missing", "--reject-missing", "x.csv"],
      "--skip-missing and --reject-missing cannot be used together",
    ],
    [["report", "--level"], "Option '--level <value>' argument missing"],
    [["frobnicate"], 'unknown command "frobnicate"'],
  ])("exits 2 for the usage error %j", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });

  it("exits 2 for an unknown time zone", async () => {
    const path = temp.file("tz.csv", "date,score\n2026-01-01,9\n");
    const result = await run(["report", path, "--time-zone", "Mars/Olympus"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Mars/Olympus");
  });
});

describe("npskit help", () => {
  it("report --help lists every option of the command", async () => {
    const result = await run(["report", "--help"]);
    expect(result.code).toBe(0);
    for (const [name, option] of Object.entries(REPORT_OPTIONS)) {
      expect(result.stdout).toContain(`--${name}`);
      if ("short" in option) expect(result.stdout).toContain(`-${option.short}, --${name}`);
    }
    expect((await run(["help", "report"])).stdout).toBe(result.stdout);
  });

  it("--help lists the commands and the exit statuses; no command prints it on stderr with status 2", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    for (const command of ["report", "sample-size", "help"]) expect(result.stdout).toContain(`  ${command}`);
    expect(result.stdout).toContain("Exit status: 0 success, 1 unusable data, 2 usage error.");
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(result.stdout);
  });

  it("every help line fits 80 columns", async () => {
    for (const command of ["report", "sample-size", "benchmarks", "migration", "follow-up"]) {
      const args = [command, "--help"];
      for (const line of (await run(args)).stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
    }
    for (const line of (await run(["--help"])).stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
  });
});

describe("npskit report --tallies", () => {
  /** One result row of a tallySql query by plan and month (unweighted), as CSV cells. */
  const header =
    "plan,nps_period,nps_rows,nps_promoters,nps_passives,nps_detractors,nps_missing_scores,nps_invalid_scores," +
    Array.from({ length: 11 }, (_, v) => `nps_score_${v}`).join(",") +
    ",nps_dated,nps_first,nps_last";
  const line = (plan: string, period: string, scores: ReadonlyArray<number>, first: string, missing = 0): string => {
    const count = (test: (score: number) => boolean): number => scores.filter(test).length;
    const distribution = Array.from({ length: 11 }, (_, v) => count((score) => score === v));
    return [
      plan,
      period,
      scores.length + missing,
      count((s) => s >= 9),
      count((s) => s === 7 || s === 8),
      count((s) => s <= 6),
      missing,
      0,
      ...distribution,
      period === "" ? 0 : scores.length,
      first,
      first,
    ].join(",");
  };
  const first = String(Date.UTC(2026, 2, 10));
  const tallies = temp.file(
    "tallies.csv",
    [
      header,
      line("pro", "2026-03-01", [10, 10, 3], first, 1),
      line("NA", "2026-03-01", [9], first),
      line("", "2026-03-01", [0], first),
      line("free", "", [8], ""),
    ].join("\n"),
  );

  it("reads blank and NA segment cells as no value, as a file of responses does", async () => {
    const report = await json(["--tallies", tallies, "--by", "plan", "--period", "month"]);
    expect(report.rows).toEqual({ read: 7, accepted: 6, skipped: 1, rejected: 0 });
    expect(report.segments.segments.map((segment: { key: unknown; n: number }) => [segment.key, segment.n])).toEqual([
      ["free", 1],
      ["pro", 3],
      [null, 2],
    ]);
    expect(report.period).toEqual({ first: "2026-03-10T00:00:00.000Z", last: "2026-03-10T00:00:00.000Z", dated: 5 });
    expect(report.trend.segments.map((segment: { key: unknown }) => segment.key)).toEqual(["free", "pro", null]);
    expect(report.input).toEqual({
      format: "csv",
      encoding: "utf-8",
      delimiter: ",",
      tallies: { period: "month", timeZone: "UTC" },
    });
  });

  it("reads the bucket and time zone the rows carry; another --time-zone is a usage error", async () => {
    const month = String(Date.UTC(2026, 2, 10));
    const carried = temp.file(
      "carried.csv",
      [
        `${header},nps_bucket,nps_time_zone`,
        `${line("pro", "2026-03-01", [10, 3], month)},month,Europe/Paris`,
        `${line("free", "2026-04-01", [9], month)},month,Europe/Paris`,
      ].join("\n"),
    );
    const report = await json(["--tallies", carried, "--period", "quarter"]);
    expect(report.input.tallies).toEqual({ period: "month", timeZone: "Europe/Paris" });
    expect(report.trend.points.map((point: { label: string; n: number }) => [point.label, point.n])).toEqual([
      ["2026-Q1", 2],
      ["2026-Q2", 1],
    ]);
    const other = await run(["report", "--tallies", carried, "--period", "month", "--time-zone", "UTC"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(
      'npskit: countSqlRows: timeZone must be the query\'s ("Europe/Paris", in nps_time_zone), received "UTC"\n',
    );
  });

  it("refuses what needs responses, and options of a file of responses, with a usage error", async () => {
    const cases: Array<[ReadonlyArray<string>, string]> = [
      [
        ["--tiers", "spend:3"],
        "npskit: --tiers needs every response (quantiles cannot come from counts): use it on a file of responses\n",
      ],
      [
        ["--period", "month", "--respondents", "latest"],
        "npskit: --respondents latest needs every answer of each respondent, not counts: use it on a file of responses\n",
      ],
      [
        ["--weight", "w", "--score", "s"],
        "npskit: --score, --weight read a file of responses; with --tallies the query chose the score, weight, time and segment columns\n",
      ],
      [
        ["responses.csv"],
        'npskit: --tallies reads the result rows of a tallySql query instead of a file of responses: give one or the other, received both "responses.csv" and --tallies\n',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await run(["report", "--tallies", tallies, ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`${message}Run "npskit --help" for usage.\n`);
    }
  });

  it("exits 1 for tallies that cannot give the report asked for", async () => {
    const undated = temp.file(
      "undated.json",
      JSON.stringify([
        {
          nps_rows: 1,
          nps_promoters: 1,
          nps_passives: 0,
          nps_detractors: 0,
          nps_missing_scores: 0,
          nps_invalid_scores: 0,
          ...Object.fromEntries(Array.from({ length: 11 }, (_, v) => [`nps_score_${v}`, v === 10 ? 1 : 0])),
        },
      ]),
    );
    const period = await run(["report", "--tallies", undated, "--period", "week"]);
    expect(period.code).toBe(1);
    expect(period.stderr).toBe(
      "npskit: --period needs tallies by a time bucket, and " +
        undated +
        " has no nps_period column; write the query with timeBucket (period week)\n",
    );
    const by = await run(["report", "--tallies", tallies, "--by", "region"]);
    expect(by.code).toBe(1);
    expect(by.stderr).toBe('npskit: --by: no column named "region"; the columns are "plan"\n');
    const month = await run(["report", "--tallies", tallies, "--period", "week"]);
    expect(month.code).toBe(1);
    expect(month.stderr).toBe(
      `npskit: ${tallies}: row 2: nps_period must be the first day (YYYY-MM-DD) of a week in UTC, the query's period and time zone, received "2026-03-01"\n`,
    );
    const text = await run(["report", "--tallies", undated]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("NPS          +100.0");
  });
});
