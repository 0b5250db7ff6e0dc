// What `build` writes beside the pages: .ics per deal, calendar.ics, and the recap mail draft with the PDF.
import { existsSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "../../src/time/format-date.js";
import { pdftotext } from "../helpers/poppler.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

let cwd: string;
const slugs = (await readdir(path.join(ROOT, "deals"))).map((f) => f.replace(/\.yaml$/, ""));
const out = (...parts: string[]) => path.join(cwd, "_site", ...parts);

beforeAll(async () => {
  cwd = tempDir("protokoll-exports-");
  await mkdir(path.join(cwd, "deals"));
  for (const slug of slugs) await copyFile(path.join(ROOT, "deals", `${slug}.yaml`), path.join(cwd, "deals", `${slug}.yaml`));
  expect((await runCli(["build", "--today", "2026-11-23"], { cwd })).code).toBe(0);
}, 120_000);

describe("recap mail drafts", () => {
  it.each(slugs)("%s.eml is a draft to the participants with the PDF attached and nothing internal", async (slug) => {
    const raw = readFileSync(out("deals", slug, `${slug}.eml`));
    const mail = await simpleParser(raw);
    const deal = (await import("yaml")).parse(readFileSync(path.join(cwd, "deals", `${slug}.yaml`), "utf8"));
    // To: the client's side; the sender (our side in these deals) writes it and is not a recipient.
    const emails = (deal.participants ?? [])
      .filter((p: { email?: string }) => p.email && p.email !== deal.sender?.email)
      .map((p: { email: string }) => p.email);
    const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
    expect(to.map((a) => a.address)).toEqual(emails);
    expect(mail.from?.value).toEqual([{ name: deal.sender.name, address: deal.sender.email }]);
    const date = formatDate(deal.meeting.date, deal.language ?? "de");
    // A recap that is not ready to send says so before its subject.
    const draft = /ENTWURF/.test(pdftotext(out("deals", slug, `${slug}.pdf`))) ? "[ENTWURF – nicht versenden] " : "";
    expect(mail.subject).toBe(`${draft}${deal.language === "en" ? "Meeting notes" : "Protokoll"}: ${deal.title} – ${date}`);
    expect(mail.headers.get("x-unsent")).toBe("1");
    const pdfs = mail.attachments.filter((a) => a.contentType === "application/pdf");
    expect(pdfs).toHaveLength(1);
    expect(Buffer.compare(pdfs[0]?.content as Buffer, readFileSync(out("deals", slug, `${slug}.pdf`)))).toBe(0);
    // Besides the PDF only the invitation to the next meeting (iMIP: the calendar part and the same file attached).
    for (const other of mail.attachments.filter((a) => a.contentType !== "application/pdf")) {
      expect(["text/calendar", "application/ics"]).toContain(other.contentType);
      expect(other.content.toString("utf8")).toBe(readFileSync(out("deals", slug, `${slug}-invite.ics`), "utf8"));
    }
    const open = (deal.actions ?? []).filter((a: { status?: string }) => (a.status ?? "open") === "open");
    for (const action of open.filter((a: { internal?: boolean }) => !a.internal)) expect(mail.text).toContain(action.task);
    // Team-only actions never reach the client's mail.
    for (const action of open.filter((a: { internal?: boolean }) => a.internal)) expect(mail.text).not.toContain(action.task);
    // Checked in the decoded text: quoted-printable would hide umlauts from a search in the raw mail.
    const internal = deal.internal ?? {};
    const secrets = [internal.notes, ...(internal.signals ?? []), ...(internal.lessons ?? []), ...(internal.hidden_needs ?? [])];
    for (const secret of secrets) {
      if (secret) expect(`${mail.subject}\n${mail.text}`).not.toContain(String(secret).trim().split("\n")[0]?.slice(0, 30));
    }
  });

  it("carries nothing from any internal field, checked with canaries in every one", async () => {
    const dir = tempDir("protokoll-eml-");
    await mkdir(path.join(dir, "deals"));
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      path.join(dir, "deals", "geheim.yaml"),
      [
        "title: Geheim",
        "customer: Kunde GmbH",
        "meeting:",
        "  date: 2026-11-20",
        "participants:",
        "  - name: Anna Schulz",
        "    email: a.schulz@example.com",
        "actions:",
        "  - task: Angebot schicken",
        "    owner: Anna Schulz",
        "    due: 2026-11-27",
        "internal:",
        "  notes: CANARYNOTES Budget ist knapp",
        "  signals: [CANARYSIGNAL zögert beim Preis]",
        "  lessons: [CANARYLESSON früher fragen]",
        "  hidden_needs: [CANARYNEED Sicherheit]",
        "",
      ].join("\n"),
    );
    expect((await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd: dir })).code).toBe(0);
    const raw = readFileSync(path.join(dir, "_site", "deals", "geheim", "geheim.eml"));
    const mail = await simpleParser(raw);
    const ics = readFileSync(path.join(dir, "_site", "deals", "geheim", "geheim.ics"), "utf8");
    for (const text of [raw.toString("utf8"), mail.text ?? "", mail.subject ?? "", ics]) expect(text).not.toContain("CANARY");
    expect(mail.text).toContain("Angebot schicken");
  });

  it("lets no newline in a name or title inject a header", async () => {
    const dir = tempDir("protokoll-eml-");
    await mkdir(path.join(dir, "deals"));
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      path.join(dir, "deals", "kopf.yaml"),
      [
        'title: "Titel\\r\\nBcc: evil@example.com"',
        "customer: Test GmbH",
        "meeting:",
        "  date: 2026-11-20",
        "participants:",
        '  - name: "Anna\\nBcc: evil@example.com"',
        "    email: anna@example.com",
      ].join("\n"),
    );
    expect((await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd: dir })).code).toBe(0);
    const raw = readFileSync(path.join(dir, "_site", "deals", "kopf", "kopf.eml"), "utf8");
    expect(raw).not.toMatch(/^Bcc:/im);
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(mail.attachments).toHaveLength(0);
  });
});

describe("calendar files", () => {
  it("calendar.ics holds every next appointment and open deadline, and parses", () => {
    const feed = new ICAL.Component(ICAL.parse(readFileSync(out("calendar.ics"), "utf8")));
    const uids = feed.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid);
    expect(uids).toContain("stadtwerke-musterstadt-strom-next@protokoll");
    expect(uids).toContain("stadtwerke-musterstadt-strom-action-projektplan@protokoll");
    expect(uids).not.toContain("messebau-erstgespraech-koehler-next@protokoll");
    expect(new Set(uids).size).toBe(uids.length);
  });

  it("keeps UIDs and bytes stable across two builds", async () => {
    // The lost deal has nothing left to schedule, so it has no .ics (see test/export/calendar-files.test.ts).
    const scheduled = slugs.filter((slug) => existsSync(out("deals", slug, `${slug}.ics`)));
    expect(scheduled.length).toBeGreaterThan(3);
    const before = scheduled.map((slug) => readFileSync(out("deals", slug, `${slug}.ics`), "utf8"));
    const feed = readFileSync(out("calendar.ics"), "utf8");
    const eml = readFileSync(out("deals", "clinic-scheduling-pilot", "clinic-scheduling-pilot.eml"));
    expect((await runCli(["build", "--today", "2026-12-24"], { cwd })).code).toBe(0);
    scheduled.forEach((slug, i) => {
      expect(readFileSync(out("deals", slug, `${slug}.ics`), "utf8")).toBe(before[i]);
    });
    expect(readFileSync(out("calendar.ics"), "utf8")).toBe(feed);
    expect(readFileSync(out("deals", "clinic-scheduling-pilot", "clinic-scheduling-pilot.eml")).equals(eml)).toBe(true);
  });

  it("links .ics, .eml and PDF from the deal page", () => {
    const html = readFileSync(out("deals", "clinic-scheduling-pilot", "index.html"), "utf8");
    for (const ext of ["pdf", "ics", "eml"]) expect(html).toContain(`href="clinic-scheduling-pilot.${ext}"`);
  });
});
