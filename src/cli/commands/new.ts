import { mkdir, open } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../config/load-config.js";
import { ProtokollError } from "../../errors.js";
import { suggestSlug } from "../../load/read-deal-file.js";
import { parsePlainDate, todayIn } from "../../time/plain-date.js";
import { SCHEMA_DIR } from "../../validate/schemas.js";

export interface NewFlags {
  title: string;
  customer?: string;
  date?: string;
  deals?: string;
}

/**
 * `protokoll new <title>`: writes `<deals>/<date>-<slug>.yaml` with every section of a protocol, ready to fill
 * in right after the meeting. The example action has no owner and no date on purpose, so `check` and the
 * index nudge until someone fills them in. Never overwrites a file.
 */
export async function newDeal(flags: NewFlags, log: (line: string) => void): Promise<number> {
  const { config } = await loadConfig();
  const title = flags.title.trim();
  if (!title) throw new ProtokollError("The title is empty.", 'Example: protokoll new "Rahmenvertrag Müller & Söhne"');
  const date = flags.date ?? todayIn(config.timeZone);
  if (!parsePlainDate(date))
    throw new ProtokollError(`--date must be a date YYYY-MM-DD, not "${date}".`, "Example: --date 2026-11-20");

  const dealsDir = path.resolve(flags.deals ?? "deals");
  const slug = suggestSlug(`${date}-${title}`).slice(0, 80).replace(/-+$/, "");
  const file = path.join(dealsDir, `${slug}.yaml`);
  const schema = path
    .relative(dealsDir, fileURLToPath(new URL("deal.schema.json", SCHEMA_DIR)))
    .split(path.sep)
    .join("/");
  await mkdir(dealsDir, { recursive: true });
  try {
    // "wx": fail if it exists, atomically — two people running `new` at once cannot overwrite each other.
    const handle = await open(file, "wx");
    await handle.writeFile(template({ title, customer: flags.customer?.trim() || "…", date, schema }));
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new ProtokollError(
        `${path.relative(process.cwd(), file)} already exists; protokoll new never overwrites a deal.`,
        "Edit that file, or choose another title or --date.",
      );
    }
    throw error;
  }
  const shown = path.relative(process.cwd(), file).split(path.sep).join("/");
  log(`Wrote ${shown}`);
  log("Next: fill in participants, summary, who does what by when, and the next appointment; then run `protokoll check`.");
  return 0;
}

const q = (text: string) => JSON.stringify(text);

function template(v: { title: string; customer: string; date: string; schema: string }): string {
  return `# yaml-language-server: $schema=${v.schema}
# Protokoll – binnen 24–48 Stunden nach dem Termin an den Kunden schicken.
# Auskommentierte Zeilen (#) sind Vorschläge: Kommentarzeichen entfernen und ausfüllen.
title: ${q(v.title)}
customer: ${q(v.customer)}
status: active            # active | won | lost | paused
language: de              # de | en
meeting:
  date: ${v.date}
  # time: "10:00"         # HH:MM in Anführungszeichen
  # duration: 60          # Minuten
  # place: Videokonferenz # Ort oder Kanal
participants: []          # mit Position und Durchwahl, z. B.:
  # - name: Anna Schulz
  #   company: Stadtwerke Musterstadt
  #   role: Leitung Einkauf
  #   phone: "+49 30 1234-56"
  #   email: a.schulz@example.com
summary: |
  Worum ging es, was ist das Ergebnis? Zwei bis vier Sätze.
decisions: []             # - Entscheidung in einem Satz
actions:                  # Wer macht was bis wann: jede Aufgabe mit EINER Person und einem Datum.
  - task: Erste Aufgabe aus dem Termin
    # owner: Anna Schulz  # eine Person – nicht „wir“ oder „Team“
    # due: 2026-12-01     # JJJJ-MM-TT
risks: []                 # - offenes Risiko, offen benannt
# next_meeting:           # immer den nächsten Termin festhalten
#   date: 2026-12-08      # JJJJ-MM-TT
#   time: "09:00"
#   duration: 60          # Minuten
#   place: Videokonferenz
# protocol_sent: 2026-11-21   # sobald das Protokoll raus ist
internal:                 # nur auf der Website – nie im PDF, in der Mail oder im Kalender
  notes: ""
  signals: []
  lessons: []
`;
}
