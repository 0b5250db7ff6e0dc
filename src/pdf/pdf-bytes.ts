import { createHash } from "node:crypto";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRef, PDFString } from "pdf-lib";
import { markUntaggedAsArtifacts } from "./pdf-artifacts.js";
import { addRoleMap, describeLinks } from "./pdf-ua.js";

/** Metadata written into every PDF's Info dictionary, its XMP stream and its catalog. */
export interface PdfMeta {
  title: string;
  /** The sender, else our company; empty when neither is configured (then no Author is written). */
  author: string;
  subject: string;
  keywords: string;
  /** BCP 47 language, e.g. `de`. */
  language: string;
  /** The protocol's "Stand", YYYY-MM-DD: used as creation and modification date. */
  date: string;
  /** Written as /Creator and xmp:CreatorTool, e.g. `protokoll 0.1.0`. */
  creator: string;
}

/** Number of pages, read from the printed bytes (every `/Type /Page` object), not guessed from the DOM. */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

const ID_PLACEHOLDER = "0".repeat(32);

/**
 * Makes Chromium's PDF reproducible, complete and better tagged, through pdf-lib's object model rather than
 * by editing bytes: Chromium stamps the current time into /CreationDate and /ModDate and its own version into
 * /Creator, writes no XMP metadata, no /Lang and no Author, and tags a list item's content directly under `LI`
 * without the `LBody` that PDF/UA asks for, and paints what is not tagged (the draft watermark) outside any
 * marked content instead of as an Artifact. We replace the Info dictionary, add an XMP stream and /Lang to the
 * catalog, wrap each `LI`'s content in an `LBody`, mark untagged painting as an Artifact, and save with a classic
 * cross-reference table and a stable /ID derived from the content. Same deal, templates and tool → same bytes.
 */
export async function finalizePdf(pdf: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.load(renumberNodeIds(pdf), { updateMetadata: false });
  const context = doc.context;
  const catalog = doc.catalog;

  const info = context.obj({});
  const text = (value: string) => PDFHexString.fromText(value.replace(/[\u0000-\u001f\u007f-\u009f]/g, " "));
  const date = PDFString.of(`D:${meta.date.replace(/-/g, "")}000000Z`);
  info.set(PDFName.of("Title"), text(meta.title));
  if (meta.author) info.set(PDFName.of("Author"), text(meta.author));
  info.set(PDFName.of("Subject"), text(meta.subject));
  info.set(PDFName.of("Keywords"), text(meta.keywords));
  info.set(PDFName.of("Creator"), text(meta.creator));
  info.set(PDFName.of("Producer"), PDFString.of("protokoll with Chromium"));
  info.set(PDFName.of("CreationDate"), date);
  info.set(PDFName.of("ModDate"), date);
  const oldInfo = context.trailerInfo.Info;
  if (oldInfo instanceof PDFRef) context.assign(oldInfo, info);
  else context.trailerInfo.Info = context.register(info);

  const xmp = context.stream(Buffer.from(xmpPacket(meta), "utf8"), { Type: "Metadata", Subtype: "XML" });
  catalog.set(PDFName.of("Metadata"), context.register(xmp));
  catalog.set(PDFName.of("Lang"), PDFString.of(meta.language.replace(/[^a-zA-Z-]/g, "")));
  // PDF/UA: a viewer shows the title, not the file name.
  catalog.set(PDFName.of("ViewerPreferences"), context.obj({ DisplayDocTitle: true }));
  wrapListBodies(doc);
  sortIdTree(doc);
  addRoleMap(doc);
  describeLinks(doc);
  markUntaggedAsArtifacts(doc);

  context.trailerInfo.ID = context.obj([PDFHexString.of(ID_PLACEHOLDER), PDFHexString.of(ID_PLACEHOLDER)]);
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  // The /ID is a hash of everything else: written in place of the placeholder, same length, no offset moves.
  const out = Buffer.from(bytes);
  const id = createHash("sha256").update(out).digest("hex").slice(0, 32).toUpperCase();
  const second = out.lastIndexOf(`<${ID_PLACEHOLDER}>`, undefined, "latin1");
  const first = out.lastIndexOf(`<${ID_PLACEHOLDER}>`, second - 1, "latin1");
  if (first < 0) throw new Error("Unexpected PDF structure: the trailer has no /ID to fill in.");
  for (const at of [first, second]) out.write(`<${id}>`, at, "latin1");
  return out;
}

/**
 * Chromium tags `<li>` as `LI` with its content (`NonStruct`, `Strong`, marked content) as direct children.
 * PDF/UA wants `LI → Lbl? + LBody`: keep a `Lbl` child where there is one, move everything else into a new
 * `LBody`, and point the parent tree's entries for moved marked content at the `LBody`.
 */
function wrapListBodies(doc: PDFDocument): void {
  const context = doc.context;
  const S = PDFName.of("S");
  const K = PDFName.of("K");
  const P = PDFName.of("P");
  const items: [PDFRef, PDFDict][] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(S) === PDFName.of("LI")) items.push([ref, object]);
  }
  const movedMcids = new Map<PDFRef, { body: PDFRef; mcids: Set<number> }>();
  for (const [ref, item] of items) {
    const kids = item.get(K);
    const list: PDFObject[] = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    const isLabel = (kid: PDFObject) => {
      const dict = kid instanceof PDFRef ? context.lookup(kid) : kid;
      return dict instanceof PDFDict && (dict.get(S) === PDFName.of("Lbl") || dict.get(S) === PDFName.of("LBody"));
    };
    const labels = list.filter(isLabel);
    const content = list.filter((kid) => !isLabel(kid));
    if (content.length === 0) continue;
    const body = context.obj({ Type: "StructElem", S: "LBody", P: ref, K: content });
    const page = item.get(PDFName.of("Pg"));
    if (page) body.set(PDFName.of("Pg"), page);
    const bodyRef = context.register(body);
    const mcids = new Set<number>();
    for (const kid of content) {
      if (kid instanceof PDFNumber) mcids.add(kid.asNumber());
      const dict = kid instanceof PDFRef ? context.lookup(kid) : kid;
      if (dict instanceof PDFDict && dict.get(PDFName.of("Type")) !== PDFName.of("MCR")) dict.set(P, bodyRef);
      else if (dict instanceof PDFDict) {
        const mcid = dict.get(PDFName.of("MCID"));
        if (mcid instanceof PDFNumber) mcids.add(mcid.asNumber());
      }
    }
    item.set(K, context.obj([...labels, bodyRef]));
    if (mcids.size > 0) movedMcids.set(ref, { body: bodyRef, mcids });
  }
  if (movedMcids.size > 0) repointParentTree(doc, movedMcids);
}

/**
 * The IDTree maps element ids to struct elements, sorted by id. Chromium sorted it by the ids the page gave
 * (which depend on what the reused page printed before); after {@link renumberNodeIds} it must be sorted by
 * the new ones, or the same deal gives a differently ordered tree. Rebuilt as one root node holding /Names.
 */
function sortIdTree(doc: PDFDocument): void {
  const context = doc.context;
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const tree = root?.lookupMaybe(PDFName.of("IDTree"), PDFDict);
  if (!tree) return;
  const pairs: [string, PDFObject][] = [];
  const nodes: PDFRef[] = [];
  const visit = (node: PDFDict) => {
    const names = node.lookupMaybe(PDFName.of("Names"), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const key = names.get(i);
      const text = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : String(key);
      pairs.push([text, names.get(i + 1)]);
    }
    const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const ref = kids.get(i);
      if (ref instanceof PDFRef) nodes.push(ref);
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) visit(kid);
    }
  };
  visit(tree);
  // The old intermediate and leaf nodes are no longer referenced: gone, or they would still be written.
  for (const ref of nodes) context.delete(ref);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  tree.delete(PDFName.of("Kids"));
  tree.delete(PDFName.of("Limits"));
  tree.set(PDFName.of("Names"), context.obj(pairs.flatMap(([key, value]) => [PDFString.of(key), value])));
}

/** Marked content moved from an `LI` into its `LBody` now has the `LBody` as parent in the parent tree. */
function repointParentTree(doc: PDFDocument, moved: Map<PDFRef, { body: PDFRef; mcids: Set<number> }>): void {
  const context = doc.context;
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const tree = root?.lookupMaybe(PDFName.of("ParentTree"), PDFDict);
  const nums = tree?.lookupMaybe(PDFName.of("Nums"), PDFArray);
  if (!nums) return;
  for (let i = 1; i < nums.size(); i += 2) {
    const entry = nums.get(i);
    const parents = entry instanceof PDFRef ? context.lookup(entry) : entry;
    if (!(parents instanceof PDFArray)) continue;
    for (let mcid = 0; mcid < parents.size(); mcid++) {
      const parent = parents.get(mcid);
      const target = parent instanceof PDFRef ? moved.get(parent) : undefined;
      if (target?.mcids.has(mcid)) parents.set(mcid, target.body);
    }
  }
}

/**
 * XMP (ISO 16684-1) with Dublin Core title, creator, description and language, dates and tool. No source commit:
 * the PDF depends on the deal file, configuration, templates and tool version only (contract v3); the commit is in
 * report.json and on the deal page.
 */
function xmpPacket(meta: PdfMeta): string {
  const x = (value: string) =>
    value
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, " ")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  const date = `${meta.date}T00:00:00Z`;
  const language = meta.language.replace(/[^a-zA-Z-]/g, "");
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"',
    ' xmlns:protokoll="https://protokoll.dev/ns/xmp/1.0/">',
    "<dc:format>application/pdf</dc:format>",
    // PDF/UA-1 (ISO 14289-1): the identification schema a checker looks for first.
    "<pdfuaid:part>1</pdfuaid:part>",
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    ...(meta.author ? [`<dc:creator><rdf:Seq><rdf:li>${x(meta.author)}</rdf:li></rdf:Seq></dc:creator>`] : []),
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${language}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Keywords>${x(meta.keywords)}</pdf:Keywords>`,
    "<pdf:Producer>protokoll with Chromium</pdf:Producer>",
    `<xmp:CreatorTool>${x(meta.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="r"?>',
  ].join("\n");
}

/**
 * Tagged PDFs name table cells after DOM node ids (`/ID (node00000536)`, referenced from `/Headers`). Those ids
 * count every node the browser page ever created, so they depend on what the reused page printed before.
 * Renumber them in order of appearance; same length, so no offset moves.
 */
function renumberNodeIds(pdf: Uint8Array): Uint8Array {
  const ids = new Map<string, string>();
  const text = Buffer.from(pdf)
    .toString("latin1")
    .replace(/\(node(\d{8})\)/g, (_, id: string) => {
      let stable = ids.get(id);
      if (!stable) {
        stable = String(ids.size + 1).padStart(8, "0");
        ids.set(id, stable);
      }
      return `(node${stable})`;
    });
  return Buffer.from(text, "latin1");
}
