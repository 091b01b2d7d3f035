/** `npskit --help`. */
export const MAIN_HELP = `Usage: npskit <command> [options]

Net Promoter Score analytics from the command line.

Commands:
  report [file | -]   NPS overview of a CSV, JSON or NDJSON file (- reads
                      standard input; no file: the built-in sample)
  sample-size         responses needed for a target margin of error
  help [command]      show help for a command

Options:
  -h, --help          show this help

Run "npskit <command> --help" for the options of a command.
Exit status: 0 success, 1 unusable data, 2 usage error.
`;

/** `npskit report --help`. */
export const REPORT_HELP = `Usage: npskit report [file | -] [options]

Reads survey answers from a CSV, JSON (array of objects) or NDJSON file, or from
standard input with "-", and prints rows read, skipped and rejected, the 0-10
distribution, promoters, passives and detractors, the NPS, its confidence
interval and margin of error. With no file, it reports on the built-in sample.

Columns (guessed from the header when not given; guesses are shown on stderr):
  --score <column>         the 0-10 answer
  --date <column>          when the answer was given
  --date-format <pattern>  date-fns pattern of the dates, e.g. "M/d/yy H:mm"
                           (default: ISO 8601, else detected among common ones)
  --time-zone <IANA>       zone of dates without an offset (default: UTC)
  --respondent <column>    respondent id
  --comment <column>       free-text comment
  --weight <column>        survey weight (finite, > 0)
  --attribute <column>     a segment column (repeat for several)

Reading:
  --encoding <name>        auto, utf-8 or latin1 (default: auto: a byte-order
                           mark, else UTF-8 if valid, else latin-1)
  --delimiter <char>       CSV delimiter: , ; tab or any one character
                           (default: detected from the header line)
  --input-format <format>  auto, csv, json or ndjson (default: auto)
  --skip-missing           blank or NA scores are skipped and counted (default)
  --reject-missing         blank or NA scores are rejected like invalid ones
  --strict                 exit with status 1 when any row is rejected

Output:
  -f, --format <format>    text or json (default: text)
  --level <level>          confidence level, as 0.95 or 95 (default: 0.95)
  --method <method>        interval: adjusted-wald (default), wald, score,
                           bayes or bootstrap
  -h, --help               show this help

Rejected rows (an invalid score, date or weight) are listed and left out; the
report covers the valid rows and exits with 0 unless --strict is given.
`;

/** `npskit sample-size --help`. */
export const SAMPLE_SIZE_HELP = `Usage: npskit sample-size --margin <points> [options]

How many responses are needed for the NPS margin of error (half the width of the
confidence interval, in NPS points) to be at most --margin.

Options:
  --margin <points>        target margin of error in points, e.g. 5 (required)
  --level <level>          confidence level, 0.95 or 95 (default: 0.95)
  --shares <p,o,d>         expected shares of promoters, passives and
                           detractors, e.g. 0.5,0.3,0.2 or 50,30,20
                           (default: the worst case)
  -f, --format <format>    text or json (default: text)
  -h, --help               show this help
`;
