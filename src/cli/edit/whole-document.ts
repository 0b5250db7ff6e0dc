// The yaml library's own way to edit a deal file, for what the careful editor (write-back.ts) cannot say, and the
// check that an edited text reads back as the values it was meant to hold.
import type { Document } from "yaml";
import { yaml } from "../../load/yaml-library.js";
import { isEmpty, isPlainObject, same } from "./plain-values.js";
import type { Plain } from "./yaml-text.js";

export function readsBackAs(text: string, next: Record<string, Plain>): boolean {
  const doc = yaml().parseDocument(text, { schema: "core", version: "1.2", uniqueKeys: false });
  return doc.errors.length === 0 && same(doc.toJS(), next);
}

export function verified(text: string, next: Record<string, Plain>): string {
  if (!readsBackAs(text, next)) throw new Error("The edited deal file would not read back as the form's values.");
  return text;
}

/** The Document API's way: set what changed on the parsed document and print it whole. */
export function fallback(doc: Document, next: Record<string, Plain>): string {
  const set = (path: (string | number)[], value: unknown, old: unknown) => {
    if (same(value, old)) return;
    if (isPlainObject(value) && isPlainObject(old) && yaml().isMap(doc.getIn(path, true))) {
      for (const key of Object.keys(old)) if (!(key in value) && !isEmpty(old[key])) doc.deleteIn([...path, key]);
      for (const [key, child] of Object.entries(value)) set([...path, key], child, old[key]);
      return;
    }
    if (path.length === 0) doc.contents = doc.createNode(value) as typeof doc.contents;
    else doc.setIn(path, doc.createNode(value));
  };
  set([], next, doc.toJS());
  return doc.toString({ lineWidth: 0 });
}
