import { createHash } from "node:crypto";

/** Metadata written into every PDF's Info dictionary and catalog. */
export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** BCP 47 language, e.g. `de`. */
  language: string;
  /** The protocol's "Stand", YYYY-MM-DD: used as creation and modification date. */
  date: string;
  /** Written as /Creator, e.g. `protokoll 0.1.0`. */
  creator: string;
}

/** Number of pages, read from the printed bytes (every `/Type /Page` object), not guessed from the DOM. */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

interface PdfObject {
  number: number;
  start: number;
  end: number;
}

/**
 * Makes Chromium's PDF reproducible and complete: Chromium stamps the current time into /CreationDate and
 * /ModDate and its own version into /Creator, and sets neither Author, Subject, Keywords nor the catalog's
 * /Lang. We rewrite the Info dictionary and the catalog, then rebuild the cross-reference table (Skia writes a
 * classic table) with a stable /ID derived from the content. Same deal, templates and tool → same bytes.
 */
export function finalizePdf(pdf: Uint8Array, meta: PdfMeta): Uint8Array {
  const text = renumberNodeIds(Buffer.from(pdf).toString("latin1"));
  const xrefAt = text.lastIndexOf("\nxref\n") + 1;
  const trailerAt = text.indexOf("trailer", xrefAt);
  if (xrefAt <= 0 || trailerAt < 0) throw new Error("Unexpected PDF structure: no classic cross-reference table.");
  const trailer = text.slice(trailerAt);
  const rootNumber = Number(/\/Root (\d+) 0 R/.exec(trailer)?.[1]);
  const infoNumber = Number(/\/Info (\d+) 0 R/.exec(trailer)?.[1]);
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  if (!rootNumber || !infoNumber || !size) throw new Error("Unexpected PDF structure: trailer without /Root, /Info or /Size.");

  const objects = objectsOf(text, xrefAt);
  const header = text.slice(0, objects[0]?.start ?? xrefAt);
  const parts: string[] = [header];
  const offsets = new Map<number, number>();
  let length = header.length;
  for (const object of objects) {
    let body = text.slice(object.start, object.end);
    if (object.number === infoNumber) body = `${infoNumber} 0 obj\n${infoDictionary(meta)}\nendobj\n`;
    if (object.number === rootNumber) body = withLanguage(body, meta.language);
    offsets.set(object.number, length);
    parts.push(body);
    length += body.length;
  }

  const content = parts.join("");
  const id = createHash("sha256").update(content, "latin1").digest("hex").slice(0, 32).toUpperCase();
  const rows = ["xref", `0 ${size}`, "0000000000 65535 f "];
  for (let n = 1; n < size; n++) {
    const offset = offsets.get(n);
    rows.push(offset === undefined ? "0000000000 65535 f " : `${String(offset).padStart(10, "0")} 00000 n `);
  }
  const tail = `${rows.join("\n")}\ntrailer\n<</Size ${size}\n/Root ${rootNumber} 0 R\n/Info ${infoNumber} 0 R\n/ID [<${id}> <${id}>]>>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.from(content + tail, "latin1");
}

/**
 * Tagged PDFs name table cells after DOM node ids (`/ID (node00000536)`, referenced from `/Headers`). Those ids
 * count every node the browser page ever created, so they depend on what the reused page printed before.
 * Renumber them in order of appearance; same length, so no offset moves.
 */
function renumberNodeIds(text: string): string {
  const ids = new Map<string, string>();
  return text.replace(/\(node(\d{8})\)/g, (_, id: string) => {
    let stable = ids.get(id);
    if (!stable) {
      stable = String(ids.size + 1).padStart(8, "0");
      ids.set(id, stable);
    }
    return `(node${stable})`;
  });
}

/** Objects in file order, each from `N 0 obj` to just before the next object or the xref table. */
function objectsOf(text: string, xrefAt: number): PdfObject[] {
  const starts: { number: number; start: number }[] = [];
  // Objects' streams are binary and may contain anything; the xref table has the real offsets.
  const table = text.slice(xrefAt, text.indexOf("trailer", xrefAt)).split("\n").slice(2);
  table.forEach((row, index) => {
    const match = /^(\d{10}) \d{5} n/.exec(row);
    if (match) starts.push({ number: index, start: Number(match[1]) });
  });
  starts.sort((a, b) => a.start - b.start);
  return starts.map((object, i) => ({ ...object, end: starts[i + 1]?.start ?? xrefAt }));
}

function infoDictionary(meta: PdfMeta): string {
  const date = `D:${meta.date.replace(/-/g, "")}000000Z`;
  return [
    `<</Title ${pdfString(meta.title)}`,
    `/Author ${pdfString(meta.author)}`,
    `/Subject ${pdfString(meta.subject)}`,
    `/Keywords ${pdfString(meta.keywords)}`,
    `/Creator ${pdfString(meta.creator)}`,
    "/Producer (protokoll with Chromium)",
    `/CreationDate (${date})`,
    `/ModDate (${date})>>`,
  ].join("\n");
}

function withLanguage(catalog: string, language: string): string {
  if (/\/Lang\s*\(/.test(catalog)) return catalog;
  return catalog.replace(/<<\/Type \/Catalog/, `<</Type /Catalog\n/Lang (${language.replace(/[^a-zA-Z-]/g, "")})`);
}

/** A PDF text string as UTF-16BE hex with BOM: safe for any character, no escaping pitfalls. */
function pdfString(text: string): string {
  const clean = text.replace(/[\u0000-\u001f]/g, " ");
  let hex = "FEFF";
  for (let i = 0; i < clean.length; i++) hex += clean.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}
