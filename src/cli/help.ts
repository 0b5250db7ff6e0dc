/** `--help` texts, each with an example. */
export const HELP: Record<string, string> = {
  main: `protokoll – one YAML file per deal becomes a one-page protocol (HTML + A4 PDF) and an index of what is slipping.

Usage: protokoll <command> [options]

Commands:
  build              validate all deals, write the site, PDFs and report.json
  check              validate and compute findings, write nothing
  new <title>        write a new deal file (never overwrites)
  diff <base> [head] semantic diff of deals between two git revisions
  serve              build and serve with live reload on localhost

Run "protokoll <command> --help" for the options of a command.

Examples:
  protokoll check
  protokoll build --today 2026-11-23 --no-pdf

Exit codes: 0 no error-level finding, 1 at least one error (with check --strict: any finding), 2 usage error.`,
  build: `Usage: protokoll build [options]

Validates every deal, then writes the index, one protocol page per deal, PDFs and report.json.
A broken deal is reported and the others are still built.

Options:
  --deals <dir>        folder with the deal files (default: deals)
  --out <dir>          output folder (default: _site)
  --today <date>       judge findings as of this date, YYYY-MM-DD (default: PROTOKOLL_TODAY, else today)
  --no-pdf             skip PDFs (faster; pages and report only)
  --concurrency <n>    PDFs printed at once (default: number of cores)
  --audience <a>       team (default: everything) or client (for wider publication: no internal notes,
                       findings, lessons, owner pages, mail drafts or report.json)
  -h, --help           show this help

Example:
  protokoll build --out public --today 2026-11-23`,
  check: `Usage: protokoll check [options]

Validates every deal and prints its findings; writes nothing.

Options:
  --deals <dir>        folder with the deal files (default: deals)
  --today <date>       judge findings as of this date, YYYY-MM-DD
  --format <f>         text (default), json (as report.json), github (workflow commands) or
                       gitlab (a Code Quality report for merge requests)
  --strict             exit 1 on any finding, warnings included
  -h, --help           show this help

Examples:
  protokoll check
  protokoll check --format github --strict`,
  new: `Usage: protokoll new <title> [options]

Writes deals/<date>-<slug>.yaml with every section of a protocol to fill in. Never overwrites a file.

Options:
  --customer <name>    the customer
  --date <date>        meeting date, YYYY-MM-DD (default: today)
  --deals <dir>        folder with the deal files (default: deals)
  -h, --help           show this help

Example:
  protokoll new "Rahmenvertrag Müller & Söhne" --customer "Müller & Söhne GmbH"`,
  diff: `Usage: protokoll diff <base> [<head>] [options]

Compares the deals at two git revisions (head: the working tree) and reports what changed that matters:
actions added, done, reopened, owners and due dates changed, next meetings moved, findings introduced or resolved.

Options:
  --deals <dir>        folder with the deal files (default: deals)
  --format <f>         markdown (default) or json
  -h, --help           show this help

Example:
  protokoll diff origin/main`,
  serve: `Usage: protokoll serve [options]

Builds the site (without PDFs) and serves it on localhost, rebuilding when a deal or template changes.

Options:
  --port <n>           port (default: 8080)
  --deals <dir>        folder with the deal files (default: deals)
  -h, --help           show this help

Example:
  protokoll serve --port 8081`,
};
