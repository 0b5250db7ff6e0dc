// `--help` of every command, each with an example.
export const de = {
  "help.main": `protokoll – aus einer YAML-Datei je Deal wird ein einseitiges Protokoll (HTML + A4-PDF) und eine Übersicht dessen, was liegen bleibt.

Aufruf: protokoll <befehl> [optionen]

Befehle:
  build                alle Deals prüfen, Website, PDFs und report.json schreiben
  check                prüfen und Hinweise berechnen, nichts schreiben
  new <titel>          eine neue Deal-Datei schreiben (überschreibt nie)
  diff <basis> [kopf]  inhaltlicher Vergleich der Deals zwischen zwei Git-Revisionen
  serve                bauen und auf localhost mit Live-Reload ausliefern
  init [ordner]        ein Deal-Repository anlegen (überschreibt nie eine Datei)
  doctor               Node, protokoll, den Browser für PDFs, Schriften und git anzeigen
  review               der Wochenrückblick einer ISO-Woche (aus der git-Historie)

"protokoll <befehl> --help" zeigt die Optionen eines Befehls.
Sprache: --lang de|en bei jedem Befehl (sonst PROTOKOLL_LANG, sonst site_language, sonst Deutsch).

Beispiele:
  protokoll check
  protokoll build --today 2026-11-23 --no-pdf

Exit-Codes: 0 kein Fehler, 1 mindestens ein Fehler (mit check --strict: irgendein Hinweis), 2 Aufruf- oder interner Fehler.`,
  "help.build": `Aufruf: protokoll build [optionen]

Prüft jeden Deal und schreibt die Übersicht, eine Protokollseite je Deal, PDFs und report.json.
Ein fehlerhafter Deal wird gemeldet, die anderen werden trotzdem gebaut.

Optionen:
  --deals <ordner>      Ordner mit den Deal-Dateien (Standard: deals)
  --out <ordner>        Ausgabeordner (Standard: _site)
  --cache-dir <ordner>  Cache-Ordner des Builds (Standard: PROTOKOLL_CACHE_DIR, sonst node_modules/.cache/protokoll,
                        sonst ~/.cache/protokoll); nie in --out
  --today <datum>       Hinweise zum Stichtag JJJJ-MM-TT (Standard: PROTOKOLL_TODAY, sonst heute)
  --no-pdf              ohne PDFs (schneller; nur Seiten und Bericht)
  --concurrency <n>     gleichzeitig gedruckte PDFs (Standard: Anzahl der Kerne)
  --audience <a>        team (Standard: alles) oder client (zur weiteren Veröffentlichung: ohne interne Notizen,
                        Hinweise, Lessons, Verantwortlichen-Seiten, Mail-Entwürfe und report.json)
  --at <rev>            die Deals so bauen, wie sie bei einer git-Revision waren (ein früheres Protokoll, byte-gleich)
  --shard <i>/<n>       nur die Deal-Ordner (PDF, Seite, Kalender, Mail-Entwürfe) des i-ten von n Teilen der
                        Deals schreiben (CI-Jobs parallel); ein Build über die zusammenkopierten Ordner schreibt
                        den Rest und druckt nichts neu
  --lang <de|en>        Sprache der Ausgabe und von report.json
  -h, --help            diese Hilfe

Beispiele:
  protokoll build --out public --today 2026-11-23
  protokoll build --at 3f2a9c1 --out protokoll-2026-11-21`,
  "help.check": `Aufruf: protokoll check [optionen]

Prüft jeden Deal und gibt seine Hinweise aus; schreibt nichts.

Optionen:
  --deals <ordner>      Ordner mit den Deal-Dateien (Standard: deals)
  --cache-dir <ordner>  Cache-Ordner (Standard: PROTOKOLL_CACHE_DIR, sonst node_modules/.cache/protokoll)
  --today <datum>       Hinweise zum Stichtag JJJJ-MM-TT
  --format <f>          text (Standard), json (wie report.json), github (Workflow-Befehle) oder
                        gitlab (ein Code-Quality-Bericht für Merge-Requests)
  --strict              Exit-Code 1 bei jedem Hinweis, auch bei Warnungen
  --lang <de|en>        Sprache der Meldungen und Korrekturhinweise
  -h, --help            diese Hilfe

Beispiele:
  protokoll check
  protokoll check --format github --strict`,
  "help.new": `Aufruf: protokoll new <titel> [optionen]

Schreibt deals/<datum>-<slug>.yaml mit allen Abschnitten eines Protokolls zum Ausfüllen. Überschreibt nie.

Optionen:
  --customer <name>   der Kunde
  --date <datum>      Datum des Termins, JJJJ-MM-TT (Standard: heute)
  --deals <ordner>    Ordner mit den Deal-Dateien (Standard: deals)
  --language <de|en>  Sprache des Deals und der Vorlage (Standard: die Sprache der Ausgabe)
  --lang <de|en>      Sprache der Ausgabe
  -h, --help          diese Hilfe

Beispiel:
  protokoll new "Rahmenvertrag Müller & Söhne" --customer "Müller & Söhne GmbH"`,
  "help.diff": `Aufruf: protokoll diff <basis> [<kopf>] [optionen]

Vergleicht die Deals zweier Git-Revisionen (kopf: die Arbeitskopie) und nennt, was sich Wichtiges geändert hat:
neue, erledigte und wieder offene Aufgaben, geänderte Verantwortliche und Fristen, verschobene Termine, neue und behobene Hinweise.

Optionen:
  --deals <ordner>   Ordner mit den Deal-Dateien (Standard: deals)
  --format <f>       markdown (Standard) oder json
  --lang <de|en>     Sprache der Überschrift; jeder Deal steht in seiner eigenen Sprache
  -h, --help         diese Hilfe

Beispiel:
  protokoll diff origin/main`,
  "help.serve": `Aufruf: protokoll serve [optionen]

Baut die Website (ohne PDFs) und liefert sie auf localhost aus; baut neu, sobald sich ein Deal oder eine Vorlage ändert.

Optionen:
  --port <n>            Port (Standard: 8080)
  --deals <ordner>      Ordner mit den Deal-Dateien (Standard: deals)
  --cache-dir <ordner>  Cache-Ordner (Standard: PROTOKOLL_CACHE_DIR, sonst node_modules/.cache/protokoll)
  --lang <de|en>        Sprache der Ausgabe
  -h, --help            diese Hilfe

Beispiel:
  protokoll serve --port 8081`,
  "help.init": `Aufruf: protokoll init [ordner] [optionen]

Legt in ordner (Voreinstellung: der aktuelle Ordner) ein Deal-Repository an: package.json mit fest
angegebener protokoll-Version und den Skripten build, check, serve und new; protokoll.config.yaml; einen
Beispiel-Deal; .gitignore; die Schema-Zuordnung für den Editor (nach node_modules/protokoll); ein kurzes
README fürs Team; und die CI-Datei. Überschreibt nie eine Datei: eine vorhandene package.json bekommt nur,
was ihr fehlt, und init sagt, was es belassen hat. Ein zweiter Aufruf ändert nichts.

Optionen:
  --ci <ci>          github (Voreinstellung: .github/workflows/protokoll.yml), gitlab (.gitlab-ci.yml) oder none
  --lang <de|en>     Sprache der Dateien und Meldungen (Voreinstellung: PROTOKOLL_LANG, sonst de)
  -h, --help         diese Hilfe

Beispiel:
  protokoll init vertrieb-deals --ci gitlab`,
  "help.doctor": `Aufruf: protokoll doctor [optionen]

Zeigt, was diese Maschine zum Bauen hat: Node.js, Version und Ordner von protokoll, den Browser für die PDFs
(Pfad, wie er gefunden wurde, Version), Schriften und git. Exit 2, wenn kein Browser da ist, mit dem Befehl,
der einen installiert.

Optionen:
  --lang <de|en>     Sprache der Ausgabe (Voreinstellung: PROTOKOLL_LANG, sonst de)
  -h, --help         diese Hilfe

Beispiel:
  protokoll doctor`,
  "help.review": `Aufruf: protokoll review [optionen]

Der Wochenrückblick einer ISO-Woche aus der git-Historie der Deals: je Verantwortlichem, was überfällig wurde,
was nächste Woche fällig ist, was verspätet erledigt oder immer wieder verschoben wurde; eingeschlafene Deals,
Deals ohne nächsten Termin, neue Lessons learned. Intern: nie an Kunden.

Optionen:
  --week <JJJJ-Www>     die ISO-Woche (Standard: die Woche von heute)
  --format <f>          markdown (Standard, für einen Pull-Request-Kommentar oder den Chat), html (eine Seite)
                        oder eml (ein Mail-Entwurf ans Team); auf stdout
  --per-owner           mit --format eml und --out: je Verantwortlichem eine Mail <name>.eml mit dessen
                        Überfälligem, dieser und nächster Woche und fälligem Nachfassen
  --out <ordner>        wohin --per-owner die Mails schreibt
  --deals <ordner>      Ordner mit den Deal-Dateien (Standard: deals)
  --cache-dir <ordner>  Cache-Ordner (Standard: PROTOKOLL_CACHE_DIR, sonst node_modules/.cache/protokoll)
  --today <datum>       Stichtag JJJJ-MM-TT (Standard: PROTOKOLL_TODAY, sonst heute)
  --lang <de|en>        Sprache (Standard: PROTOKOLL_LANG, sonst site_language, sonst Deutsch)
  -h, --help            diese Hilfe

Beispiele:
  protokoll review --week 2026-W48
  protokoll review --format eml > wochenrueckblick.eml
  protokoll review --per-owner --format eml --out wochenmails`,
} as const;

export { en } from "./help-en.js";
