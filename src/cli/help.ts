/** `npskit --help`. */
export const MAIN_HELP = `Usage: npskit <command> [options]

Net Promoter Score analytics from the command line.

Commands:
  report [file | -]   NPS overview of a CSV, JSON or NDJSON file (- reads
                      standard input; no file: the built-in sample)
  sample-size         responses needed for a target margin of error
  migration [a b]     how the same customers moved between two survey waves
                      (no files: the sample's first year against its second)
  follow-up [file]    closing the loop: who to contact, in what order, by when
  benchmarks          published NPS benchmarks, with their sources
  themes <file>       what customers say: themes, their NPS impact, the
                      words that mark detractors, passives and promoters
  drivers <file>      which other answers go with the score, and how much
  help [command]      show help for a command

Options:
  -h, --help          show this help

Run "npskit <command> --help" for the options of a command.
Exit status: 0 success, 1 unusable data, 2 usage error.
`;

/** `npskit report --help`. */
export const REPORT_HELP = `Usage: npskit report [file | -] [options]
       npskit report --tallies <file | -> [options]

Reads survey answers from a CSV, JSON (array of objects) or NDJSON file, or from
standard input with "-", and prints rows read, skipped and rejected, the 0-10
distribution, promoters, passives and detractors, the NPS, its confidence
interval and margin of error; with --by, --tiers, --period or --rolling, also
the NPS by segment and over time. With no file, it reports on the built-in
sample (attributes plan, country, channel and spend). CSV and NDJSON are read
as a stream: memory does not grow with the file for the plain overview.

Columns (guessed from the header when not given; guesses are shown on stderr;
a name that is not a column is an error suggesting the closest ones, in any
case: "did you mean "SURVEY_SUB_TYPE"?"):
  --score <column>         the 0-10 answer
  --date <column>          when the answer was given
  --date-format <pattern>  date-fns pattern of the dates, e.g. "M/d/yy H:mm"
                           (default: ISO 8601, else detected among common ones)
  --time-zone <IANA>       zone of dates without an offset, and of the trend's
                           calendar (default: UTC)
  --respondent <column>    respondent id
  --comment <column>       free-text comment: adds a section (see below)
  --weight <column>        survey weight (finite, > 0): weighted figures
  --attribute <column>     a segment column (repeat for several); --by and
                           --tiers columns are read without it

Segments and trends:
  --by <attribute>         NPS per segment; twice (--by a --by b) crosses two;
                           a blank or NA value is the "(no value)" segment
  --tiers <attr>:<n>       NPS by n quantile tiers of a numeric attribute, or
  --tiers <attr>:<c>,<c>   by explicit cut points (spend:0,100,500; one cut:
                           spend:100,); not with --by
  --period <period>        trend by day, week, month, quarter or year; with
                           one --by, the overall trend, then each segment's
  --rolling <days>         trend over trailing windows of this many days (not
                           with --period); with one --by, overall and per
                           segment
  --step <step>            a rolling window ends every day (default), week
                           or month
  --respondents <policy>   all (default) or latest: each respondent counts
                           once per period or window, with the latest answer
  --sort <order>           segments by label (default: numbers by value, then
                           text), n (largest first) or nps (highest first)
  --min-n <n>              segments and trend periods with fewer responses
                           are flagged small; small segments are listed
                           last, apart (default: 30, flagged in place)
  --hide-small             do not show the small segments (counted below the
                           table)
  --top <k | all>          show the k largest segments (default: above 50
                           segments, the 50 largest, with a warning on
                           stderr); the segments not shown are counted below
                           the table and still count in the total and in
                           every comparison; per-segment trends show the same

Filters (repeatable, combined with AND; rows left out are counted):
  --where <filter>         keep the rows that match: plan=pro, country!=FR,
                           "plan in pro,team", spend>=100 (also <, <=, >);
                           = != in compare text exactly; a blank or NA value
                           matches only "plan=" (no value) and !=; < <= > >=
                           need numbers (other text: exit 1 naming the row);
                           quote a value with commas: 'plan in "a, b",c'

Why customers score as they do (need a file of responses, not --tallies):
  --comment <column>       adds "What customers say": the comment rate per
                           category, themes with mentions, share, NPS with and
                           without, impact and adjusted p-values, the words
                           that mark each category, redacted excerpts; with
                           --period, each theme's share and impact by period
  --themes <file>          the themes (JSON, see docs/why.md; default:
                           suggested from the distinctive words)
  --language <code>        en (default), fr, nl, de or es: stop words
  --drivers <col>,<col>    adds "What drives the score": LMG importance with
                           bootstrap intervals, Spearman, NPS by answer
  --levels <labels>        answer labels lowest first, a,b,c for every text
                           driver, or <column>=a,b,c (repeatable)

Tallies counted in a database:
  --tallies <file>         read the result rows of a tallySql query (CSV, JSON
                           or NDJSON; - for stdin) instead of responses: the
                           same report. The query groups by the --by columns,
                           and for a trend by a period that nests in --period
                           (by day for --rolling); its time zone is used. Not
                           with --tiers, --respondents latest or the column
                           options

Reading:
  --encoding <name>        auto, utf-8 or latin1 (default: auto: a byte-order
                           mark, else UTF-8 if the first 64 KiB are valid
                           UTF-8, else latin-1)
  --delimiter <char>       CSV delimiter: , ; tab or any one character
                           (default: detected from the header line)
  --input-format <format>  auto, csv, json or ndjson (default: auto)
  --skip-missing           blank or NA scores are skipped and counted (default)
  --reject-missing         blank or NA scores are rejected like invalid ones
  --strict                 exit with status 1 when any row is rejected; a date
                           that does not parse rejects its row
  --max-rejected <percent> exit with status 1 (after the report) when more than
                           this share of rows is rejected or loses its date,
                           naming the main reason and the fix (default: 5)
  --rejected <file>        write every rejected row to a CSV file (row, field,
                           value, message)

Output:
  -f, --format <format>    text, markdown, json, csv or html (default: text)
  --table <table>          with csv: overview (default), distribution,
                           segments, trend or benchmark; themes and
                           themes-by-period (with --comment), drivers (with
                           --drivers)
  -o, --out <file>         write the report to a file instead of stdout
  --benchmark <id>         compare the NPS with a built-in benchmark (list them
                           with "npskit benchmarks"); in every format (csv:
                           --table benchmark)
  --title <text>           the report's title (default: "NPS report: " and the
                           file's name); shown in markdown and html, and when
                           given, atop the text report
  --level <level>          confidence level, as 0.95 or 95 (default: 0.95)
  --method <method>        interval: adjusted-wald (default), wald, score,
                           bayes or bootstrap
  -h, --help               show this help

Rejected rows (an invalid score or weight) are counted, the first five are
listed with their row numbers, and they are left out; the report covers the
valid rows and exits with 0 unless --strict is given or more rows than
--max-rejected are lost. A valid score whose date does not parse counts in the
overall figures and segments, and is left out of trends (counted on standard
error).
Exit status: 0 success, 1 unusable data, 2 usage error.
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

/** `npskit benchmarks --help`. */
export const BENCHMARKS_HELP = `Usage: npskit benchmarks [options]

Lists the built-in table of published NPS benchmarks: each figure with what it
is (mean, median, mean of company NPS…), who was asked (a consumer panel or
companies' own customers), the study, year, region, method and where it was
published. Compare your data with one: compareToBenchmark(tally, "<id>").

Options:
  --segment <text>         rows whose segment contains the text (any case)
  --region <region>        rows of a region, e.g. US, global, Canada
  --year <year>            rows of a study year
  -f, --format <format>    text or json (default: text)
  -h, --help               show this help
`;

/** The help of the reading options that `migration` and `follow-up` share (`READ_OPTIONS`). */
const READ_HELP = `Columns (guessed from the header when not given; guesses are shown on stderr;
a name that is not a column is an error suggesting the closest ones, in any
case: "did you mean "SURVEY_SUB_TYPE"?"):
  --score <column>         the 0-10 answer
  --date <column>          when the answer was given
  --date-format <pattern>  date-fns pattern of the dates (default: ISO 8601,
                           else detected among common ones)
  --time-zone <IANA>       zone of dates without an offset, and of due dates
                           (default: UTC)
  --respondent <column>    respondent id (compared exactly)
  --comment <column>       free-text comment
  --attribute <column>     a segment column (repeat for several)
  --encoding <name>        auto, utf-8 or latin1 (default: auto)
  --delimiter <char>       CSV delimiter (default: detected)
  --input-format <format>  auto, csv, json or ndjson (default: auto)
`;

/** `npskit migration --help`. */
export const MIGRATION_HELP = `Usage: npskit migration [before.csv after.csv] [options]

How the same customers moved between two survey waves: respondents are matched
by respondent id (compared exactly; each wave keeps each respondent's latest
answer), then the 3x3 table detractor/passive/promoter -> detractor/passive/
promoter, the NPS of the matched panel in each wave, and the paired change with
its standard error, interval and p-value. With no files, the built-in sample's
first 12 months (2024-12 to 2025-11) against its last 12 months.

${READ_HELP}
Output:
  --level <level>          confidence level, as 0.95 or 95 (default: 0.95)
  -f, --format <format>    text or json (default: text)
  -h, --help               show this help
`;

/** `npskit follow-up --help`. */
export const FOLLOW_UP_HELP = `Usage: npskit follow-up [file | -] [options]

Closing the loop: one entry per respondent to follow up (their latest answer),
with the action for its category (detractor: contact quickly; passive: ask what
would make it a 10; promoter: ask for a review or referral), detractors first,
then the most recent, then the highest --value. With --capacity, each entry gets
the working day it is due. With no file, the built-in sample (ties by spend).

${READ_HELP}
Queue:
  --capacity <n>           follow-ups per working day; gives due dates
  --start <YYYY-MM-DD>     first day (default: the day of the newest answer)
  --working-days <days>    e.g. mon,tue,wed,thu,fri (the default) or 1,2,3,4,5
  --value <attribute>      numeric attribute that breaks ties, e.g. spend
  --categories <list>      e.g. detractor,passive (default: all three)
  --all-responses          one entry per answer, not per respondent
  --limit <n>              entries printed as text (default: 25; 0: all)
  -f, --format <format>    text or json (default: text)
  -h, --help               show this help
`;

/** `npskit themes --help`. */
export const THEMES_HELP = `Usage: npskit themes <file | -> --comment <column> [options]

What customers say: for each theme, its mentions and share of comments (overall
and among detractors, passives, promoters), the NPS of those who mention it
against the others with an interval and a test (p-values adjusted across
themes, Holm), and its NPS impact: the NPS minus the NPS if those who mention
it scored like those who mention no theme (negative: the theme costs points).
Then the words that mark each category, and a few excerpts per theme. Without
--themes, themes are suggested from the distinctive words. Comments are
optional: the comment rate per category is shown, as commenters are a
self-selected group.

Columns and reading: --score, --comment (needed unless guessed), --date,
--respondent, --encoding, --delimiter, --input-format as for "npskit report".

Options:
  --themes <file.json>     themes: [{"name": "Waiting", "keywords": ["queue",
                           "attente", "wait*"], "patterns": []}, ...]; keywords
                           are whole words or phrases after normalisation, a
                           final * matches any ending
  --allow-patterns         let themes hold regular expressions ("patterns"),
                           guarded against runaway matching
  --language <code>        en (default), fr, nl, de or es: stop words, locale
  --accents <mode>         strip (default) or keep accents
  --stop-words <w,w,…>     more words to ignore
  --compare-with <who>     other-commenters (default) or everyone-else
  --excerpts <n>           comments shown per theme (default 3, 0 for none)
  --no-redact              show excerpts as written (default: e-mails, phone
                           numbers and long digit runs are masked)
  --words <n>              distinctive words listed per category (default 10)
  --level <level>          confidence level (default 0.95)
  -f, --format <format>    text (default), markdown, json or csv
  -h, --help               show this help
`;

/** `npskit drivers --help`. */
export const DRIVERS_HELP = `Usage: npskit drivers <file | -> --drivers <column>,<column>… [options]

Which other answers go with the 0-10 score: for each driver column, the NPS at
each answer with its interval, Spearman's correlation with the score, and its
relative importance, the LMG (Shapley) share of the R² of the linear regression
of the score on every driver, with seeded bootstrap intervals. The importances
add up to R². These are associations, not causes.

Columns and reading: --score, --encoding, --delimiter, --input-format as for
"npskit report".

Options:
  --drivers <c1,c2,…>      the driver columns (1 to 15): numbers, or labels
                           with --levels
  --levels <labels>        ordered labels, lowest first, for every driver with
                           text answers: "Strongly Disagree,Disagree,Neutral,
                           Agree,Strongly Agree"; or <column>=<labels> for one
                           column (repeat the option)
  --missing <policy>       listwise (default: respondents who answered every
                           driver) or pairwise (each driver with those who
                           answered it)
  --resamples <n>          bootstrap resamples (default 1000; 0 for none)
  --seed <n>               bootstrap seed (default 1)
  --level <level>          confidence level (default 0.95)
  -f, --format <format>    text (default), markdown, json or csv
  -h, --help               show this help

Values that are neither blank, NA, a number nor one of the levels are left out
and reported on standard error with their response numbers.
`;
