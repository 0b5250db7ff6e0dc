/**
 * The catalogue: every string a person reads — site, PDF, mail, calendar, diff, CLI output, findings, schema
 * errors, `--help` — keyed, in German (`de`, the default) and English (`en`). Nothing user-visible is written
 * anywhere else. This module sits below every stage (it imports nothing from src/), so load, validate,
 * findings, render, export, diff and cli all use it.
 *
 * How to add a string:
 *   1. Add the key to `de` below, in the section it belongs to (keys are `area.name`; a finding's are
 *      `<code>.message` and `<code>.hint`; a finding's short title is `title.<code>`).
 *   2. Add the same key to `en`. Until you do, `npm run typecheck` fails (`en` must have exactly the keys of
 *      `de`) and so does test/i18n/catalogue.test.ts.
 *   3. Placeholders are `{name}`: `t(language, "key", { name })` or `phrase("key", { name })` from
 *      `./translate.js`; the compiler checks that every placeholder gets a value. A value may be text, a
 *      number, `date("2026-11-20")` (written `20.11.2026` / `20 Nov 2026`) or another phrase. Plurals are two
 *      keys `<base>.one` / `<base>.other`, picked with `plural(n, "<base>")`. Braces appear only as placeholders.
 *   4. Findings and errors carry phrases, not text: `finding(code, file, at, phrase(…), phrase(…))`,
 *      `new ProtokollError(phrase(…), phrase(…))`; each sink words them in its reader's language
 *      (`wordFinding(f, language)` in src/errors.ts).
 */
export const de = {
  // Labels of pages, PDFs, mails and calendars (`messages(language).<key>` in views and templates).
  protocol: "Protokoll",
  meeting: "Termin",
  customer: "Kunde",
  participants: "Teilnehmende",
  name: "Name",
  company: "Firma",
  role: "Position",
  phone: "Telefon",
  email: "E-Mail",
  summary: "Zusammenfassung",
  decisions: "Entscheidungen",
  terms: "Vereinbarungen",
  delivery: "Lieferung",
  payment: "Zahlung",
  pricing: "Preise",
  contractTerm: "Laufzeit",
  confirmation: "Auftragsbestätigung",
  copies: "Exemplare",
  channel_post: "per Post",
  channel_fax: "per Fax",
  channel_email: "per E-Mail",
  otherTerms: "Weitere Bedingungen",
  actions: "Wer macht was bis wann",
  task: "Aufgabe",
  owner: "Verantwortlich",
  due: "Bis",
  state: "Status",
  action_open: "offen",
  action_done: "erledigt",
  action_dropped: "entfallen",
  doneOn: "erledigt am",
  nobody: "niemand benannt",
  noDate: "kein Datum",
  nextMeeting: "Nächster Termin",
  noNextMeeting: "Kein nächster Termin vereinbart",
  date: "Datum",
  time: "Uhrzeit",
  duration: "Dauer",
  minutes: "Min.",
  place: "Ort",
  agenda: "Themen",
  "list.risks": "Offene Risiken",
  options: "Optionen",
  chosen: "gewählt",
  ifThen: "Wenn – dann",
  timeframe: "Zeitrahmen",
  success: "Erfolg, wenn",
  communication: "Kommunikation",
  rhythm: "Rhythmus",
  review: "Review",
  escalation: "Eskalation",
  "list.abort_criteria": "Abbruchkriterien",
  lostReason: "Grund für die Absage",
  internal: "Intern – nicht für den Kunden",
  internalNote: "Dieser Abschnitt erscheint nie im PDF, in der Mail oder im Kalender.",
  notes: "Notizen",
  signals: "Signale",
  lessons: "Lessons learned",
  hiddenNeeds: "Verdeckte Bedarfe",
  asOf: "Stand",
  page: "Seite 1 von 1",
  protocolSent: "Protokoll verschickt",
  protocolNotSent: "Protokoll noch nicht verschickt",
  status_active: "aktiv",
  status_won: "gewonnen",
  status_lost: "verloren",
  status_paused: "pausiert",
  findings: "Hinweise",
  noFindings: "Keine Hinweise",
  error: "Fehler",
  warning: "Warnung",
  index: "Übersicht",
  indexTitle: "Deals",
  deals: "Deals",
  openActions: "offene Aufgaben",
  openAction: "offene Aufgabe",
  overdueActions: "überfällig",
  onTime: "pünktlich erledigt",
  onTimeShort: "pünktlich",
  goal: "Ziel",
  kpiNone: "noch nichts fällig",
  brokenDeal: "Datei fehlerhaft – wird nicht gebaut",
  today: "Heute",
  back: "Zur Übersicht",
  downloadPdf: "PDF",
  calendar: "Kalender",
  mail: "Mail-Entwurf",
  generatedBy: "erstellt mit protokoll",
  location: "Zeile",
  navIndex: "Übersicht",
  navOwners: "Wer macht was bis wann",
  navUpcoming: "Demnächst",
  navLessons: "Lessons learned",
  ownersIntro: "Alle offenen Aufgaben über alle Deals, Überfälliges zuerst.",
  upcomingIntro: "Termine und Fristen der nächsten",
  days: "Tage",
  lessonsIntro: "Intern: was funktionierte, wo es hakte – gesammelt aus allen Deals.",
  nothingUpcoming: "Nichts in diesem Zeitraum.",
  deal: "Deal",
  kindMeeting: "Termin",
  kindDeadline: "Frist",
  calendarFeed: "Termine und Fristen",
  filterFinding: "Deals mit dem Hinweis",
  filterStatus: "Deals mit dem Status",
  noDeals: "Keine Deals.",
  withoutOwner: "ohne Verantwortliche",
  withVagueOwner: "Gruppe statt Person",
  nextMeetingPast: "Termin vorbei",
  withoutDue: "ohne Frist",
  lateRecaps: "Protokolle fehlen",
  withoutNext: "ohne nächsten Termin",
  sortHint: "Spaltenköpfe sortieren die Tabelle.",
  skip: "Zum Inhalt",
  staleDeals: "Deals schlafen ein",
  level_critical: "Kritisch",
  level_warning: "Warnung",
  level_info: "Hinweis",
  legend: "Dringlichkeit",
  legendOrder: "Reihenfolge: dringendste zuerst",
  thisWeek: "Diese Woche",
  thisWeekIntro: "Offene Aufgaben, fällig oder überfällig bis",
  thisWeekNone: "Diese Woche ist nichts fällig.",
  dueBy: "fällig",
  moreActions: "weitere",
  morePeople: "weitere Personen",
  allDeals: "Alle Deals",
  allDealsPage: "Alle Deals, Seite",
  pages: "Seiten",
  byStatus: "Nach Status",
  bySendState: "Nach Versand",
  mostUrgent: "Die dringendsten",
  of: "von",
  nextPast: "vorbei",
  nextNone: "keiner",
  oldest: "die älteste",
  open: "Offen",
  previousPage: "Vorherige Seite",
  nextPage: "Nächste Seite",
  sortShownHint: "Spaltenköpfe sortieren die angezeigten Deals; alle Deals stehen auf den Seiten unten.",
  // One chip on the index: a kind of finding with its count; other kinds read "title" or "{n}× title".
  "chip.missing-owner": "{n} ohne Verantwortliche",
  "chip.vague-owner": "{n} Gruppe statt Person",
  "chip.missing-due": "{n} ohne Frist",
  "chip.overdue": "{n} überfällig",
  "chip.protocol-late": "Protokoll fehlt",
  "chip.deal-stale": "Deal schläft",
  "chip.several": "{n}× {title}",
  // How bad the worst instance of a kind is, in days.
  "chipDetail.overdue.one": "seit 1 Tag",
  "chipDetail.overdue.other": "seit {n} Tagen",
  "chipDetail.protocol-late.one": "seit 1 Tag",
  "chipDetail.protocol-late.other": "seit {n} Tagen",
  "chipDetail.deal-stale.one": "seit 1 Tag",
  "chipDetail.deal-stale.other": "seit {n} Tagen",
  "chipDetail.next-meeting-past.one": "vor 1 Tag",
  "chipDetail.next-meeting-past.other": "vor {n} Tagen",
  sendState: "Versand",
  readyToSend: "versandbereit",
  notReadyToSend: "nicht versandbereit",
  readyMissing: "Fehlt vor dem Versand",
  draftMark: "ENTWURF – nicht versenden",
  draftShort: "ENTWURF",
  draftCell: "Entwurf",
  filterReady: "Versandbereite Protokolle",
  filterNotReady: "Protokolle, die noch nicht rausgehen können",
  copy: "Exemplar",
  participantsOf: "Teilnehmende",
  contactPerson: "Ihr Ansprechpartner",
  tel: "Tel.",
  outcome: "Ergebnis",

  // Short titles of finding codes, for badges and filters.
  "title.invalid-yaml": "YAML fehlerhaft",
  "title.invalid-field": "Feld ungültig",
  "title.invalid-filename": "Dateiname ungültig",
  "title.missing-owner": "Ohne Verantwortliche",
  "title.vague-owner": "Keine Person benannt",
  "title.missing-due": "Ohne Frist",
  "title.overdue": "Überfällig",
  "title.missing-next-meeting": "Kein nächster Termin",
  "title.next-meeting-past": "Nächster Termin vorbei",
  "title.protocol-late": "Protokoll verspätet",
  "title.pdf-overflow": "PDF länger als eine Seite",
  "title.pdf-failed": "PDF fehlgeschlagen",
  "title.pdf-retried": "PDF nach Absturz neu gedruckt",
  "title.deal-stale": "Deal schläft ein",
  "title.owner-not-participant": "Nicht unter den Teilnehmenden",
  "title.due-before-meeting": "Frist vor dem Termin",
  "title.closed-with-open-actions": "Abgeschlossen mit offenen Aufgaben",
  "title.lost-without-reason": "Verloren ohne Grund",
  "title.due-pushed-often": "Frist oft verschoben",
  "title.ambiguous-time": "Uhrzeit bei Zeitumstellung",

  // Plurals: `<base>.one` and `<base>.other`, picked by plural(n, "<base>").
  "n.deal.one": "{n} Deal",
  "n.deal.other": "{n} Deals",
  "n.error.one": "{n} Fehler",
  "n.error.other": "{n} Fehler",
  "n.warning.one": "{n} Warnung",
  "n.warning.other": "{n} Warnungen",
  "n.day.one": "{n} Tag",
  "n.day.other": "{n} Tage",
  "n.daySince.one": "seit {n} Tag",
  "n.daySince.other": "seit {n} Tagen",
  "n.dayAgo.one": "vor {n} Tag",
  "n.dayAgo.other": "vor {n} Tagen",
  "n.argument.one": "{n} Argument",
  "n.argument.other": "{n} Argumente",
  "n.openActionIs.one": "{n} Aufgabe ist",
  "n.openActionIs.other": "{n} Aufgaben sind",

  // Findings of the rules in src/findings/: `<code>.message` and `<code>.hint`.
  "missing-owner.message": "Aufgabe „{task}“ hat keine verantwortliche Person.",
  "missing-owner.hint": "`owner:` mit dem Namen einer Person ergänzen, z. B. `owner: Anna Schulz`.",
  "vague-owner.message": "Aufgabe „{task}“ liegt bei „{owner}“ – das ist keine einzelne Person.",
  "vague-owner.hint": "Die eine Person nennen, die dafür geradesteht, z. B. `owner: Anna Schulz`.",
  "owner-not-participant.message": "„{owner}“ (Aufgabe „{task}“) steht nicht unter den Teilnehmenden.",
  "owner-not-participant.hint": "Schreibweise prüfen oder die Person unter `participants:` ergänzen.",
  "owner-not-participant.guess": "Meinten Sie „{name}“? Sonst die Person unter `participants:` ergänzen.",
  "missing-due.message": "Aufgabe „{task}“ hat keine Frist.",
  "missing-due.hint": "`due:` mit dem vereinbarten Datum ergänzen, z. B. `due: {example}`.",
  "overdue.message": "Aufgabe „{task}“ war fällig am {due} ({ago}).",
  "overdue.hint":
    "Mit `status: done` und `done_on:` als erledigt markieren, oder mit der verantwortlichen Person ein neues Datum vereinbaren und `due:` ändern.",
  "due-before-meeting.message": "Aufgabe „{task}“ ist am {due} fällig – vor dem Termin, der sie vereinbart hat.",
  "due-before-meeting.hint": "Jahr und Monat von `due:` prüfen.",
  "due-pushed-often.message": "Die Frist von „{task}“ wurde {times}-mal verschoben.",
  "due-pushed-often.hint":
    "Zeit für ein strukturiertes Gespräch: ein verbindliches Datum vereinbaren oder die Aufgabe streichen.",
  "missing-next-meeting.message": "Es ist kein nächster Termin vereinbart.",
  "missing-next-meeting.hint":
    "`next_meeting:` mit `date:` (und `time:`, `place:`) ergänzen, oder `status: paused` setzen, wenn der Deal ruht.",
  "next-meeting-past.message": "Der nächste Termin ({date}) liegt in der Vergangenheit.",
  "next-meeting-past.hint": "Den Termin als neues Protokoll festhalten und den darauf folgenden unter `next_meeting:` eintragen.",
  "protocol-late.message": "Das Protokoll zum Termin am {date} ist noch nicht verschickt ({days}).",
  "protocol-late.hint": "Das Protokoll heute verschicken und mit `protocol_sent: {today}` festhalten.",
  "deal-stale.message": "Seit {days} Tagen kein Kontakt und kein nächster Schritt: der Deal schläft ein.",
  "deal-stale.hint":
    "Den Kunden anrufen und einen nächsten Termin festmachen, oder den Deal mit `status: lost` und `lost_reason` schließen.",
  "closed-with-open-actions.message": "Der Deal ist {status}, aber {open} noch offen.",
  "closed-with-open-actions.hint": "Jede Aufgabe auf `status: done` oder `status: dropped` setzen.",
  "lost-without-reason.message": "Der Deal ist verloren, aber ohne Grund.",
  "lost-without-reason.hint": "`lost_reason:` mit dem Grund des Kunden in ein, zwei Sätzen ergänzen.",
  "ambiguous-time.skipped": "{date} {time} Uhr gibt es in {zone} nicht: die Uhren springen bei Beginn der Sommerzeit darüber.",
  "ambiguous-time.skippedHint":
    "Eine Uhrzeit außerhalb der übersprungenen Stunde wählen; Kalender würden den Termin um eine Stunde verschieben.",
  "ambiguous-time.repeated":
    "{date} {time} Uhr gibt es in {zone} zweimal: die Uhren wiederholen die Stunde bei Ende der Sommerzeit. Der Kalender nimmt die erste (Sommerzeit).",
  "ambiguous-time.repeatedHint": "Eine Uhrzeit außerhalb der wiederholten Stunde wählen, damit sie eindeutig ist.",
  "pdf-overflow.message": "Das Protokoll „{title}“ passt auch kompakt nicht auf eine A4-Seite.",
  "pdf-overflow.hint":
    "Zusammenfassung, Entscheidungen oder Risiken kürzen; ein Protokoll hat eine Seite. Das PDF wurde mit einer zweiten Seite geschrieben.",
  "pdf-retried.message": "Chromium ist beim Drucken von „{title}“ abgestürzt; das PDF wurde nach dem Neustart erneut gedruckt.",
  "pdf-retried.hint":
    "Das PDF einmal ansehen. Wiederholen sich die Abstürze: `--concurrency` senken oder den Speicher der Maschine prüfen.",
  "pdf-failed.message": "Das PDF von „{title}“ ließ sich nicht drucken: {reason}",
  "pdf.crashedTwice": "Der Browser ist beim Drucken dieses Deals zweimal abgestürzt.",
  "pdf.timeout": "Das Drucken dauerte länger als {seconds} s.",
  "pdf-failed.hint": "Den Build wiederholen; scheitert er erneut, mit dieser Meldung melden.",

  // Reading a deal file (src/load/).
  "file.refused.outside": "Die Datei wurde nicht gelesen: sie ist ein symbolischer Link, der aus dem Deal-Ordner hinauszeigt.",
  "file.refused.outsideHint": "Den Deal in den Deal-Ordner kopieren, statt ihn zu verlinken.",
  "file.refused.folderLink":
    "Die Datei wurde nicht gelesen: sie ist ein symbolischer Link auf einen Ordner; solchen Links wird nie gefolgt (eine Schleife endete nie).",
  "file.refused.folderLinkHint":
    "Den Link entfernen; die Deals in einen echten Unterordner verschieben, wenn sie hierher gehören.",
  "file.refused.special":
    "Die Datei wurde nicht gelesen: sie ist keine gewöhnliche Datei (eine FIFO, ein Socket oder ein Gerät) und wird nie geöffnet.",
  "file.refused.specialHint": "Sie entfernen und den Deal als gewöhnliche Datei speichern.",
  "file.tooLarge": "Die Datei ist größer als {kib} KiB; ein einseitiges Protokoll ist das nie.",
  "file.tooLargeHint": "Kürzen, oder `max_file_kb` in protokoll.config.yaml erhöhen, wenn es wirklich ein Deal ist.",
  "file.notUtf8": "Die Datei ist kein gültiges UTF-8 (Byte {byte}); Umlaute kämen verstümmelt heraus.",
  "file.notUtf8Hint": "Die Datei im Editor als UTF-8 speichern (z. B. VS Code: „Mit Codierung speichern“ → UTF-8).",
  "file.badSlug": "Der Dateiname „{slug}“ ist kein gültiger Slug: er wird zur Adresse der Seite des Deals.",
  "file.badSlugHint": "Die Datei in Kleinbuchstaben, Ziffern und Bindestriche umbenennen, z. B. „{suggestion}.yaml“.",
  "file.duplicateSlug": "Der Slug „{slug}“ ist schon von {earlier} belegt; jeder Deal braucht eine eigene Seite.",
  "file.duplicateSlugHint": "Eine der beiden Dateien umbenennen.",
  "n.moreProblems.one": "… und {n} weiteres Problem in dieser Datei, nicht einzeln aufgeführt.",
  "n.moreProblems.other": "… und {n} weitere Probleme in dieser Datei, nicht einzeln aufgeführt.",
  "file.moreProblemsHint": "Zuerst die obigen beheben; meist ist es ein wiederholter Fehler.",
  "file.empty": "Die Datei ist leer.",
  "file.emptyHint": "Ein Deal braucht mindestens `title`, `customer` und `meeting.date`; `protokoll new` schreibt eine Vorlage.",

  // YAML syntax (src/load/parse-yaml.ts).
  "yaml.parserFailed": "Der YAML-Parser ist gescheitert: {detail}",
  "yaml.checkSyntax": "Die YAML-Syntax der Datei prüfen.",
  "yaml.unclosed": "{what} wird nie geschlossen.",
  "yaml.unclosedHint": "{closer} ergänzen, oder den ganzen Text in Anführungszeichen setzen, wenn das {opener} dazugehört.",
  "yaml.what.quoted": "Dieser Text in Anführungszeichen",
  "yaml.what.list": "Diese Liste `[`",
  "yaml.what.map": "Diese Zuordnung `{`",
  "yaml.closer.quote": "Das schließende Anführungszeichen `{q}`",
  "yaml.closer.bracket": "Das schließende `{q}`",
  "yaml.duplicateKey": "Der Schlüssel `{key}` steht zweimal in dieser Zuordnung.",
  "yaml.duplicateKeyHint": "Jeder Schlüssel darf einmal je Zuordnung stehen: einen davon entfernen oder beide zusammenführen.",
  "yaml.missingDash":
    "Der Schlüssel `{key}` steht zweimal im selben Eintrag von `{list}`: hier fehlt vermutlich das `- ` eines neuen Eintrags.",
  "yaml.missingDashHint": "Jeder Eintrag von `{list}` beginnt mit `- `: `- {key}: …` schreiben.",
  "yaml.colonInValue": "Der Wert von `{key}` enthält `: ` – YAML liest das als neuen Schlüssel.",
  "yaml.colonInValueHint": 'Den Wert in Anführungszeichen setzen: `{key}: "{value}"`.',
  "yaml.tabIndent": "Die Zeile ist mit einem Tabulator eingerückt; YAML erlaubt nur Leerzeichen.",
  "yaml.tabIndentMany": "Die Zeile ist mit einem Tabulator eingerückt, {more} weitere ebenso; YAML erlaubt nur Leerzeichen.",
  "yaml.tabIndentHint": "Mit Leerzeichen einrücken, nicht mit Tabulatoren (im Editor: „Einrückung in Leerzeichen umwandeln“).",
  "yaml.flowThenBlock":
    "`{key}: {flow}` ist schon ein vollständiger Wert; die eingerückten Einträge darunter passen nicht mehr dazu.",
  "yaml.flowThenBlockHint": "`{flow}` hinter `{key}:` löschen, wenn darunter Einträge folgen.",
  "yaml.multipleDocs": "Die Datei enthält mehr als ein YAML-Dokument.",
  "yaml.multipleDocsHint":
    "Einen Deal je Datei: die Zeile `---` und alles danach entfernen oder in eine eigene Datei verschieben.",
  "yaml.tagDirective": "Die Datei erklärt eine `%TAG`-Direktive; Deal-Dateien verwenden keine Tags.",
  "yaml.tagDirectiveHint": "Die `%TAG`-Zeile entfernen (und das `---` danach, wenn nichts anderes es braucht).",
  "yaml.version": "Die Datei verlangt YAML {version}; Deal-Dateien sind YAML 1.2.",
  "yaml.versionHint": "Die `%YAML`-Zeile entfernen.",
  "yaml.alias": "Aliase (`*{name}`) sind in Deal-Dateien nicht erlaubt.",
  "yaml.aliasHint": "Den Wert dort ausschreiben, wo er gebraucht wird.",
  "yaml.anchor": "Anker (`&{name}`) sind in Deal-Dateien nicht erlaubt.",
  "yaml.anchorHint": "Den Anker entfernen und die Werte dort ausschreiben, wo sie gebraucht werden.",
  "yaml.tag": "Explizite Tags (`{tag}`) sind in Deal-Dateien nicht erlaubt.",
  "yaml.tagHint": 'Den Tag entfernen; Datumsangaben als "JJJJ-MM-TT" schreiben, alles andere als einfachen Text.',
  "yaml.tooDeep": "Die Datei ist zu tief verschachtelt, um ein Deal zu sein (Tausende Ebenen).",
  "yaml.tooDeepHint":
    "Ein Deal ist wenige Ebenen tief: die verschachtelten `{`/`[`- oder `-`-Ebenen entfernen, oder den Text, der sie enthält, in Anführungszeichen setzen.",
  "yaml.error": "Die Datei ist an dieser Stelle kein gültiges YAML.",
  "yaml.error.BAD_INDENT": "Die Einrückung passt hier nicht.",
  "yaml.error.MISSING_CHAR": "Hier fehlt ein Zeichen (ein `:`, eine Klammer oder ein Anführungszeichen).",
  "yaml.error.MULTILINE_IMPLICIT_KEY": "Ein Schlüssel geht über mehrere Zeilen.",
  "yaml.error.BLOCK_AS_IMPLICIT_KEY": "Ein eingerückter Block steht, wo ein Schlüssel erwartet wird.",
  "yaml.error.UNEXPECTED_TOKEN": "Unerwartetes Zeichen.",
  "yaml.error.BAD_SCALAR_START": "Ein Wert beginnt mit einem Zeichen, das YAML besonders liest.",
  "yaml.error.BAD_DQ_ESCAPE": "Ungültige Escape-Sequenz in Text mit doppelten Anführungszeichen.",
  "yaml.error.BLOCK_IN_FLOW": "Ein Block steht innerhalb eckiger oder geschweifter Klammern.",
  "yaml.error.KEY_OVER_1024_CHARS": "Ein Schlüssel ist länger als 1024 Zeichen.",
  "yaml.error.NON_STRING_KEY": "Ein Schlüssel ist kein einfacher Text.",
  "yaml.error.BAD_DIRECTIVE": "Ungültige `%`-Direktive.",
  "yaml.error.TAB_AS_INDENT": "Die Zeile ist mit einem Tabulator eingerückt; YAML erlaubt nur Leerzeichen.",
  "yaml.hint.BAD_INDENT": "Die Einrückung prüfen: Einträge einer Liste oder Zuordnung beginnen in derselben Spalte.",
  "yaml.hint.MISSING_CHAR": "Ein Anführungszeichen oder eine Klammer ist nicht geschlossen: auf demselben Eintrag schließen.",
  "yaml.hint.MULTILINE_IMPLICIT_KEY":
    "Ein Schlüssel muss auf eine Zeile passen; fehlt ein `:`, oder ist ein Anführungszeichen nicht geschlossen?",
  "yaml.hint.BLOCK_AS_IMPLICIT_KEY": "Fehlt am Ende der vorigen Zeile ein `:`?",
  "yaml.hint.UNEXPECTED_TOKEN":
    "Text, der mit einem Sonderzeichen beginnt (`@`, `` ` ``, `%`, `*`, `&`, `!`, `|`, `>`), in Anführungszeichen setzen.",
  "yaml.hint.other": "Die YAML-Syntax an dieser Stelle prüfen; oft hilft es, den Wert in Anführungszeichen zu setzen.",

  // Schema findings (src/validate/).
  "schema.theFile": "Die Datei",
  "schema.in": " in {name}",
  "schema.required": "Pflichtfeld `{key}` fehlt{where}.",
  "schema.requiredHint": "`{key}: {example}` ergänzen.",
  "schema.unknownKey": "Unbekannter Schlüssel `{key}`{where}.",
  "schema.didYouMean": "Meinten Sie `{guess}`?",
  "schema.allowedHere": "Erlaubt sind hier: {list}.",
  "schema.type": "{subject} muss {type} sein, nicht {value}.",
  "schema.enum": "`{name}` muss einer der Werte {allowed} sein, nicht {value}.",
  "schema.enumHint": "Einen dieser Werte schreiben: {allowed}.",
  "schema.empty": "`{name}` ist leer.",
  "schema.emptyHint": "Einen Wert schreiben oder den Schlüssel entfernen.",
  "schema.maxLength": "`{name}` ist länger als {limit} Zeichen.",
  "schema.maxLengthHint": "Kürzen: das Protokoll passt auf eine Seite.",
  "schema.maxItems": "`{name}` hat mehr als {limit} Einträge.",
  "schema.maxItemsHint": "Die Liste kürzen: das Protokoll passt auf eine Seite.",
  "schema.minimum": "`{name}` muss mindestens {limit} sein, nicht {value}.",
  "schema.minimumHint": "Eine Zahl ≥ {limit} schreiben.",
  "schema.maximum": "`{name}` darf höchstens {limit} sein, nicht {value}.",
  "schema.maximumHint": "Eine Zahl ≤ {limit} schreiben.",
  "schema.pattern": "`{name}` hat die falsche Form: {value}.",
  "schema.patternHint.id": "Buchstaben, Ziffern, `-` und `_` verwenden, bis zu 40 Zeichen, z. B. `plan-1`.",
  "schema.patternHint.key": "Einen kurzen Schlüssel wie `A`, `B` oder `C` verwenden.",
  "schema.patternHint.other": "Die erwartete Form steht im Schema.",
  "schema.invalid": "`{name}` ist ungültig ({detail}).",
  "schema.invalidHint": "Die erwartete Form steht im Schema (schema/deal.schema.json).",
  "schema.notADate.month": "`{name}` ist kein Kalenderdatum: einen Monat {month} gibt es nicht („{value}“).",
  "schema.notADate.day": "`{name}` ist kein Kalenderdatum: der {monthName} {year} hat {days} Tage, nicht {day}.",
  "schema.notADate": "`{name}` muss ein Datum JJJJ-MM-TT sein, nicht „{value}“.",
  "schema.dateHint.day": "Den Tag prüfen: der {monthName} {year} endet am {last}.",
  "schema.dateHint.month": "Den Monat prüfen: er läuft von 01 bis 12.",
  "schema.dateHint.german": "Datumsangaben als JJJJ-MM-TT schreiben: `{iso}`.",
  "schema.dateHint.digits": "Monat und Tag zweistellig schreiben: `{iso}`.",
  "schema.dateHint.other": "Datumsangaben als JJJJ-MM-TT schreiben, z. B. `{example}`.",
  "schema.dateBeforeRange": "`{name}` liegt vor den Daten, die protokoll annimmt ({min} bis {max}): „{value}“.",
  "schema.dateAfterRange": "`{name}` liegt nach den Daten, die protokoll annimmt ({min} bis {max}): „{value}“.",
  "schema.dateRangeHint": "Das Jahr prüfen: das Datum als JJJJ-MM-TT zwischen {min} und {max} schreiben, z. B. `{example}`.",
  "schema.notATime": "`{name}` muss eine Uhrzeit HH:MM (24 h) sein, nicht „{value}“.",
  "schema.timeHint.fix": '"{time}" schreiben (in Anführungszeichen).',
  "schema.timeHint.other": 'Die Uhrzeit als "HH:MM" von "00:00" bis "23:59" schreiben, in Anführungszeichen.',
  "schema.notAnEmail": "`{name}` ist keine E-Mail-Adresse: „{value}“.",
  "schema.emailHint": "Eine Adresse wie `a.schulz@example.com` schreiben, ohne Namen und spitze Klammern.",
  "schema.badFormat": "`{name}` ist kein gültiges {format}.",
  "schema.typeName.string": "Text",
  "schema.typeName.integer": "eine ganze Zahl",
  "schema.typeName.number": "eine Zahl",
  "schema.typeName.array": "eine Liste",
  "schema.typeName.object": "eine Zuordnung (Schlüssel: Wert)",
  "schema.typeName.boolean": "true oder false",
  "schema.value.empty": "leer",
  "schema.value.list": "eine Liste",
  "schema.value.mapping": "eine Zuordnung",
  "schema.value.text": "„{text}“",
  "schema.value.number": "die Zahl {value}",
  "schema.value.other": "der Wert {value}",
  "schema.typeHint.root": "Eine Deal-Datei ist eine Zuordnung von Schlüsseln: `title:`, `customer:`, `meeting:` und so weiter.",
  "schema.typeHint.empty": "Einen Wert hinter den Doppelpunkt schreiben oder den Schlüssel entfernen.",
  "schema.typeHint.plain": "Hier einfachen Text schreiben, keine Liste und keine Zuordnung.",
  "schema.typeHint.quote": 'Den Wert in Anführungszeichen setzen: "{written}".',
  "schema.typeHint.array": "Eine Liste schreiben: jeder Eintrag auf einer eigenen Zeile, beginnend mit `- `.",
  "schema.typeHint.object":
    "Die Schlüssel eingerückt darunter schreiben, z. B. `date: {example}` eingerückt auf der nächsten Zeile.",
  "schema.typeHint.integer": "Eine ganze Zahl ohne Einheit schreiben, z. B. `30`.",
  "schema.typeHint.other": "{type} schreiben.",
  "schema.optionTwice": "Der Optionsschlüssel `{key}` kommt zweimal vor.",
  "schema.optionTwiceHint": "Jeder Option einen eigenen Schlüssel geben (A, B, C, …).",
  "schema.chosenMissing": "`chosen_option` ist „{key}“, aber es gibt keine Option mit diesem Schlüssel.",
  "schema.chosenMissingHint": "Einen dieser Schlüssel verwenden: {keys}.",
  "schema.chosenNoOptions": "Die Optionen unter `options:` mit `key:` und `title:` ergänzen.",
  "schema.idTwice": "Die Aufgaben-ID `{id}` kommt zweimal vor.",
  "schema.idTwiceHint": "Jeder Aufgabe eine eigene ID geben oder die ID entfernen.",
  "schema.oddNumber": "`{name}` ist als `{written}` geschrieben; YAML liest das als {value}.",
  "schema.oddNumberHint": "Eine einfache ganze Zahl schreiben, z. B. `{key}: {n}`.",
  "month.1": "Januar",
  "month.2": "Februar",
  "month.3": "März",
  "month.4": "April",
  "month.5": "Mai",
  "month.6": "Juni",
  "month.7": "Juli",
  "month.8": "August",
  "month.9": "September",
  "month.10": "Oktober",
  "month.11": "November",
  "month.12": "Dezember",

  // The configuration file (src/config/).
  "config.unknownZone": "Unbekannte Zeitzone „{zone}“.",
  "config.unknownZoneHint": "Einen IANA-Zonennamen wie `Europe/Berlin`, `Europe/Vienna` oder `Europe/Zurich` verwenden.",
  "config.logoType": "Das Logo „{file}“ ist keine PNG-, JPEG- oder SVG-Datei.",
  "config.logoTypeHint": "In eines dieser Formate umwandeln: {types}.",
  "config.logoMissing": "Die Logo-Datei „{file}“ gibt es nicht.",
  "config.logoMissingHint": "Den Pfad relativ zu {config} angeben, z. B. `logo: assets/logo.png`, oder `logo:` entfernen.",
  "config.logoSize": "Das Logo „{file}“ hat {kb} KB; höchstens {max} KB werden in jede Seite und jedes PDF eingebettet.",
  "config.logoSizeHint": "Verkleinern (ein paar hundert Pixel Breite genügen für den Druck) oder ein SVG verwenden.",
  "config.invalid": "Die Konfigurationsdatei ist ungültig:\n\n{text}",
  "config.invalidHint": "protokoll.config.yaml korrigieren; sie wird wie eine Deal-Datei geprüft.",

  // The command line (src/cli/).
  "cli.unknownCommand": "Unbekannter Befehl „{command}“.",
  "cli.didYouMeanCommand": "Meinten Sie `protokoll {guess}`?",
  "cli.commandsList": "Befehle: {list}. `protokoll --help` zeigt alle.",
  "cli.unknownOption": "Unbekannte Option `{option}` für `protokoll {command}`.",
  "cli.didYouMeanOption": "Meinten Sie `{guess}`?",
  "cli.optionsList": "Optionen von `protokoll {command}`: {list}.",
  "cli.optionNeedsValue": "Die Option `{option}` braucht einen Wert, z. B. `{option} {example}`.",
  "cli.optionTakesNoValue": "Die Option `{option}` nimmt keinen Wert.",
  "cli.optionTakesNoValueHint": "`{option}` ohne `=…` schreiben.",
  "cli.takesExactly": "`protokoll {command}` erwartet {expected}, nicht {got}.",
  "cli.takesNone": "`protokoll {command}` erwartet keine Argumente, bekam aber {got}: {extra}.",
  "cli.takesRange": "`protokoll {command}` erwartet {min} bis {max} Argumente, nicht {got}.",
  "cli.seeHelp": "Siehe `protokoll {command} --help`.",
  "cli.notAvailable": "`protokoll {command}` gibt es in dieser Version noch nicht.",
  "cli.notAvailableHint": "Die verfügbaren Befehle stehen im README.",
  "cli.internalError": "interner Fehler – bitte mit der folgenden Ausgabe melden.",
  "cli.badDate": "{source} muss ein Datum JJJJ-MM-TT sein, nicht „{text}“.",
  "cli.notACalendarMonth": "{source} ist kein Kalenderdatum: einen Monat {month} gibt es nicht („{text}“).",
  "cli.notACalendarDay": "{source} ist kein Kalenderdatum: der {monthName} {year} hat {days} Tage, nicht {day}.",
  "cli.dateExample": "Beispiel: `{flag} {example}`",
  "cli.wholeNumber": "{name} muss eine ganze Zahl ≥ 1 sein, nicht „{text}“.",
  "cli.wholeNumberHint": "Beispiel: `{name} {example}`",
  "cli.unknownFormat": "Unbekanntes Format `--format {format}`.",
  "cli.formatsHint": "Erlaubt: {formats}.",
  "cli.badLanguage": "{source} muss de oder en sein, nicht „{text}“.",
  "cli.badLanguageHint": "Beispiel: `--lang en`",
  "cli.noDealsFolder": "Den Deals-Ordner „{dir}“ gibt es nicht.",
  "cli.noDealsFolderHint": "Ihn anlegen, oder mit `--deals <ordner>` auf ihn zeigen.",
  "cli.dealsIsFile": "Der Deal-Ordner „{dir}“ ist kein Ordner, sondern eine Datei.",
  "cli.dealsIsFileHint": "`--deals` auf den Ordner mit den Deal-Dateien zeigen lassen, z. B. `--deals deals`.",
  "cli.and": "und",
  "new.titleEmpty": "Der Titel ist leer.",
  "new.titleExample": 'Beispiel: `protokoll new "Rahmenvertrag Müller & Söhne"`',
  "new.titleNoSlug": "Aus dem Titel „{title}“ lässt sich kein Dateiname bilden: er enthält keine Buchstaben oder Ziffern.",
  "new.exists": "{file} gibt es schon; protokoll new überschreibt nie einen Deal.",
  "new.existsHint": "Diese Datei bearbeiten, oder einen anderen Titel oder ein anderes `--date` wählen.",
  "new.badLanguage": "`--language` muss de oder en sein, nicht „{text}“.",
  "new.wrote": "{file} geschrieben",
  "new.next":
    "Weiter: Teilnehmende, Zusammenfassung, wer macht was bis wann und den nächsten Termin ausfüllen; dann `protokoll check` ausführen.",
  "check.summary": "{deals} geprüft (heute {today}): {errors}, {warnings}, {clean} ohne Hinweise.",
  "build.unsafeOut": "Der Ausgabeordner „{dir}“{resolved} würde die Deal-Dateien oder den Arbeitsordner enthalten oder ersetzen.",
  "build.resolvesTo": " (er führt nach {dir})",
  "build.unsafeOutHint":
    "In einen eigenen Ordner bauen, z. B. `--out _site` (Standard) oder `--out public`; einen gleichnamigen Link entfernen.",
  "build.linkInOut": "Der Ausgabeordner „{dir}“ enthält einen symbolischen Link, wo der Build schreibt: {link}.",
  "build.linkInOutHint": "Den Link entfernen (der Build schreibt dort echte Dateien), oder in einen leeren Ordner bauen.",
  "build.summary": "{built} nach {out} gebaut in {seconds} s{broken}: {errors}, {warnings}. {pdf}.",
  "build.broken": "; {n} fehlerhaft (siehe report.json)",
  "build.findingsOf": "{file} – {title}",
  "build.more": "… und {n} weitere, siehe report.json",
  "build.notReady": "{file}: nicht versandbereit (PDF als {mark} markiert, Betreff mit Vorsatz):",
  "build.runCheck": "`protokoll check` zeigt Details und Korrekturen.",
  "build.pdfSkipped": "PDFs übersprungen (--no-pdf)",
  "build.pdfNoBrowser": "PDFs nicht gedruckt: der Browser startete nicht (siehe unten)",
  "build.historyUnreadable":
    "Warnung: die Git-Historie der Deals ist nicht lesbar ({reason}); Trends, Wochenrückblicke und „Verlauf“ fehlen in diesem Build. Prüfen Sie `git log` im Deals-Repository.",
  "build.pdfs": "PDFs: {printed} gedruckt, {unchanged} unverändert",
  "build.pdfNoStart": "kein Browser gestartet",
  "build.pdfFailed": "{n} fehlgeschlagen",
  "build.pdfCrashed": "Browser abgestürzt und neu gestartet ({n} betroffen)",
  "build.pdfOverflow": "{n} länger als eine Seite",
  "build.pdfTooLong": "{n} nicht gedruckt, viel zu lang für eine Seite",
  "build.printing": "drucke PDFs {done}/{total} ({rate}/s)",
  "build.locked": "Ein anderer Build (Prozess {pid}) schreibt gerade nach {dir}.",
  "build.lockedHint": "Warten, bis er fertig ist, oder mit `--out` in einen anderen Ordner bauen.",
  "build.cannotLock": "{dir} ließ sich für den Build nicht sperren.",
  "build.cannotLockHint": ".protokoll/build.lock darin entfernen, wenn kein Build läuft.",
  "build.cannotWrite": "In {dir} lässt sich nicht schreiben{why}.",
  "build.cannotWriteHint": "Mit `--out` einen anderen Ordner wählen oder die Rechte korrigieren.",
  "build.why.permission": ": keine Berechtigung",
  "build.why.readOnly": ": schreibgeschütztes Dateisystem",
  "build.why.inTheWay": ": eine Datei steht im Weg",
  "build.renderFailed": "Das Rendern der Website mit Eleventy ist gescheitert.",
  "build.renderFailedHint": "Das ist ein Fehler in den Vorlagen, nicht in einer Deal-Datei; bitte melden.",
  "build.interrupted":
    "Abgebrochen ({signal}): Browser wird geschlossen, temporäre Dateien werden entfernt; die vorige Ausgabe bleibt, wie sie war.",
  "pdf.noChromium": "Kein Chromium gefunden, um die PDFs zu drucken.",
  "pdf.noChromiumHint":
    "Eines mit `{command}` installieren (oder das Paket des Systems, z. B. `apt-get install chromium`).{named} Oder PUPPETEER_EXECUTABLE_PATH oder `browser:` in protokoll.config.yaml auf ein Chrome/Chromium zeigen lassen. `protokoll doctor` zeigt, was gefunden wird; `--no-pdf` baut ohne PDFs.",
  "pdf.noAnswer": "Chromium ({path}) antwortete nicht binnen {seconds} s nach dem Start und wurde beendet.",
  "pdf.noAnswerHint":
    "Prüfen, ob das ein funktionierendes Chrome/Chromium ist (`protokoll doctor`), auf einer sehr langsamen Maschine das Limit mit PROTOKOLL_BROWSER_TIMEOUT_MS erhöhen, oder mit `--no-pdf` bauen.",
  "cli.verbatim": "{text}",
  "pdf-overflow.tooLong":
    "Das Protokoll „{title}“ ist viel zu lang für eine A4-Seite ({characters} Zeichen in {blocks} Absätzen und Listenpunkten; eine Seite fasst etwa {maxCharacters} Zeichen in {maxBlocks}), daher wurde kein PDF gedruckt.",
  "pdf-overflow.tooLongHint":
    "Zusammenfassung, Entscheidungen oder Risiken auf das kürzen, was der Kunde braucht; ein Protokoll hat eine Seite.",
  "pdf.namedMissing": " {what} nennt „{path}“, das es nicht gibt;",
  "pdf.didNotStart": "Chromium startete nicht ({path}): {detail}",
  "pdf.didNotStartHint":
    "Die Browser-Installation mit `protokoll doctor` prüfen, PUPPETEER_EXECUTABLE_PATH auf einen anderen zeigen lassen, oder mit `--no-pdf` bauen.",
  "build.incomplete": "Die Website ist unvollständig: {missing} von {expected} Seiten wurden nicht geschrieben ({shown}{more}).",
  "build.andMore": " und {n} weitere",
  "build.incompleteHint":
    "Eleventy fand in {dir} keine Vorlage dafür. protokoll neu installieren (`npm ci`); bleibt es so, mit `protokoll doctor` melden.",
  "serve.rebuilt": "{deals} neu gebaut: {errors}, {warnings}.",
  "serve.serving": "Läuft auf http://localhost:{port}/ – Deals in {dir}/ bearbeiten, die Seite lädt neu. Strg+C beendet.",
  "serve.updated": "{files} gespeichert: {pages} neu gerendert in {ms} ms – {errors}, {warnings}.",
  "serve.printed": "PDF-Vorschau {file}: {status} ({ms} ms).",
  "serve.previewsDone": "PDF-Vorschauen gedruckt: {n}.",
  "serve.previewFits": "passt auf eine Seite ✓",
  "serve.previewLong": "zu lang: {pages} Seiten",
  "serve.previewPending": "PDF-Vorschau wird gedruckt …",
  "serve.previewFailed": "PDF-Vorschau fehlgeschlagen: {reason}",
  "n.page.one": "{n} Seite",
  "n.page.other": "{n} Seiten",
  "diff.notARevision": "„{revision}“ ist keine Revision.",
  "diff.notARevisionHint": "Einen Branch, Tag oder Commit nennen, z. B. origin/main oder HEAD~1.",
  "diff.unknownRevision": "Unbekannte Revision „{revision}“.",
  "diff.unknownRevisionHint":
    "Einen Branch, Tag oder Commit nennen, den es hier gibt, z. B. origin/main oder HEAD~1 (`git log --oneline` listet sie).",
  "diff.workingTree": "Arbeitskopie",

  // protokoll diff (src/diff/format-diff.ts).
  "diff.none": "Keine Änderungen an Deals.",
  "diff.added": "neu",
  "diff.removed": "entfernt",
  "diff.renamed": "umbenannt von",
  "diff.invalidBase": "vorher fehlerhaft",
  "diff.invalidHead": "jetzt fehlerhaft",
  "diff.status": "Status",
  "diff.actionAdded": "Neue Aufgabe",
  "diff.actionRemoved": "Aufgabe entfernt",
  "diff.actionDone": "Erledigt",
  "diff.actionDropped": "Entfallen",
  "diff.actionReopened": "Wieder offen",
  "diff.reworded": "Umformuliert",
  "diff.owner": "Verantwortlich",
  "diff.due": "Frist",
  "diff.dueMoved": "Frist verschoben",
  "diff.nobody": "niemand",
  "diff.noDate": "kein Datum",
  "diff.nextSet": "Nächster Termin vereinbart",
  "diff.nextMoved": "Nächster Termin verschoben",
  "diff.nextRemoved": "Nächster Termin entfernt",
  "diff.sent": "Protokoll verschickt am",
  "diff.lineAdded": "neu",
  "diff.lineRemoved": "gestrichen",
  "diff.introduced": "Neue Hinweise",
  "diff.resolved": "Behobene Hinweise",
  "diff.openQuote": "„",
  "diff.closeQuote": "“",

  // The recap mail (src/export/recap-mail.ts).
  "mail.subject": "Protokoll: {title} – {date}",
  "mail.greeting": "Guten Tag,",
  "mail.thanksAttached":
    "vielen Dank für das Gespräch am {date}. Im Anhang finden Sie das Protokoll; hier das Wichtigste in Kürze.",
  "mail.thanks": "vielen Dank für das Gespräch am {date}. Hier das Wichtigste in Kürze.",
  "mail.by": "bis {date}",
  "mail.regards": "Viele Grüße",

  // protokoll init and protokoll doctor (src/cli/commands/init.ts, doctor.ts).
  "init.created": "angelegt:  {file}",
  "init.leftAlone": "belassen:  {file} ({why})",
  "init.exists": "gibt es schon",
  "init.complete": "hat schon alles",
  "init.hasDeals": "es gibt schon Deals, kein Beispiel",
  "init.packageMerged": "ergänzt:   package.json: {added}{kept}",
  "init.keptSuffix": "; belassen: {list}",
  "init.packageKept": "belassen:  package.json: {list}",
  "init.packageDescription": "Deals und Protokolle, gebaut mit protokoll",
  "init.nothingToDo": "Nichts zu tun: alles ist schon da, nichts wurde geändert.",
  "init.next": "Weiter: {cd}npm install && npx protokoll build – dann _site/index.html öffnen.",
  "init.unknownCi": "Unbekanntes --ci „{ci}“.",
  "init.unknownCiHint": "Erlaubt sind github (Voreinstellung), gitlab oder none.",
  "init.badPackageJson": "package.json ist kein gültiges JSON-Objekt; init ändert es nicht.",
  "init.badPackageJsonHint": "Korrigieren (z. B. mit `npm pkg fix`) und init erneut aufrufen.",
  "doctor.title": "protokoll doctor – was diese Maschine zum Bauen hat",
  "doctor.browser": "Browser",
  "doctor.fonts": "Schriften",
  "doctor.notFound": "nicht gefunden",
  "doctor.source.env": "aus PUPPETEER_EXECUTABLE_PATH",
  "doctor.source.config": "aus browser: in protokoll.config.yaml",
  "doctor.source.system": "im System gefunden",
  "doctor.source.cache": "aus Puppeteers Cache",
  "doctor.fontsLine": "{bundled} (mitgeliefert, im PDF eingebettet); {system} Systemschriften",
  "doctor.missingNamed": "„{path}“ gibt es nicht",
  "doctor.fix": "Beheben:",
  "doctor.nodeTooOld": "zu alt, protokoll braucht Node.js {needed}",
  "doctor.gitMissing": "nicht gefunden – `Stand` aus der Historie und `protokoll diff` fehlen",
  "doctor.allGood": "Alles da: `protokoll build` schreibt Seite und PDFs.",
  "doctor.problems": "PDFs gehen so nicht; Seite, Exporte und report.json schon.",
  "build.unknownAudience": "Unbekanntes Publikum `--audience {audience}`.",
  "build.audienceHint": "team (Standard: alles, fürs Team) oder client (ohne interne Notizen, Hinweise, Lessons, Mail-Entwürfe).",

  // `--help` of every command, each with an example.
  // The weekly review (`protokoll review`, `review/<week>/`) and the KPI trend charts.
  "review.title": "Wochenrückblick {week}",
  "review.internal": "Intern – nicht an Kunden weitergeben.",
  "review.asOf": "Stand: {date}",
  "review.measures": "Kennzahlen der Woche",
  "review.onTime": "Termintreue",
  "review.goal": "Ziel",
  "review.overdue": "überfällig",
  "review.moved": "Fristen verschoben",
  "review.open": "offen",
  "review.becameOverdue": "Diese Woche überfällig geworden",
  "review.dueNextWeek": "Nächste Woche fällig",
  "review.doneLate": "Verspätet erledigt",
  "review.movedOften": "In sechs Wochen mehrfach verschoben – Zeit für ein strukturiertes Gespräch",
  "review.wentStale": "Eingeschlafene Deals",
  "review.lostNextMeeting": "Deals ohne nächsten Termin",
  "review.lessons": "Neue Lessons learned",
  "review.nothing": "Nichts zu besprechen.",
  "review.nobody": "Ohne Verantwortliche",
  "review.due": "bis {date}",
  "review.doneOn": "erledigt {date}, fällig war {due}",
  "review.times": "{n}-mal verschoben",
  "review.subject": "Wochenrückblick {week}{company}",
  "review.greeting": "Hallo zusammen,",
  "review.intro":
    "hier der Rückblick auf die Woche – was überfällig wurde, was nächste Woche ansteht und was wir besprechen sollten.",
  "review.closing": "Viele Grüße",
  "review.link": "Auf der Seite",
  "review.trends": "Verlauf der letzten zwölf Wochen",
  "review.trendOnTime": "Termintreue je Woche",
  "review.trendOverdue": "Überfällige Aufgaben je Woche",
  "review.trendMoved": "Verschobene Fristen je Woche",
  "review.week": "Woche",
  "review.rate": "Termintreue",
  "review.measured": "fällig",
  "review.kept": "pünktlich",
  "review.count": "Anzahl",
  "review.noData": "–",
  "review.trendsNone": "Noch keine Historie: die Deals liegen nicht in git, oder es gibt noch keine Commits.",
  "review.chartSummary": "Wochen {first} bis {last}; die Zahlen stehen in der Tabelle.",
  "review.reviewLink": "Wochenrückblick",
  "review.pastTitle": "Verlauf: frühere Termine",
  "review.pastFirst": "erstes Protokoll",
  "review.pastPdf": "PDF wie damals verschickt:",
  "review.badWeek": "`--week` muss eine ISO-Woche wie 2026-W48 sein, nicht „{week}“.",
  "review.badWeekHint": "Beispiel: --week 2026-W48",
  ownerCalendar: "Eigene Fristen und Termine abonnieren (.ics)",
  "help.main": `protokoll – aus einer YAML-Datei je Deal wird ein einseitiges Protokoll (HTML + A4-PDF) und eine Übersicht dessen, was liegen bleibt.

Aufruf: protokoll <befehl> [optionen]

Befehle:
  build              alle Deals prüfen, Website, PDFs und report.json schreiben
  check              prüfen und Hinweise berechnen, nichts schreiben
  new <titel>        eine neue Deal-Datei schreiben (überschreibt nie)
  diff <basis> [kopf] inhaltlicher Vergleich der Deals zwischen zwei Git-Revisionen
  serve              bauen und auf localhost mit Live-Reload ausliefern
  init [ordner]      ein Deal-Repository anlegen (überschreibt nie eine Datei)
  doctor             Node, protokoll, den Browser für PDFs, Schriften und git anzeigen
  review             der Wochenrückblick einer ISO-Woche (aus der git-Historie)

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
  --deals <ordner>     Ordner mit den Deal-Dateien (Standard: deals)
  --out <ordner>       Ausgabeordner (Standard: _site)
  --today <datum>      Hinweise zum Stichtag JJJJ-MM-TT (Standard: PROTOKOLL_TODAY, sonst heute)
  --no-pdf             ohne PDFs (schneller; nur Seiten und Bericht)
  --concurrency <n>    gleichzeitig gedruckte PDFs (Standard: Anzahl der Kerne)
  --audience <a>       team (Standard: alles) oder client (zur weiteren Veröffentlichung: ohne interne Notizen,
                       Hinweise, Lessons, Verantwortlichen-Seiten, Mail-Entwürfe und report.json)
  --at <rev>           die Deals so bauen, wie sie bei einer git-Revision waren (ein früheres Protokoll, byte-gleich)
  --lang <de|en>       Sprache der Ausgabe und von report.json
  -h, --help           diese Hilfe

Beispiele:
  protokoll build --out public --today 2026-11-23
  protokoll build --at 3f2a9c1 --out protokoll-2026-11-21`,
  "help.check": `Aufruf: protokoll check [optionen]

Prüft jeden Deal und gibt seine Hinweise aus; schreibt nichts.

Optionen:
  --deals <ordner>     Ordner mit den Deal-Dateien (Standard: deals)
  --today <datum>      Hinweise zum Stichtag JJJJ-MM-TT
  --format <f>         text (Standard), json (wie report.json), github (Workflow-Befehle) oder
                       gitlab (ein Code-Quality-Bericht für Merge-Requests)
  --strict             Exit-Code 1 bei jedem Hinweis, auch bei Warnungen
  --lang <de|en>       Sprache der Meldungen und Korrekturhinweise
  -h, --help           diese Hilfe

Beispiele:
  protokoll check
  protokoll check --format github --strict`,
  "help.new": `Aufruf: protokoll new <titel> [optionen]

Schreibt deals/<datum>-<slug>.yaml mit allen Abschnitten eines Protokolls zum Ausfüllen. Überschreibt nie.

Optionen:
  --customer <name>    der Kunde
  --date <datum>       Datum des Termins, JJJJ-MM-TT (Standard: heute)
  --deals <ordner>     Ordner mit den Deal-Dateien (Standard: deals)
  --language <de|en>   Sprache des Deals und der Vorlage (Standard: die Sprache der Ausgabe)
  --lang <de|en>       Sprache der Ausgabe
  -h, --help           diese Hilfe

Beispiel:
  protokoll new "Rahmenvertrag Müller & Söhne" --customer "Müller & Söhne GmbH"`,
  "help.diff": `Aufruf: protokoll diff <basis> [<kopf>] [optionen]

Vergleicht die Deals zweier Git-Revisionen (kopf: die Arbeitskopie) und nennt, was sich Wichtiges geändert hat:
neue, erledigte und wieder offene Aufgaben, geänderte Verantwortliche und Fristen, verschobene Termine, neue und behobene Hinweise.

Optionen:
  --deals <ordner>     Ordner mit den Deal-Dateien (Standard: deals)
  --format <f>         markdown (Standard) oder json
  --lang <de|en>       Sprache der Überschrift; jeder Deal steht in seiner eigenen Sprache
  -h, --help           diese Hilfe

Beispiel:
  protokoll diff origin/main`,
  "help.serve": `Aufruf: protokoll serve [optionen]

Baut die Website (ohne PDFs) und liefert sie auf localhost aus; baut neu, sobald sich ein Deal oder eine Vorlage ändert.

Optionen:
  --port <n>           Port (Standard: 8080)
  --deals <ordner>     Ordner mit den Deal-Dateien (Standard: deals)
  --lang <de|en>       Sprache der Ausgabe
  -h, --help           diese Hilfe

Beispiel:
  protokoll serve --port 8081`,
  "help.init": `Aufruf: protokoll init [ordner] [optionen]

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
  "help.doctor": `Aufruf: protokoll doctor [optionen]

Zeigt, was diese Maschine zum Bauen hat: Node.js, Version und Ordner von protokoll, den Browser für die PDFs
(Pfad, wie er gefunden wurde, Version), Schriften und git. Exit 2, wenn kein Browser da ist, mit dem Befehl,
der einen installiert.

Optionen:
  --lang <de|en>       Sprache der Ausgabe (Voreinstellung: PROTOKOLL_LANG, sonst de)
  -h, --help           diese Hilfe

Beispiel:
  protokoll doctor`,
  "help.review": `Aufruf: protokoll review [optionen]

Der Wochenrückblick einer ISO-Woche aus der git-Historie der Deals: je Verantwortlichem, was überfällig wurde,
was nächste Woche fällig ist, was verspätet erledigt oder immer wieder verschoben wurde; eingeschlafene Deals,
Deals ohne nächsten Termin, neue Lessons learned. Intern: nie an Kunden.

Optionen:
  --week <JJJJ-Www>    die ISO-Woche (Standard: die Woche von heute)
  --format <f>         markdown (Standard, für einen Pull-Request-Kommentar oder den Chat), html (eine Seite)
                       oder eml (ein Mail-Entwurf ans Team); auf stdout
  --deals <ordner>     Ordner mit den Deal-Dateien (Standard: deals)
  --today <datum>      Stichtag JJJJ-MM-TT (Standard: PROTOKOLL_TODAY, sonst heute)
  --lang <de|en>       Sprache (Standard: PROTOKOLL_LANG, sonst site_language, sonst Deutsch)
  -h, --help           diese Hilfe

Beispiele:
  protokoll review --week 2026-W48
  protokoll review --format eml > wochenrueckblick.eml`,
} as const;

export type CatalogueKey = keyof typeof de;

export const en = {
  protocol: "Meeting protocol",
  meeting: "Meeting",
  customer: "Customer",
  participants: "Participants",
  name: "Name",
  company: "Company",
  role: "Position",
  phone: "Phone",
  email: "E-mail",
  summary: "Summary",
  decisions: "Decisions",
  terms: "Agreed terms",
  delivery: "Delivery",
  payment: "Payment",
  pricing: "Pricing",
  contractTerm: "Contract term",
  confirmation: "Order confirmation",
  copies: "copies",
  channel_post: "by post",
  channel_fax: "by fax",
  channel_email: "by e-mail",
  otherTerms: "Further terms",
  actions: "Who does what by when",
  task: "Task",
  owner: "Owner",
  due: "Due",
  state: "Status",
  action_open: "open",
  action_done: "done",
  action_dropped: "dropped",
  doneOn: "done on",
  nobody: "nobody named",
  noDate: "no date",
  nextMeeting: "Next appointment",
  noNextMeeting: "No next appointment agreed",
  date: "Date",
  time: "Time",
  duration: "Duration",
  minutes: "min",
  place: "Place",
  agenda: "Agenda",
  "list.risks": "Open risks",
  options: "Options",
  chosen: "chosen",
  ifThen: "If – then",
  timeframe: "Time frame",
  success: "Success when",
  communication: "Communication",
  rhythm: "Rhythm",
  review: "Review",
  escalation: "Escalation",
  "list.abort_criteria": "Abort criteria",
  lostReason: "Reason for the no",
  internal: "Internal – not for the customer",
  internalNote: "This section never appears in the PDF, the mail or the calendar.",
  notes: "Notes",
  signals: "Signals",
  lessons: "Lessons learned",
  hiddenNeeds: "Hidden needs",
  asOf: "As of",
  page: "Page 1 of 1",
  protocolSent: "Recap sent",
  protocolNotSent: "Recap not sent yet",
  status_active: "active",
  status_won: "won",
  status_lost: "lost",
  status_paused: "paused",
  findings: "Findings",
  noFindings: "No findings",
  error: "Error",
  warning: "Warning",
  index: "Overview",
  indexTitle: "Deals",
  deals: "deals",
  openActions: "open actions",
  openAction: "open action",
  overdueActions: "overdue",
  onTime: "done on time",
  onTimeShort: "on time",
  goal: "goal",
  kpiNone: "nothing due yet",
  brokenDeal: "File broken – not built",
  today: "Today",
  back: "Back to the overview",
  downloadPdf: "PDF",
  calendar: "Calendar",
  mail: "Mail draft",
  generatedBy: "made with protokoll",
  location: "line",
  navIndex: "Overview",
  navOwners: "Who does what by when",
  navUpcoming: "Upcoming",
  navLessons: "Lessons learned",
  ownersIntro: "All open actions across deals, overdue first.",
  upcomingIntro: "Appointments and deadlines of the next",
  days: "days",
  lessonsIntro: "Internal: what worked and where it stuck – collected from all deals.",
  nothingUpcoming: "Nothing in this period.",
  deal: "Deal",
  kindMeeting: "Meeting",
  kindDeadline: "Deadline",
  calendarFeed: "Appointments and deadlines",
  filterFinding: "Deals with the finding",
  filterStatus: "Deals with the status",
  noDeals: "No deals.",
  withoutOwner: "without owner",
  withVagueOwner: "group, not a person",
  nextMeetingPast: "next appointment past",
  withoutDue: "without due date",
  lateRecaps: "recaps missing",
  withoutNext: "without next appointment",
  sortHint: "Column headers sort the table.",
  skip: "Skip to content",
  staleDeals: "deals going stale",
  level_critical: "Critical",
  level_warning: "Warning",
  level_info: "Note",
  legend: "Urgency",
  legendOrder: "Order: most urgent first",
  thisWeek: "This week",
  thisWeekIntro: "Open actions due or overdue by",
  thisWeekNone: "Nothing is due this week.",
  dueBy: "due",
  moreActions: "more",
  morePeople: "more people",
  allDeals: "All deals",
  allDealsPage: "All deals, page",
  pages: "Pages",
  byStatus: "By status",
  bySendState: "By sending",
  mostUrgent: "The most urgent",
  of: "of",
  nextPast: "past",
  nextNone: "none",
  oldest: "the oldest",
  open: "Open",
  previousPage: "Previous page",
  nextPage: "Next page",
  sortShownHint: "Column headers sort the deals shown; every deal is on the pages below.",
  "chip.missing-owner": "{n} without owner",
  "chip.vague-owner": "{n} group, not a person",
  "chip.missing-due": "{n} without due date",
  "chip.overdue": "{n} overdue",
  "chip.protocol-late": "Recap missing",
  "chip.deal-stale": "Deal asleep",
  "chip.several": "{n}× {title}",
  "chipDetail.overdue.one": "1 day late",
  "chipDetail.overdue.other": "{n} days late",
  "chipDetail.protocol-late.one": "for 1 day",
  "chipDetail.protocol-late.other": "for {n} days",
  "chipDetail.deal-stale.one": "for 1 day",
  "chipDetail.deal-stale.other": "for {n} days",
  "chipDetail.next-meeting-past.one": "1 day ago",
  "chipDetail.next-meeting-past.other": "{n} days ago",
  sendState: "Sending",
  readyToSend: "ready to send",
  notReadyToSend: "not ready to send",
  readyMissing: "Missing before sending",
  draftMark: "DRAFT – do not send",
  draftShort: "DRAFT",
  draftCell: "Draft",
  filterReady: "Recaps ready to send",
  filterNotReady: "Recaps that cannot go out yet",
  copy: "copy",
  participantsOf: "Participants",
  contactPerson: "Your contact",
  tel: "Phone",
  outcome: "Outcome",

  "title.invalid-yaml": "Invalid YAML",
  "title.invalid-field": "Invalid field",
  "title.invalid-filename": "Invalid file name",
  "title.missing-owner": "No owner",
  "title.vague-owner": "Owner is not a person",
  "title.missing-due": "No due date",
  "title.overdue": "Overdue",
  "title.missing-next-meeting": "No next appointment",
  "title.next-meeting-past": "Next appointment passed",
  "title.protocol-late": "Recap late",
  "title.pdf-overflow": "PDF longer than one page",
  "title.pdf-failed": "PDF failed",
  "title.pdf-retried": "PDF printed again after a crash",
  "title.deal-stale": "Deal going stale",
  "title.owner-not-participant": "Owner not a participant",
  "title.due-before-meeting": "Due before the meeting",
  "title.closed-with-open-actions": "Closed with open actions",
  "title.lost-without-reason": "Lost without reason",
  "title.due-pushed-often": "Due date pushed often",
  "title.ambiguous-time": "Time at a clock change",

  "n.deal.one": "{n} deal",
  "n.deal.other": "{n} deals",
  "n.error.one": "{n} error",
  "n.error.other": "{n} errors",
  "n.warning.one": "{n} warning",
  "n.warning.other": "{n} warnings",
  "n.day.one": "{n} day",
  "n.day.other": "{n} days",
  "n.daySince.one": "{n} day ago",
  "n.daySince.other": "{n} days ago",
  "n.dayAgo.one": "{n} day ago",
  "n.dayAgo.other": "{n} days ago",
  "n.argument.one": "{n} argument",
  "n.argument.other": "{n} arguments",
  "n.openActionIs.one": "{n} action is",
  "n.openActionIs.other": "{n} actions are",

  "missing-owner.message": 'Action "{task}" has no owner.',
  "missing-owner.hint": "Add `owner:` with the name of one person, e.g. `owner: Anna Schulz`.",
  "vague-owner.message": 'Action "{task}" is owned by "{owner}", which is not one person.',
  "vague-owner.hint": "Name the one person who answers for it, e.g. `owner: Anna Schulz`.",
  "owner-not-participant.message": 'Owner "{owner}" of "{task}" is not among the participants.',
  "owner-not-participant.hint": "Check the spelling, or add the person under `participants:`.",
  "owner-not-participant.guess": 'Did you mean "{name}"? Otherwise add the person under `participants:`.',
  "missing-due.message": 'Action "{task}" has no due date.',
  "missing-due.hint": "Add `due:` with the agreed date, e.g. `due: {example}`.",
  "overdue.message": 'Action "{task}" was due on {due} ({ago}).',
  "overdue.hint": "Mark it `status: done` with `done_on:`, or agree a new date with the owner and change `due:`.",
  "due-before-meeting.message": 'Action "{task}" is due on {due}, before the meeting that agreed it.',
  "due-before-meeting.hint": "Check year and month of `due:`.",
  "due-pushed-often.message": 'The due date of "{task}" was pushed back {times} times.',
  "due-pushed-often.hint": "Time for a structured conversation: agree a binding date, or drop the action.",
  "missing-next-meeting.message": "No next appointment is fixed.",
  "missing-next-meeting.hint":
    "Add `next_meeting:` with `date:` (and `time:`, `place:`), or set `status: paused` if the deal rests.",
  "next-meeting-past.message": "The next appointment ({date}) is in the past.",
  "next-meeting-past.hint": "Record that meeting as a new protocol and fix the appointment after it in `next_meeting:`.",
  "protocol-late.message": "The recap of the meeting on {date} has not been sent ({days}).",
  "protocol-late.hint": "Send the recap today and record it with `protocol_sent: {today}`.",
  "deal-stale.message": "No contact for {days} days and no next step: the deal is going stale.",
  "deal-stale.hint": "Call the customer and fix a next appointment, or close the deal with `status: lost` and a `lost_reason`.",
  "closed-with-open-actions.message": "The deal is {status} but {open} still open.",
  "closed-with-open-actions.hint": "Mark each action `status: done` or `status: dropped`.",
  "lost-without-reason.message": "The deal is lost, but no reason is recorded.",
  "lost-without-reason.hint": "Add `lost_reason:` with the customer's reason in one or two sentences.",
  "ambiguous-time.skipped": "{date} {time} does not exist in {zone}: the clocks skip that hour when summer time starts.",
  "ambiguous-time.skippedHint": "Pick a time outside the skipped hour; calendars would move it by an hour.",
  "ambiguous-time.repeated":
    "{date} {time} happens twice in {zone}: the clocks repeat that hour when summer time ends. The calendar uses the first (summer time).",
  "ambiguous-time.repeatedHint": "Pick a time outside the repeated hour to be unambiguous.",
  "pdf-overflow.message": 'The protocol of "{title}" does not fit one A4 page, even in the compact layout.',
  "pdf-overflow.hint": "Shorten the summary, decisions or risks; a recap is one page. The PDF was written with a second page.",
  "pdf-retried.message": 'Chromium crashed while printing "{title}"; it was restarted and the PDF printed again.',
  "pdf-retried.hint": "Look at the PDF once. If crashes repeat, lower `--concurrency` or check the machine's memory.",
  "pdf-failed.message": 'The PDF of "{title}" could not be printed: {reason}',
  "pdf.crashedTwice": "The browser crashed twice while printing this deal.",
  "pdf.timeout": "Printing took longer than {seconds} s.",
  "pdf-failed.hint": "Run the build again; if it fails again, report it with this message.",

  "file.refused.outside": "The file was not read: it is a symbolic link that points outside the deals folder.",
  "file.refused.outsideHint": "Copy the deal into the deals folder instead of linking it.",
  "file.refused.folderLink":
    "The file was not read: it is a symbolic link to a folder, and links to folders are never followed (a link loop would never end).",
  "file.refused.folderLinkHint": "Remove the link; move the deals into a real subfolder if they belong here.",
  "file.refused.special": "The file was not read: it is not a regular file (a FIFO, socket or device), which is never opened.",
  "file.refused.specialHint": "Remove it and save the deal as an ordinary file.",
  "file.tooLarge": "The file is larger than {kib} KiB; a one-page protocol never is.",
  "file.tooLargeHint": "Shorten it, or raise `max_file_kb` in protokoll.config.yaml if this is really one deal.",
  "file.notUtf8": "The file is not valid UTF-8 (byte {byte}); umlauts would come out garbled.",
  "file.notUtf8Hint": "Save the file as UTF-8 in your editor (e.g. VS Code: “Save with Encoding” → UTF-8).",
  "file.badSlug": 'The file name "{slug}" is not a valid slug: it becomes the URL of the deal\'s page.',
  "file.badSlugHint": 'Rename the file to lowercase letters, digits and hyphens, e.g. "{suggestion}.yaml".',
  "file.duplicateSlug": 'The slug "{slug}" is already used by {earlier}; each deal needs its own page.',
  "file.duplicateSlugHint": "Rename one of the two files.",
  "n.moreProblems.one": "… and {n} more problem in this file, not listed.",
  "n.moreProblems.other": "… and {n} more problems in this file, not listed.",
  "file.moreProblemsHint": "Fix the ones above first; they are usually one mistake repeated.",
  "file.empty": "The file is empty.",
  "file.emptyHint": "A deal needs at least `title`, `customer` and `meeting.date`; `protokoll new` writes a template.",

  "yaml.parserFailed": "The YAML parser failed: {detail}",
  "yaml.checkSyntax": "Check the file's YAML syntax.",
  "yaml.unclosed": "{what} is never closed.",
  "yaml.unclosedHint": "Add {closer}, or quote the whole text if the {opener} belongs to it.",
  "yaml.what.quoted": "This quoted text",
  "yaml.what.list": "This list `[`",
  "yaml.what.map": "This mapping `{`",
  "yaml.closer.quote": "the closing quote `{q}`",
  "yaml.closer.bracket": "the closing `{q}`",
  "yaml.duplicateKey": "The key `{key}` appears twice in this mapping.",
  "yaml.duplicateKeyHint": "Each key may appear once per mapping: remove or merge one of them.",
  "yaml.missingDash": "The key `{key}` appears twice in the same entry of `{list}`: the `- ` of a new entry is probably missing.",
  "yaml.missingDashHint": "Each entry of `{list}` starts with `- `: write `- {key}: …`.",
  "yaml.colonInValue": "The value of `{key}` contains `: ` – YAML reads that as a new key.",
  "yaml.colonInValueHint": 'Quote the value: `{key}: "{value}"`.',
  "yaml.tabIndent": "This line is indented with a tab; YAML allows only spaces.",
  "yaml.tabIndentMany": "This line is indented with a tab, and so are {more} more; YAML allows only spaces.",
  "yaml.tabIndentHint": "Indent with spaces, not tabs (in the editor: “Convert indentation to spaces”).",
  "yaml.flowThenBlock": "`{key}: {flow}` is already a complete value; the indented entries below it no longer belong to it.",
  "yaml.flowThenBlockHint": "Delete `{flow}` after `{key}:` when entries follow below.",
  "yaml.multipleDocs": "The file holds more than one YAML document.",
  "yaml.multipleDocsHint": "Keep one deal per file: remove the `---` line and what follows, or move it into a file of its own.",
  "yaml.tagDirective": "The file declares a `%TAG` directive; deal files use no tags.",
  "yaml.tagDirectiveHint": "Remove the `%TAG` line (and the `---` after it, if nothing else needs it).",
  "yaml.version": "The file asks for YAML {version}; deal files are YAML 1.2.",
  "yaml.versionHint": "Remove the `%YAML` line.",
  "yaml.alias": "Aliases (`*{name}`) are not allowed in deal files.",
  "yaml.aliasHint": "Write the value out where it is needed.",
  "yaml.anchor": "Anchors (`&{name}`) are not allowed in deal files.",
  "yaml.anchorHint": "Remove the anchor and write values out where they are needed.",
  "yaml.tag": "Explicit tags (`{tag}`) are not allowed in deal files.",
  "yaml.tagHint": 'Remove the tag; write dates as "YYYY-MM-DD" and everything else as plain text.',
  "yaml.tooDeep": "The file is nested too deeply to be a deal (thousands of levels).",
  "yaml.tooDeepHint":
    "A deal is a few levels deep: remove the nested `{`/`[` or `-` levels, or quote the text that contains them.",
  "yaml.error": "The file is not valid YAML at this point.",
  "yaml.error.BAD_INDENT": "The indentation does not fit here.",
  "yaml.error.MISSING_CHAR": "A character is missing here (a `:`, a bracket or a quote).",
  "yaml.error.MULTILINE_IMPLICIT_KEY": "A key runs over several lines.",
  "yaml.error.BLOCK_AS_IMPLICIT_KEY": "An indented block stands where a key is expected.",
  "yaml.error.UNEXPECTED_TOKEN": "Unexpected character.",
  "yaml.error.BAD_SCALAR_START": "A value starts with a character YAML reads specially.",
  "yaml.error.BAD_DQ_ESCAPE": "Invalid escape sequence in double-quoted text.",
  "yaml.error.BLOCK_IN_FLOW": "A block stands inside square or curly brackets.",
  "yaml.error.KEY_OVER_1024_CHARS": "A key is longer than 1024 characters.",
  "yaml.error.NON_STRING_KEY": "A key is not plain text.",
  "yaml.error.BAD_DIRECTIVE": "Invalid `%` directive.",
  "yaml.error.TAB_AS_INDENT": "This line is indented with a tab; YAML allows only spaces.",
  "yaml.hint.BAD_INDENT": "Check the indentation: items of one list or mapping start in the same column.",
  "yaml.hint.MISSING_CHAR": "A quote or bracket is not closed: close it on the same item.",
  "yaml.hint.MULTILINE_IMPLICIT_KEY": "A key must fit on one line; is a `:` missing, or a quote not closed?",
  "yaml.hint.BLOCK_AS_IMPLICIT_KEY": "Is a `:` missing at the end of the previous line?",
  "yaml.hint.UNEXPECTED_TOKEN": "Quote text that starts with a special character (`@`, `` ` ``, `%`, `*`, `&`, `!`, `|`, `>`).",
  "yaml.hint.other": "Check the YAML syntax at this position; quoting the value often helps.",

  "schema.theFile": "The file",
  "schema.in": " in {name}",
  "schema.required": "Missing required key `{key}`{where}.",
  "schema.requiredHint": "Add `{key}: {example}`.",
  "schema.unknownKey": "Unknown key `{key}`{where}.",
  "schema.didYouMean": "Did you mean `{guess}`?",
  "schema.allowedHere": "Allowed here: {list}.",
  "schema.type": "{subject} must be {type}, not {value}.",
  "schema.enum": "`{name}` must be one of {allowed}, not {value}.",
  "schema.enumHint": "Write one of: {allowed}.",
  "schema.empty": "`{name}` is empty.",
  "schema.emptyHint": "Write a value, or remove the key.",
  "schema.maxLength": "`{name}` is longer than {limit} characters.",
  "schema.maxLengthHint": "Shorten it: the protocol fits on one page.",
  "schema.maxItems": "`{name}` has more than {limit} entries.",
  "schema.maxItemsHint": "Shorten the list: the protocol fits on one page.",
  "schema.minimum": "`{name}` must be at least {limit}, not {value}.",
  "schema.minimumHint": "Write a number ≥ {limit}.",
  "schema.maximum": "`{name}` must be at most {limit}, not {value}.",
  "schema.maximumHint": "Write a number ≤ {limit}.",
  "schema.pattern": "`{name}` has the wrong form: {value}.",
  "schema.patternHint.id": "Use letters, digits, `-` and `_`, up to 40 characters, e.g. `plan-1`.",
  "schema.patternHint.key": "Use a short key like `A`, `B` or `C`.",
  "schema.patternHint.other": "See the schema for the expected form.",
  "schema.invalid": "`{name}` is invalid ({detail}).",
  "schema.invalidHint": "See the schema (schema/deal.schema.json) for the expected form.",
  "schema.notADate.month": '`{name}` is not a date in the calendar: there is no month {month} ("{value}").',
  "schema.notADate.day": "`{name}` is not a date in the calendar: {monthName} {year} has {days} days, not {day}.",
  "schema.notADate": '`{name}` must be a date YYYY-MM-DD, not "{value}".',
  "schema.dateHint.day": "Check the day: {monthName} {year} ends on {last}.",
  "schema.dateHint.month": "Check the month: it runs from 01 to 12.",
  "schema.dateHint.german": "Write dates as YYYY-MM-DD: `{iso}`.",
  "schema.dateHint.digits": "Write month and day with two digits: `{iso}`.",
  "schema.dateHint.other": "Write dates as YYYY-MM-DD, e.g. `{example}`.",
  "schema.dateBeforeRange": '`{name}` is before the dates protokoll accepts ({min} to {max}): "{value}".',
  "schema.dateAfterRange": '`{name}` is after the dates protokoll accepts ({min} to {max}): "{value}".',
  "schema.dateRangeHint": "Check the year: write the date as YYYY-MM-DD between {min} and {max}, e.g. `{example}`.",
  "schema.notATime": '`{name}` must be a time HH:MM (24 h), not "{value}".',
  "schema.timeHint.fix": 'Write "{time}" (in quotes).',
  "schema.timeHint.other": 'Write the time as "HH:MM" from "00:00" to "23:59", in quotes.',
  "schema.notAnEmail": '`{name}` is not an e-mail address: "{value}".',
  "schema.emailHint": "Write one address like `a.schulz@example.com`, without name or angle brackets.",
  "schema.badFormat": "`{name}` is not a valid {format}.",
  "schema.typeName.string": "text",
  "schema.typeName.integer": "a whole number",
  "schema.typeName.number": "a number",
  "schema.typeName.array": "a list",
  "schema.typeName.object": "a mapping (key: value)",
  "schema.typeName.boolean": "true or false",
  "schema.value.empty": "empty",
  "schema.value.list": "a list",
  "schema.value.mapping": "a mapping",
  "schema.value.text": '"{text}"',
  "schema.value.number": "the number {value}",
  "schema.value.other": "the value {value}",
  "schema.typeHint.root": "A deal file is a mapping of keys: `title:`, `customer:`, `meeting:` and so on.",
  "schema.typeHint.empty": "Write a value after the colon, or remove the key.",
  "schema.typeHint.plain": "Write plain text here, not a list or a mapping.",
  "schema.typeHint.quote": 'Put the value in quotes: "{written}".',
  "schema.typeHint.array": "Write a list: each entry on its own line starting with `- `.",
  "schema.typeHint.object": "Write the keys indented below, e.g. `date: {example}` on the next line, indented.",
  "schema.typeHint.integer": "Write a whole number without unit, e.g. `30`.",
  "schema.typeHint.other": "Write {type}.",
  "schema.optionTwice": "Option key `{key}` is used twice.",
  "schema.optionTwiceHint": "Give every option its own key (A, B, C, …).",
  "schema.chosenMissing": '`chosen_option` is "{key}", but there is no option with that key.',
  "schema.chosenMissingHint": "Use one of: {keys}.",
  "schema.chosenNoOptions": "Add the options under `options:` with `key:` and `title:`.",
  "schema.idTwice": "Action id `{id}` is used twice.",
  "schema.idTwiceHint": "Give every action its own id, or remove the id.",
  "schema.oddNumber": "`{name}` is written as `{written}`, which YAML reads as {value}.",
  "schema.oddNumberHint": "Write a plain whole number, e.g. `{key}: {n}`.",
  "month.1": "January",
  "month.2": "February",
  "month.3": "March",
  "month.4": "April",
  "month.5": "May",
  "month.6": "June",
  "month.7": "July",
  "month.8": "August",
  "month.9": "September",
  "month.10": "October",
  "month.11": "November",
  "month.12": "December",

  "config.unknownZone": 'Unknown time zone "{zone}".',
  "config.unknownZoneHint": "Use an IANA zone name such as `Europe/Berlin`, `Europe/Vienna` or `Europe/Zurich`.",
  "config.logoType": 'The logo "{file}" is not a PNG, JPEG or SVG file.',
  "config.logoTypeHint": "Convert it to one of {types}.",
  "config.logoMissing": 'The logo file "{file}" does not exist.',
  "config.logoMissingHint": "Give its path relative to {config}, e.g. `logo: assets/logo.png`, or remove `logo:`.",
  "config.logoSize": 'The logo "{file}" has {kb} KB; at most {max} KB are embedded in every page and PDF.',
  "config.logoSizeHint": "Scale it down (a few hundred pixels wide are plenty for print) or use an SVG.",
  "config.invalid": "The configuration file is invalid:\n\n{text}",
  "config.invalidHint": "Fix protokoll.config.yaml; it is checked like a deal file.",

  "cli.unknownCommand": 'Unknown command "{command}".',
  "cli.didYouMeanCommand": "Did you mean `protokoll {guess}`?",
  "cli.commandsList": "Commands: {list}. `protokoll --help` shows them all.",
  "cli.unknownOption": "Unknown option `{option}` for `protokoll {command}`.",
  "cli.didYouMeanOption": "Did you mean `{guess}`?",
  "cli.optionsList": "Options of `protokoll {command}`: {list}.",
  "cli.optionNeedsValue": "The option `{option}` needs a value, e.g. `{option} {example}`.",
  "cli.optionTakesNoValue": "The option `{option}` takes no value.",
  "cli.optionTakesNoValueHint": "Write `{option}` without `=…`.",
  "cli.takesExactly": "`protokoll {command}` takes {expected}, not {got}.",
  "cli.takesNone": "`protokoll {command}` takes no arguments, but got {got}: {extra}.",
  "cli.takesRange": "`protokoll {command}` takes {min} to {max} arguments, not {got}.",
  "cli.seeHelp": "See `protokoll {command} --help`.",
  "cli.notAvailable": "`protokoll {command}` is not available in this version yet.",
  "cli.notAvailableHint": "See the README for the commands that are.",
  "cli.internalError": "internal error – please report it with the output below.",
  "cli.badDate": '{source} must be a date YYYY-MM-DD, not "{text}".',
  "cli.notACalendarMonth": '{source} is not a date in the calendar: there is no month {month} ("{text}").',
  "cli.notACalendarDay": "{source} is not a date in the calendar: {monthName} {year} has {days} days, not {day}.",
  "cli.dateExample": "Example: `{flag} {example}`",
  "cli.wholeNumber": '{name} must be a whole number ≥ 1, not "{text}".',
  "cli.wholeNumberHint": "Example: `{name} {example}`",
  "cli.unknownFormat": "Unknown format `--format {format}`.",
  "cli.formatsHint": "Use {formats}.",
  "cli.badLanguage": '{source} must be de or en, not "{text}".',
  "cli.badLanguageHint": "Example: `--lang en`",
  "cli.noDealsFolder": 'The deals folder "{dir}" does not exist.',
  "cli.noDealsFolderHint": "Create it, or point to it with `--deals <dir>`.",
  "cli.dealsIsFile": 'The deals folder "{dir}" is not a folder but a file.',
  "cli.dealsIsFileHint": "Point `--deals` at the folder that holds the deal files, e.g. `--deals deals`.",
  "cli.and": "and",
  "new.titleEmpty": "The title is empty.",
  "new.titleExample": 'Example: `protokoll new "Framework agreement Miller & Sons"`',
  "new.titleNoSlug": 'The title "{title}" gives no file name: it contains no letters or digits.',
  "new.exists": "{file} already exists; protokoll new never overwrites a deal.",
  "new.existsHint": "Edit that file, or choose another title or `--date`.",
  "new.badLanguage": '`--language` must be de or en, not "{text}".',
  "new.wrote": "Wrote {file}",
  "new.next": "Next: fill in participants, summary, who does what by when, and the next appointment; then run `protokoll check`.",
  "check.summary": "{deals} checked (today {today}): {errors}, {warnings}, {clean} without findings.",
  "build.unsafeOut": 'The output folder "{dir}"{resolved} would hold or replace the deal files or the working folder.',
  "build.resolvesTo": " (it resolves to {dir})",
  "build.unsafeOutHint":
    "Build into a folder of its own, e.g. `--out _site` (the default) or `--out public`; remove a link named like it.",
  "build.linkInOut": 'The output folder "{dir}" contains a symbolic link where the build writes: {link}.',
  "build.linkInOutHint": "Remove the link (the build writes real files there), or build into an empty folder.",
  "build.summary": "Built {built} into {out} in {seconds} s{broken}: {errors}, {warnings}. {pdf}.",
  "build.broken": "; {n} broken (see report.json)",
  "build.findingsOf": "{file} – {title}",
  "build.more": "… and {n} more, see report.json",
  "build.notReady": "{file}: not ready to send (PDF marked {mark}, mail subject prefixed):",
  "build.runCheck": "Run `protokoll check` for details and fixes.",
  "build.pdfSkipped": "PDFs skipped (--no-pdf)",
  "build.pdfNoBrowser": "PDFs not printed: the browser did not start (see below)",
  "build.historyUnreadable":
    "Warning: the deals' git history cannot be read ({reason}); trends, weekly reviews and the protocol history are missing from this build. Check `git log` in the deals repository.",
  "build.pdfs": "PDFs: {printed} printed, {unchanged} unchanged",
  "build.pdfNoStart": "no browser started",
  "build.pdfFailed": "{n} failed",
  "build.pdfCrashed": "browser crashed and was restarted ({n} affected)",
  "build.pdfOverflow": "{n} longer than one page",
  "build.pdfTooLong": "{n} not printed, far too long for one page",
  "build.printing": "printing PDFs {done}/{total} ({rate}/s)",
  "build.locked": "Another build (process {pid}) is writing to {dir}.",
  "build.lockedHint": "Wait for it to finish, or build into another folder with `--out`.",
  "build.cannotLock": "Could not lock {dir} for the build.",
  "build.cannotLockHint": "Remove .protokoll/build.lock in it if no build is running.",
  "build.cannotWrite": "Cannot write to {dir}{why}.",
  "build.cannotWriteHint": "Choose another folder with `--out`, or fix its permissions.",
  "build.why.permission": ": permission denied",
  "build.why.readOnly": ": read-only file system",
  "build.why.inTheWay": ": a file is in the way",
  "build.renderFailed": "Rendering the site with Eleventy failed.",
  "build.renderFailedHint": "This is a bug in the templates, not in a deal file; please report it.",
  "build.interrupted":
    "Interrupted ({signal}): closing the browser and removing temporary files; the previous output stays as it was.",
  "pdf.noChromium": "No Chromium found to print the PDFs.",
  "pdf.noChromiumHint":
    "Install one with `{command}` (or the system's package, e.g. `apt-get install chromium`).{named} Or point PUPPETEER_EXECUTABLE_PATH or `browser:` in protokoll.config.yaml at a Chrome/Chromium binary. `protokoll doctor` shows what is found; `--no-pdf` builds without PDFs.",
  "pdf.noAnswer": "Chromium ({path}) did not answer within {seconds} s of starting; it was stopped.",
  "pdf.noAnswerHint":
    "Check that this is a working Chrome/Chromium (`protokoll doctor`), raise the limit with PROTOKOLL_BROWSER_TIMEOUT_MS on a very slow machine, or build with `--no-pdf`.",
  "cli.verbatim": "{text}",
  "pdf-overflow.tooLong":
    'The protocol of "{title}" is far too long for one A4 page ({characters} characters in {blocks} paragraphs and list items; one page holds about {maxCharacters} characters in {maxBlocks}), so no PDF was printed.',
  "pdf-overflow.tooLongHint": "Shorten the summary, decisions or risks to what the client needs; a recap is one page.",
  "pdf.namedMissing": ' {what} names "{path}", which does not exist;',
  "pdf.didNotStart": "Chromium did not start ({path}): {detail}",
  "pdf.didNotStartHint":
    "Check the browser installation with `protokoll doctor`, point PUPPETEER_EXECUTABLE_PATH at another one, or build with `--no-pdf`.",
  "build.incomplete": "The site is incomplete: {missing} of {expected} pages were not written ({shown}{more}).",
  "build.andMore": " and {n} more",
  "build.incompleteHint":
    "Eleventy found no template for them in {dir}. Reinstall protokoll (`npm ci`); if it persists, report it with `protokoll doctor`.",
  "serve.rebuilt": "Rebuilt {deals}: {errors}, {warnings}.",
  "serve.serving": "Serving on http://localhost:{port}/ — edit deals in {dir}/ and the page reloads. Ctrl+C stops.",
  "serve.updated": "{files} saved: {pages} rendered again in {ms} ms — {errors}, {warnings}.",
  "serve.printed": "PDF preview {file}: {status} ({ms} ms).",
  "serve.previewsDone": "PDF previews printed: {n}.",
  "serve.previewFits": "fits on one page ✓",
  "serve.previewLong": "too long: {pages} pages",
  "serve.previewPending": "printing the PDF preview …",
  "serve.previewFailed": "PDF preview failed: {reason}",
  "n.page.one": "{n} page",
  "n.page.other": "{n} pages",
  "diff.notARevision": '"{revision}" is not a revision.',
  "diff.notARevisionHint": "Name a branch, tag or commit, e.g. origin/main or HEAD~1.",
  "diff.unknownRevision": 'Unknown revision "{revision}".',
  "diff.unknownRevisionHint":
    "Name a branch, tag or commit that exists here, e.g. origin/main or HEAD~1 (`git log --oneline` lists them).",
  "diff.workingTree": "working tree",

  "diff.none": "No deal changes.",
  "diff.added": "new",
  "diff.removed": "removed",
  "diff.renamed": "renamed from",
  "diff.invalidBase": "broken before",
  "diff.invalidHead": "broken now",
  "diff.status": "Status",
  "diff.actionAdded": "New action",
  "diff.actionRemoved": "Action removed",
  "diff.actionDone": "Done",
  "diff.actionDropped": "Dropped",
  "diff.actionReopened": "Reopened",
  "diff.reworded": "Reworded",
  "diff.owner": "Owner",
  "diff.due": "Due",
  "diff.dueMoved": "Due date moved",
  "diff.nobody": "nobody",
  "diff.noDate": "no date",
  "diff.nextSet": "Next appointment set",
  "diff.nextMoved": "Next appointment moved",
  "diff.nextRemoved": "Next appointment removed",
  "diff.sent": "Recap sent on",
  "diff.lineAdded": "added",
  "diff.lineRemoved": "removed",
  "diff.introduced": "New findings",
  "diff.resolved": "Resolved findings",
  "diff.openQuote": "“",
  "diff.closeQuote": "”",

  "mail.subject": "Meeting notes: {title} – {date}",
  "mail.greeting": "Hello,",
  "mail.thanksAttached": "thank you for the meeting on {date}. Please find the notes attached; here is the gist.",
  "mail.thanks": "thank you for the meeting on {date}. Here is the gist.",
  "mail.by": "by {date}",
  "mail.regards": "Kind regards",

  "init.created": "created:   {file}",
  "init.leftAlone": "left alone: {file} ({why})",
  "init.exists": "exists already",
  "init.complete": "has everything already",
  "init.hasDeals": "there are deals already, no example",
  "init.packageMerged": "added:     package.json: {added}{kept}",
  "init.keptSuffix": "; left alone: {list}",
  "init.packageKept": "left alone: package.json: {list}",
  "init.packageDescription": "Deals and meeting protocols, built with protokoll",
  "init.nothingToDo": "Nothing to do: everything is there already, nothing was changed.",
  "init.next": "Next: {cd}npm install && npx protokoll build – then open _site/index.html.",
  "init.unknownCi": 'Unknown --ci "{ci}".',
  "init.unknownCiHint": "Use github (the default), gitlab or none.",
  "init.badPackageJson": "package.json is not a valid JSON object; init does not change it.",
  "init.badPackageJsonHint": "Fix it (e.g. with `npm pkg fix`) and run init again.",
  "doctor.title": "protokoll doctor – what this machine has for building",
  "doctor.browser": "Browser",
  "doctor.fonts": "Fonts",
  "doctor.notFound": "not found",
  "doctor.source.env": "from PUPPETEER_EXECUTABLE_PATH",
  "doctor.source.config": "from browser: in protokoll.config.yaml",
  "doctor.source.system": "found on the system",
  "doctor.source.cache": "from Puppeteer's cache",
  "doctor.fontsLine": "{bundled} (bundled, embedded in the PDF); {system} system fonts",
  "doctor.missingNamed": '"{path}" does not exist',
  "doctor.fix": "Fix:",
  "doctor.nodeTooOld": "too old, protokoll needs Node.js {needed}",
  "doctor.gitMissing": "not found – the history's `Stand` and `protokoll diff` are missing",
  "doctor.allGood": "All there: `protokoll build` writes the site and the PDFs.",
  "doctor.problems": "No PDFs like this; the site, exports and report.json do work.",
  "build.unknownAudience": "Unknown audience `--audience {audience}`.",
  "build.audienceHint":
    "Use team (the default: everything, for the team) or client (no internal notes, findings, lessons, mail drafts).",

  "review.title": "Weekly review {week}",
  "review.internal": "Internal – not for clients.",
  "review.asOf": "As of {date}",
  "review.measures": "The week in numbers",
  "review.onTime": "On time",
  "review.goal": "goal",
  "review.overdue": "overdue",
  "review.moved": "due dates moved",
  "review.open": "open",
  "review.becameOverdue": "Became overdue this week",
  "review.dueNextWeek": "Due next week",
  "review.doneLate": "Done late",
  "review.movedOften": "Moved again and again within six weeks – time for a structured conversation",
  "review.wentStale": "Deals gone stale",
  "review.lostNextMeeting": "Deals that lost their next appointment",
  "review.lessons": "New lessons learned",
  "review.nothing": "Nothing to discuss.",
  "review.nobody": "Without an owner",
  "review.due": "due {date}",
  "review.doneOn": "done {date}, was due {due}",
  "review.times": "moved {n} times",
  "review.subject": "Weekly review {week}{company}",
  "review.greeting": "Hello all,",
  "review.intro": "here is the review of the week – what became overdue, what is due next week and what we should talk about.",
  "review.closing": "Kind regards",
  "review.link": "On the site",
  "review.trends": "The last twelve weeks",
  "review.trendOnTime": "On-time rate per week",
  "review.trendOverdue": "Overdue actions per week",
  "review.trendMoved": "Due dates moved per week",
  "review.week": "Week",
  "review.rate": "On time",
  "review.measured": "due",
  "review.kept": "on time",
  "review.count": "Count",
  "review.noData": "–",
  "review.trendsNone": "No history yet: the deals are not in git, or there are no commits yet.",
  "review.chartSummary": "Weeks {first} to {last}; the numbers are in the table.",
  "review.reviewLink": "Weekly review",
  "review.pastTitle": "History: earlier meetings",
  "review.pastFirst": "first protocol",
  "review.pastPdf": "PDF as sent then:",
  "review.badWeek": '`--week` must be an ISO week like 2026-W48, not "{week}".',
  "review.badWeekHint": "Example: --week 2026-W48",
  ownerCalendar: "Subscribe to your deadlines and appointments (.ics)",
  "help.main": `protokoll – one YAML file per deal becomes a one-page protocol (HTML + A4 PDF) and an index of what is slipping.

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
Language: --lang de|en on every command (else PROTOKOLL_LANG, else site_language, else German).

Examples:
  protokoll check
  protokoll build --today 2026-11-23 --no-pdf

Exit codes: 0 no error-level finding, 1 at least one error (with check --strict: any finding), 2 usage error.`,
  "help.build": `Usage: protokoll build [options]

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
  --lang <de|en>       language of the output and of report.json
  -h, --help           show this help

Example:
  protokoll build --out public --today 2026-11-23`,
  "help.check": `Usage: protokoll check [options]

Validates every deal and prints its findings; writes nothing.

Options:
  --deals <dir>        folder with the deal files (default: deals)
  --today <date>       judge findings as of this date, YYYY-MM-DD
  --format <f>         text (default), json (as report.json), github (workflow commands) or
                       gitlab (a Code Quality report for merge requests)
  --strict             exit 1 on any finding, warnings included
  --lang <de|en>       language of the messages and fixes
  -h, --help           show this help

Examples:
  protokoll check
  protokoll check --format github --strict`,
  "help.new": `Usage: protokoll new <title> [options]

Writes deals/<date>-<slug>.yaml with every section of a protocol to fill in. Never overwrites a file.

Options:
  --customer <name>    the customer
  --date <date>        meeting date, YYYY-MM-DD (default: today)
  --deals <dir>        folder with the deal files (default: deals)
  --language <de|en>   language of the deal and its template (default: the output language)
  --lang <de|en>       language of the output
  -h, --help           show this help

Example:
  protokoll new "Framework agreement Miller & Sons" --customer "Miller & Sons Ltd" --language en`,
  "help.diff": `Usage: protokoll diff <base> [<head>] [options]

Compares the deals at two git revisions (head: the working tree) and reports what changed that matters:
actions added, done, reopened, owners and due dates changed, next meetings moved, findings introduced or resolved.

Options:
  --deals <dir>        folder with the deal files (default: deals)
  --format <f>         markdown (default) or json
  --lang <de|en>       language of the heading; each deal is described in its own language
  -h, --help           show this help

Example:
  protokoll diff origin/main`,
  "help.serve": `Usage: protokoll serve [options]

Builds the site (without PDFs) and serves it on localhost, rebuilding when a deal or template changes.

Options:
  --port <n>           port (default: 8080)
  --deals <dir>        folder with the deal files (default: deals)
  --lang <de|en>       language of the output
  -h, --help           show this help

Example:
  protokoll serve --port 8081`,
  "help.init": `Usage: protokoll init [dir] [options]

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
  "help.doctor": `Usage: protokoll doctor [options]

Shows what this machine has for a build: Node.js, protokoll's version and folder, the browser that prints the
PDFs (path, how it was found, version), fonts and git. Exit 2 when no browser is found, with the command
that installs one.

Options:
  --lang <de|en>       language of the output (default: PROTOKOLL_LANG, else de)
  -h, --help           show this help

Example:
  protokoll doctor`,
  "help.review": `Usage: protokoll review [options]

The weekly review of one ISO week, from the deals' git history: per owner what became overdue, what is due
next week, what was done late and what was moved again and again; deals gone stale or without their next
appointment; the week's new lessons learned. Internal: never send it to a client.

Options:
  --week <YYYY-Www>    the ISO week (default: the week of today)
  --format <f>         markdown (default, for a pull-request comment or chat), html (a page) or eml (a mail
                       draft to the team); written to stdout
  --deals <dir>        folder with the deal files (default: deals)
  --today <date>       judge as of this date, YYYY-MM-DD (default: PROTOKOLL_TODAY, else today)
  --lang <de|en>       language (default: PROTOKOLL_LANG, else site_language, else German)
  -h, --help           show this help

Examples:
  protokoll review --week 2026-W48
  protokoll review --format eml > weekly-review.eml`,
} as const satisfies Record<CatalogueKey, string>;

/** Both languages; `en` has exactly the keys of `de`. */
export const catalogue = { de, en } as const;
