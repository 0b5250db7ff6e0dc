// list-split-at-comma: `[Früher eskalieren – nach dem zweiten Termin, nicht nach dem dritten.]` is two entries.
import type { Node, Pair, Scalar, YAMLSeq } from "yaml";
import { phrase } from "../i18n/translate.js";
import { yaml } from "../load/yaml-library.js";
import { type Rule, report } from "./rule.js";

/** An entry that goes on a sentence: it starts in lower case ("nicht nach dem dritten."). */
const CONTINUES = /^\p{Ll}/u;

/** The entries of a flow list regrouped into the sentences they were cut from. */
function sentences(items: string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (out.length > 0 && CONTINUES.test(item)) out[out.length - 1] += `, ${item}`;
    else out.push(item);
  }
  return out;
}

function flowLists(node: unknown, path: (string | number)[], found: { seq: YAMLSeq; path: string }[]): void {
  if (yaml().isMap(node)) {
    for (const pair of node.items as Pair<Scalar, Node | null>[])
      flowLists(pair.value, [...path, String(pair.key?.value)], found);
  } else if (yaml().isSeq(node)) {
    if (node.flow) found.push({ seq: node, path: path.join(".") });
    else for (const [i, item] of node.items.entries()) flowLists(item, [...path, i], found);
  }
}

export const listSplitAtComma: Rule = {
  code: "list-split-at-comma",
  check: (context) => {
    const found: { seq: YAMLSeq; path: string }[] = [];
    flowLists(context.source.doc.contents, [], found);
    return found.flatMap(({ seq, path }) => {
      const items = seq.items as Node[];
      const plain = items.every((item) => yaml().isScalar(item) && item.type === "PLAIN" && typeof item.value === "string");
      if (!plain || items.length < 2) return [];
      const texts = items.map((item) => String((item as Scalar).value));
      const joined = sentences(texts);
      if (joined.length === texts.length) return [];
      const [start = 0, end = start + 1] = seq.range ?? [];
      const at = context.source.positionOfOffset(start, end);
      const key = path.split(".").at(-1) ?? path;
      return [
        report("list-split-at-comma", context, {
          at,
          message: phrase("list-split-at-comma.message", { name: path, n: texts.length }),
          hint: phrase("list-split-at-comma.hint", { key, lines: joined.map((s) => `\`- ${s}\``).join(" ") }),
        }),
      ];
    });
  },
};
