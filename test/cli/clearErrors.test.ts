import { afterAll, describe, expect, it } from "vitest";
import { confidenceInterval, formatOverviewText, formatReportCsv, formatReportMarkdown } from "../../src/index.js";
import { formatSegmentsText } from "../../src/report/segmentsText.js";
import { formatTrendText } from "../../src/report/trendText.js";
import { errorOf } from "../helpers/errors.js";
import { run, tempDirectory } from "./helpers.js";

const temp = tempDirectory();
afterAll(() => temp.cleanup());

describe("clear messages for unclear errors", () => {
  it("follow-up --value names --value for a missing column", async () => {
    const file = temp.file("value.csv", "score,id\n9,a\n");
    const result = await run(["follow-up", file, "--value", "nope"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('npskit: --value: no column named "nope"; the columns are "score", "id"\n');
  });

  it("says 'needs' for one option given without a file", async () => {
    const result = await run(["follow-up", "--encoding", "latin1"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe("npskit: --encoding needs a file to read; no file was given");
    const two = await run(["report", "--encoding", "latin1", "--delimiter", ";"]);
    expect(two.stderr.split("\n")[0]).toContain("need a file to read");
  });

  it("checks --time-zone without a file", async () => {
    for (const command of ["report", "follow-up"]) {
      const result = await run([command, "--time-zone", "Mars/Olympus"]);
      expect(result.code).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(
        'npskit: --time-zone must be a known IANA time-zone name such as "Europe/Paris", received "Mars/Olympus"',
      );
    }
  });

  it("says why a quote cannot be the delimiter", async () => {
    const file = temp.file("quote.csv", "score\n9\n");
    const result = await run(["report", file, "--delimiter", '"']);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      'npskit: --delimiter must be a character other than the quote and line breaks (which CSV reserves), received "\\""',
    );
  });

  it("prints a level just below 100% with the digits it needs", async () => {
    const result = await run(["report", "--level", "99.9999999"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("99.9999999% CI");
    expect(result.stdout).not.toContain("100% CI");
  });

  it.each<[string, () => unknown, string]>([
    [
      "formatOverviewText",
      () => formatOverviewText(null as never),
      "formatOverviewText: result must be the result of overview, received null",
    ],
    [
      "formatReportMarkdown",
      () => formatReportMarkdown(null as never),
      "formatReportMarkdown: report must be the result of buildReport, received null",
    ],
    [
      "formatReportCsv",
      () => formatReportCsv(null as never),
      "formatReportCsv: report must be the result of buildReport, received null",
    ],
    [
      "formatSegmentsText",
      () => formatSegmentsText(null as never),
      "formatSegmentsText: result must be the result of segmentBy, segmentByTiers or crossSegment, received null",
    ],
    [
      "formatTrendText",
      () => formatTrendText(null as never),
      "formatTrendText: result must be the result of trend, rollingTrend, trendBy or rollingTrendBy, received null",
    ],
  ])("%s(null) is invalid_input, not a TypeError", (_, call, message) => {
    const error = errorOf(call);
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(message);
  });

  it("confidenceInterval with null options is invalid_option", () => {
    const error = errorOf(() => confidenceInterval({ promoters: 1, passives: 0, detractors: 1 }, null as never));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe("confidenceInterval: options must be an object, received null");
  });
});

describe("migration and follow-up read as report does", () => {
  it("skip NA and print the row accounting", async () => {
    const first = temp.file("wave1.csv", "id,score\na,9\nb,NA\nc,3\nd,11\n");
    const second = temp.file("wave2.csv", "id,score\na,10\nc,7\n");
    const result = await run(["migration", first, second, "--respondent", "id", "--score", "score"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `npskit: ${first}: 4 rows read: 2 accepted, 1 skipped, 1 rejected (rejected rows are left out)`,
    );
    expect(result.stderr).toContain(`npskit: ${second}: 2 rows read: 2 accepted, 0 skipped, 0 rejected`);
    const followUp = await run(["follow-up", first, "--respondent", "id", "--score", "score"]);
    expect(followUp.code).toBe(0);
    expect(followUp.stderr).toContain("4 rows read: 2 accepted, 1 skipped, 1 rejected");
  });
});

describe("more clear messages", () => {
  const temp = tempDirectory();
  afterAll(() => temp.cleanup());

  it("a --date-format that reads no calendar date is a usage error naming it", async () => {
    const file = temp.file("dates.csv", "score,date\n9,2025-01-01\n3,2025-01-02\n");
    for (const pattern of ["%Y", "YYYY-MM-dd", "dd/MM", "HH:mm"]) {
      const result = await run(["report", file, "--date", "date", "--date-format", pattern]);
      expect(result.code, pattern).toBe(2);
      expect(result.stderr, pattern).toContain(
        `dateFormat must be a date-fns parse pattern (yyyy for years, d for days), received ${JSON.stringify(pattern)}`,
      );
      expect(result.stderr, pattern).not.toContain("https://");
    }
  });

  it("tiers say why a response is left out: no numeric value", async () => {
    const file = temp.file("tiers.csv", "score,spend\n9,abc\n3,12\n5,20\n7,30\n");
    const result = await run(["report", file, "--tiers", "spend:2"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 response left out (no numeric value)");
  });
});

describe("counts with their noun in the singular for one", () => {
  const temp = tempDirectory();
  afterAll(() => temp.cleanup());

  it("one rejected row under --strict, and no valid score in one row", async () => {
    const file = temp.file("one.csv", "score\n9\n11\n");
    const strict = await run(["report", file, "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("1 row was rejected (--strict)");
    const none = await run(["report", temp.file("none.csv", "score\n11\n")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("(1 row: 0 skipped, 1 rejected)");
  });
});
