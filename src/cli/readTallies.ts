import { usageError } from "./io.js";

/**
 * Usage errors (exit 2) for what `--tallies` cannot do: a file of responses as well, the options
 * that name its columns, and what needs every response (quantile tiers, each respondent's latest
 * answer).
 */
export function checkTallyOptions(given: {
  readonly file: string | undefined;
  readonly responseOptions: ReadonlyArray<string>;
  readonly tiers: boolean;
  readonly latest: boolean;
}): void {
  if (given.file !== undefined) {
    throw usageError(
      `--tallies reads the result rows of a tallySql query instead of a file of responses: give one or the other, received both ${JSON.stringify(given.file)} and --tallies`,
    );
  }
  const names = given.responseOptions;
  if (names.length > 0) {
    throw usageError(
      `${names.map((name) => `--${name}`).join(", ")} read${names.length === 1 ? "s" : ""} a file of responses; with --tallies the query chose the score, weight, time and segment columns`,
    );
  }
  if (given.tiers) {
    throw usageError("--tiers needs every response (quantiles cannot come from counts): use it on a file of responses");
  }
  if (given.latest) {
    throw usageError(
      "--respondents latest needs every answer of each respondent, not counts: use it on a file of responses",
    );
  }
}
