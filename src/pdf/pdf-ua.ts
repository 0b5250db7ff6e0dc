// PDF/UA-1 basics Chromium leaves out of its tagged PDF, added through pdf-lib's object model: a RoleMap for the
// structure types PDF 1.7 does not define (Chromium writes `/Strong`, a PDF 2.0 type, in a PDF 1.7 file), and
// `/Contents` — the alternate description PDF/UA asks of every annotation — on link annotations.
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";

/** The standard structure types of ISO 32000-1 (PDF 1.7), 14.8.4. */
export const STANDARD_TYPES: ReadonlySet<string> = new Set(
  (
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl " +
    "LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP " +
    "Warichu WT WP Figure Formula Form"
  ).split(" "),
);

/** What a PDF 2.0 or HTML-born type means in PDF 1.7 terms; anything else unknown is a `Span`. */
const ROLE_OF: Record<string, string> = { Title: "H1", Aside: "Sect", FENote: "Note", Sub: "Span", Em: "Span", Strong: "Span" };

/** Maps every non-standard structure type in the tree to a standard one in the StructTreeRoot's /RoleMap. */
export function addRoleMap(doc: PDFDocument): void {
  const context = doc.context;
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!root) return;
  const used = new Set<string>();
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const type = object.get(PDFName.of("S"));
    if (type instanceof PDFName && object.get(PDFName.of("Type")) !== PDFName.of("MCR")) used.add(type.decodeText());
  }
  const roleMap = root.lookupMaybe(PDFName.of("RoleMap"), PDFDict) ?? context.obj({});
  for (const type of [...used].sort()) {
    if (STANDARD_TYPES.has(type) || roleMap.has(PDFName.of(type))) continue;
    roleMap.set(PDFName.of(type), PDFName.of(ROLE_OF[type] ?? "Span"));
  }
  if (roleMap.keys().length > 0) root.set(PDFName.of("RoleMap"), roleMap);
}

/** Gives each link annotation without `/Contents` one: where it leads (the address, or "Link" without one). */
export function describeLinks(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of("Subtype")) !== PDFName.of("Link")) continue;
      if (annot.has(PDFName.of("Contents"))) continue;
      const uri = annot.lookupMaybe(PDFName.of("A"), PDFDict)?.get(PDFName.of("URI"));
      const target = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : "";
      annot.set(PDFName.of("Contents"), PDFHexString.fromText(target.replace(/^mailto:/, "") || "Link"));
    }
  }
}
