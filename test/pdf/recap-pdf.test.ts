// The client recap on real Chromium output: send-readiness (draft mark and build message), nothing internal
// on the page (status words, finding titles, "niemand", "kein Datum", the commit hash), the letterhead and
// sides, XMP metadata without any trace of git (contract v3: the source commit is in report.json), and LBody
// under every LI in the structure tree.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FINDING_CODES, type FindingCode } from "../../src/errors.js";
import { findingTitle, messages } from "../../src/render/i18n.js";
import { gitRepo } from "../helpers/git-repo.js";
import { pdfinfo, pdftotext } from "../helpers/poppler.js";
import { ROOT, runCli } from "../helpers/run-cli.js";

const SLUGS = readdirSync(path.join(ROOT, "deals")).map((f) => f.replace(/\.yaml$/, ""));
const DRAFT_SLUG = "messebau-erstgespraech-koehler";
let repo: Awaited<ReturnType<typeof gitRepo>>;
let log: string;
let hash: string;
const pdfOf = (slug: string) => path.join(repo.dir, "_site", "deals", slug, `${slug}.pdf`);
const flat = (text: string) => text.replace(/\s+/g, " ");

beforeAll(async () => {
  repo = await gitRepo();
  for (const slug of SLUGS) {
    await repo.write(`deals/${slug}.yaml`, await readFile(path.join(ROOT, "deals", `${slug}.yaml`), "utf8"));
  }
  repo.commit("example deals");
  hash = repo.git("rev-parse", "HEAD").trim();
  const result = await runCli(["build", "--today", "2026-11-23"], { cwd: repo.dir });
  expect(result.code, result.stderr).toBe(0);
  log = result.stderr;
}, 120_000);

/** Every struct element of the PDF's tag tree with its type and its children's types. */
async function structure(file: string): Promise<{ type: string; kids: string[] }[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const elements: { type: string; kids: string[] }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("StructElem")) continue;
    const k = object.get(PDFName.of("K"));
    const kids = (k instanceof PDFArray ? k.asArray() : k ? [k] : []).map((kid) => {
      const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
      return dict instanceof PDFDict ? String(dict.get(PDFName.of("S")) ?? "MCR").replace("/", "") : "MCID";
    });
    elements.push({ type: String(object.get(PDFName.of("S"))).replace("/", ""), kids });
  }
  return elements;
}

describe("nothing internal in the client recap", () => {
  it.each(SLUGS)("%s shows no status word, finding title, placeholder or commit hash", (slug) => {
    const text = flat(pdftotext(pdfOf(slug)));
    const forbidden = [
      ...(["de", "en"] as const).flatMap((language) => {
        const t = messages(language);
        return [
          t.status_active,
          t.status_won,
          t.status_lost,
          t.status_paused,
          t.nobody,
          t.noDate,
          t.noNextMeeting,
          ...(Object.keys(FINDING_CODES) as FindingCode[]).map((code) => findingTitle(code, language)),
        ];
      }),
      "kein Datum",
      "niemand",
      hash.slice(0, 7),
    ];
    // A word the deal's own text uses ("… ist die Freigabe überfällig") is the client's content, not a marker.
    const source = flat(readFileSync(path.join(ROOT, "deals", `${slug}.yaml`), "utf8")).toLowerCase();
    for (const word of forbidden.filter((w) => !source.includes(w.toLowerCase())))
      expect(text, word).not.toMatch(
        new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "iu"),
      );
  });

  it.each(SLUGS)("%s carries its metadata but no source commit: that is in report.json", (slug) => {
    const xmp = execFileSync("pdfinfo", ["-meta", pdfOf(slug)], { encoding: "utf8" });
    expect(xmp).not.toContain("SourceCommit");
    const report = JSON.parse(readFileSync(path.join(repo.dir, "_site", "report.json"), "utf8"));
    expect(report.deals.find((d: { slug: string }) => d.slug === slug).commit).toBe(hash);
    expect(xmp).toMatch(/<dc:title><rdf:Alt><rdf:li xml:lang="x-default">[^<]+<\/rdf:li>/);
    expect(xmp).toMatch(/<xmp:CreatorTool>protokoll \d+\.\d+\.\d+<\/xmp:CreatorTool>/);
    expect(xmp).toMatch(/<dc:language><rdf:Bag><rdf:li>(de|en)<\/rdf:li><\/rdf:Bag><\/dc:language>/);
    const info = pdfinfo(pdfOf(slug));
    expect(info["Metadata Stream"]).toBe("yes");
    expect(info.Author).not.toBe("protokoll");
    expect(readFileSync(pdfOf(slug)).toString("latin1")).not.toContain(hash);
  });

  it.each(SLUGS)("%s has an LBody under every LI of its structure tree", async (slug) => {
    const elements = await structure(pdfOf(slug));
    const items = elements.filter((e) => e.type === "LI");
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.kids).toContain("LBody");
      expect(item.kids.every((kid) => kid === "LBody" || kid === "Lbl")).toBe(true);
    }
  });
});

describe("send-readiness", () => {
  it("marks the example deal that misses owners and dates as a draft, on the page and in the title", () => {
    const text = pdftotext(pdfOf(DRAFT_SLUG));
    expect(text).toContain("ENTWURF – nicht versenden");
    expect(pdfinfo(pdfOf(DRAFT_SLUG)).Title).toBe("ENTWURF – nicht versenden: Protokoll: Messestand Hannover Messe 2027");
  });

  it("names each reason in the build output", () => {
    const block = log.slice(log.indexOf(`deals/${DRAFT_SLUG}.yaml: not ready to send`));
    const lines = block.split("\n").slice(1, 6);
    expect(lines).toEqual([
      "    4:8 missing-next-meeting  No next appointment is fixed.",
      '    25:11 missing-due  Action "Zwei Entwurfsvarianten mit Kostenrahmen erstellen" has no due date.',
      '    26:12 vague-owner  Action "Zwei Entwurfsvarianten mit Kostenrahmen erstellen" is owned by "wir", which is not one person.',
      '    27:11 missing-owner  Action "Standfläche und Hallenplan vom Veranstalter anfordern" has no owner.',
      '    27:11 missing-due  Action "Standfläche und Hallenplan vom Veranstalter anfordern" has no due date.',
    ]);
  });

  // The example deals that are not ready to send: the trade-fair lead (owners and dates missing), the agency (a
  // group as owner) and the silent heat-pump lead (active, no next appointment: `missing-next-meeting` blocks).
  const NOT_READY = ["messebau-erstgespraech-koehler", "agentur-kurskorrektur-lindenhof", "waermepumpen-lead-hansen"];

  it.each(NOT_READY)("%s carries the draft mark, on the page and in the title", (slug) => {
    expect(pdftotext(pdfOf(slug))).toContain("ENTWURF – nicht versenden");
    expect(pdfinfo(pdfOf(slug)).Title).toMatch(/^ENTWURF – nicht versenden: /);
  });

  it.each(SLUGS.filter((s) => !NOT_READY.includes(s)))("%s is ready: no draft mark", (slug) => {
    expect(pdftotext(pdfOf(slug))).not.toMatch(/ENTWURF|DRAFT/);
    expect(pdfinfo(pdfOf(slug)).Title).not.toMatch(/ENTWURF|DRAFT/);
  });

  it("drops the mark once owners, dates and the next appointment are filled in", async () => {
    const file = `deals/${DRAFT_SLUG}.yaml`;
    const deal = parse(await readFile(path.join(repo.dir, file), "utf8"));
    const source = (await readFile(path.join(repo.dir, file), "utf8"))
      .replace("    owner: wir\n", "    owner: Lea Brandstätter\n    due: 2026-11-27\n")
      .replace(
        "  - task: Standfläche und Hallenplan vom Veranstalter anfordern\n",
        "  - task: Standfläche und Hallenplan vom Veranstalter anfordern\n    owner: Frank Köhler\n    due: 2026-11-25\n",
      )
      .replace("risks:\n", 'next_meeting:\n  date: 2026-12-02\n  time: "10:00"\n  place: Telefon\nrisks:\n');
    expect(source).toContain("owner: Frank Köhler");
    expect(source).toContain("next_meeting:");
    expect(deal.next_meeting).toBeUndefined();
    await repo.write(file, source);
    const result = await runCli(["build", "--today", "2026-11-23"], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain(`${DRAFT_SLUG}.yaml: not ready to send`);
    const text = pdftotext(pdfOf(DRAFT_SLUG));
    expect(text).not.toMatch(/ENTWURF|DRAFT/);
    expect(text).toContain("Frank Köhler");
    expect(pdfinfo(pdfOf(DRAFT_SLUG)).Title).toBe("Protokoll: Messestand Hannover Messe 2027");
    const index = await readFile(path.join(repo.dir, "_site", "index.html"), "utf8");
    expect(index).toMatch(new RegExp(`id="deal-${DRAFT_SLUG}"[\\s\\S]*?data-ready="true"`));
  }, 120_000);
});

describe("the letter", () => {
  it("has our company, the sender with role, phone and e-mail, and participants by side", () => {
    const text = flat(pdftotext(pdfOf("stadtwerke-musterstadt-strom")));
    expect(text).toContain("Nordlicht Energie AG");
    expect(text).toMatch(/Jonas Keller Key Account Manager Tel\. \+49 40 3344-520 j\.keller@nordlicht-energie\.example/);
    expect(text).toContain("TEILNEHMENDE STADTWERKE MUSTERSTADT GMBH");
    expect(text).toContain("TEILNEHMENDE NORDLICHT ENERGIE AG");
    expect(pdfinfo(pdfOf("stadtwerke-musterstadt-strom")).Author).toBe("Jonas Keller");
  });

  it("lists open actions by due date, undated last, done ones after them", async () => {
    const text = flat(pdftotext(pdfOf("agentur-kurskorrektur-lindenhof")));
    const deal = parse(await readFile(path.join(ROOT, "deals", "agentur-kurskorrektur-lindenhof.yaml"), "utf8"));
    type A = { task: string; due?: string; status?: string };
    const open = (deal.actions as A[]).filter((a) => (a.status ?? "open") === "open");
    const done = (deal.actions as A[]).filter((a) => a.status === "done");
    const expected = [
      ...open.sort((a, b) => ((a.due ?? "9999") < (b.due ?? "9999") ? -1 : (a.due ?? "9999") > (b.due ?? "9999") ? 1 : 0)),
      ...done,
    ].map((a) => a.task);
    const positions = expected.map((task) => text.indexOf(task));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("says 2 Exemplare and shows the zone of an English deal's times", () => {
    expect(flat(pdftotext(pdfOf("stadtwerke-musterstadt-strom")))).toContain("per Post, 2 Exemplare");
    const english = flat(pdftotext(pdfOf("clinic-scheduling-pilot")));
    expect(english).toContain("16:00 CET");
    expect(english).not.toMatch(/16:00(?! CET)/);
  });

  it("says neutrally what a lost deal agreed, without the word for lost", () => {
    const text = flat(pdftotext(pdfOf("logistik-absage-nordhafen")));
    expect(text).toContain("ERGEBNIS");
    expect(text).not.toMatch(/verloren/i);
  });
});
