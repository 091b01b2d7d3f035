import { linkSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

const content = `score\n9\n3\n11\n${"7\n".repeat(50)}`;

describe("report refuses an output over its input", () => {
  it.each([["--rejected"], ["-o"], ["--out"]])("%s with the input's own path", async (option) => {
    const input = temp.file(`same${option}.csv`, content);
    const result = await run(["report", input, option, input]);
    expect(result.code).toBe(2);
    const name = option === "-o" ? "--out" : option;
    expect(result.stderr.split("\n")[0]).toBe(
      `npskit: ${name} must not be an input file, received ${JSON.stringify(input)}, the same file as the input ${JSON.stringify(input)}`,
    );
    expect(readFileSync(input, "utf8")).toBe(content);
  });

  it("through another spelling, a hard link or a symbolic link", async () => {
    const input = temp.file("linked.csv", content);
    const hard = join(dirname(input), "hard.csv");
    const soft = join(dirname(input), "soft.csv");
    linkSync(input, hard);
    symlinkSync(input, soft);
    const spelled = `${dirname(input)}/./linked.csv`;
    for (const output of [hard, soft, spelled, relative(process.cwd(), input)]) {
      const result = await run(["report", input, "--rejected", output]);
      expect(result.code, output).toBe(2);
      expect(result.stderr).toContain("--rejected must not be an input file");
    }
    expect(readFileSync(input, "utf8")).toBe(content);
  });

  it("and --out and --rejected on one file", async () => {
    const input = temp.file("input.csv", content);
    const output = join(dirname(input), "both.txt");
    const result = await run(["report", input, "--out", output, "--rejected", output]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      `npskit: --rejected must not be the file of --out, received ${JSON.stringify(output)} for both`,
    );
  });

  it("still writes an output to a new file", async () => {
    const input = temp.file("fresh.csv", content);
    const rejected = join(dirname(input), "rejected.csv");
    const result = await run(["report", input, "--rejected", rejected]);
    expect(result.code).toBe(0);
    expect(readFileSync(rejected, "utf8")).toContain("11");
    expect(readFileSync(input, "utf8")).toBe(content);
  });
});
