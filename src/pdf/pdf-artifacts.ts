// PDF/UA-1 (ISO 14289-1, 7.1): every piece of painted content is either real content — tagged, inside a
// marked-content sequence with an MCID that the structure tree points at — or an Artifact. Chromium tags what is in
// the accessibility tree and paints everything else outside any marked content: the rotated "ENTWURF – nicht
// versenden" across a draft recap is `aria-hidden` (the draft state is said once, in the tagged banner), so it was
// neither tagged nor an Artifact, and no markup makes Chromium 156 emit an Artifact (aria-hidden, role=presentation,
// a ::before, a CSS background and an SVG were tried). Here every stretch of painting outside marked content is
// wrapped in `/Artifact BMC … EMC`. Nothing enters or leaves the structure tree; the output depends on the input
// bytes only, so PDFs stay byte-identical across builds.
import { decodePDFRawStream, PDFArray, type PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";

/** Operators that put marks on the page (ISO 32000-1, tables 51, 59, 87, 92; `EI` ends an inline image). */
const PAINTING = new Set(["Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "EI"]);
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([..."()<>[]{}/%"].map((c) => c.charCodeAt(0)));

interface Operator {
  name: string;
  /** Where its first operand starts (or the operator itself, without operands). */
  start: number;
  /** Just after the operator. */
  end: number;
}

/** The operators of a content stream (held as latin1, one char per byte), each with where it and its operands are. */
export function contentOperators(content: string): Operator[] | undefined {
  const operators: Operator[] = [];
  let operandStart = -1;
  let i = 0;
  const n = content.length;
  const code = (at: number) => content.charCodeAt(at);
  while (i < n) {
    const c = code(i);
    if (WHITESPACE.has(c)) {
      i++;
      continue;
    }
    if (c === 0x25 /* % */) {
      while (i < n && code(i) !== 0x0a && code(i) !== 0x0d) i++;
      continue;
    }
    const start = i;
    if (c === 0x28 /* ( */) {
      let depth = 0;
      for (; i < n; i++) {
        const d = code(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
      }
      if (i >= n) return undefined;
      i++;
    } else if (c === 0x3c /* < */ && code(i + 1) === 0x3c) i += 2;
    else if (c === 0x3e /* > */ && code(i + 1) === 0x3e) i += 2;
    else if (c === 0x3c) {
      const close = content.indexOf(">", i);
      if (close < 0) return undefined;
      i = close + 1;
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) i++;
    else if (c === 0x2f /* / */) {
      i++;
      while (i < n && !WHITESPACE.has(code(i)) && !DELIMITERS.has(code(i))) i++;
    } else if (DELIMITERS.has(c)) return undefined;
    else {
      while (i < n && !WHITESPACE.has(code(i)) && !DELIMITERS.has(code(i))) i++;
      const word = content.slice(start, i);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) && word !== "true" && word !== "false" && word !== "null") {
        if (word === "BI") {
          // An inline image: its dictionary up to `ID`, one white-space byte, binary data, then `EI` on its own.
          const data = content.indexOf("ID", i);
          const end = data < 0 ? -1 : findInlineImageEnd(content, data + 3);
          if (end < 0) return undefined;
          operators.push({ name: "EI", start: operandStart >= 0 ? operandStart : start, end });
          i = end;
        } else operators.push({ name: word, start: operandStart >= 0 ? operandStart : start, end: i });
        operandStart = -1;
        continue;
      }
    }
    if (operandStart < 0) operandStart = start;
  }
  return operators;
}

/** Just after the `EI` that ends inline image data starting at `from`: white space before and after it. */
function findInlineImageEnd(content: string, from: number): number {
  for (let at = content.indexOf("EI", from); at >= 0; at = content.indexOf("EI", at + 1)) {
    const before = content.charCodeAt(at - 1);
    const after = at + 2 >= content.length ? 0x20 : content.charCodeAt(at + 2);
    if (WHITESPACE.has(before) && (WHITESPACE.has(after) || DELIMITERS.has(after))) return at + 2;
  }
  return -1;
}

/**
 * The content stream with every stretch of painting outside marked content wrapped in `/Artifact BMC … EMC`, or
 * `undefined` when there is nothing to wrap or the stream cannot be read with confidence (unbalanced marked
 * content, an unterminated string): then it is left as it is. A stretch never starts inside a path (paths hold no
 * marked content), and never crosses the edge of a text object that holds marked content of its own.
 */
export function wrapUntaggedContent(content: string): string | undefined {
  const operators = contentOperators(content);
  if (!operators) return undefined;
  const wraps: [number, number][] = [];
  const splitText = textObjectsWithMarkedContent(operators);
  let depth = 0;
  // The stretch of operators at depth 0 since the last boundary (start, BT, ET, marked content): from the first
  // one's operands to the last one's end, so a path's construction is wrapped with its painting.
  let stretchStart = -1;
  let stretchEnd = -1;
  let paints = false;
  const close = () => {
    if (paints) wraps.push([stretchStart, stretchEnd]);
    paints = false;
    stretchStart = -1;
  };
  for (const op of operators) {
    if (op.name === "BDC" || op.name === "BMC") {
      if (depth === 0) close();
      depth++;
    } else if (op.name === "EMC") {
      if (--depth < 0) return undefined;
    } else if (depth === 0 && (op.name === "BT" || op.name === "ET") && splitText.has(op)) {
      close();
    } else if (depth === 0) {
      if (stretchStart < 0) stretchStart = op.start;
      paints ||= PAINTING.has(op.name);
      stretchEnd = op.end;
    }
  }
  if (depth !== 0) return undefined;
  close();
  if (wraps.length === 0) return undefined;
  let out = "";
  let at = 0;
  for (const [start, end] of wraps) {
    out += `${content.slice(at, start)}/Artifact BMC\n${content.slice(start, end)}\nEMC`;
    at = end;
  }
  return out + content.slice(at);
}

/**
 * The `BT` and `ET` of text objects that hold marked-content operators: there a stretch must stop at the text
 * object's edge, so that a sequence begun inside it ends inside it. A text object without any (the watermark) is
 * wrapped whole, from outside.
 */
function textObjectsWithMarkedContent(operators: Operator[]): Set<Operator> {
  const split = new Set<Operator>();
  let begin: Operator | undefined;
  let marked = false;
  for (const op of operators) {
    if (op.name === "BT") {
      begin = op;
      marked = false;
    } else if (op.name === "BDC" || op.name === "BMC" || op.name === "EMC") marked = true;
    else if (op.name === "ET") {
      if (marked || !begin) split.add(op);
      if (marked && begin) split.add(begin);
      begin = undefined;
    }
  }
  if (begin) split.add(begin);
  return split;
}

/** Rewrites each page content stream that paints outside marked content, with that painting as an Artifact. */
export function markUntaggedAsArtifacts(doc: PDFDocument): void {
  const context = doc.context;
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const content = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
      const wrapped = wrapUntaggedContent(content);
      if (wrapped === undefined) continue;
      const dict: Record<string, unknown> = {};
      for (const [key, value] of stream.dict.entries()) {
        if (!["Length", "Filter", "DecodeParms"].includes(key.decodeText())) dict[key.decodeText()] = value;
      }
      context.assign(ref, context.flateStream(Buffer.from(wrapped, "latin1"), dict as never));
    }
  }
}
