// The silent lead of the follow-up issue: met on 02.11., chased on 16.11., nothing since; a commit today sets the
// "Stand" but is no contact. The build raises follow-up-due (and deal-stale) and writes `<slug>-follow-up.eml`,
// the draft of the step due, to the client participant — read by mailparser and Python's strict policy, with no
// canary of any internal field — and the draft is gone once an inbound contact is logged. Also the issue's own
// day: committed on 07.12., with the chase of 16.11. as our done action (the user had no contact log).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const MAIL_PARSER = fileURLToPath(new URL("../helpers/parse-mail.py", import.meta.url));
const TODAY = "2026-12-21";
const CANARIES = ["KANARIE-NOTIZ", "KANARIE-KONTAKT", "KANARIE-AUFGABE", "KANARIE-RISIKO", "KANARIE-ABBRUCH", "KANARIE-SIGNAL"];

const lead = (contacts: string[]) =>
  [
    "title: Wärmepumpen für das Betriebsgelände",
    "customer: Hoffmann Logistik GmbH",
    "meeting:",
    "  date: 2026-11-02",
    "participants:",
    "  - name: Dr. Martin Hoffmann",
    "    company: Hoffmann Logistik GmbH",
    "    salutation: Herr",
    "    email: m.hoffmann@hoffmann-logistik.example",
    "  - name: Jonas Keller",
    "    side: ours",
    "    email: j.keller@nordlicht.example",
    "sender:",
    "  name: Jonas Keller",
    "  email: j.keller@nordlicht.example",
    "  company: Nordlicht Energie AG",
    `updated: ${TODAY}`,
    "decisions:",
    "  - Angebot für zwei Standorte",
    "actions:",
    "  - task: Verbrauchsdaten schicken",
    "    owner: Dr. Martin Hoffmann",
    "    due: 2026-11-16",
    `  - task: Preisfreigabe holen ${CANARIES[2]}`,
    "    owner: Jonas Keller",
    "    due: 2026-11-30",
    "    internal: true",
    "risks:",
    `  - text: Budget unklar ${CANARIES[3]}`,
    "    internal: true",
    "abort_criteria:",
    `  - text: Keine Antwort bis Jahresende ${CANARIES[4]}`,
    "    internal: true",
    "contacts:",
    "  - date: 2026-11-16",
    "    channel: mail",
    "    direction: out",
    "    with: Dr. Martin Hoffmann",
    `    note: Verbrauchsdaten angemahnt ${CANARIES[1]}`,
    ...contacts,
    "internal:",
    `  notes: Entscheider ist eigentlich der CFO ${CANARIES[0]}`,
    `  signals: [Zögert ${CANARIES[5]}]`,
    "",
  ].join("\n");

function git(cwd: string, ...args: string[]) {
  gitOn(TODAY, cwd, ...args);
}

function gitOn(day: string, cwd: string, ...args: string[]) {
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: `${day}T10:00:00Z`, GIT_COMMITTER_DATE: `${day}T10:00:00Z` },
  });
}

async function buildAt(cwd: string, today = TODAY) {
  const result = await runCli(["build", "--no-pdf", "--today", today], { cwd });
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
  const codes = (report.deals[0].findings as { code: string; message: string }[]).map((f) => f.code);
  return { codes, report, draft: path.join(cwd, "_site", "deals", "lead", "lead-follow-up.eml") };
}

describe("the silent lead's follow-up draft", () => {
  it("is written at the step due, to the client, with nothing internal, and goes when the client answers", async () => {
    const cwd = tempDir("protokoll-follow-up-");
    await mkdir(path.join(cwd, "deals"));
    await writeFile(path.join(cwd, "deals", "lead.yaml"), lead([]));
    git(cwd, "init", "-q", "-b", "main");
    git(cwd, "add", "-A");
    git(cwd, "commit", "-q", "-m", "Stand heute");

    const first = await buildAt(cwd);
    expect(first.codes).toContain("follow-up-due");
    expect(first.codes).toContain("deal-stale");
    // 35 days since our reminder of 16.11.: the configuration's cascade is at its last step.
    const message = first.report.deals[0].findings.find((f: { code: string }) => f.code === "follow-up-due").message;
    expect(message).toContain("close");
    const raw = readFileSync(first.draft);
    const mail = await simpleParser(raw);
    expect(mail.from?.value).toEqual([{ name: "Jonas Keller", address: "j.keller@nordlicht.example" }]);
    const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
    expect(to).toEqual([{ name: "Dr. Martin Hoffmann", address: "m.hoffmann@hoffmann-logistik.example" }]);
    expect(mail.cc).toBeUndefined();
    expect(mail.subject).toBe("Wärmepumpen für das Betriebsgelände: Thema schließen?");
    expect(mail.text).toMatch(/^Sehr geehrter Herr Dr\. Hoffmann,\n\nich habe zu „Wärmepumpen für das Betriebsgelände“/);
    expect(mail.text).toContain("Ein kurzes Ja oder Nein genügt");
    const decoded = `${mail.subject}\n${mail.text}\n${raw.toString("latin1")}`;
    for (const canary of CANARIES) expect(decoded, canary).not.toContain(canary);
    const views = JSON.parse(execFileSync("python3", [MAIL_PARSER, first.draft], { encoding: "utf8" })) as {
      policy: string;
      error: string | null;
      defects: string[];
      text: string;
    }[];
    for (const view of views) {
      expect(view.error, view.policy).toBeNull();
      expect(view.defects, view.policy).toEqual([]);
      for (const canary of CANARIES) expect(view.text).not.toContain(canary);
    }

    // The client answers; logged and committed today: the finding ends, and with it the draft.
    const answer = ["  - date: 2026-12-21", "    channel: call", "    direction: in", "    with: Dr. Martin Hoffmann"];
    await writeFile(path.join(cwd, "deals", "lead.yaml"), lead(answer));
    git(cwd, "commit", "-q", "-am", "Antwort");
    const second = await buildAt(cwd);
    expect(second.codes).not.toContain("follow-up-due");
    expect(existsSync(second.draft)).toBe(false);
    expect(existsSync(path.join(cwd, "_site", "deals", "lead", "lead.eml"))).toBe(true);
  });

  // The issue as filed: met 02.11., recap sent 03.11., chased on 16.11. — written down as our action done, since
  // there was nowhere to log a contact — and committed on 07.12. with `updated: 2026-12-07`. Neither our chase
  // nor the commit nor the "Stand" is contact: the client has been silent since the recap, 34 days.
  it("committed on the issue's day (07.12.): the step 'question' of the cascade, and deal-stale after 34 days", async () => {
    const today = "2026-12-07";
    const cwd = tempDir("protokoll-follow-up-");
    await mkdir(path.join(cwd, "deals"));
    const file = [
      "title: Wärmepumpen für das Betriebsgelände",
      "customer: Hoffmann Logistik GmbH",
      "meeting:",
      "  date: 2026-11-02",
      "participants:",
      "  - name: Dr. Martin Hoffmann",
      "    company: Hoffmann Logistik GmbH",
      "    salutation: Herr",
      "    email: m.hoffmann@hoffmann-logistik.example",
      "  - name: Jonas Keller",
      "    side: ours",
      "    email: j.keller@nordlicht.example",
      "sender:",
      "  name: Jonas Keller",
      "  email: j.keller@nordlicht.example",
      "  company: Nordlicht Energie AG",
      "protocol_sent: 2026-11-03",
      `updated: ${today}`,
      "actions:",
      "  - task: Nachfassen per Mail und Telefon",
      "    owner: Jonas Keller",
      "    due: 2026-11-16",
      "    status: done",
      "    done_on: 2026-11-16",
      "",
    ].join("\n");
    await writeFile(path.join(cwd, "deals", "lead.yaml"), file);
    gitOn(today, cwd, "init", "-q", "-b", "main");
    gitOn(today, cwd, "add", "-A");
    gitOn(today, cwd, "commit", "-q", "-m", "Stand 07.12.");

    const { report, codes, draft } = await buildAt(cwd, today);
    const findings = report.deals[0].findings as { code: string; message: string }[];
    // The cascade (the configuration's: 7, 14, 21, 35 days) counts from the recap, our last unanswered outbound
    // touch: 34 days on 07.12. — past "question" (21), not yet "close" (35).
    const followUp = findings.find((f) => f.code === "follow-up-due");
    expect(followUp?.message).toBe('No answer since 3 Nov 2026 (34 days ago): the step "one question" is due.');
    expect(codes).toContain("deal-stale");
    expect(findings.find((f) => f.code === "deal-stale")?.message).toBe(
      "No contact for 34 days and no next step: the deal is going stale.",
    );
    const mail = await simpleParser(readFileSync(draft));
    expect(mail.subject).toBe("Wärmepumpen für das Betriebsgelände: noch aktuell?");
    const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
    expect(to).toEqual([{ name: "Dr. Martin Hoffmann", address: "m.hoffmann@hoffmann-logistik.example" }]);

    // One day later, 35 days of silence: the cascade's last step.
    const next = await buildAt(cwd, "2026-12-08");
    const closing = (next.report.deals[0].findings as { code: string; message: string }[]).find(
      (f) => f.code === "follow-up-due",
    );
    expect(closing?.message).toContain('the step "close" is due');
  });
});
