import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCommentsText } from "../../src/report/why.js";
import { wrapLine } from "../../src/report/wrapText.js";
import { themes } from "../../src/text/themes.js";
import { themesByPeriod } from "../../src/text/themesByPeriod.js";

const words = fc.array(
  fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("é", "😀", "naïve", "x".repeat(95))),
  { minLength: 1, maxLength: 40 },
);

describe("wrapLine", () => {
  it("keeps every word in order, starts each next line with the indent, and fits the width", () => {
    // Property: for any words without spaces joined by single spaces, the lines hold the same words in
    // the same order; every line after the first starts with `indent` spaces; no line is longer than
    // the width (in code points); a line that fits is returned unchanged.
    fc.assert(
      fc.property(words, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 30, max: 120 }), (parts, indent, width) => {
        const clean = parts.map((part) => part.replace(/\s/g, "_"));
        const line = clean.join(" ");
        const lines = wrapLine(line, indent, { width });
        for (const [i, piece] of lines.entries()) {
          expect(Array.from(piece).length).toBeLessThanOrEqual(width);
          if (i > 0) expect(piece.startsWith(" ".repeat(indent))).toBe(true);
        }
        if (Array.from(line).length <= width) expect(lines).toEqual([line]);
        // A word longer than a line is cut: compare the text without the breaks.
        const joined = lines.map((piece, i) => (i === 0 ? piece : piece.slice(indent))).join("");
        expect(joined.replace(/ /g, "")).toBe(clean.join(""));
      }),
    );
  });

  it("breaks at the last space that fits", () => {
    expect(wrapLine("aaaa bbbb cccc", 2, { width: 10 })).toEqual(["aaaa bbbb", "  cccc"]);
    expect(wrapLine("aaaaaaaaaaaa bb", 2, { width: 10 })).toEqual(["aaaaaaaaaa", "  aa bb"]);
  });

  it("keeps the items of a list whole when asked to", () => {
    const list = "  x: prix (z 3.4), trop (z 3.3), cher (z 2.8)";
    expect(wrapLine(list, 4, { width: 30 })).toEqual(["  x: prix (z 3.4), trop (z", "    3.3), cher (z 2.8)"]);
    expect(wrapLine(list, 4, { width: 30, betweenItems: true })).toEqual([
      "  x: prix (z 3.4),",
      "    trop (z 3.3), cher (z 2.8)",
    ]);
  });
});

describe("formatCommentsText", () => {
  it("keeps prose within 80 columns in text, and leaves Markdown lines whole", () => {
    const long = "the queue at the checkout was long and nobody answered the phone for twenty minutes again";
    const analysis = themes(
      [
        { score: 2, comment: long },
        { score: 3, comment: `${long} and again` },
        { score: 10, comment: "friendly staff" },
        { score: 9, comment: "friendly staff, quick" },
      ],
      { themes: [{ name: "Queue", keywords: ["queue"] }] },
    );
    const text = formatCommentsText({ themes: analysis });
    const prose = text.split("\n").filter((line) => !line.startsWith("  Theme") && !/^ {2}\S+ {2,}\d/.test(line));
    for (const line of prose) expect(Array.from(line).length).toBeLessThanOrEqual(80);
    expect(text).toContain(
      '    "the queue at the checkout was long and nobody answered the phone for twenty\n     minutes',
    );
    const markdown = formatCommentsText({ themes: analysis }, { format: "markdown" });
    expect(markdown).toContain(`> "${long}" (2, detractor)`);
  });
});

describe("formatCommentsText tables", () => {
  const names = ["waiting at the till", "prices and offers", "staff and welcome", "advice", "plant quality"];
  const given = names.map((name) => ({ name, keywords: [name.split(" ")[0] as string] }));
  const responses = Array.from({ length: 60 }, (_, i) => ({
    score: i % 11,
    comment: `${names[i % names.length]} was noted`,
    date: new Date(Date.UTC(2026, i % 3, 1 + (i % 20))),
  }));

  it("prints a table wider than 80 columns in parts that repeat the first columns, every column once", () => {
    // The themes table: who mentions, then how their NPS compares, each part naming the theme. The
    // tables by period: the period and its count in every part, each theme in exactly one part.
    const analysis = themes(responses, { themes: given });
    const byPeriod = themesByPeriod(responses, { period: "month", themes: given });
    const text = formatCommentsText({ themes: analysis, byPeriod });
    const lines = text.split("\n");
    const themeHeaders = lines.filter((line) => line.startsWith("  Theme "));
    expect(themeHeaders).toHaveLength(2);
    expect(themeHeaders[0]).toMatch(/Mentions +Share +Detractors +Passives +Promoters$/);
    expect(themeHeaders[1]).toMatch(/NPS mentioners +NPS others +Difference \[CI\] +p adjusted +Impact$/);
    const periodHeaders = lines.filter((line) => line.startsWith("  Period   Comments"));
    expect(periodHeaders.length).toBeGreaterThan(1);
    for (const header of periodHeaders) expect(Array.from(header).length).toBeLessThanOrEqual(80);
    for (const name of names) {
      expect(periodHeaders.filter((header) => header.includes(name))).toHaveLength(1);
    }
    const markdown = formatCommentsText({ themes: analysis, byPeriod }, { format: "markdown" });
    expect(markdown.split("\n").filter((line) => line.startsWith("| Theme |"))).toHaveLength(1);
  });
});
