// The silent lead of the follow-up issue: met on 02.11., chased on 16.11., nothing since; a commit today sets the
// "Stand" but is no contact. The build raises follow-up-due (and deal-stale) and writes `<slug>-follow-up.eml`,
// the draft of the step due, to the client participant — read by mailparser and Python's strict policy, with no
// canary of any internal field — and the draft is gone once an inbound contact is logged.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const MAIL_PARSER = fileURLToPath(new URL("../helpers/parse-mail.py", import.meta.url));
const TODAY = "2026-12-21";
const CANARIES = ["KANARIE-NOTIZ", "KANARIE-KONTAKT", "KANARIE-AUFGABE", "KANARIE-RISIKO", "KANARIE-ABBRUCH", "KANARIE-SIGNAL"];

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

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
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: `${TODAY}T10:00:00Z`, GIT_COMMITTER_DATE: `${TODAY}T10:00:00Z` },
  });
}

async function buildAt(cwd: string) {
  const result = await runCli(["build", "--no-pdf", "--today", TODAY], { cwd });
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(readFileSync(path.join(cwd, "_site", "report.json"), "utf8"));
  const codes = (report.deals[0].findings as { code: string; message: string }[]).map((f) => f.code);
  return { codes, report, draft: path.join(cwd, "_site", "deals", "lead", "lead-follow-up.eml") };
}

describe("the silent lead's follow-up draft", () => {
  it("is written at the step due, to the client, with nothing internal, and goes when the client answers", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "protokoll-follow-up-"));
    folders.push(cwd);
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
});
