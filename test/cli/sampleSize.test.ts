import { describe, expect, it } from "vitest";
import { SAMPLE_SIZE_OPTIONS } from "../../src/cli/options.js";
import { marginOfErrorForSampleSize, requiredSampleSize } from "../../src/index.js";
import { run } from "./helpers.js";

describe("npskit sample-size", () => {
  it("answers the planning question for the worst case and for expected shares", async () => {
    const worst = await run(["sample-size", "--margin", "5"]);
    expect(worst.code).toBe(0);
    expect(worst.stdout).toContain(`Responses needed  ${requiredSampleSize({ marginOfError: 5 })}`);
    expect(worst.stdout).toContain("Responses needed  1537");
    expect(worst.stdout).toContain("the worst case");
    const shares = await run(["sample-size", "--margin", "5", "--shares", "0.5,0.3,0.2"]);
    expect(shares.stdout).toContain("Responses needed  938");
    expect(shares.stdout).toContain("promoters 50%, passives 30%, detractors 20%");
    const percentages = await run(["sample-size", "--margin", "5", "--shares", "50,30,20", "--level", "95"]);
    expect(percentages.stdout).toBe(shares.stdout);
  });

  it("lists the margins of other sample sizes", async () => {
    const result = await run(["sample-size", "--margin", "10", "--level", "0.9"]);
    const margin = marginOfErrorForSampleSize(400, { level: 0.9 });
    expect(result.stdout).toContain(`      400  ±${(Math.round(margin * 10) / 10).toFixed(1)}`);
  });

  it("prints JSON", async () => {
    const result = await run(["sample-size", "--margin", "5", "--shares", "0.5,0.3,0.2", "--format", "json"]);
    const document = JSON.parse(result.stdout);
    expect(document).toEqual({
      marginOfError: 5,
      level: 0.95,
      shares: { promoters: 0.5, passives: 0.3, detractors: 0.2 },
      requiredSampleSize: 938,
      achievedMarginOfError: expect.any(Number),
    });
    expect(document.achievedMarginOfError).toBeLessThanOrEqual(5);
  });

  it.each([
    [["sample-size"], "sample-size needs --margin <points>, e.g. --margin 5"],
    [
      ["sample-size", "--margin", "0"],
      '--margin must be a number of NPS points greater than 0 and at most 200, received "0"',
    ],
    [
      ["sample-size", "--margin", "five"],
      '--margin must be a number of NPS points greater than 0 and at most 200, received "five"',
    ],
    [
      ["sample-size", "--margin", "5", "--shares", "0.5,0.5"],
      "--shares must be three numbers for promoters, passives and detractors",
    ],
    [["sample-size", "--margin", "5", "--shares", "0,0,0"], "--shares must be three numbers"],
    [["sample-size", "--margin", "5", "--level", "100"], "--level must be a number between 0 and 1"],
    [["sample-size", "file.csv", "--margin", "5"], 'sample-size takes no file, received "file.csv"'],
  ])("exits 2 for %j", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("--help lists every option", async () => {
    const result = await run(["sample-size", "--help"]);
    expect(result.code).toBe(0);
    for (const name of Object.keys(SAMPLE_SIZE_OPTIONS)) expect(result.stdout).toContain(`--${name}`);
  });
});

describe("sample-size --margin in exponent notation", () => {
  it("reads 1e1 and 1e-4, and says what is wrong with a margin too small to plan for", async () => {
    const ten = await run(["sample-size", "--margin", "1e1"]);
    expect(ten.code).toBe(0);
    expect(ten.stdout).toContain(`Responses needed  ${requiredSampleSize({ marginOfError: 10 })}`);
    const small = await run(["sample-size", "--margin", "1e-4"]);
    expect(small.code).toBe(0);
    expect(small.stdout).toContain(`Responses needed  ${requiredSampleSize({ marginOfError: 1e-4 })}`);
    const tiny = await run(["sample-size", "--margin", "1e-7"]);
    expect(tiny.code).toBe(2);
    expect(tiny.stderr.split("\n")[0]).toBe(
      "npskit: requiredSampleSize: marginOfError must need at most 9007199254740991 responses (Number.MAX_SAFE_INTEGER), received 1e-7, which needs about 3.84e+18",
    );
    const huge = await run(["sample-size", "--margin", "1e3"]);
    expect(huge.stderr.split("\n")[0]).toBe(
      'npskit: --margin must be a number of NPS points greater than 0 and at most 200, received "1e3"',
    );
  });
});
