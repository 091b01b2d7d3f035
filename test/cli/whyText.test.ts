import { describe, expect, it } from "vitest";
import { csvText } from "../../src/cli/whyText.js";

describe("the CSV of the themes and drivers commands", () => {
  it("neutralises text a spreadsheet would run as a formula, and keeps numbers", () => {
    const text = csvText(
      ["theme", "excerpt", "impact"],
      [
        ["=cmd|' /C calc'!A0", "@SUM(1)", "-12.5"],
        ["price", "+33", "+3"],
      ],
    );
    expect(text).toBe("theme,excerpt,impact\r\n'=cmd|' /C calc'!A0,'@SUM(1),-12.5\r\nprice,+33,+3\r\n");
  });

  it("quotes fields with commas, quotes and line breaks", () => {
    expect(csvText(["a"], [['say "hi", then\nleave']])).toBe('a\r\n"say ""hi"", then\nleave"\r\n');
  });
});
