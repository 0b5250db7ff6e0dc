// `- Kennzahl: mehr als 90 %` in a list of texts: YAML reads a mapping, the author wrote a sentence with a colon.
import type { Node, Pair, Scalar } from "yaml";
import { type Finding, finding } from "../errors.js";
import { phrase } from "../i18n/translate.js";
import type { SourceDocument, YamlPath } from "../load/source-document.js";
import { yaml } from "../load/yaml-library.js";

/**
 * The finding for a list item that should be text but reads as a one-key mapping written on one line: the
 * caret on the colon, the fix the item in quotes (as a block item `- "…"` or inside `[…]`). Undefined when the
 * item is not that shape (a real mapping over several lines gets the general type message).
 */
export function colonInItem(source: SourceDocument, path: YamlPath, name: string): Finding | undefined {
  if (typeof path.at(-1) !== "number") return undefined;
  const node = source.nodeAt(path);
  const parent = source.nodeAt(path.slice(0, -1));
  if (!yaml().isMap(node) || node.items.length !== 1 || !yaml().isSeq(parent)) return undefined;
  const pair = node.items[0] as Pair<Scalar, Node | null>;
  const key = pair.key;
  const value = pair.value;
  if (!yaml().isScalar(key) || key.type !== "PLAIN" || !key.range) return undefined;
  if (value && !(yaml().isScalar(value) && value.type === "PLAIN")) return undefined;
  const start = key.range[0];
  const end = value?.range?.[1] ?? key.range[1];
  const written = source.text.slice(start, end);
  if (/[\r\n]/.test(written)) return undefined;
  const colon = source.text.indexOf(":", key.range[1]);
  const text = written.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  return finding(
    "invalid-field",
    source.file,
    source.positionOfOffset(colon),
    phrase("schema.colonInItem", { name, key: String(key.value) }),
    parent.flow ? phrase("schema.colonInFlowHint", { text }) : phrase("schema.colonInItemHint", { text }),
  );
}
