import { NpsError } from "../core/errors.js";
import { describeValue } from "../internal/describe.js";

/**
 * A theme: a name and the words, phrases or (opt-in) regular expressions that mention it. Keywords of
 * several languages can sit side by side.
 *
 * @category Text
 */
export interface ThemeDefinition {
  /** The theme's name, unique among the themes. */
  readonly name: string;
  /**
   * Words or phrases, matched as whole words after the comments' normalisation (case, accents, stop
   * words, elisions): "temps d'attente" matches "Temps d'ATTENTE", "temps de l'attente" and "temps
   * attente", but not "contretemps". A `*` at the end matches any ending: "attend*" matches "attendre"
   * and "attente". @defaultValue []
   */
  readonly keywords?: ReadonlyArray<string>;
  /**
   * Regular expressions (JavaScript syntax, case-insensitive, Unicode), tested on each comment after
   * lower-casing and the accent option. Only with `allowPatterns: true`; see {@link themes} for the
   * guards. @defaultValue []
   */
  readonly patterns?: ReadonlyArray<string>;
}

const FIELDS = ["name", "keywords", "patterns"];
/** Longest pattern accepted, in characters. */
export const MAX_PATTERN_LENGTH = 200;
/**
 * Most unbounded repetitions in a pattern: k of them in a row (`a*a*a*b`) can take time n^(k+1) on a
 * comment of n characters, and patterns see at most {@link PATTERN_INPUT_LENGTH} characters.
 */
const MAX_UNBOUNDED = 2;
/** Patterns are tested on the first this many characters of each comment. */
export const PATTERN_INPUT_LENGTH = 1000;

/**
 * Checks a list of themes, as read from a JSON file: every theme an object with a non-empty unique
 * `name`, no other field than `name`, `keywords` and `patterns`, at least one keyword or pattern,
 * keywords non-empty strings, patterns valid regular expressions of at most 200 characters with at
 * most two unbounded repetitions, without back-references or nested quantifiers (the constructs that
 * can make a regular expression run for hours). Every error names the theme. O(total size of the themes).
 *
 * @param value - The parsed JSON: an array of themes, or an object `{ "themes": [...] }`.
 * @returns The themes, as new objects.
 * @throws `NpsError` (from `npskit`) `invalid_option` naming the first theme and field that is not valid.
 * @example
 * ```ts
 * import { defineThemes } from "npskit/text";
 * defineThemes([{ name: "Waiting", keywords: ["queue", "attente"] }]).length; // => 1
 * try {
 *   defineThemes([{ name: "Staff", keyword: ["rude"] }]);
 * } catch (error) {
 *   (error as Error).message;
 *   // => 'defineThemes: themes[0] ("Staff") fields must be name, keywords, patterns, received "keyword"'
 * }
 * ```
 * @category Text
 */
export function defineThemes(value: unknown): ThemeDefinition[] {
  return checkThemes("defineThemes", value);
}

/** {@link defineThemes} for a named function. */
export function checkThemes(fn: string, value: unknown): ThemeDefinition[] {
  const list =
    value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, "themes")
      ? (value as { themes: unknown }).themes
      : value;
  const fail = (what: string, rule: string, received: unknown): NpsError =>
    new NpsError("invalid_option", `${fn}: ${what} must be ${rule}, received ${describeValue(received)}`);
  if (!Array.isArray(list)) throw fail("themes", 'an array of themes (or { "themes": [...] })', list);
  const names = new Set<string>();
  return list.map((theme: unknown, i): ThemeDefinition => {
    if (theme === null || typeof theme !== "object" || Array.isArray(theme)) {
      throw fail(`themes[${i}]`, "an object with a name and keywords or patterns", theme);
    }
    const record = theme as Record<string, unknown>;
    const name = Object.hasOwn(record, "name") ? record.name : undefined;
    if (typeof name !== "string" || name.trim() === "") throw fail(`themes[${i}].name`, "a non-empty string", name);
    const where = `themes[${i}] (${JSON.stringify(name)})`;
    for (const key of Object.keys(record)) {
      if (!FIELDS.includes(key)) throw fail(`${where} fields`, FIELDS.join(", "), key);
    }
    if (names.has(name)) throw fail(`${where}.name`, "unique", name);
    names.add(name);
    const keywords = strings(record.keywords, `${where}.keywords`, fail);
    const patterns = strings(record.patterns, `${where}.patterns`, fail);
    if (keywords.length === 0 && patterns.length === 0) {
      throw fail(
        `${where}.keywords`,
        "a non-empty array of words or phrases (or give patterns)",
        record.keywords ?? [],
      );
    }
    patterns.forEach((pattern, k) => {
      checkPattern(`${where}.patterns[${k}]`, pattern, fail);
    });
    return { name, keywords, patterns };
  });
}

function strings(
  value: unknown,
  what: string,
  fail: (what: string, rule: string, received: unknown) => NpsError,
): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw fail(what, "an array of non-empty strings", value);
  value.forEach((item, k) => {
    if (typeof item !== "string" || item.trim() === "") throw fail(`${what}[${k}]`, "a non-empty string", item);
  });
  return [...(value as string[])];
}

function checkPattern(
  what: string,
  pattern: string,
  fail: (what: string, rule: string, received: unknown) => NpsError,
): void {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw fail(what, `at most ${MAX_PATTERN_LENGTH} characters long`, pattern);
  }
  if (/\\[1-9]|\\k</.test(pattern)) throw fail(what, "a regular expression without back-references", pattern);
  if (unboundedRepetitions(pattern) > MAX_UNBOUNDED) {
    throw fail(
      what,
      `a regular expression with at most ${MAX_UNBOUNDED} unbounded repetitions (*, + or {n,})`,
      pattern,
    );
  }
  if (hasNestedQuantifier(pattern)) {
    throw fail(what, "a regular expression without a repeated group that itself repeats (such as (a+)+)", pattern);
  }
  try {
    new RegExp(pattern, "iu");
  } catch {
    throw fail(what, "a valid regular expression", pattern);
  }
}

/**
 * The positions of a pattern's characters outside character classes, escapes skipped: the
 * characters that can quantify, group or alternate (a class's `[` and its content are not given).
 */
function* outsideClasses(pattern: string): Generator<number> {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      continue;
    }
    if (char === "[") inClass = true;
    else yield i;
  }
}

/** The number of `*`, `+` and `{n,}` outside character classes. */
function unboundedRepetitions(pattern: string): number {
  let count = 0;
  for (const i of outsideClasses(pattern)) {
    const char = pattern[i];
    if (char === "*" || char === "+" || (char === "{" && /^\{\d+,\}/.test(pattern.slice(i)))) count++;
  }
  return count;
}

/**
 * Whether a group that contains a quantifier (`*`, `+`, `?`, `{n,}`) or an alternation is itself
 * quantified: the star height above one that makes a backtracking engine take exponential time.
 */
function hasNestedQuantifier(pattern: string): boolean {
  const stack: boolean[] = [];
  for (const i of outsideClasses(pattern)) {
    const char = pattern[i];
    if (char === "(") stack.push(false);
    else if (char === ")") {
      const risky = stack.pop() ?? false;
      if (risky && /^[*+?{]/.test(pattern.slice(i + 1))) return true;
      if (risky && stack.length > 0) stack[stack.length - 1] = true;
    } else if (
      (char === "*" || char === "+" || char === "{" || char === "|" || (char === "?" && pattern[i - 1] !== "(")) &&
      stack.length > 0
    ) {
      stack[stack.length - 1] = true;
    }
  }
  return false;
}
