import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { NpsError } from "../../src/index.js";
import { countTerms, repairText, stopWords, tokenize } from "../../src/text/index.js";
import { STOP_WORD_LISTS } from "../../src/text/stopWordLists.js";
import { errorOf } from "../helpers/errors.js";

describe("repairText", () => {
  it("reads C1 bytes as code page 850 letters", () => {
    expect(repairText("particuli\u008arement, fra\u008cche, go\u0096t, No\u0089l, \u0090picerie")).toBe(
      "particulièrement, fraîche, goût, Noël, Épicerie",
    );
  });
  it("reads 0x80 as the euro sign after a digit and as Ç elsewhere", () => {
    expect(repairText("bon de 15\u0080 et 6 \u0080")).toBe("bon de 15€ et 6 €");
    expect(repairText("\u0080a fait")).toBe("Ça fait");
  });
  it("leaves text without C1 characters as it is", () => {
    const text = "déjà vu, 15 €";
    expect(repairText(text)).toBe(text);
  });
});

describe("tokenize", () => {
  it("lower-cases, strips accents, cuts French elisions and drops stop words and numbers", () => {
    expect(
      tokenize("Il y a tr\u008as peu de caisse ouverte et le d\u0082lai d'attente est long!!!!", { language: "fr" }),
    ).toEqual(["tres", "peu", "caisse", "ouverte", "delai", "attente", "long"]);
    expect(tokenize("J'ai payé 15€ pour 3 plantes", { language: "fr" })).toEqual(["paye", "plantes"]);
  });
  it("keeps accents when asked", () => {
    expect(tokenize("Très sympathique", { language: "fr", accents: "keep" })).toEqual(["très", "sympathique"]);
  });
  it("keeps negations, which carry the meaning", () => {
    expect(tokenize("pas cher", { language: "fr" })).toEqual(["pas", "cher"]);
    expect(tokenize("nicht freundlich", { language: "de" })).toEqual(["nicht", "freundlich"]);
    expect(tokenize("no hay nada", { language: "es" })).toContain("no");
  });
  it("splits words joined by a full stop without a space", () => {
    expect(tokenize("caisse ouverte.Le personnel", { language: "fr" })).toEqual(["caisse", "ouverte", "personnel"]);
  });
  it("uses the locale's lower case", () => {
    expect(tokenize("KIRMIZI", { language: "en", locale: "tr", accents: "keep" })).toEqual(["kırmızı"]);
  });
  it("segments scripts without spaces through Intl.Segmenter", () => {
    expect(tokenize("店員さんがとても親切でした", { locale: "ja", removeStopWords: false }).length).toBeGreaterThan(2);
  });
  it("removes extra stop words, normalised like the comments", () => {
    expect(tokenize("Magasin très propre", { language: "fr", extraStopWords: ["Magasin", "TRÈS"] })).toEqual([
      "propre",
    ]);
  });
  it("treats __proto__ and constructor as words", () => {
    expect(tokenize("__proto__ constructor toString", { removeStopWords: false })).toEqual([
      "__proto__",
      "constructor",
      "tostring",
    ]);
  });
  it("rejects bad options and non-string text with a code and a message", () => {
    const language = errorOf(() => tokenize("x", { language: "it" as "en" }));
    expect(language.code).toBe("invalid_option");
    expect(language.message).toBe('tokenize: language must be one of "en", "fr", "nl", "de", "es", received "it"');
    const minLength = errorOf(() => tokenize("x", { minLength: 0 }));
    expect(minLength.message).toBe("tokenize: minLength must be an integer from 1 to 100, received 0");
    const text = errorOf(() => tokenize(3 as unknown as string));
    expect(text.code).toBe("invalid_input");
    expect(text).toBeInstanceOf(NpsError);
  });
});

describe("stopWords", () => {
  it("holds the stopword package's lists, less the kept negations", () => {
    for (const language of ["en", "fr", "nl", "de", "es"] as const) {
      const list = stopWords(language);
      expect(list.length).toBeGreaterThan(50);
      expect(STOP_WORD_LISTS[language].length - list.length).toBeGreaterThanOrEqual(1);
    }
  });
  it("matches the installed stopword package (regenerate with scripts/stop-words.mjs)", () => {
    const published = createRequire(import.meta.url)("stopword") as Record<string, ReadonlyArray<string>>;
    const names = { en: "eng", fr: "fra", nl: "nld", de: "deu", es: "spa" } as const;
    for (const [code, name] of Object.entries(names)) {
      expect([...STOP_WORD_LISTS[code as keyof typeof names]]).toEqual([...(published[name] ?? [])]);
    }
  });
});

describe("countTerms", () => {
  it("counts unigrams and bigrams once per comment, not across punctuation or removed words", () => {
    const counts = countTerms(["long wait, long wait", "long wait at the till", "the wait"], {
      minCount: 1,
    });
    expect(counts.terms).toEqual([
      { term: "wait", count: 3 },
      { term: "long", count: 2 },
      { term: "long wait", count: 2 },
      { term: "till", count: 1 },
    ]);
  });
  it("counts occurrences when asked", () => {
    const counts = countTerms(["nul nul nul!!!", "nul"], { counting: "occurrences", ngrams: "unigrams", minCount: 1 });
    expect(counts.terms).toEqual([{ term: "nul", count: 4 }]);
  });
  it("skips and counts missing and blank comments", () => {
    const counts = countTerms(["", "   ", null, undefined, "good"], { minCount: 1 });
    expect(counts.comments).toBe(1);
    expect(counts.emptyComments).toBe(4);
  });
  it("counts __proto__ and constructor in a Map, never on a prototype", () => {
    const counts = countTerms(["__proto__ constructor", "__proto__ constructor"], {
      removeStopWords: false,
      minCount: 1,
    });
    expect(counts.terms.map((t) => t.term)).toEqual(["__proto__", "__proto__ constructor", "constructor"].sort());
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
  it("rejects a comment that is not a string", () => {
    const error = errorOf(() => countTerms(["ok", 3 as unknown as string]));
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("countTerms: comments[1] must be a string, null or undefined, received 3");
  });
});
