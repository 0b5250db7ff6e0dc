// Findings shown at the form field they concern: a finding's line and column lead back to a YAML path.
import type { Node, Pair, Scalar } from "yaml";
import { type Finding, wordFinding } from "../../errors.js";
import { yaml } from "../../load/yaml-library.js";
import type { Language } from "../../time/language.js";

interface Place {
  path: string;
  line: number;
  column: number;
}

/** Every key and value of the text with the path of the form field it belongs to. */
function places(text: string): Place[] {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { schema: "core", version: "1.2", uniqueKeys: false, lineCounter });
  const out: Place[] = [];
  const at = (path: (string | number)[], offset: number | undefined) => {
    if (offset === undefined) return;
    const { line, col } = lineCounter.linePos(offset);
    out.push({ path: path.join("."), line, column: col });
  };
  const walk = (node: unknown, path: (string | number)[]) => {
    if (yaml().isMap(node)) {
      for (const pair of node.items as Pair<Scalar, Node | null>[]) {
        const key = [...path, String(pair.key?.value)];
        at(key, pair.key?.range?.[0]);
        walk(pair.value, key);
      }
    } else if (yaml().isSeq(node)) {
      for (const [i, item] of node.items.entries()) walk(item, [...path, i]);
    }
    if (yaml().isNode(node)) at(path, node.range?.[0]);
  };
  walk(doc.contents, []);
  return out;
}

/**
 * The findings' messages and hints in the reader's language, by the path of the field at their position: the
 * nearest key or value at or before the finding's column on its line, else the field whose line it is on; a
 * finding on no field's line goes under "" (shown above the form).
 */
export function notesByPath(findings: readonly Finding[], text: string, language: Language): Map<string, string[]> {
  const all = places(text);
  const notes = new Map<string, string[]>();
  for (const f of findings) {
    const onLine = all.filter((p) => p.line === f.line);
    const before = onLine
      .filter((p) => p.column <= f.column)
      .sort((a, b) => b.column - a.column || b.path.length - a.path.length);
    const place = before[0] ?? onLine[0];
    const { message, hint } = wordFinding(f, language);
    const key = place?.path ?? "";
    notes.set(key, [...(notes.get(key) ?? []), `${message} ${hint}`]);
  }
  return notes;
}
