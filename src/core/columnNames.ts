import { describeValue } from "../internal/describe.js";
import { NpsError } from "./errors.js";

/**
 * Names among `names` that look like `name`, best first, at most `limit`: the same name in another
 * case or with other separators (`survey sub-type` for `SURVEY_SUB_TYPE`) first, then names within a
 * few typing mistakes of it (ignoring case, at most one mistake per three characters of the name: an
 * inserted, missing or wrong character, or two neighbours swapped). Exact matches are not suggested. Browser-safe. O(names × length²).
 *
 * @param name - The name that was not found.
 * @param names - The names that exist (columns or attributes).
 * @param limit - How many suggestions at most. @defaultValue 3
 * @returns The suggestions, best first (an empty array when none is close).
 * @example
 * ```ts
 * import { similarNames } from "npskit";
 * similarNames("survey_sub_type", ["SURVEY_SUB_TYPE", "score"]); // => ["SURVEY_SUB_TYPE"]
 * similarNames("contry", ["country", "plan"]); // => ["country"]
 * similarNames("zzz", ["country", "plan"]); // => []
 * ```
 * @category Input
 */
export function similarNames(name: string, names: ReadonlyArray<string>, limit = 3): string[] {
  checkNames("similarNames", name, names);
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw new NpsError(
      "invalid_option",
      `similarNames: limit must be an integer >= 0, received ${describeValue(limit)}`,
    );
  }
  const folded = fold(name);
  const lower = name.toLowerCase();
  const reach = Math.floor([...lower].length / 3);
  const ranked: Array<{ name: string; rank: number; index: number }> = [];
  names.forEach((candidate, index) => {
    if (candidate === name) return;
    if (fold(candidate) === folded && folded !== "") {
      ranked.push({ name: candidate, rank: 0, index });
      return;
    }
    const distance = editDistance(lower, candidate.toLowerCase(), reach);
    if (reach > 0 && distance <= reach) ranked.push({ name: candidate, rank: distance, index });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return ranked.slice(0, limit).map((entry) => entry.name);
}

/**
 * The message for a name that is not a column: `no column named "x" (did you mean "X"?); the columns
 * are "a", "b", …` (the first 30 names). Names are quoted as JSON strings, so control characters in
 * them are shown escaped. Browser-safe.
 *
 * @param name - The name that was not found.
 * @param names - The names that exist.
 * @param noun - What the names are. @defaultValue "column"
 * @param place - Where the names were looked for (`"the built-in sample"`). @defaultValue none
 * @returns The message, without a prefix naming the option.
 * @example
 * ```ts
 * import { unknownNameMessage } from "npskit";
 * unknownNameMessage("plna", ["plan", "score"]); // => 'no column named "plna" (did you mean "plan"?); the columns are "plan", "score"'
 * ```
 * @category Input
 */
export function unknownNameMessage(
  name: string,
  names: ReadonlyArray<string>,
  noun = "column",
  place?: string,
): string {
  checkNames("unknownNameMessage", name, names);
  if (typeof noun !== "string" || (place !== undefined && typeof place !== "string")) {
    throw new NpsError(
      "invalid_option",
      `unknownNameMessage: noun and place must be strings, received ${describeValue(noun)} and ${describeValue(place)}`,
    );
  }
  const hint = didYouMean(name, names);
  const shown = names.slice(0, 30).map((candidate) => JSON.stringify(candidate));
  const list = names.length > 30 ? `${shown.join(", ")} and ${names.length - 30} more` : shown.join(", ");
  return `no ${noun} named ${JSON.stringify(name)}${place === undefined ? "" : ` in ${place}`}${hint}; the ${noun}s are ${names.length === 0 ? "(none)" : list}`;
}

function checkNames(fn: string, name: unknown, names: unknown): void {
  if (typeof name !== "string") {
    throw new NpsError("invalid_option", `${fn}: name must be a string, received ${describeValue(name)}`);
  }
  if (!Array.isArray(names) || !names.every((candidate) => typeof candidate === "string")) {
    throw new NpsError("invalid_option", `${fn}: names must be an array of strings, received ${describeValue(names)}`);
  }
}

/** ` (did you mean "a" or "b"?)` with the {@link similarNames} of `name`, or `""` when none is close. */
export function didYouMean(name: string, names: Iterable<string>): string {
  const close = similarNames(name, [...names]);
  return close.length === 0
    ? ""
    : ` (did you mean ${close.map((candidate) => JSON.stringify(candidate)).join(" or ")}?)`;
}

/** A name in lower case without spaces, underscores, hyphens or dots. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, "");
}

/**
 * Edit distance of two strings by code point (insertions, deletions, substitutions and swaps of two
 * neighbours count one each), or `reach + 1` as soon as it must exceed `reach`.
 */
function editDistance(a: string, b: string, reach: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > reach) return reach + 1;
  const rows: number[][] = [Array.from({ length: y.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= x.length; i++) {
    const previous = rows[i - 1] as number[];
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > reach) return reach + 1;
    rows.push(current);
  }
  return (rows[x.length] as number[])[y.length] as number;
}
