/**
 * The input formats `--input-format` accepts.
 *
 * @category Node
 */
export type InputFormatChoice = "auto" | "csv" | "json" | "ndjson";

/** Raw rows read from a file, with the columns in file order and how they were read. */
export interface RawTable {
  /** One null-prototype object per data row, keyed by column name. */
  readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Every column name, in order of first appearance. */
  readonly columns: ReadonlyArray<string>;
  readonly format: "csv" | "json" | "ndjson";
  /** The CSV delimiter, for CSV. */
  readonly delimiter?: string;
  /** What was decided without being asked, for standard error. */
  readonly notes: ReadonlyArray<string>;
}

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter among `,` `;` tab that occurs most often (outside quotes) in the header line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/** Column names made unique: a repeated name gets a suffix ` (2)`, ` (3)`…, with a note. */
export function uniqueNames(header: ReadonlyArray<string>, notes: string[]): string[] {
  const seen = new Set<string>();
  return header.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let k = 2;
    while (seen.has(`${name} (${k})`)) k++;
    const unique = `${name} (${k})`;
    seen.add(unique);
    notes.push(`column ${JSON.stringify(name)} appears more than once; the repeat is named ${JSON.stringify(unique)}`);
    return unique;
  });
}

/** A delimiter as users write it. */
export function showDelimiter(delimiter: string): string {
  return delimiter === "\t" ? "tab" : JSON.stringify(delimiter);
}
