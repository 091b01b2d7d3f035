import { describe, expect, it } from "vitest";
import { guessFields } from "../../src/index.js";

describe("guessFields", () => {
  it.each([
    ["nps"],
    ["NPS"],
    ["Score"],
    ["NPS Score"],
    ["nps_score"],
    ["Likelihood to recommend"],
    ["likelytorecommend"],
    ["Likely-To-Recommend"],
    ["Recommend"],
    ["How likely are you to recommend Acme to a friend or colleague?"],
  ])("recognises the score column %j", (column) => {
    expect(guessFields(["id", column, "comment"]).fields.score).toBe(column);
  });

  it("prefers an exact nps or score name over a name that merely contains a fragment", () => {
    expect(guessFields(["NPS comment", "Would you recommend us?", "Score"]).fields.score).toBe("Score");
    expect(guessFields(["Recommend", "NPS"]).fields.score).toBe("NPS");
    expect(guessFields(["Score", "NPS"]).fields.score).toBe("NPS");
  });

  it.each([
    ["date"],
    ["Created At"],
    ["created_at"],
    ["Submitted at"],
    ["Timestamp"],
    ["Response Date"],
    ["Survey date"],
  ])("recognises the date column %j", (column) => {
    expect(guessFields(["score", column]).fields.date).toBe(column);
  });

  it.each([["Respondent ID"], ["customer_id"], ["User Id"], ["Email"], ["id"]])(
    "recognises the respondent column %j",
    (column) => {
      expect(guessFields(["score", column]).fields.respondentId).toBe(column);
    },
  );

  it.each([["Comment"], ["Feedback"], ["Reason"], ["Explication"], ["Why?"], ["Comments"]])(
    "recognises the comment column %j",
    (column) => {
      expect(guessFields(["score", column]).fields.comment).toBe(column);
    },
  );

  it("recognises the weight column", () => {
    expect(guessFields(["score", "Survey weight"]).fields.weight).toBe("Survey weight");
  });

  it("ignores accents, case, spaces and punctuation", () => {
    expect(guessFields(["SCORE", "Éxplication", "Date de réponse", "customer.id"]).fields).toEqual({
      score: "SCORE",
      date: "Date de réponse",
      respondentId: "customer.id",
      comment: "Éxplication",
    });
  });

  it("uses a column for one field only and lists the alternatives", () => {
    const guess = guessFields(["Customer ID", "Email", "id", "NPS", "score"]);
    expect(guess.fields).toEqual({ score: "NPS", respondentId: "Customer ID" });
    expect(guess.notes).toEqual([
      'score: column "NPS" (its name matches "nps"); also possible: "score"',
      "date: no column looks like one",
      'respondent id: column "Customer ID" (its name matches "customerid"); also possible: "Email", "id"',
      "weight: no column looks like one",
      "comment: no column looks like one",
    ]);
  });

  it("guesses nothing from unrelated names, and never guesses attributes", () => {
    const guess = guessFields(["Plan", "Country", "Spend"]);
    expect(guess.fields).toEqual({});
    expect(guess.notes).toContain("score: no column looks like one");
    expect(guessFields([]).fields).toEqual({});
  });

  it("treats __proto__ and other odd names as ordinary columns", () => {
    const guess = guessFields(["__proto__", "constructor", "score"]);
    expect(guess.fields).toEqual({ score: "score" });
    expect(Object.getPrototypeOf(guess.fields)).toBe(Object.prototype);
  });
});
