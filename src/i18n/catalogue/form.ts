// The protocol form of `protokoll serve` and `protokoll advance` (src/cli/form/, src/cli/commands/advance.ts).
export const de = {
  "form.serving": "Protokoll-Formular: http://localhost:{port}/new (neu), http://localhost:{port}/edit/<slug> (bearbeiten).",
  "form.newTitle": "Neues Protokoll",
  "form.editTitle": "Protokoll bearbeiten: {title}",
  "form.save": "Speichern",
  "form.slug": "Dateiname (Slug)",
  "form.slugHelp": "Kleinbuchstaben, Ziffern und Bindestriche; leer: aus Datum und Titel, wie `protokoll new`.",
  "form.item": "{label} {n}",
  "form.add": "{label}: Eintrag hinzufügen",
  "form.addAction": "Aufgabe hinzufügen",
  "form.remove": "Entfernen",
  "form.up": "Nach oben",
  "form.plus2days": "+2 Tage",
  "form.plus1week": "+1 Woche",
  "form.plus2weeks": "+2 Wochen",
  "form.yes": "ja",
  "form.no": "nein",
  "form.none": "–",
  "form.preview": "Vorschau der Seite",
  "form.advance": "Folgetermin protokollieren",
  "form.advanceHelp": "Der nächste Termin wird zum protokollierten Termin; offene Aufgaben und Kontakte bleiben.",
  "form.errors": "Nicht gespeichert: {n} Angaben sind zu korrigieren.",
  "form.conflict": "Nicht gespeichert: Die Datei wurde geändert, seit dieses Formular geladen wurde.",
  "form.conflictHint":
    "Unten stehen beide Fassungen. Seite neu laden, um die Datei zu sehen, und die Änderung noch einmal eintragen.",
  "form.onDisk": "Die Datei, wie sie jetzt ist",
  "form.yours": "Ihre Eingaben",
  "form.exists": "Es gibt schon eine Datei {file}; bitte einen anderen Dateinamen wählen.",
  "form.badSlug": "„{slug}“ ist kein gültiger Dateiname: nur a–z, 0–9 und -, höchstens 80 Zeichen, am Anfang kein -.",
  "form.forbidden": "Das Formular ist abgelaufen oder kam nicht von diesem Server. Bitte die Seite neu laden.",
  "form.tooLarge": "Zu viele Daten für ein Protokoll.",
  "form.wrongType": "Das Formular wird als application/x-www-form-urlencoded gesendet.",
  "form.notFound": "Keinen Deal „{slug}“ gefunden.",
  "form.method": "Nur GET und POST.",
  "form.back": "Zur Übersicht",
  "form.dealPage": "Zur Deal-Seite",
  "form.top": "Angaben, die zu keinem Feld gehören",
  "form.status": "Stand der gespeicherten Datei",
  "form.ready": "versandbereit ✓",
  "form.missing": "fehlt: {list}",
  "form.stale":
    "Die Datei wurde gespeichert, seit dieses Formular geladen wurde: Stand und Hinweise zeigen die gespeicherte Fassung. Zum Weiterarbeiten die Seite neu laden; Speichern ergäbe jetzt 409.",
  "form.internal": "nur intern",
  "advance.wrote": "{file}: Folgetermin {date} ist jetzt der protokollierte Termin.",
  "advance.noNext": "{file} hat keinen nächsten Termin (`next_meeting.date`), zu dem es weitergehen könnte.",
  "advance.noNextHint": "Erst `next_meeting:` mit `date:` eintragen, dann `protokoll advance` aufrufen.",
  "advance.invalid": "{file} hat Fehler; `advance` ändert nur eine gültige Datei.",
  "advance.invalidHint": "Mit `protokoll check` die Fehler ansehen und beheben, dann noch einmal.",
  "advance.missing": "Die Datei {file} gibt es nicht.",
  "advance.missingHint": "Den Pfad einer Deal-Datei angeben, z. B. `protokoll advance deals/stadtwerke.yaml`.",
  "help.advance": `Aufruf: protokoll advance <deal-datei> [optionen]

Der Deal geht zum nächsten Termin über: next_meeting wird zu meeting, protocol_sent, updated, summary,
decisions, internal.signals und erledigte Aufgaben werden entfernt; offene Aufgaben, Kontakte und alles
andere bleiben. Die Datei wird an Ort und Stelle geändert, Kommentare und Formatierung bleiben; das alte
Protokoll bleibt in git und im Verlauf.

Optionen:
  --lang <de|en>       Sprache der Ausgabe
  -h, --help           diese Hilfe

Beispiel:
  protokoll advance deals/stadtwerke-musterstadt-strom.yaml`,
} as const;

export const en = {
  "form.serving": "Protocol form: http://localhost:{port}/new (new), http://localhost:{port}/edit/<slug> (edit).",
  "form.newTitle": "New protocol",
  "form.editTitle": "Edit protocol: {title}",
  "form.save": "Save",
  "form.slug": "File name (slug)",
  "form.slugHelp": "Lower-case letters, digits and hyphens; empty: from date and title, as `protokoll new` does.",
  "form.item": "{label} {n}",
  "form.add": "{label}: add an entry",
  "form.addAction": "Add action",
  "form.remove": "Remove",
  "form.up": "Move up",
  "form.plus2days": "+2 days",
  "form.plus1week": "+1 week",
  "form.plus2weeks": "+2 weeks",
  "form.yes": "yes",
  "form.no": "no",
  "form.none": "–",
  "form.preview": "Page preview",
  "form.advance": "Record the follow-up meeting",
  "form.advanceHelp": "The next meeting becomes the recorded meeting; open actions and contacts stay.",
  "form.errors": "Not saved: {n} entries need fixing.",
  "form.conflict": "Not saved: the file changed since this form was loaded.",
  "form.conflictHint": "Both versions are below. Reload the page to see the file, then enter your change again.",
  "form.onDisk": "The file as it is now",
  "form.yours": "Your entries",
  "form.exists": "There is a file {file} already; please choose another file name.",
  "form.badSlug": "“{slug}” is not a valid file name: only a–z, 0–9 and -, at most 80 characters, no - first.",
  "form.forbidden": "The form has expired or did not come from this server. Please reload the page.",
  "form.tooLarge": "Too much data for one protocol.",
  "form.wrongType": "The form is sent as application/x-www-form-urlencoded.",
  "form.notFound": "No deal “{slug}” found.",
  "form.method": "Only GET and POST.",
  "form.back": "To the overview",
  "form.dealPage": "To the deal page",
  "form.top": "Entries that belong to no field",
  "form.status": "State of the saved file",
  "form.ready": "ready to send ✓",
  "form.missing": "missing: {list}",
  "form.stale":
    "The file was saved since this form was loaded: the state and messages show the saved version. Reload the page to go on; saving now would answer 409.",
  "form.internal": "team only",
  "advance.wrote": "{file}: the follow-up meeting on {date} is now the recorded meeting.",
  "advance.noNext": "{file} has no next meeting (`next_meeting.date`) to move on to.",
  "advance.noNextHint": "Add `next_meeting:` with a `date:` first, then run `protokoll advance`.",
  "advance.invalid": "{file} has errors; `advance` changes only a valid file.",
  "advance.invalidHint": "See the errors with `protokoll check`, fix them, then run it again.",
  "advance.missing": "There is no file {file}.",
  "advance.missingHint": "Give the path of a deal file, e.g. `protokoll advance deals/stadtwerke.yaml`.",
  "help.advance": `Usage: protokoll advance <deal-file> [options]

The deal moves on to its next meeting: next_meeting becomes meeting; protocol_sent, updated, summary,
decisions, internal.signals and finished actions are removed; open actions, contacts and everything else
stay. The file is edited in place, comments and formatting kept; the old protocol stays in git and in the
history.

Options:
  --lang <de|en>       language of the output
  -h, --help           show this help

Example:
  protokoll advance deals/stadtwerke-musterstadt-strom.yaml`,
} as const satisfies Record<keyof typeof de, string>;
