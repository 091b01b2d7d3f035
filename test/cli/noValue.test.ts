import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

// biome-ignore lint/suspicious/noExplicitAny: the parsed JSON document is explored freely in assertions
async function segments(file: string): Promise<Record<string, any>> {
  const result = await run(["report", file, "--by", "plan", "--format", "json"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).segments;
}

describe("rows without a --by value are the (no value) segment, as docs/cli.md says", () => {
  it("blank, NA, null and a short CSV row", async () => {
    const file = temp.file("na.csv", "score,plan\n9,pro\n3,\n8,NA\n10\n7,NULL\n6,free\n");
    const result = await segments(file);
    expect(result.leftOut).toBe(0);
    const none = result.segments.find((segment: { key: unknown }) => segment.key === null);
    expect(none).toMatchObject({ label: "(no value)", n: 4 });
    expect(result.total.n).toBe(6);
  });

  it("a JSON null and an absent key", async () => {
    const file = temp.file(
      "na.ndjson",
      '{"score":9,"plan":"pro"}\n{"score":3}\n{"score":5,"plan":null}\n{"score":10,"plan":""}\n',
    );
    const result = await segments(file);
    expect(result.leftOut).toBe(0);
    expect(result.segments.map((segment: { key: unknown; n: number }) => [segment.key, segment.n])).toEqual([
      ["pro", 1],
      [null, 3],
    ]);
  });

  it("the text report shows the segment and no left-out line", async () => {
    const file = temp.file("text.csv", "score,plan\n9,pro\n3,\n");
    const result = await run(["report", file, "--by", "plan"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\(no value\) +1 /m);
    expect(result.stdout).not.toContain("left out");
  });
});
