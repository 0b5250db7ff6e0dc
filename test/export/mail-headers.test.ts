import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { composeDraft, foldHeader } from "../../src/export/mail-headers.js";
import { pythonMail } from "../helpers/python-parsers.js";

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe("header folding", () => {
  it("folds at spaces, keeps a word longer than a line whole, and unfolds to the same text", () => {
    const field = `To: ${Array.from({ length: 6 }, (_, i) => `Person Nummer${i} <p${i}@stadtwerke-musterstadt.example>`).join(", ")}`;
    const folded = foldHeader(field);
    for (const line of folded.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    expect(folded.replace(/\r\n/g, "")).toBe(field);
    const long = `Message-ID: <${"x".repeat(90)}@protokoll>`;
    expect(foldHeader(long)).toBe(long);
  });

  it("writes a draft with many long recipients and a long subject in lines of at most 78 characters", async () => {
    const to = Array.from({ length: 5 }, (_, i) => ({
      name: `Dr. Maximiliane Müller-Lüdenscheidt-Überlingen ${i}`,
      address: `maximiliane.mueller-luedenscheidt${i}@stadtwerke-musterstadt.example`,
    }));
    const raw = await composeDraft({
      from: { name: "Jonas Keller (Key Account Manager, Nordlicht Energie AG)", address: "j.keller@nordlicht.example" },
      to,
      cc: [{ name: "Anna Schulz", address: "a.schulz@nordlicht.example" }],
      composer: {
        subject: `Protokoll: ${"Liefervertrag Strom und Gas für alle Liegenschaften ".repeat(3)}– 20.11.2026`,
        text: "Guten Tag,\r\n",
        date: new Date(Date.UTC(2026, 10, 23, 9)),
        messageId: "<lang@protokoll>",
        baseBoundary: "0123456789abcdef",
      },
    });
    const head = raw.toString("latin1").split("\r\n\r\n")[0] as string;
    for (const line of head.split("\r\n")) expect(line.length, line).toBeLessThanOrEqual(78);
    const mail = await simpleParser(raw);
    const recipients = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
    expect(recipients).toEqual(to);
    const dir = await mkdtemp(path.join(tmpdir(), "protokoll-fold-"));
    folders.push(dir);
    await writeFile(path.join(dir, "draft.eml"), raw);
    const views = pythonMail(path.join(dir, "draft.eml"));
    for (const view of views as { policy: string; error: string | null; defects: string[]; addresses: { name: string }[] }[]) {
      expect(view.error, view.policy).toBeNull();
      expect(view.defects, view.policy).toEqual([]);
      expect(view.addresses.filter((a) => a.name.startsWith("Dr. Maximiliane"))).toHaveLength(5);
    }
  });
});
