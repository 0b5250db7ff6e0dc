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
  init [dir]         scaffold a deals repository (never overwrites a file)
  doctor             show Node, protokoll, the browser for PDFs, fonts and git
  review             the weekly review of one ISO week (from the git history)

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
  --at <rev>           build the deals as they were at a git revision (a past recap, byte-identical)
  -h, --help           show this help

Examples:
  protokoll build --out public --today 2026-11-23
  protokoll build --at 3f2a9c1 --out recap-2026-11-21`,
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
  init: `Usage: protokoll init [dir] [options]

Scaffolds a deals repository in dir (default: the current folder): package.json with protokoll pinned and
the scripts build, check, serve and new; protokoll.config.yaml; an example deal; .gitignore; the editor's
schema mapping (into node_modules/protokoll); a short team README; and the CI file. Never overwrites a file:
an existing package.json only gains what it lacks, and init says what it left alone. Running it twice
changes nothing.

Options:
  --ci <ci>            github (default: .github/workflows/protokoll.yml), gitlab (.gitlab-ci.yml) or none
  --lang <de|en>       language of the files and messages (default: PROTOKOLL_LANG, else de)
  -h, --help           show this help

Example:
  protokoll init vertrieb-deals --ci gitlab`,
  doctor: `Usage: protokoll doctor [options]

Shows what this machine has for a build: Node.js, protokoll's version and folder, the browser that prints the
PDFs (path, how it was found, version), fonts and git. Exit 2 when no browser is found, with the command
that installs one.

Options:
  --lang <de|en>       language of the output (default: PROTOKOLL_LANG, else de)
  -h, --help           show this help

Example:
  protokoll doctor`,
  review: `Usage: protokoll review [options]

The weekly review of one ISO week, from the deals' git history: per owner what became overdue, what is due
next week, what was done late and what was moved again and again; deals gone stale or without their next
appointment; the week's new lessons learned. Internal: never send it to a client.
Wochenrückblick einer ISO-Woche aus der git-Historie der Deals: je Verantwortlichem, was überfällig wurde,
was nächste Woche fällig ist, was verspätet erledigt oder mehrfach verschoben wurde; eingeschlafene Deals,
Deals ohne nächsten Termin, neue Lessons learned. Intern: nie an Kunden.

Options:
  --week <YYYY-Www>    the ISO week (default: the week of today)
  --format <f>         markdown (default, for a pull-request comment or chat), html (a page) or eml (a mail
                       draft to the team); written to stdout
  --deals <dir>        folder with the deal files (default: deals)
  --today <date>       judge as of this date, YYYY-MM-DD (default: PROTOKOLL_TODAY, else today)
  --lang <de|en>       language (default: PROTOKOLL_LANG, else the site language)
  -h, --help           show this help

Examples:
  protokoll review --week 2026-W48
  protokoll review --format eml > wochenrueckblick.eml`,
};

/** German help of the commands that have one yet; the others fall back to English. */
export const HELP_DE: Record<string, string> = {
  init: `Aufruf: protokoll init [ordner] [optionen]

Legt in ordner (Voreinstellung: der aktuelle Ordner) ein Deal-Repository an: package.json mit fest
angegebener protokoll-Version und den Skripten build, check, serve und new; protokoll.config.yaml; einen
Beispiel-Deal; .gitignore; die Schema-Zuordnung für den Editor (nach node_modules/protokoll); ein kurzes
README fürs Team; und die CI-Datei. Überschreibt nie eine Datei: eine vorhandene package.json bekommt nur,
was ihr fehlt, und init sagt, was es belassen hat. Ein zweiter Aufruf ändert nichts.

Optionen:
  --ci <ci>            github (Voreinstellung: .github/workflows/protokoll.yml), gitlab (.gitlab-ci.yml) oder none
  --lang <de|en>       Sprache der Dateien und Meldungen (Voreinstellung: PROTOKOLL_LANG, sonst de)
  -h, --help           diese Hilfe

Beispiel:
  protokoll init vertrieb-deals --ci gitlab`,
  doctor: `Aufruf: protokoll doctor [optionen]

Zeigt, was diese Maschine zum Bauen hat: Node.js, Version und Ordner von protokoll, den Browser für die PDFs
(Pfad, wie er gefunden wurde, Version), Schriften und git. Exit 2, wenn kein Browser da ist, mit dem Befehl,
der einen installiert.

Optionen:
  --lang <de|en>       Sprache der Ausgabe (Voreinstellung: PROTOKOLL_LANG, sonst de)
  -h, --help           diese Hilfe

Beispiel:
  protokoll doctor`,
};

/** The help of `command` in `language`, English where there is no German one yet. */
export function helpFor(command: string, language: "de" | "en"): string | undefined {
  return (language === "de" ? HELP_DE[command] : undefined) ?? HELP[command];
}
