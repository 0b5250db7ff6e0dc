// Writes N synthetic, realistic, deterministic deals (seeded): German text, 3–12 actions, some with findings.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** mulberry32: a tiny seeded PRNG, so every run generates the same deals. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Anna",
  "Jonas",
  "Miriam",
  "Paul",
  "Sophie",
  "Stefan",
  "Ülkü",
  "Katrin",
  "Henrik",
  "Carla",
  "Frank",
  "Lea",
  "Jörg",
  "Björn",
  "Sören",
];
const LAST = [
  "Schulz",
  "Keller",
  "Ostermann",
  "Grünewald",
  "Krämer",
  "Bergmann",
  "Demir",
  "Wolf",
  "Jansen",
  "Weiß",
  "Köhler",
  "Brandstätter",
  "Müller",
  "Schäfer",
];
const COMPANIES = [
  "Stadtwerke",
  "Maschinenbau",
  "Logistik",
  "Naturkost",
  "Hydraulik",
  "Feinmechanik",
  "Energie",
  "Klinikverbund",
  "Druckerei",
  "Bäckerei",
];
const CITIES = ["Musterstadt", "Zwickau", "Bremerhaven", "Freiburg", "Hannover", "Würzburg", "Lübeck", "Görlitz"];
const TASKS = [
  "Projektplan mit Meilensteinen abstimmen",
  "Angebot über die Erweiterung schicken",
  "Lastgangdaten bereitstellen",
  "Vertragsentwurf juristisch prüfen",
  "Referenzen ähnlicher Projekte senden",
  "Termin mit der Geschäftsführung vereinbaren",
  "Preisblatt für 2027 aktualisieren",
  "Freigabe der Entwürfe einholen",
  "Musterlieferung versenden",
  "Rückfragen zur Zahlung klären",
  "Qualitätsvereinbarung gegenzeichnen",
  "Schulungstermine für das Team planen",
];
const WORDS =
  "Gespräch Ergebnis Lieferung Zahlung Preis Qualität Termin Frist Vertrag Angebot Meilenstein Freigabe Risiko Entscheidung Kunde Projekt Umfang Budget Planung Rückmeldung".split(
    " ",
  );

export function generateDeals(dir, count, seed = 42) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const date = (offset) => new Date(Date.UTC(2026, 10, 20) + offset * 86_400_000).toISOString().slice(0, 10);
  const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const people = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => `${pick(FIRST)} ${pick(LAST)}`);
    const company = `${pick(COMPANIES)} ${pick(CITIES)} GmbH`;
    const meeting = -Math.floor(rnd() * 20);
    const lines = [
      "# yaml-language-server: $schema=../schema/deal.schema.json",
      `title: "${pick(["Rahmenvertrag", "Liefervertrag", "Pilotprojekt", "Wartungsvertrag"])} ${2027 + (i % 3)} Nr. ${i + 1}"`,
      `customer: "${company}"`,
      `status: ${rnd() < 0.85 ? "active" : pick(["won", "lost", "paused"])}`,
      "meeting:",
      `  date: ${date(meeting)}`,
      `  time: "${String(8 + Math.floor(rnd() * 9)).padStart(2, "0")}:${rnd() < 0.5 ? "00" : "30"}"`,
      "  duration: 60",
      `  place: "${pick(CITIES)}, Raum ${1 + Math.floor(rnd() * 9)}"`,
      "participants:",
      ...people.flatMap((name, k) => [
        `  - name: "${name}"`,
        `    role: "${pick(["Einkauf", "Vertrieb", "Geschäftsführung", "Projektleitung"])}"`,
        `    phone: "+49 30 ${1000 + k}-${i}"`,
        `    email: "p${k}.${i}@example.com"`,
      ]),
      "summary: |",
      `  ${sentence(12 + Math.floor(rnd() * 30))}.`,
      `  ${sentence(10 + Math.floor(rnd() * 20))}.`,
      "decisions:",
      ...Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `  - "${sentence(8)}."`),
      "actions:",
    ];
    const actions = 3 + Math.floor(rnd() * 10);
    for (let a = 0; a < actions; a++) {
      lines.push(`  - task: "${pick(TASKS)} (${a + 1})"`);
      if (rnd() > 0.08) lines.push(`    owner: "${rnd() < 0.05 ? "wir" : pick(people)}"`);
      if (rnd() > 0.08) lines.push(`    due: ${date(meeting + 2 + Math.floor(rnd() * 25))}`);
      if (rnd() < 0.3) lines.push("    status: done", `    done_on: ${date(meeting + 1 + Math.floor(rnd() * 10))}`);
    }
    lines.push("risks:", `  - "${sentence(10)}."`);
    if (rnd() > 0.15)
      lines.push("next_meeting:", `  date: ${date(meeting + 7 + Math.floor(rnd() * 14))}`, '  time: "09:00"', "  duration: 30");
    if (rnd() > 0.2) lines.push(`protocol_sent: ${date(meeting + 1)}`);
    lines.push("internal:", `  notes: "${sentence(10)}"`, `  lessons: ["${sentence(6)}"]`);
    writeFileSync(path.join(dir, `deal-${String(i + 1).padStart(5, "0")}.yaml`), `${lines.join("\n")}\n`);
  }
}

const USAGE = `Usage: node bench/generate-deals.js [folder] [count]

Writes count synthetic deals (default 100) into folder (default bench-deals), the same deals for the same count.
  folder   where the deal files go; created if missing
  count    how many deals, a whole number ≥ 1
`;

/** The folder and count from the command line, or the reason they cannot be used (then nothing is written). */
export function parseArgs(argv) {
  if (argv.some((arg) => arg === "-h" || arg === "--help")) return { help: true };
  const option = argv.find((arg) => arg.startsWith("-"));
  if (option) return { error: `Unknown option ${option}.` };
  if (argv.length > 2) return { error: `Too many arguments: ${argv.slice(2).join(" ")}.` };
  const count = Number(argv[1] ?? 100);
  if (!Number.isInteger(count) || count < 1) return { error: `The count must be a whole number ≥ 1, not ${argv[1]}.` };
  return { dir: argv[0] ?? "bench-deals", count };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) process.stdout.write(USAGE);
  else if (args.error) {
    process.stderr.write(`${args.error}\n\n${USAGE}`);
    process.exitCode = 2;
  } else generateDeals(args.dir, args.count);
}
