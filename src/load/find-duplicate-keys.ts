import type { Document } from "yaml";
import { yaml } from "./yaml-library.js";

/**
 * Every key written a second time in its mapping, in one pass with a set per mapping. Scalar keys are equal
 * when type and value are (`1` and `"1"` differ), as in the yaml library's own check.
 */
export function duplicateKeys(doc: Document): { text: string; start: number; end: number; list?: string }[] {
  const found: { text: string; start: number; end: number; list?: string }[] = [];
  yaml().visit(doc, {
    Map(_, map, path) {
      const seen = new Set<string>();
      const first = map.items[0]?.key;
      const list = listNameOf(path);
      for (const pair of map.items) {
        if (!yaml().isScalar(pair.key)) continue;
        const id = `${typeof pair.key.value}:${String(pair.key.value)}`;
        if (!seen.has(id)) {
          seen.add(id);
          continue;
        }
        const [start = 0, end = start] = pair.key.range ?? [];
        // An entry of a list that repeats its first key (`task:` again) is a new entry whose `- ` was
        // forgotten, not a key to delete: one finding says so, and the keys after it belong to that entry.
        if (list !== undefined && yaml().isScalar(first) && first.value === pair.key.value) {
          found.push({ text: String(pair.key.value), start, end, list });
          break;
        }
        found.push({ text: String(pair.key.value), start, end });
      }
    },
  });
  return found;
}

/** For a mapping that is an entry of a list under a key (`actions:` → `- task: …`), that key. */
function listNameOf(path: readonly unknown[]): string | undefined {
  const parent = path.at(-1);
  const pair = path.at(-2);
  if (!yaml().isSeq(parent) || !yaml().isPair(pair) || !yaml().isScalar(pair.key)) return undefined;
  return String(pair.key.value);
}
