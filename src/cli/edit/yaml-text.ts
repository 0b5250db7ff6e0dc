// How one value is written as YAML text at a given place: a scalar in the style it had, a new block at an indent.
import type { Scalar } from "yaml";
import { yaml } from "../../load/yaml-library.js";

/** A plain value as the form or `advance` gives it: text, a number, true/false, a list or a mapping. */
export type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

/**
 * A string in double quotes that every YAML 1.2 parser reads back as the same string: backslash, quote, every
 * control character (C0, DEL, C1) and a BOM escaped; a lone surrogate cannot be written in UTF-8 at all.
 */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) as number;
    if (char === '"') out += '\\"';
    else if (char === "\\") out += "\\\\";
    else if (char === "\n") out += "\\n";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfeff || (code >= 0xd800 && code <= 0xdfff))
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return `${out}"`;
}

/** Times stay quoted: other YAML readers (1.1) take an unquoted 10:00 for 600. */
const TIME_LIKE = /^\d{1,2}:\d{2}$/;

/** Whether `value` may be written as it is, unquoted, at this place and read back as the same string. */
export function plainIsSafe(value: string, inFlow: boolean): boolean {
  if (value === "" || value !== value.trim() || /[\n\r\t]/.test(value) || TIME_LIKE.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  // The parser itself decides: the value after a key must come back as this very string.
  const parsed = yaml().parseDocument(`k: ${value}\n`, { schema: "core", version: "1.2", uniqueKeys: false });
  if (parsed.errors.length > 0 || parsed.warnings.length > 0) return false;
  const node = parsed.get("k", true) as Scalar | undefined;
  return node?.type === "PLAIN" && node.value === value;
}

/**
 * The text of a scalar at a place whose old scalar had `style`: plain stays plain when that is safe, single
 * quotes stay single quotes, everything else is double-quoted. Multi-line text in block context becomes a
 * literal block (`|`) indented by `indent` spaces.
 */
export function scalarText(
  value: string | number | boolean,
  style: Scalar.Type | undefined,
  inFlow: boolean,
  indent: number,
  eol: string,
): string {
  if (typeof value !== "string") return String(value);
  if (value.includes("\n") && !inFlow) {
    const block = literalBlock(value, indent, eol);
    if (block) return block;
  }
  if ((style === "PLAIN" || style === undefined) && plainIsSafe(value, inFlow)) return value;
  if (style === "QUOTE_SINGLE" && !/[\n\r\t]/.test(value) && !/[\u0000-\u001f\u007f-\u009f\ufeff]/.test(value))
    return `'${value.replace(/'/g, "''")}'`;
  return doubleQuoted(value);
}

/**
 * `|`, `|-` or `|+` with the lines below at `indent` spaces; ends with a line break. Undefined when a literal
 * block cannot hold the text (a control character, a carriage return, or trailing spaces a reader would keep
 * but a reader of the file would not see).
 */
function literalBlock(value: string, indent: number, eol: string): string | undefined {
  if (/[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/.test(value)) return undefined;
  const body = value.replace(/\n+$/, "");
  const trailing = value.length - body.length;
  if (body === "" || /^\n/.test(value)) return undefined;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const lead = /^[ ]/.test(body) ? String(indent) : "";
  const pad = " ".repeat(indent);
  const lines = value.slice(0, trailing > 1 ? value.length - 1 : body.length).split("\n");
  return `|${lead}${chomp}${eol}${lines.map((line) => (line === "" ? "" : pad + line)).join(eol)}${eol}`;
}

/**
 * A mapping's entry (`key: value`, collections as blocks) or a list item (`- value`) as lines, the first at the
 * caller's position and the rest indented by `indent` spaces, without a final line break.
 */
export function blockText(value: Plain | Record<string, Plain>, indent: number, eol: string, kind: "entry" | "item"): string {
  const doc = new (yaml().Document)(value);
  yaml().visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && TIME_LIKE.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  const text = doc.toString({ lineWidth: 0, indentSeq: true }).replace(/\n$/, "");
  const lines = text.split("\n");
  // A list item: `- ` before the first line, the item's other lines two further in.
  const shift = kind === "item" ? 2 : 0;
  const [first = "", ...rest] = lines;
  return [
    kind === "item" ? `- ${first}` : first,
    ...rest.map((line) => (line === "" ? "" : " ".repeat(indent + shift) + line)),
  ].join(eol);
}

/** A value as one flow collection or scalar on one line (`[a, b]`, `{ date: 2026-12-01 }`). */
export function flowText(value: Plain): string {
  const doc = new (yaml().Document)(value);
  yaml().visit(doc, {
    Map(_key, node) {
      node.flow = true;
    },
    Seq(_key, node) {
      node.flow = true;
    },
    Scalar(_key, node) {
      if (typeof node.value === "string") node.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ lineWidth: 0 }).replace(/\n$/, "");
}
