// Every mail draft, read by two independent parsers (mailparser, and Python's email package with its default
// and strict policies): From present, CRLF on every line, no defect, recipients by side, the sender's
// signature, plain text from the same Markdown, and deal text that stays data in headers and body.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { dealsDir, deal as dealText } from "../helpers/analyse.js";
import { pythonMail } from "../helpers/python-parsers.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const SLUGS = readdirSync(path.join(ROOT, "deals")).map((f) => f.replace(/\.yaml$/, ""));

interface PythonView {
  file: string;
  policy: "default" | "strict";
  defects: string[];
  error: string | null;
  From: string | null;
  To: string | null;
  Cc: string | null;
  Bcc: string | null;
  Subject: string | null;
  "X-Unsent": string | null;
  addresses: { header: string; name: string; address: string }[];
  text: string | null;
  attachments: string[];
}

function python(files: string[]): PythonView[] {
  return pythonMail(...files);
}

/** Builds `files` as deals (no PDFs) and returns the paths of every .eml written. */
async function buildMails(files: Record<string, string>, config?: string): Promise<{ cwd: string; mails: string[] }> {
  const cwd = await dealsDir(files);
  if (config) await writeFile(path.join(cwd, "protokoll.config.yaml"), config);
  const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
  expect(result.code, result.stderr).toBe(0);
  const out = path.join(cwd, "_site", "deals");
  const mails = (await readdir(out, { recursive: true }))
    .filter((f) => f.endsWith(".eml") && !f.endsWith("-follow-up.eml"))
    .map((f) => path.join(out, f));
  return { cwd, mails };
}

function expectCrlfEverywhere(raw: Buffer): void {
  const text = raw.toString("latin1");
  expect(text.endsWith("\r\n")).toBe(true);
  const lines = text.split("\n").slice(0, -1);
  const bare = lines.map((line, i) => [i + 1, line] as const).filter(([, line]) => !line.endsWith("\r"));
  expect(bare, "lines ending in a bare LF").toEqual([]);
  expect(/\r(?!\n)/.test(text), "a bare CR").toBe(false);
}

describe("the example deals' mail drafts", () => {
  let mails: string[];
  let views: PythonView[];
  beforeAll(async () => {
    const files = Object.fromEntries(
      SLUGS.map((slug) => [`${slug}.yaml`, readFileSync(path.join(ROOT, "deals", `${slug}.yaml`), "utf8")]),
    );
    ({ mails } = await buildMails(files));
    views = python(mails);
  }, 60_000);

  it("writes one draft per deal", () => {
    expect(mails.map((m) => path.basename(m, ".eml")).sort()).toEqual([...SLUGS].sort());
  });

  it("ends every line of every draft in CRLF, the quoted-printable body included", () => {
    for (const mail of mails) expectCrlfEverywhere(readFileSync(mail));
  });

  it("is read by Python's email with the default and the strict policy without a single defect", () => {
    expect(views).toHaveLength(mails.length * 2);
    for (const view of views) {
      expect(view.error, `${view.file} (${view.policy})`).toBeNull();
      expect(view.defects, `${view.file} (${view.policy})`).toEqual([]);
      expect(view.From).toBeTruthy();
      expect(view["X-Unsent"]).toBe("1");
      expect(view.Bcc).toBeNull();
    }
  });

  it("is read by mailparser, every draft: a From, recipients, the text part, no Bcc", async () => {
    for (const file of mails) {
      const mail = await simpleParser(readFileSync(file));
      expect(mail.from?.value[0]?.address, file).toMatch(/@/);
      expect(mail.to, file).toBeDefined();
      expect(mail.bcc, file).toBeUndefined();
      expect(mail.text, file).toMatch(/^(Guten Tag|Hello|Sehr geehrter?|Dear|Hallo)\b/);
    }
  });

  it("is read by mailparser: From is the sender, To the client's side, Cc our other participants", async () => {
    const mail = await simpleParser(readFileSync(mails.find((m) => m.includes("stadtwerke-musterstadt-strom")) as string));
    const addresses = (field: typeof mail.to) => (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value);
    expect(addresses(mail.from)).toEqual([{ name: "Jonas Keller", address: "j.keller@nordlicht-energie.example" }]);
    expect(addresses(mail.to).map((a) => a.address)).toEqual([
      "a.schulz@stadtwerke-musterstadt.example",
      "v.brandt@stadtwerke-musterstadt.example",
    ]);
    expect(addresses(mail.cc)).toEqual([]);
    expect(mail.headers.get("x-unsent")).toBe("1");
    expect(mail.text).toMatch(/Viele Grüße\nJonas Keller\nKey Account Manager\nNordlicht Energie AG\nTel\. \+49 40 3344-520/);
  });

  it("prefixes the subject of a recap that is not ready to send, and only that one", () => {
    const subject = (slug: string) => views.find((v) => v.file.includes(slug) && v.policy === "strict")?.Subject;
    expect(subject("messebau-erstgespraech-koehler")).toBe(
      "[ENTWURF – nicht versenden] Protokoll: Messestand Hannover Messe 2027 – 18.11.2026",
    );
    expect(subject("stadtwerke-musterstadt-strom")).toBe("Protokoll: Liefervertrag Strom 2027–2029 – 20.11.2026");
  });

  it("never writes an internal marker for a missing owner or date into the text", () => {
    for (const view of views) expect(view.text).not.toMatch(/niemand benannt|kein Datum|nobody named|no date/);
  });
});

describe("deal text in the mail stays data", () => {
  it("keeps a participant named like an encoded word a name: no CRLF, no Bcc after decoding", async () => {
    const evil = "=?utf-8?q?Bob=0D=0ABcc=3A_evil=40attacker=2Eexample?=";
    const { mails } = await buildMails({
      "wort.yaml": dealText(
        "participants:",
        `  - name: "${evil}"`,
        "    company: Test GmbH",
        "    email: bob@test.example",
        "sender:",
        `  name: "${evil} (Absender)"`,
        "  email: anna@wir.example",
      ),
    });
    const raw = readFileSync(mails[0] as string);
    expect(raw.toString("latin1")).not.toContain(evil);
    const parsed = await simpleParser(raw);
    expect(parsed.headers.has("bcc")).toBe(false);
    const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to];
    expect(to.flatMap((a) => a?.value ?? [])).toEqual([{ name: evil, address: "bob@test.example" }]);
    // Python keeps the folding space between two adjacent encoded words of a display name (RFC 2047 §6.2 says
    // to drop it), so its names are compared without white space; mailparser above decodes them exactly.
    const squeeze = (text: string) => text.replace(/\s+/g, "");
    for (const view of python(mails)) {
      expect(view.defects).toEqual([]);
      expect(view.Bcc).toBeNull();
      expect(view.addresses.map((a) => ({ ...a, name: squeeze(a.name) }))).toEqual([
        { header: "From", name: squeeze(`${evil} (Absender)`), address: "anna@wir.example" },
        { header: "To", name: squeeze(evil), address: "bob@test.example" },
      ]);
    }
  });

  it("writes no mail for a deal with ESC and other C0/C1 controls: the deal file is an invalid-field error", async () => {
    // Controls in deal text reached mail bodies and headers once; they are now refused where they are read
    // (issue 31 item 7), so no draft is made from such a file, and the build says where the control is.
    const cwd = await dealsDir({
      "steuer.yaml": dealText(
        'summary: "Vorher\\e[2J\\u009b31m Mitte\\x07\\x00 nachher"',
        "actions:",
        '  - task: "Aufgabe\\e[1m fett"',
        "    owner: Anna Schulz",
        "    due: 2026-11-30",
        "participants:",
        '  - name: "Anna\\e[31m Schulz"',
        "    email: anna@test.example",
      ),
    });
    const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(await readFile(path.join(cwd, "_site", "report.json"), "utf8"));
    const codes = report.deals[0].findings.map((f: { code: string }) => f.code);
    expect(codes).toContain("invalid-field");
    const out = path.join(cwd, "_site", "deals");
    const files = existsSync(out) ? await readdir(out, { recursive: true }) : [];
    expect(files.filter((f) => String(f).endsWith(".eml"))).toEqual([]);
  });

  it("makes the text from Markdown tokens: soft breaks soft, links only with allowed schemes", async () => {
    const { mails } = await buildMails({
      "links.yaml": dealText(
        "summary: |",
        "  Erste Zeile",
        "  geht weiter mit [unserer Seite](https://wir.example/) und",
        "  [Klick](javascript:alert(1)) sowie **fett**.",
      ),
    });
    const parsed = await simpleParser(readFileSync(mails[0] as string));
    expect(parsed.text).toContain("Erste Zeile geht weiter mit unserer Seite (https://wir.example/) und Klick sowie fett.");
    expect(parsed.text).not.toContain("javascript");
  });
});
