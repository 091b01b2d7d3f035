import { afterAll, describe, expect, it } from "vitest";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

const csv = temp.file(
  "export.csv",
  "RESPONSE_ID,NPS_SCORE,SURVEY_SUB_TYPE,Created Date,Weight,Comment Text,spend\n1,9,a,2024-01-02,1,fine,10\n2,3,b,2024-01-03,2,bad,20\n",
);

describe("an unknown column name gets a suggestion, whichever option names it", () => {
  it.each([
    ["--by", "survey_sub_type", "SURVEY_SUB_TYPE"],
    ["--score", "nps_score", "NPS_SCORE"],
    ["--date", "created_date", "Created Date"],
    ["--weight", "weigth", "Weight"],
    ["--comment", "comment-text", "Comment Text"],
    ["--attribute", "Survey Sub Type", "SURVEY_SUB_TYPE"],
    ["--respondent", "response_id", "RESPONSE_ID"],
  ])("%s %s", async (option, given, suggested) => {
    const result = await run(["report", csv, "--score", "NPS_SCORE", option, given]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `npskit: ${option}: no column named ${JSON.stringify(given)} (did you mean ${JSON.stringify(suggested)}?); the columns are "RESPONSE_ID", "NPS_SCORE"`,
    );
  });

  it("--tiers with a misspelt column", async () => {
    const result = await run(["report", csv, "--tiers", "Spend:2"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--tiers: no column named "Spend" (did you mean "spend"?)');
  });

  it("--by on the built-in sample names its attributes", async () => {
    const result = await run(["report", "--by", "PLAN"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--by: no attribute named "PLAN" in the built-in sample (did you mean "plan"?)');
  });

  it("a name with nothing close gets the list only", async () => {
    const result = await run(["report", csv, "--by", "region"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--by: no column named "region"; the columns are');
    expect(result.stderr).not.toContain("did you mean");
  });
});
