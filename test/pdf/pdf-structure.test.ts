// PDF/UA-1 basics, walked over every example deal's PDF with pdf-lib (veraPDF is not installable here): the XMP
// names PDF/UA part 1; every structure type is a PDF 1.7 standard type or role-mapped to one (Chromium writes
// `/Strong`); every link annotation has `/Contents`; and no text is painted outside marked content — tagged
// (an MCID) or an Artifact (the rotated "ENTWURF" was neither).
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFStream } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { STANDARD_TYPES } from "../../src/pdf/pdf-ua.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const pdfs: string[] = [];

beforeAll(async () => {
  const cwd = tempDir("protokoll-pdfua-");
  await mkdir(path.join(cwd, "deals"));
  for (const file of await readdir(path.join(ROOT, "deals")))
    await copyFile(path.join(ROOT, "deals", file), path.join(cwd, "deals", file));
  const result = await runCli(["build", "--today", "2026-11-23"], {
    cwd,
    env: { XDG_CACHE_HOME: tempDir("protokoll-pdfua-cache-") },
  });
  expect(result.code, result.stderr).toBe(0);
  const deals = path.join(cwd, "_site", "deals");
  for (const slug of await readdir(deals)) {
    const pdf = (await readdir(path.join(deals, slug))).find((f) => f.endsWith(".pdf"));
    if (pdf) pdfs.push(path.join(deals, slug, pdf));
  }
}, 300_000);

/** Text-showing operators outside any marked content (BDC/BMC … EMC) in a page's content. */
function untaggedText(content: string): number {
  let depth = 0;
  let untagged = 0;
  // Strings and inline data aside, a content stream is whitespace-separated operands and operators.
  const tokens = content.replace(/\((?:\\.|[^\\)])*\)/g, "()").split(/\s+/);
  for (const token of tokens) {
    if (token === "BDC" || token === "BMC") depth++;
    else if (token === "EMC") depth--;
    else if ((token === "Tj" || token === "TJ" || token === "'" || token === '"') && depth === 0) untagged++;
  }
  return untagged;
}

function decode(stream: PDFStream): string {
  const raw = stream instanceof PDFRawStream ? stream.contents : new Uint8Array();
  const filter = stream.dict.get(PDFName.of("Filter"));
  return Buffer.from(filter === PDFName.of("FlateDecode") ? inflateSync(raw) : raw).toString("latin1");
}

describe("the example PDFs' structure", () => {
  it("has every example deal's PDF", () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(5);
  });

  it("declares PDF/UA-1, uses standard or role-mapped structure types, describes its links, tags all text", async () => {
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
        const contents = page.node.Contents();
        const streams =
          contents instanceof PDFArray
            ? contents.asArray().map((_, i) => contents.lookup(i) as PDFStream)
            : contents
              ? [contents]
              : [];
        expect(untaggedText(streams.map(decode).join("\n")), `${name}: text outside marked content`).toBe(0);
      }
    }
  });
});
