import { readdirSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { dealsDir } from "../helpers/analyse.js";
import { pythonMail } from "../helpers/python-parsers.js";
import { runCli } from "../helpers/run-cli.js";

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const deal = (customer: string, actions: [string, string, string][]) =>
  [
    `title: Vertrag ${customer}`,
    `customer: ${customer}`,
    "meeting:",
    "  date: 2026-11-20",
    "participants:",
    "  - name: Anna Schulz",
    "    side: ours",
    "    email: anna@nordlicht.example",
    "  - name: Jonas Keller",
    "    side: ours",
    "    email: jonas@nordlicht.example",
    "actions:",
    ...actions.flatMap(([task, owner, due]) => [`  - task: ${task}`, `    owner: ${owner}`, `    due: ${due}`]),
    "next_meeting:",
    "  date: 2026-12-20",
    "",
  ].join("\n");

function python(file: string): { policy: string; error: string | null; defects: string[]; From: string | null }[] {
  return pythonMail(file);
}

describe("review --per-owner", () => {
  it("writes three drafts for three owners, each with only that owner's actions", async () => {
    const cwd = await dealsDir({
      "alpha.yaml": deal("Alpha GmbH", [
        ["Angebot Alpha", "Anna Schulz", "2026-11-20"],
        ["Technik Alpha", "Jonas Keller", "2026-11-26"],
      ]),
      "beta.yaml": deal("Beta AG", [
        ["Preise Beta", "Anna Schulz", "2026-12-02"],
        ["Unterschrift Beta", "Mara Vogt", "2026-11-25"],
        ["Später Beta", "Anna Schulz", "2027-01-15"],
        ["Ohne Adresse", "Paul Ohne", "2026-11-24"],
      ]),
      // A silent lead: met on 20.10., nothing since and no appointment ahead, so follow-up-due holds.
      "gamma.yaml": deal("Gamma KG", [["Langfristig Gamma", "Anna Schulz", "2027-03-01"]])
        .replace("  date: 2026-11-20\n", "  date: 2026-10-20\n")
        .replace("next_meeting:\n  date: 2026-12-20\n", ""),
    });
    folders.push(cwd);
    await writeFile(
      path.join(cwd, "protokoll.config.yaml"),
      [
        "site_url: https://deals.nordlicht.example",
        "sender:",
        "  name: Vertrieb Nordlicht",
        "  email: vertrieb@nordlicht.example",
        "owners:",
        "  - name: Mara Vogt",
        "    email: mara@nordlicht.example",
        "",
      ].join("\n"),
    );
    const out = path.join(cwd, "mails");
    const result = await runCli(
      ["review", "--per-owner", "--format", "eml", "--out", out, "--today", "2026-11-23", "--lang", "de"],
      { cwd },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("Paul Ohne");
    expect(readdirSync(out).sort()).toEqual(["anna-schulz.eml", "jonas-keller.eml", "mara-vogt.eml"]);
    const tasks = ["Angebot Alpha", "Technik Alpha", "Preise Beta", "Unterschrift Beta", "Später Beta", "Ohne Adresse"];
    const expected: Record<string, { to: string; tasks: string[] }> = {
      "anna-schulz.eml": { to: "anna@nordlicht.example", tasks: ["Angebot Alpha", "Preise Beta"] },
      "jonas-keller.eml": { to: "jonas@nordlicht.example", tasks: ["Technik Alpha"] },
      "mara-vogt.eml": { to: "mara@nordlicht.example", tasks: ["Unterschrift Beta"] },
    };
    for (const [file, want] of Object.entries(expected)) {
      const raw = readFileSync(path.join(out, file));
      const mail = await simpleParser(raw);
      expect(mail.from?.value[0]?.address).toBe("vertrieb@nordlicht.example");
      expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value.map((a) => a.address)).toEqual([want.to]);
      expect(mail.messageId).toMatch(/^<.+@protokoll>$/);
      expect(mail.date?.toISOString()).toBe("2026-11-23T07:00:00.000Z");
      const text = mail.text ?? "";
      expect(tasks.filter((task) => text.includes(task))).toEqual(want.tasks);
      for (const view of python(path.join(out, file))) {
        expect(view.error, `${file} ${view.policy}`).toBeNull();
        expect(view.defects, `${file} ${view.policy}`).toEqual([]);
      }
    }
    const anna = (await simpleParser(readFileSync(path.join(out, "anna-schulz.eml")))).text ?? "";
    expect(anna).toMatch(
      /Überfällig:\n- Angebot Alpha – Alpha GmbH: Vertrag Alpha GmbH – fällig 20\.11\.2026\n {2}https:\/\/deals\.nordlicht\.example\/deals\/alpha\//,
    );
    // The follow-up of the silent lead goes to the people of our side, not to Mara, who has nothing in that deal.
    expect(anna).toMatch(/Nachfassen fällig:\n- Gamma KG: Vertrag Gamma KG – Keine Antwort seit 20\.10\.2026/);
    expect(anna).not.toContain("Langfristig Gamma");
    const mara = (await simpleParser(readFileSync(path.join(out, "mara-vogt.eml")))).text ?? "";
    expect(mara).not.toContain("Nachfassen");
    expect(anna).toMatch(/Nächste Woche fällig:\n- Preise Beta – Beta AG: Vertrag Beta AG – fällig 02\.12\.2026/);
  });

  it("is refused without --out, with the command that works", async () => {
    const cwd = await dealsDir({ "alpha.yaml": deal("Alpha GmbH", [["Angebot", "Anna Schulz", "2026-11-20"]]) });
    folders.push(cwd);
    const result = await runCli(["review", "--per-owner", "--today", "2026-11-23"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--per-owner --format eml --out");
  });
});

describe("the team's review draft", () => {
  it("has From, Date and Message-ID, and passes Python's strict policy", async () => {
    const cwd = await dealsDir({ "alpha.yaml": deal("Alpha GmbH", [["Angebot", "Anna Schulz", "2026-11-20"]]) });
    folders.push(cwd);
    const result = await runCli(["review", "--format", "eml", "--today", "2026-11-23"], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const file = path.join(cwd, "review.eml");
    await writeFile(file, result.stdout);
    const mail = await simpleParser(readFileSync(file));
    expect(mail.from?.value[0]?.address).toBe("sender-not-configured@protokoll.invalid");
    expect(mail.messageId).toMatch(/^<review\..+@protokoll>$/);
    expect(mail.date).toBeInstanceOf(Date);
    for (const view of python(file)) {
      expect(view.error, view.policy).toBeNull();
      expect(view.defects, view.policy).toEqual([]);
      expect(view.From).toContain("sender-not-configured@protokoll.invalid");
    }
  });
});
