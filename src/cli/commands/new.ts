import { mkdir, open } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../config/load-config.js";
import { ProtokollError } from "../../errors.js";
import { phrase, t } from "../../i18n/translate.js";
import { suggestSlug } from "../../load/read-deal-file.js";
import { isLanguage, type Language } from "../../time/language.js";
import { addDays, type PlainDate, todayIn } from "../../time/plain-date.js";
import { SCHEMA_DIR } from "../../validate/schemas.js";
import { parseDateOption } from "../options.js";

export interface NewFlags {
  title: string;
  customer?: string;
  date?: string;
  deals?: string;
  /** `--language`: the deal's language and its template's; default the CLI's. */
  dealLanguage?: string;
  /** The CLI's language. */
  language: Language;
}

/**
 * `protokoll new <title>`: writes `<deals>/<date>-<slug>.yaml` with every section of a protocol, ready to fill
 * in right after the meeting. The example action has no owner and no date on purpose, so `check` and the
 * index nudge until someone fills them in. Never overwrites a file.
 */
export async function newDeal(flags: NewFlags, log: (line: string) => void): Promise<number> {
  const { config } = await loadConfig();
  const { language } = flags;
  const title = flags.title.trim();
  if (!title) throw new ProtokollError(phrase("new.titleEmpty"), phrase("new.titleExample"));
  // A control character would make a file `check` refuses (an `invalid-field` error): refuse it here already.
  for (const [option, text] of [
    ["<title>", title],
    ["--customer", flags.customer ?? ""],
  ] as const) {
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text)) {
      throw new ProtokollError(phrase("new.controlCharacter", { option }), phrase("new.controlCharacterHint"));
    }
  }
  const dealLanguage = flags.dealLanguage === undefined ? language : flags.dealLanguage.trim().toLowerCase();
  if (!isLanguage(dealLanguage)) {
    throw new ProtokollError(phrase("new.badLanguage", { text: flags.dealLanguage ?? "" }), phrase("cli.badLanguageHint"));
  }
  const today = todayIn(config.timeZone);
  const date = flags.date === undefined ? today : parseDateOption(flags.date, "--date", "--date", today);
  // A title of only punctuation ("???") would give the file name "<date>-deal.yaml": refuse it instead.
  if (suggestSlug(title) === "deal" && !/deal/i.test(title)) {
    throw new ProtokollError(phrase("new.titleNoSlug", { title }), phrase("new.titleExample"));
  }

  const dealsDir = path.resolve(flags.deals ?? "deals");
  const slug = suggestSlug(`${date}-${title}`).slice(0, 80).replace(/-+$/, "");
  const file = path.join(dealsDir, `${slug}.yaml`);
  const schema = path
    .relative(dealsDir, fileURLToPath(new URL("deal.schema.json", SCHEMA_DIR)))
    .split(path.sep)
    .join("/");
  await mkdir(dealsDir, { recursive: true });
  const shown = path.relative(process.cwd(), file).split(path.sep).join("/");
  try {
    // "wx": fail if it exists, atomically — two people running `new` at once cannot overwrite each other.
    const handle = await open(file, "wx");
    const values = { title, customer: flags.customer?.trim() || "…", date, schema };
    await handle.writeFile(dealLanguage === "en" ? templateEn(values) : templateDe(values));
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new ProtokollError(phrase("new.exists", { file: shown }), phrase("new.existsHint"));
    }
    throw error;
  }
  log(t(language, "new.wrote", { file: shown }));
  log(t(language, "new.next"));
  return 0;
}

const q = (text: string) => JSON.stringify(text);

interface TemplateValues {
  title: string;
  customer: string;
  date: PlainDate;
  schema: string;
}

// Lists start commented out as a whole, key included (`# participants:` above `#   - name: …`): uncommenting
// every line of a block gives valid YAML, and leaving it commented leaves the key out. A `participants: []`
// with commented entries below broke as soon as the entries were uncommented.

function templateDe(v: TemplateValues): string {
  return `# yaml-language-server: $schema=${v.schema}
# Protokoll – binnen 24–48 Stunden nach dem Termin an den Kunden schicken.
# Auskommentierte Zeilen (#) sind Vorschläge: bei allen Zeilen eines Blocks das # entfernen und ausfüllen.
title: ${q(v.title)}
customer: ${q(v.customer)}
status: active            # active | won | lost | paused
language: de              # de | en
meeting:
  date: ${v.date}
  # time: "10:00"         # HH:MM in Anführungszeichen
  # duration: 60          # Minuten
  # place: Videokonferenz # Ort oder Kanal
# participants:           # mit Position und Durchwahl
#   - name: Anna Schulz
#     company: Stadtwerke Musterstadt
#     role: Leitung Einkauf
#     phone: "+49 30 1234-56"
#     email: a.schulz@example.com
summary: |
  Worum ging es, was ist das Ergebnis? Zwei bis vier Sätze.
# decisions:
#   - Entscheidung in einem Satz
actions:                  # Wer macht was bis wann: jede Aufgabe mit EINER Person und einem Datum.
  - task: Erste Aufgabe aus dem Termin
    # owner: Anna Schulz  # eine Person – nicht „wir“ oder „Team“
    # due: ${addDays(v.date, 7)}     # JJJJ-MM-TT
# open_questions:         # bis zum nächsten Termin zu klären
#   - offene Frage
# risks:
#   - offenes Risiko, offen benannt
# next_meeting:           # immer den nächsten Termin festhalten
#   date: ${addDays(v.date, 14)}      # JJJJ-MM-TT
#   time: "09:00"
#   duration: 60          # Minuten
#   place: Videokonferenz
# protocol_sent: ${addDays(v.date, 1)}   # sobald das Protokoll raus ist
internal:                 # nur auf der Website – nie im PDF, in der Mail oder im Kalender
  notes: ""
  # signals:
  #   - Fragte zweimal nach der Haftung.
  # lessons:
  #   - Was hat funktioniert, was nicht?
`;
}

function templateEn(v: TemplateValues): string {
  return `# yaml-language-server: $schema=${v.schema}
# Meeting protocol – send it to the customer within 24–48 hours of the meeting.
# Commented lines (#) are suggestions: remove the # from every line of a block and fill it in.
title: ${q(v.title)}
customer: ${q(v.customer)}
status: active            # active | won | lost | paused
language: en              # de | en
meeting:
  date: ${v.date}
  # time: "10:00"         # HH:MM in quotes
  # duration: 60          # minutes
  # place: Video call     # place or channel
# participants:           # with position and extension
#   - name: Anna Schulz
#     company: Stadtwerke Musterstadt
#     role: Head of Purchasing
#     phone: "+49 30 1234-56"
#     email: a.schulz@example.com
summary: |
  What was it about, what is the outcome? Two to four sentences.
# decisions:
#   - One decision in one sentence
actions:                  # Who does what by when: every action with ONE person and a date.
  - task: First action from the meeting
    # owner: Anna Schulz  # one person – not "we" or "team"
    # due: ${addDays(v.date, 7)}     # YYYY-MM-DD
# open_questions:         # to settle by the next meeting
#   - an open question
# risks:
#   - an open risk, named openly
# next_meeting:           # always fix the next appointment
#   date: ${addDays(v.date, 14)}      # YYYY-MM-DD
#   time: "09:00"
#   duration: 60          # minutes
#   place: Video call
# protocol_sent: ${addDays(v.date, 1)}   # as soon as the recap is out
internal:                 # on the site only – never in the PDF, the mail or the calendar
  notes: ""
  # signals:
  #   - Asked twice about liability.
  # lessons:
  #   - What worked, what did not?
`;
}
