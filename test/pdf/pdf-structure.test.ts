// PDF/UA-1 basics, walked over every example deal's PDF (veraPDF is not installable here): the XMP names PDF/UA
// part 1; every structure type is a PDF 1.7 standard type or role-mapped to one (Chromium writes `/Strong`); every
// link annotation has `/Contents`; and all painted content — text, paths, images, as pdfminer.six reads it — is
// either tagged (an MCID the structure tree points at) or an Artifact. A recap that is not ready to send has its
// rotated "ENTWURF – nicht versenden" ("DRAFT – do not send" in English) as an Artifact, outside the structure
// tree, and says its draft state once in the tagged text (the banner), as poppler's structure walk reads it.
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  type PDFDocument as Doc,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
} from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/translate.js";
import { STANDARD_TYPES } from "../../src/pdf/pdf-ua.js";
import { markedContent } from "../helpers/marked-content.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const pdfs: string[] = [];
/** The slugs the build names as not ready to send, from its log. */
const notReady = new Set<string>();

beforeAll(async () => {
  const cwd = tempDir("protokoll-pdfua-");
  await mkdir(path.join(cwd, "deals"));
  for (const file of await readdir(path.join(ROOT, "deals")))
    await copyFile(path.join(ROOT, "deals", file), path.join(cwd, "deals", file));
  // An English draft too (the English example is ready to send): its first action without a due date.
  const english = await readFile(path.join(ROOT, "deals", "clinic-scheduling-pilot.yaml"), "utf8");
  const undated = english.replace("    owner: Tobias Engel\n    due: 2026-11-26\n", "    owner: Tobias Engel\n");
  expect(undated).not.toBe(english);
  await writeFile(path.join(cwd, "deals", "clinic-scheduling-pilot-undated.yaml"), undated);
  const result = await runCli(["build", "--today", "2026-11-23"], {
    cwd,
    env: { XDG_CACHE_HOME: tempDir("protokoll-pdfua-cache-") },
  });
  expect(result.code, result.stderr).toBe(0);
  for (const [, slug] of `${result.stdout}\n${result.stderr}`.matchAll(
    /deals\/(\S+)\.yaml: (?:nicht versandbereit|not ready to send)/g,
  ))
    notReady.add(slug as string);
  const deals = path.join(cwd, "_site", "deals");
  for (const slug of await readdir(deals)) {
    const pdf = (await readdir(path.join(deals, slug))).find((f) => f.endsWith(".pdf"));
    if (pdf) pdfs.push(path.join(deals, slug, pdf));
  }
}, 300_000);

const slugOf = (file: string) => path.basename(file, ".pdf");

/** Per page, the MCIDs the structure tree points at (the ParentTree's array for the page's /StructParents). */
function taggedMcids(doc: Doc): Set<number>[] {
  const root = doc.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
  const entries = new Map<number, PDFObject>();
  const visit = (node: PDFDict) => {
    const nums = node.lookupMaybe(PDFName.of("Nums"), PDFArray);
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) entries.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1));
    const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) visit(kids.lookup(i, PDFDict));
  };
  visit(root.lookup(PDFName.of("ParentTree"), PDFDict));
  return doc.getPages().map((page) => {
    const key = page.node.get(PDFName.of("StructParents"));
    const entry = key instanceof PDFNumber ? entries.get(key.asNumber()) : undefined;
    const parents = entry instanceof PDFRef ? doc.context.lookup(entry) : entry;
    const mcids = new Set<number>();
    for (let mcid = 0; parents instanceof PDFArray && mcid < parents.size(); mcid++)
      if (parents.get(mcid) instanceof PDFRef) mcids.add(mcid);
    return mcids;
  });
}

/** The PDF's /Lang, as the language of its words. */
async function languageOf(file: string): Promise<"de" | "en"> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const lang = doc.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText();
  expect(["de", "en"]).toContain(lang);
  return lang as "de" | "en";
}

/** The text in the structure tree, as poppler walks it: one quoted line per piece of tagged content. */
const structureText = (file: string) => execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8" });

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe("the example PDFs' structure", () => {
  it("has every example deal's PDF, and some of them are drafts", () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(5);
    expect(notReady.size).toBeGreaterThanOrEqual(1);
    for (const slug of notReady) expect(pdfs.map(slugOf)).toContain(slug);
  });

  it("declares PDF/UA-1, uses standard or role-mapped structure types, describes its links", async () => {
    for (const file of pdfs) {
      const name = path.basename(file);
      const bytes = await readFile(file);
      expect(bytes.toString("latin1"), name).toContain("<pdfuaid:part>1</pdfuaid:part>");
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      const root = doc.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
      const roleMap = root.lookupMaybe(PDFName.of("RoleMap"), PDFDict);
      const unmapped = new Set<string>();
      for (const [, object] of doc.context.enumerateIndirectObjects()) {
        if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) === PDFName.of("MCR")) continue;
        const type = object.get(PDFName.of("S"));
        if (!(type instanceof PDFName)) continue;
        const mapped = roleMap?.get(type);
        const standard =
          STANDARD_TYPES.has(type.decodeText()) || (mapped instanceof PDFName && STANDARD_TYPES.has(mapped.decodeText()));
        if (!standard) unmapped.add(type.decodeText());
      }
      expect([...unmapped], name).toEqual([]);
      for (const page of doc.getPages()) {
        const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
        for (let i = 0; annots && i < annots.size(); i++) {
          const annot = annots.lookup(i, PDFDict);
          if (annot.get(PDFName.of("Subtype")) === PDFName.of("Link")) expect(annot.has(PDFName.of("Contents")), name).toBe(true);
        }
      }
    }
  });

  // The check this replaces split content streams on white space, so Chromium's `<</MCID 0 >>BDC` was no operator,
  // the depth went negative, and text painted outside marked content (the watermark) was never counted.
  it("reads Chromium's marked content (`>>BDC` without a space) and finds every painted piece tagged or an Artifact", async () => {
    for (const file of pdfs) {
      const name = path.basename(file);
      const read = markedContent(file);
      expect(read.unbalanced, `${name}: EMC without BMC/BDC`).toBe(0);
      const mcids = taggedMcids(await PDFDocument.load(await readFile(file), { updateMetadata: false }));
      expect(read.pages.length, name).toBe(mcids.length);
      read.pages.forEach((runs, page) => {
        const tagged = runs.filter((run) => !run.tags.includes("Artifact"));
        expect(tagged.filter((run) => run.kind === "text").length, `${name}: tagged text on page ${page + 1}`).toBeGreaterThan(0);
        expect(
          runs.filter((run) => run.tags.length === 0),
          `${name}: painted outside marked content`,
        ).toEqual([]);
        // Outside Artifacts, everything sits in a sequence whose MCID the structure tree points at.
        expect(
          tagged.filter((run) => run.mcid === null || !mcids[page]?.has(run.mcid)),
          `${name}: content neither tagged nor an Artifact`,
        ).toEqual([]);
      });
    }
  });

  it("paints a draft's watermark as an Artifact, outside the structure tree, and says the draft state once in the tags", async () => {
    const drafts = pdfs.filter((f) => notReady.has(slugOf(f)));
    expect(drafts.map(slugOf)).toContain("clinic-scheduling-pilot-undated");
    expect(drafts.length).toBeGreaterThan(1);
    for (const file of drafts) {
      const name = path.basename(file);
      const draftMark = messages(await languageOf(file)).draftMark;
      const runs = markedContent(file).pages.flat();
      const artifactText = runs.filter((run) => run.kind === "text" && run.tags.includes("Artifact"));
      // The watermark and nothing else: all other text stays tagged.
      expect(
        artifactText.map((run) => squash(run.text)),
        name,
      ).toEqual([draftMark]);
      expect(
        artifactText.every((run) => run.mcid === null),
        name,
      ).toBe(true);
      const taggedText = runs.filter((run) => run.kind === "text" && !run.tags.includes("Artifact"));
      expect(taggedText.filter((run) => squash(run.text).includes(draftMark)).length, name).toBe(1);
      // poppler's walk of the structure tree: the banner's words, once; the watermark is not an element.
      expect(structureText(file).split(draftMark).length - 1, name).toBe(1);
    }
  });

  it("has no text in Artifacts when the recap is ready to send", async () => {
    const ready = pdfs.filter((f) => !notReady.has(slugOf(f)));
    expect(ready.length).toBeGreaterThan(0);
    for (const file of ready) {
      const runs = markedContent(file).pages.flat();
      expect(
        runs.filter((run) => run.kind === "text" && run.tags.includes("Artifact")),
        path.basename(file),
      ).toEqual([]);
      expect(structureText(file), path.basename(file)).not.toContain(messages(await languageOf(file)).draftMark);
    }
  });
});
