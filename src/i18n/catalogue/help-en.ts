// The English `--help` texts; the German ones, and the keys, are in help.ts.
import type { de } from "./help.js";

export const en = {
  "help.main": `protokoll – one YAML file per deal becomes a one-page protocol (HTML + A4 PDF) and an index of what is slipping.

Usage: protokoll <command> [options]

Commands:
  build                validate all deals, write the site, PDFs and report.json
  check                validate and compute findings, write nothing
  new <title>          write a new deal file (never overwrites)
  diff <base> [head]   semantic diff of deals between two git revisions
  serve                build and serve with live reload on localhost
  init [dir]           scaffold a deals repository (never overwrites a file)
  doctor               show Node, protokoll, the browser for PDFs, fonts and git
  review               the weekly review of one ISO week (from the git history)

Run "protokoll <command> --help" for the options of a command.
Language: --lang de|en on every command (else PROTOKOLL_LANG, else site_language, else German).

Examples:
  protokoll check
  protokoll build --today 2026-11-23 --no-pdf

Exit codes: 0 no error-level finding, 1 at least one error (with check --strict: any finding), 2 usage error.`,
  "help.build": `Usage: protokoll build [options]

Validates every deal, then writes the index, one protocol page per deal, PDFs and report.json.
A broken deal is reported and the others are still built.

Options:
  --deals <dir>      folder with the deal files (default: deals)
  --out <dir>        output folder (default: _site)
  --cache-dir <dir>  the build's cache folder (default: PROTOKOLL_CACHE_DIR, else node_modules/.cache/protokoll,
                     else ~/.cache/protokoll); never inside --out
  --today <date>     judge findings as of this date, YYYY-MM-DD (default: PROTOKOLL_TODAY, else today)
  --no-pdf           skip PDFs (faster; pages and report only)
  --concurrency <n>  PDFs printed at once (default: number of cores)
  --audience <a>     team (default: everything) or client (for wider publication: no internal notes,
                     findings, lessons, owner pages, mail drafts or report.json)
  --at <rev>         build the deals as they were at a git revision (a past recap, byte-identical)
  --shard <i>/<n>    write only the deal folders (PDF, page, calendar, mail drafts) of the i-th of n slices
                     of the deals (CI jobs in parallel); a build over the folders copied together writes the
                     rest and prints nothing again
  --lang <de|en>     language of the output and of report.json
  -h, --help         show this help

Example:
  protokoll build --out public --today 2026-11-23`,
  "help.check": `Usage: protokoll check [options]

Validates every deal and prints its findings; writes nothing.

Options:
  --deals <dir>      folder with the deal files (default: deals)
  --cache-dir <dir>  cache folder (default: PROTOKOLL_CACHE_DIR, else node_modules/.cache/protokoll)
  --today <date>     judge findings as of this date, YYYY-MM-DD
  --format <f>       text (default), json (as report.json), github (workflow commands) or
                     gitlab (a Code Quality report for merge requests)
  --strict           exit 1 on any finding, warnings included
  --lang <de|en>     language of the messages and fixes
  -h, --help         show this help

Examples:
  protokoll check
  protokoll check --format github --strict`,
  "help.new": `Usage: protokoll new <title> [options]

Writes deals/<date>-<slug>.yaml with every section of a protocol to fill in. Never overwrites a file.

Options:
  --customer <name>   the customer
  --date <date>       meeting date, YYYY-MM-DD (default: today)
  --deals <dir>       folder with the deal files (default: deals)
  --language <de|en>  language of the deal and its template (default: the output language)
  --lang <de|en>      language of the output
  -h, --help          show this help

Example:
  protokoll new "Framework agreement Miller & Sons" --customer "Miller & Sons Ltd" --language en`,
  "help.diff": `Usage: protokoll diff <base> [<head>] [options]

Compares the deals at two git revisions (head: the working tree) and reports what changed that matters:
actions added, done, reopened, owners and due dates changed, next meetings moved, findings introduced or resolved.

Options:
  --deals <dir>      folder with the deal files (default: deals)
  --format <f>       markdown (default) or json
  --lang <de|en>     language of the heading; each deal is described in its own language
  -h, --help         show this help

Example:
  protokoll diff origin/main`,
  "help.serve": `Usage: protokoll serve [options]

Builds the site (without PDFs) and serves it on localhost, rebuilding when a deal or template changes.

Options:
  --port <n>         port (default: 8080)
  --deals <dir>      folder with the deal files (default: deals)
  --cache-dir <dir>  cache folder (default: PROTOKOLL_CACHE_DIR, else node_modules/.cache/protokoll)
  --lang <de|en>     language of the output
  -h, --help         show this help

Example:
  protokoll serve --port 8081`,
  "help.init": `Usage: protokoll init [dir] [options]

Scaffolds a deals repository in dir (default: the current folder): package.json with protokoll pinned and
the scripts build, check, serve and new; protokoll.config.yaml; an example deal; .gitignore; the editor's
schema mapping (into node_modules/protokoll); a short team README; and the CI file. Never overwrites a file:
an existing package.json only gains what it lacks, and init says what it left alone. Running it twice
changes nothing.

Options:
  --ci <ci>          github (default: .github/workflows/protokoll.yml), gitlab (.gitlab-ci.yml) or none
  --lang <de|en>     language of the files and messages (default: PROTOKOLL_LANG, else de)
  -h, --help         show this help

Example:
  protokoll init vertrieb-deals --ci gitlab`,
  "help.doctor": `Usage: protokoll doctor [options]

Shows what this machine has for a build: Node.js, protokoll's version and folder, the browser that prints the
PDFs (path, how it was found, version), fonts and git. Exit 2 when no browser is found, with the command
that installs one.

Options:
  --lang <de|en>     language of the output (default: PROTOKOLL_LANG, else de)
  -h, --help         show this help

Example:
  protokoll doctor`,
  "help.review": `Usage: protokoll review [options]

The weekly review of one ISO week, from the deals' git history: per owner what became overdue, what is due
next week, what was done late and what was moved again and again; deals gone stale or without their next
appointment; the week's new lessons learned. Internal: never send it to a client.

Options:
  --week <YYYY-Www>  the ISO week (default: the week of today)
  --format <f>       markdown (default, for a pull-request comment or chat), html (a page) or eml (a mail
                     draft to the team); written to stdout
  --per-owner        with --format eml and --out: one mail <name>.eml per owner with their overdue actions,
                     those due this week and next, and their follow-ups due
  --out <dir>        where --per-owner writes the mails
  --deals <dir>      folder with the deal files (default: deals)
  --cache-dir <dir>  cache folder (default: PROTOKOLL_CACHE_DIR, else node_modules/.cache/protokoll)
  --today <date>     judge as of this date, YYYY-MM-DD (default: PROTOKOLL_TODAY, else today)
  --lang <de|en>     language (default: PROTOKOLL_LANG, else site_language, else German)
  -h, --help         show this help

Examples:
  protokoll review --week 2026-W48
  protokoll review --format eml > weekly-review.eml
  protokoll review --per-owner --format eml --out weekly-mails`,
} as const satisfies Record<keyof typeof de, string>;
