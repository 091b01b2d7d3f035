import { parseArgs } from "node:util";
import { type Benchmark, builtInBenchmarks, findBenchmarks as lookUp } from "../index.js";
import { BENCHMARKS_HELP } from "./help.js";
import { type CliIo, usageError } from "./io.js";
import { choice } from "./options.js";

/** The `benchmarks` command's options. */
export const BENCHMARKS_OPTIONS = {
  segment: { type: "string" },
  region: { type: "string" },
  year: { type: "string" },
  format: { type: "string", short: "f" },
  help: { type: "boolean", short: "h" },
} as const;

/** `npskit benchmarks`: lists the built-in benchmark table with sources; returns the exit status. */
export function benchmarks(args: ReadonlyArray<string>, io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: BENCHMARKS_OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) {
    io.stdout(BENCHMARKS_HELP);
    return 0;
  }
  if (positionals.length > 0) throw usageError(`benchmarks takes no file, received ${JSON.stringify(positionals[0])}`);
  const format = choice("format", values.format, ["text", "json"] as const, "text");
  let year: number | undefined;
  if (values.year !== undefined) {
    year = /^\s*\d{4}\s*$/.test(values.year) ? Number(values.year) : Number.NaN;
    if (Number.isNaN(year))
      throw usageError(`--year must be a four-digit year, received ${JSON.stringify(values.year)}`);
  }
  const rows = lookUp({
    ...(values.segment === undefined ? {} : { segment: values.segment }),
    ...(values.region === undefined ? {} : { region: values.region }),
    ...(year === undefined ? {} : { year }),
  });
  if (format === "json") {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (rows.length === 0) {
    io.stdout("No benchmark matches.\n");
    return 0;
  }
  io.stdout(`${rows.map(describe).join("\n\n")}\n\n${FOOTNOTE}`);
  return 0;
}

const POPULATION: Readonly<Record<Benchmark["population"], string>> = {
  "consumer-panel": "consumer panel",
  "vendor-customers": "companies' own customers",
};

function describe(row: Benchmark): string {
  const year = row.year === null ? `undated${row.note === undefined ? "" : ` (${row.note})`}` : String(row.year);
  const quartiles =
    row.quartiles === undefined
      ? ""
      : `\n  quartiles   ${[
          row.quartiles.lower === undefined ? undefined : `lower ${row.quartiles.lower}`,
          row.quartiles.median === undefined ? undefined : `median ${row.quartiles.median}`,
          row.quartiles.upper === undefined ? undefined : `upper ${row.quartiles.upper}`,
        ]
          .filter((part) => part !== undefined)
          .join(", ")}`;
  return (
    [
      `${row.id}  ${row.value}  (${row.statistic.replaceAll("-", " ").replace("nps", "NPS")}${row.rank === undefined ? "" : `, ${row.rank} industry`})`,
      `  segment     ${row.segment}`,
      `  study       ${row.publisher}${row.study === "" ? "" : `, ${row.study}`}; ${year}; ${row.region}`,
      `  population  ${POPULATION[row.population]}; ${row.method}`,
      `  source      ${row.source}`,
    ].join("\n") + quartiles
  );
}

const FOOTNOTE = `Consumer panels (outside-in samples of consumers rating brands) and pools of
companies' own customer surveys are not comparable. Two widely quoted figures are
not in this table because no publisher source could be found for them
("SPG Consulting 2018: average 39", "Retently 2020: e-commerce 62").
Compare your data with one row: compareToBenchmark(tally, "<id>") in the library.
`;

/**
 * Checks the id of `npskit report --benchmark <id>` before any data is read: an unknown id is a usage
 * error that lists where the ids are. The comparison itself is the report's (`buildReport`'s
 * `benchmark` option).
 */
export function checkBenchmarkId(id: string): void {
  if (builtInBenchmarks().some((candidate) => candidate.id === id)) return;
  throw usageError(
    `--benchmark must be the id of a built-in benchmark (run "npskit benchmarks"), received ${JSON.stringify(id)}`,
  );
}
