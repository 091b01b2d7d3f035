import { parseArgs } from "node:util";
import { formatCommentsText, formatThemesCsv } from "../index.js";
import {
  defineThemes,
  distinctiveTerms,
  type TextLanguage,
  type ThemeDefinition,
  themes as themesOf,
} from "../text/index.js";
import { THEMES_HELP } from "./help.js";
import { type CliIo, dataError, usageError } from "./io.js";
import { choice, levelOption, READ_OPTIONS } from "./options.js";
import { readResponses } from "./readResponses.js";

/** The `themes` command's options. */
export const THEMES_OPTIONS = {
  ...READ_OPTIONS,
  themes: { type: "string" },
  language: { type: "string" },
  accents: { type: "string" },
  "stop-words": { type: "string" },
  "allow-patterns": { type: "boolean" },
  "compare-with": { type: "string" },
  excerpts: { type: "string" },
  "no-redact": { type: "boolean" },
  words: { type: "string" },
  level: { type: "string" },
  format: { type: "string", short: "f" },
  help: { type: "boolean", short: "h" },
} as const;

/** The languages of `--language`. */
export const LANGUAGES = ["en", "fr", "nl", "de", "es"] as const;

/** `npskit themes FILE --comment COL`: returns the exit status. */
export async function themes(args: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: THEMES_OPTIONS, allowPositionals: true });
  if (values.help === true) {
    io.stdout(THEMES_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    throw usageError(`themes takes one file (or - for standard input), received ${positionals.length}`);
  }
  const file = positionals[0] as string;
  const format = choice("format", values.format, ["text", "markdown", "json", "csv"] as const, "text");
  const language: TextLanguage = choice("language", values.language, LANGUAGES, "en");
  const accents = choice("accents", values.accents, ["strip", "keep"] as const, "strip");
  const compareWith = choice(
    "compare-with",
    values["compare-with"],
    ["other-commenters", "everyone-else"] as const,
    "other-commenters",
  );
  const excerpts = count("excerpts", values.excerpts, 3, 100);
  const words = count("words", values.words, 10, 1000);
  const level = levelOption(values.level);
  const extraStopWords = (values["stop-words"] ?? "")
    .split(",")
    .map((word) => word.trim())
    .filter((word) => word !== "");
  const definitions = values.themes === undefined ? undefined : await readThemeFile(values.themes, io);
  const read = await readResponses(file, values, io);
  if (read.fields.comment === undefined) {
    throw usageError("themes needs the comment column: pass --comment <column>");
  }
  const textOptions = { language, accents, extraStopWords };
  const analysis = themesOf(read.responses, {
    ...textOptions,
    ...(definitions === undefined ? {} : { themes: definitions }),
    allowPatterns: values["allow-patterns"] === true,
    compareWith,
    excerpts,
    redact: values["no-redact"] !== true,
    level,
  });
  const terms = distinctiveTerms(read.responses, { ...textOptions, limit: words });
  const source = file === "-" ? "standard input" : file;
  if (format === "json") {
    io.stdout(`${JSON.stringify({ file: source, themes: analysis, distinctiveTerms: terms ?? null }, null, 2)}\n`);
  } else if (format === "csv") {
    io.stdout(formatThemesCsv(analysis));
  } else {
    io.stdout(
      formatCommentsText(
        { themes: analysis, distinctiveTerms: terms },
        { format, heading: `What customers say: ${source}`, headingLevel: 1 },
      ),
    );
  }
  return 0;
}

/** Reads and checks a theme file (`defineThemes` names the theme of any problem). */
export async function readThemeFile(path: string, io: CliIo): Promise<ThemeDefinition[]> {
  const bytes = await io.readFile(path).catch((error: unknown) => {
    throw dataError(`cannot read ${path}: ${(error as Error).message}`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw usageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return defineThemes(parsed);
}

/** A whole number option from 0 to max. */
export function count(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= 0 && number <= max)) {
    throw usageError(`--${name} must be a whole number from 0 to ${max}, received ${JSON.stringify(value)}`);
  }
  return number;
}
