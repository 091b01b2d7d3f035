import { afterAll, describe, expect, it } from "vitest";
import { readResponses } from "../../src/node.js";
import { run, tempDirectory } from "./helpers.js";

const files = tempDirectory();
afterAll(files.cleanup);
const path = files.file("answers.csv", "id,score,comment\n1,10,great\n2,3,slow\n");

describe("a column option given empty", () => {
  it.each([
    ["report", path, "--score", ""],
    ["follow-up", path, "--score", ""],
    ["themes", path, "--comment", "comment", "--score", ""],
  ])("is named as the command's option in %s", async (...args) => {
    const result = await run(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--score: no column named ""');
    expect(result.stderr).not.toContain("readResponses");
  });

  it("is an invalid option of readResponses in the library", async () => {
    await expect(readResponses(path, { score: "" })).rejects.toThrow(
      'readResponses: score must be a non-empty string, received ""',
    );
  });
});
