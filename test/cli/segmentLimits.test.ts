import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

/**
 * 60 free-text answers of one response each (c0…c59), a segment "big" of 100 responses, and a plan
 * column with segments of 172, 100 and 28 responses (more than 50 segments by `free`, 3 by `plan`).
 */
const lines = ["score,free,plan,date"];
for (let i = 0; i < 160; i++) {
  const plan = i % 3 === 0 ? "pro" : i % 7 === 0 ? "team" : "free";
  lines.push(`${i % 11},${i < 60 ? `c${i}` : "big"},${plan},2025-0${1 + (i % 6)}-1${i % 10}`);
}
const file = temp.file("free.csv", `${lines.join("\n")}\n`);
const rowsOf = (column: number): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const key = line.split(",")[column] as string;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};
const plans = rowsOf(2);

async function report(args: ReadonlyArray<string>): Promise<{ stdout: string; stderr: string }> {
  const result = await run(["report", file, "--score", "score", ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

// biome-ignore lint/suspicious/noExplicitAny: the parsed JSON document is explored freely in assertions
async function json(args: ReadonlyArray<string>): Promise<{ doc: Record<string, any>; stderr: string }> {
  const { stdout, stderr } = await report([...args, "--format", "json"]);
  return { doc: JSON.parse(stdout), stderr };
}

describe("above 50 segments", () => {
  it("shows the 50 largest, warns on stderr and accounts for the rest", async () => {
    const { doc, stderr } = await json(["--by", "free"]);
    expect(doc.segments.segments).toHaveLength(50);
    expect(doc.segments.segments.map((s: { key: string }) => s.key)).toContain("big");
    expect(doc.segments.hidden).toEqual({ segments: 11, responses: 11, small: 0, top: 50 });
    expect(doc.segments.total.n).toBe(160);
    expect(stderr).toContain(
      "npskit: 61 segments: only the 50 largest are shown; 11 segments with 11 responses are not (--top all shows every one",
    );
    const text = await report(["--by", "free"]);
    expect(text.stdout).toContain("11 segments with 11 responses not shown: 11 beyond the 50 largest");
    expect(text.stdout).toContain("across 61 comparisons");
  });

  it("--top all shows every segment with the same figures, without a warning", async () => {
    const limited = await json(["--by", "free"]);
    const { doc, stderr } = await json(["--by", "free", "--top", "all"]);
    expect(doc.segments.segments).toHaveLength(61);
    expect(doc.segments.hidden).toBeUndefined();
    expect(stderr).not.toContain("largest");
    const byKey = new Map(doc.segments.segments.map((s: { key: string }) => [s.key, s]));
    for (const segment of limited.doc.segments.segments) expect(segment).toEqual(byKey.get(segment.key));
  });

  it("--top K shows the K largest in the chosen order, and every format says what is hidden", async () => {
    const { doc } = await json(["--by", "plan", "--top", "2"]);
    const largest = [...plans].sort((a, b) => b[1] - a[1]).slice(0, 2);
    expect(doc.segments.segments.map((s: { key: string; n: number }) => [s.key, s.n])).toEqual(
      largest.sort((a, b) => a[0].localeCompare(b[0])),
    );
    const hidden = [...plans].sort((a, b) => b[1] - a[1])[2] as [string, number];
    expect(doc.segments.hidden).toEqual({ segments: 1, responses: hidden[1], small: 0, top: 2 });
    const note = `1 segment with ${hidden[1]} responses not shown: 1 beyond the 2 largest`;
    expect((await report(["--by", "plan", "--top", "2"])).stdout).toContain(note);
    expect((await report(["--by", "plan", "--top", "2", "--format", "markdown"])).stdout).toContain(`- ${note}`);
    expect((await report(["--by", "plan", "--top", "2", "--format", "html"])).stdout).toContain(
      `1 segment with ${hidden[1]} responses not shown`,
    );
    const csv = (await report(["--by", "plan", "--top", "2", "--format", "csv", "--table", "segments"])).stdout;
    expect(csv.trimEnd().split("\r\n").at(-1)).toBe(`(1 not shown),${hidden[1]}`);
  });

  it("the per-segment trend shows the same segments", async () => {
    const { doc } = await json(["--by", "plan", "--top", "2", "--period", "month"]);
    expect(doc.trend.segments.map((s: { key: string }) => s.key)).toEqual(
      doc.segments.segments.map((s: { key: string }) => s.key),
    );
  });
});

describe("--min-n and --hide-small", () => {
  const smallPlans = [...plans].filter(([, n]) => n < 50);

  it("--min-n flags the segments below it and shows them apart, last", async () => {
    expect(smallPlans.length).toBeGreaterThan(0);
    const { doc } = await json(["--by", "plan", "--min-n", "50"]);
    expect(doc.segments.settings.minResponses).toBe(50);
    expect(doc.segments.smallApart).toBe(true);
    const flags = doc.segments.segments.map((s: { small: boolean; n: number }) => [s.small, s.n < 50]);
    for (const [small, below] of flags) expect(small).toBe(below);
    // Small ones last.
    const firstSmall = flags.findIndex(([small]: [boolean]) => small);
    expect(flags.slice(firstSmall).every(([small]: [boolean]) => small)).toBe(true);
    const text = (await report(["--by", "plan", "--min-n", "50"])).stdout;
    expect(text).toMatch(/\n-- fewer than 50 responses:\nteam /);
    expect(text).toContain("small segments (fewer than 50 responses) are listed last, apart");
  });

  it("--hide-small hides them and counts them", async () => {
    const { doc } = await json(["--by", "plan", "--min-n", "50", "--hide-small"]);
    expect(doc.segments.segments.every((s: { small: boolean }) => !s.small)).toBe(true);
    expect(doc.segments.hidden).toEqual({
      segments: smallPlans.length,
      responses: smallPlans.reduce((sum, [, n]) => sum + n, 0),
      small: smallPlans.length,
    });
    expect(doc.segments.total.n).toBe(160);
  });

  it("without --min-n, the threshold is 30 and small segments stay in place", async () => {
    const { doc } = await json(["--by", "plan"]);
    expect(doc.segments.settings.minResponses).toBe(30);
    expect(doc.segments.smallApart).toBeUndefined();
    expect(doc.segments.segments.map((s: { key: string }) => s.key)).toEqual(["free", "pro", "team"]);
  });

  it("works with --tiers", async () => {
    const { doc } = await json(["--tiers", "score:4", "--top", "2"]);
    expect(doc.segments.segments).toHaveLength(2);
    expect(doc.segments.hidden.top).toBe(2);
  });
});

describe("--min-n with a trend and no segments", () => {
  it("sets when a period is small, as with --by", async () => {
    const result = await run(["report", file, "--period", "month", "--min-n", "27", "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const trend = JSON.parse(result.stdout).trend;
    expect(trend.minResponses).toBe(27);
    const months = new Map<string, number>();
    for (const line of lines.slice(1)) {
      const month = (line.split(",")[3] as string).slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    expect([...months.values()].some((n) => n < 27) && [...months.values()].some((n) => n >= 27)).toBe(true);
    for (const point of trend.points) expect(point.small, point.label).toBe((months.get(point.label) ?? 0) < 27);
  });
});

describe("usage errors", () => {
  it.each([
    [["--by", "plan", "--top", "0"], '--top must be a whole number from 1 or "all", received "0"'],
    [["--by", "plan", "--top", "ten"], '--top must be a whole number from 1 or "all", received "ten"'],
    [["--by", "plan", "--min-n", "1.5"], '--min-n must be a whole number, received "1.5"'],
    [["--min-n", "5"], "--min-n sets when segments and periods are small: give --by, --tiers, --period or --rolling"],
    [["--top", "5", "--hide-small"], "--top, --hide-small limit the segments: give --by or --tiers"],
  ])("%j", async (args, message) => {
    const result = await run(["report", file, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
