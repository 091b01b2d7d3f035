import { describe, expect, it } from "vitest";
import { adjustPValues, compareNps } from "../../src/index.js";
import { defineThemes, redactText, suggestThemes, themes } from "../../src/text/index.js";
import { errorOf } from "../helpers/errors.js";

const responses = [
  { score: 1, comment: "Temps d'attente beaucoup trop long à la caisse !!!" },
  { score: 3, comment: "Trop d'attente en caisse, personnel pas aimable" },
  { score: 5, comment: "Plantes mortes après une semaine" },
  { score: 7, comment: "Un peu d'attente mais bon conseil" },
  { score: 8, comment: "Correct" },
  { score: 9, comment: "Personnel aimable et de bon conseil" },
  { score: 10, comment: "Très bon conseil, personnel très aimable. Appelez-moi au 06 12 34 56 78" },
  { score: 10, comment: "" },
  { score: 9 },
  { score: 6, comment: "Le temps de l'attente : 20 minutes" },
];
const definitions = [
  { name: "Waiting", keywords: ["attente", "queue", "temps d'attente"] },
  { name: "Staff", keywords: ["personnel", "vendeur*"] },
  { name: "Advice", keywords: ["bon conseil"] },
];

describe("themes", () => {
  const result = themes(responses, { themes: definitions, language: "fr" });

  it("counts mentions overall and per category, skipping blank comments", () => {
    expect(result.kind).toBe("themes");
    expect(result.emptyComments).toBe(2);
    expect(result.comments).toEqual({ detractors: 4, passives: 2, promoters: 2 });
    expect(result.responses).toEqual({ detractors: 4, passives: 2, promoters: 4 });
    const [waiting, staff, advice] = result.themes;
    expect(waiting?.mentions).toBe(4);
    expect(waiting?.byCategory.detractors).toEqual({ mentions: 3, comments: 4, share: 0.75 });
    expect(waiting?.share).toBe(0.5);
    expect(staff?.mentions).toBe(3);
    expect(advice?.mentions).toBe(3);
    expect(result.unmatched).toBe(2);
  });

  it("matches whole words and phrases after normalisation, not inside other words", () => {
    const r = themes(
      [
        { score: 9, comment: "contretemps" },
        { score: 9, comment: "LE TEMPS DE L'ATTENTE" },
      ],
      {
        themes: [{ name: "Time", keywords: ["temps attente"] }],
        language: "fr",
      },
    );
    expect(r.themes[0]?.mentions).toBe(1);
    const punctuation = themes([{ score: 9, comment: "bon. conseil" }], {
      themes: [{ name: "A", keywords: ["bon conseil"] }],
      language: "fr",
    });
    expect(punctuation.themes[0]?.mentions).toBe(0);
  });

  it("compares mentioners with the other commenters through compareNps, p-values adjusted with adjustPValues", () => {
    const waiting = result.themes[0];
    expect(waiting?.mentioners).toEqual({ detractors: 3, passives: 1, promoters: 0 });
    expect(waiting?.others).toEqual({ detractors: 1, passives: 1, promoters: 2 });
    expect(waiting?.comparison).toEqual(
      compareNps(
        waiting?.mentioners ?? { detractors: 0, passives: 0, promoters: 0 },
        waiting?.others ?? { detractors: 0, passives: 0, promoters: 0 },
      ),
    );
    expect(waiting?.comparison?.difference).toBe(-75 - 25);
    const raw = result.themes.map((theme) => theme.comparison?.pValue as number);
    expect(result.themes.map((theme) => theme.adjustedPValue)).toEqual(adjustPValues(raw, "holm"));
  });

  it("computes the impact against the commenters who mention no theme", () => {
    // Baseline: "Correct" (passive) and "Plantes mortes" (detractor): NPS −50. N = 10.
    expect(result.baseline).toEqual({ detractors: 1, passives: 1, promoters: 0 });
    const waiting = result.themes[0];
    // Mentioners: 3 detractors, 1 passive: (100·(0 − 3) − 4·(−50)) / 10 = −10.
    expect(waiting?.impact).toBeCloseTo(-10, 12);
  });

  it("shows excerpts, masked by default, and says what was masked", () => {
    const staff = result.themes[1];
    expect(staff?.excerpts.map((excerpt) => excerpt.score)).toEqual([3, 9, 10]);
    expect(staff?.excerpts[2]?.text).toBe("Très bon conseil, personnel très aimable. Appelez-moi au [phone]");
    expect(staff?.excerpts[2]?.masked).toEqual({ emails: 0, phones: 1, numbers: 0 });
    expect(result.redaction).toEqual({ enabled: true, emails: 0, phones: 2, numbers: 0 });
    const open = themes(responses, { themes: definitions, language: "fr", redact: false });
    expect(open.themes[1]?.excerpts[2]?.text).toContain("06 12 34 56 78");
    expect(open.redaction.enabled).toBe(false);
  });

  it("suggests themes from the distinctive terms when none are given", () => {
    const many = [
      ...Array.from({ length: 15 }, () => ({ score: 2, comment: "attente trop longue en caisse" })),
      ...Array.from({ length: 15 }, () => ({ score: 10, comment: "personnel très aimable" })),
    ];
    const suggested = themes(many, { language: "fr" });
    expect(suggested.source).toBe("suggested");
    expect(suggested.definitions.length).toBeGreaterThan(0);
    expect(suggested.definitions).toEqual(suggestThemes(many, { language: "fr", limit: 8 }));
    expect(suggested.themes.every((theme) => theme.mentions > 0)).toBe(true);
  });

  it("treats __proto__ and constructor as ordinary keywords", () => {
    const r = themes(
      [
        { score: 2, comment: "__proto__ constructor" },
        { score: 9, comment: "fine" },
      ],
      {
        themes: [
          { name: "__proto__", keywords: ["__proto__"] },
          { name: "constructor", keywords: ["constructor"] },
        ],
        removeStopWords: false,
      },
    );
    expect(r.themes.map((theme) => theme.mentions)).toEqual([1, 1]);
  });

  it("runs patterns only when allowed", () => {
    const pattern = [{ name: "Price", patterns: ["\\d+ ?€"] }];
    const refused = errorOf(() => themes(responses, { themes: pattern }));
    expect(refused.code).toBe("invalid_option");
    expect(refused.message).toBe(
      'themes: themes[0] ("Price").patterns must be enabled with allowPatterns: true, received "\\\\d+ ?€"',
    );
    const r = themes(
      [
        { score: 3, comment: "15 € de trop" },
        { score: 9, comment: "ok" },
      ],
      { themes: pattern, allowPatterns: true },
    );
    expect(r.themes[0]?.mentions).toBe(1);
  });
});

describe("themes, pattern guard", () => {
  it("stops past the time limit and names the slowest theme", () => {
    // a*a*b on a run of a's backtracks in time n³: allowed (two repetitions), but slow.
    const slow = Array.from({ length: 50 }, () => ({ score: 5, comment: "a".repeat(400) }));
    const error = errorOf(() =>
      themes(slow, {
        themes: [
          { name: "Fine", keywords: ["ok"] },
          { name: "Cubic", patterns: ["a*a*b"] },
        ],
        allowPatterns: true,
        patternTimeLimit: 1,
        removeStopWords: false,
      }),
    );
    expect(error.code).toBe("invalid_option");
    expect(error.message).toMatch(
      /^themes: patterns must run within patternTimeLimit \(1 ms\), received patterns that took longer by comment \d+, most in themes\[1\] \("Cubic"\)$/,
    );
  });
});

describe("defineThemes", () => {
  it("names the theme in every error", () => {
    const cases: Array<[unknown, string]> = [
      [{ themes: "x" }, 'defineThemes: themes must be an array of themes (or { "themes": [...] }), received "x"'],
      [
        [{ name: "Staff", keyword: ["x"] }],
        'defineThemes: themes[0] ("Staff") fields must be name, keywords, patterns, received "keyword"',
      ],
      [
        [{ name: "Staff", keywords: [] }],
        'defineThemes: themes[0] ("Staff").keywords must be a non-empty array of words or phrases (or give patterns), received an array',
      ],
      [
        [{ name: "Staff", keywords: ["ok", ""] }],
        'defineThemes: themes[0] ("Staff").keywords[1] must be a non-empty string, received ""',
      ],
      [
        [
          { name: "A", keywords: ["a"] },
          { name: "A", keywords: ["b"] },
        ],
        'defineThemes: themes[1] ("A").name must be unique, received "A"',
      ],
      [
        [{ name: "Bad", patterns: ["(a+)+b"] }],
        'defineThemes: themes[0] ("Bad").patterns[0] must be a regular expression without a repeated group that itself repeats (such as (a+)+), received "(a+)+b"',
      ],
      [
        [{ name: "Bad", patterns: ["(a|aa)*c"] }],
        'defineThemes: themes[0] ("Bad").patterns[0] must be a regular expression without a repeated group that itself repeats (such as (a+)+), received "(a|aa)*c"',
      ],
      [
        [{ name: "Bad", patterns: ["(\\w)\\1"] }],
        'defineThemes: themes[0] ("Bad").patterns[0] must be a regular expression without back-references, received "(\\\\w)\\\\1"',
      ],
      [
        [{ name: "Bad", patterns: ["[a-"] }],
        'defineThemes: themes[0] ("Bad").patterns[0] must be a valid regular expression, received "[a-"',
      ],
      [
        [{ name: "Long", patterns: ["a".repeat(201)] }],
        `defineThemes: themes[0] ("Long").patterns[0] must be at most 200 characters long, received "${"a".repeat(40)}…"`,
      ],
    ];
    for (const [value, message] of cases) {
      const error = errorOf(() => defineThemes(value));
      expect(error.code).toBe("invalid_option");
      expect(error.message).toBe(message);
    }
  });
  it("rejects a keyword left with no word after normalisation, naming the theme", () => {
    const error = errorOf(() => themes(responses, { themes: [{ name: "Empty", keywords: ["le"] }], language: "fr" }));
    expect(error.message).toBe(
      'themes: themes[0] ("Empty").keywords[0] must be a word or phrase that keeps a word after normalisation (stop words, numbers and one-letter words are dropped), received "le"',
    );
  });
  it("accepts safe patterns and a { themes } object", () => {
    expect(
      defineThemes({ themes: [{ name: "P", patterns: ["(?:prix|tarif)s? (?:trop )?(?:cher|élevé)"] }] }),
    ).toHaveLength(1);
  });
});

describe("redactText", () => {
  it("masks e-mails, phones and long digit runs, and keeps prices, dates and postcodes", () => {
    const result = redactText(
      "Mail: jean.dupont@exemple.fr, tel 01.23.45.67.89 or (555) 123-4567, commande 12345678, 15,90 € le 12/05/2019, 75011 Paris",
    );
    expect(result.text).toBe(
      "Mail: [email], tel [phone] or [phone], commande [number], 15,90 € le 12/05/2019, 75011 Paris",
    );
    expect(result.masked).toEqual({ emails: 1, phones: 2, numbers: 1 });
  });
});
