// Team-only content (`actions[].internal`, `{text, internal: true}` risks and abort criteria, the contact log)
// stays on the team site, the owner pages and the team feeds: canaries must never reach the PDF's text, the
// recap .eml, the deal's own .ics, or any file of a client site.
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dealsDir } from "../helpers/analyse.js";
import { pdftotext } from "../helpers/poppler.js";
import { runCli } from "../helpers/run-cli.js";

const CANARIES = {
  action: "KANARIEAKTIONX",
  risk: "KANARIERISIKOX",
  abort: "KANARIEABBRUCHX",
  contact: "KANARIEKONTAKTX",
};

const DEAL = [
  "title: Rahmenvertrag Kanarienvogel",
  "customer: Vogel GmbH",
  "meeting:",
  "  date: 2026-11-20",
  "participants:",
  "  - name: Anna Schulz",
  "    email: a.schulz@vogel.example",
  "  - name: Jonas Keller",
  "    side: ours",
  "    email: j.keller@nordlicht.example",
  "summary: Wir haben den Rahmen besprochen.",
  "actions:",
  "  - task: Angebot schicken",
  "    owner: Anna Schulz",
  "    due: 2026-11-27",
  `  - task: ${CANARIES.action} Preisfreigabe holen`,
  "    owner: Jonas Keller",
  "    due: 2026-11-26",
  "    internal: true",
  "risks:",
  "  - Lieferzeit knapp",
  `  - text: ${CANARIES.risk} Budget wackelt`,
  "    internal: true",
  "abort_criteria:",
  `  - text: ${CANARIES.abort} ohne Freigabe beenden`,
  "    by: 2026-12-18",
  "    internal: true",
  "contacts:",
  "  - date: 2026-11-21",
  "    channel: call",
  "    direction: out",
  `    note: ${CANARIES.contact} angerufen`,
  "next_meeting:",
  "  date: 2026-12-02",
  '  time: "10:00"',
  "protocol_sent: 2026-11-21",
  "",
].join("\n");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}
const textOf = (file: string) => (file.endsWith(".pdf") ? pdftotext(file) : readFileSync(file, "latin1"));
const leaks = (text: string) => Object.values(CANARIES).filter((c) => text.includes(c));

describe("team-only content", () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await dealsDir({ "kanarie.yaml": DEAL });
    for (const audience of ["team", "client"]) {
      const built = await runCli(["build", "--today", "2026-11-23", "--audience", audience, "--out", audience], { cwd });
      expect(built.code, built.stderr).toBe(0);
    }
  }, 240_000);
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });
  const deal = (audience: string, file: string) => path.join(cwd, audience, "deals", "kanarie", file);

  it("never reaches the PDF's text", () => {
    const text = pdftotext(deal("team", "kanarie.pdf"));
    expect(text).toContain("Angebot schicken");
    expect(text).toContain("Lieferzeit knapp");
    expect(leaks(text)).toEqual([]);
  });

  it("never reaches the recap mail", () => {
    const mail = readFileSync(deal("team", "kanarie.eml"), "latin1");
    expect(mail).toContain("Angebot schicken");
    expect(leaks(mail)).toEqual([]);
  });

  it("never reaches the deal's own calendar, but the owner's feed has the team-only deadline", () => {
    const ics = readFileSync(deal("team", "kanarie.ics"), "utf8");
    expect(ics).toContain("Angebot schicken");
    expect(leaks(ics)).toEqual([]);
    const feeds = walk(path.join(cwd, "team", "owners")).filter((f) => f.endsWith(".ics"));
    expect(feeds.map((f) => readFileSync(f, "utf8")).join("\n")).toContain(CANARIES.action);
  });

  it("never reaches any file of a client site", () => {
    const files = walk(path.join(cwd, "client"));
    expect(files.some((f) => f.endsWith(".pdf"))).toBe(true);
    for (const file of files) expect(leaks(textOf(file)), file).toEqual([]);
  });

  it("is on the team's deal page, marked, with the contact log", () => {
    const page = readFileSync(deal("team", "index.html"), "utf8");
    expect(page).toContain(CANARIES.action);
    expect(page).toMatch(/data-internal>nur Team</);
    expect(page).toContain(CANARIES.risk);
    expect(page).toContain(CANARIES.contact);
    expect(page).toContain("data-contact-log");
  });
});
