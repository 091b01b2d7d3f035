import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

/** Segments of a JSON report: key and n, in the order printed. */
async function segments(args: ReadonlyArray<string>): Promise<Array<[unknown, number]>> {
  const result = await run(["report", ...args, "--format", "json"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).segments.segments.map((segment: { key: unknown; n: number }) => [
    segment.key,
    segment.n,
  ]);
}

describe("the order of segments", () => {
  it("puts numeric labels read from a file in numeric order, then text", async () => {
    const rows = ["score,t", ...Array.from({ length: 13 }, (_, i) => `${i % 11},${12 - i}`), "9,other", "3,NA"];
    const file = temp.file("numeric.csv", `${rows.join("\n")}\n`);
    const keys = (await segments([file, "--by", "t"])).map(([key]) => key);
    expect(keys).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "other", null]);
  });

  it("sorts by size or NPS with --sort, and lists per-segment trends in label order", async () => {
    const bySize = await segments(["--by", "plan", "--sort", "n"]);
    expect(bySize.map(([, n]) => n)).toEqual([...bySize.map(([, n]) => n)].sort((a, b) => b - a));
    const result = await run(["report", "--by", "plan", "--sort", "nps", "--format", "json"]);
    const nps = JSON.parse(result.stdout).segments.segments.map((segment: { nps: number }) => segment.nps);
    expect(nps).toEqual([...nps].sort((a: number, b: number) => b - a));
    const trend = await run(["report", "--by", "plan", "--period", "year", "--format", "json"]);
    expect(JSON.parse(trend.stdout).trend.segments.map((segment: { key: string }) => segment.key)).toEqual([
      "business",
      "enterprise",
      "free",
      "team",
    ]);
  });

  it("refuses an unknown order, or --sort without segments", async () => {
    const bad = await run(["report", "--by", "plan", "--sort", "size"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--sort");
    const alone = await run(["report", "--sort", "n"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--sort orders the segments: give --by or --tiers");
  });
});
