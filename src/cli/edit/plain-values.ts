// Plain values as the form and the file have them: what counts as empty, and when two are the same.
import { isDeepStrictEqual } from "node:util";
import type { Node } from "yaml";
import { yaml } from "../../load/yaml-library.js";

/** A value that means "not set": the form sends nothing for it, and the file may spell it `key:` or `""`. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/** The value as the form would send it back: empty keys and empty mappings left out. */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const cleaned = withoutEmpty(child);
    if (!isEmpty(cleaned))
      Object.defineProperty(out, key, { value: cleaned, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export const same = (a: unknown, b: unknown) => isDeepStrictEqual(withoutEmpty(a), withoutEmpty(b));

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function toJs(node: Node | null | undefined): unknown {
  if (node === null || node === undefined) return null;
  return yaml().isNode(node) ? node.toJSON() : node;
}
