import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";
import type { FieldMapping } from "./parseResponses.js";

/**
 * A field mapping guessed from column names, with notes saying what was guessed from what.
 *
 * @category Input
 */
export interface GuessedFields {
  /** The columns recognised, by field; a field is absent when no column looks like it. */
  readonly fields: Partial<FieldMapping>;
  /** One sentence per field: which column was taken and why, or that none was found. */
  readonly notes: ReadonlyArray<string>;
}

type GuessedField = "score" | "date" | "respondentId" | "weight" | "comment";

/** How to recognise a field: exact names first (in order of preference), then name fragments. */
interface FieldRule {
  readonly field: GuessedField;
  readonly label: string;
  readonly exact: ReadonlyArray<string>;
  readonly contains: ReadonlyArray<string>;
}

/** Column names are compared normalised: lower case, accents removed, letters and digits only. */
function normalise(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function rules(): ReadonlyArray<FieldRule> {
  return [
    {
      field: "score",
      label: "score",
      exact: [
        "nps",
        "score",
        "npsscore",
        "npsrating",
        "npsanswer",
        "netpromoterscore",
        "likelihoodtorecommend",
        "likelytorecommend",
        "recommend",
        "recommendation",
        "ltr",
        "rating",
      ],
      contains: ["recommend", "nps", "netpromoter"],
    },
    {
      field: "date",
      label: "date",
      exact: [
        "date",
        "responsedate",
        "submittedat",
        "submitted",
        "submissiondate",
        "createdat",
        "created",
        "timestamp",
        "datetime",
        "respondedat",
        "completedat",
        "answeredat",
        "surveydate",
        "enddate",
        "time",
      ],
      contains: ["date", "timestamp", "submittedat", "createdat", "completedat"],
    },
    {
      field: "respondentId",
      label: "respondent id",
      exact: [
        "respondentid",
        "respondent",
        "customerid",
        "userid",
        "clientid",
        "contactid",
        "accountid",
        "responseid",
        "email",
        "emailaddress",
        "customer",
        "user",
        "id",
      ],
      contains: ["respondentid", "customerid", "userid", "email"],
    },
    {
      field: "weight",
      label: "weight",
      exact: ["weight", "weights", "surveyweight", "sampleweight", "wt"],
      contains: ["weight"],
    },
    {
      field: "comment",
      label: "comment",
      exact: [
        "comment",
        "comments",
        "feedback",
        "reason",
        "explication",
        "why",
        "verbatim",
        "remarks",
        "text",
        "openended",
        "answer",
      ],
      contains: ["comment", "feedback", "reason", "why", "verbatim"],
    },
  ];
}

/**
 * Guesses which columns hold the score, date, respondent id, weight and comment from their names,
 * ignoring case, spaces, punctuation and accents (`"Likelihood to recommend"`, `"likely_to_recommend"`
 * and `"NPS Score"` are all recognised). An exact name wins over a name that merely contains a
 * fragment (`"nps"` beats `"NPS comment"`); among exact names the most typical wins (`nps`, then
 * `score`, then `nps score`, …; `customer id` before `email` before `id`). A column is used for one
 * field only. Attributes are never guessed. A name cannot tell whether a column really holds 0–10
 * answers: {@link parseResponses} checks that. O(c·p) for c columns and p known names.
 *
 * @param columns - The column names, e.g. the header of a CSV file.
 * @returns The guessed mapping and notes in words.
 * @example
 * ```ts
 * import { guessFields } from "npskit";
 * const guess = guessFields(["Respondent ID", "Submitted at", "How likely are you to recommend us?", "Why?"]);
 * guess.fields; // => { score: "How likely are you to recommend us?", date: "Submitted at", respondentId: "Respondent ID", comment: "Why?" }
 * guess.notes[0]; // => 'score: column "How likely are you to recommend us?" (its name contains "recommend")'
 * ```
 * @category Input
 */
export function guessFields(columns: ReadonlyArray<string>): GuessedFields {
  if (columns === null || typeof columns !== "object" || typeof (columns as { length?: unknown }).length !== "number") {
    throw new NpsError(
      "invalid_input",
      `guessFields: columns must be an array of column names, received ${describeValue(columns)}`,
    );
  }
  const names = Array.from(columns).filter((column): column is string => typeof column === "string");
  const normalised = names.map(normalise);
  const used = new Set<number>();
  const fields: { -readonly [K in GuessedField]?: string } = {};
  const notes: string[] = [];
  for (const rule of rules()) {
    const candidates: Array<{ index: number; rank: number; why: string }> = [];
    for (let index = 0; index < names.length; index++) {
      if (used.has(index)) continue;
      const name = normalised[index] as string;
      if (name.length === 0) continue;
      const exact = rule.exact.indexOf(name);
      if (exact >= 0) {
        candidates.push({ index, rank: exact, why: `its name matches "${rule.exact[exact]}"` });
        continue;
      }
      const fragment = rule.contains.findIndex((part) => name.includes(part));
      if (fragment >= 0) {
        candidates.push({
          index,
          rank: rule.exact.length + fragment,
          why: `its name contains "${rule.contains[fragment]}"`,
        });
      }
    }
    candidates.sort((a, b) => a.rank - b.rank || a.index - b.index);
    const [best, ...others] = candidates;
    if (best === undefined) {
      notes.push(`${rule.label}: no column looks like one`);
      continue;
    }
    used.add(best.index);
    const column = names[best.index] as string;
    fields[rule.field] = column;
    const alternatives =
      others.length === 0 ? "" : `; also possible: ${others.map((c) => JSON.stringify(names[c.index])).join(", ")}`;
    notes.push(`${rule.label}: column ${JSON.stringify(column)} (${best.why})${alternatives}`);
  }
  return { fields, notes };
}
