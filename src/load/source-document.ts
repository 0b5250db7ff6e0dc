import type { Document, LineCounter, Node, Pair, YAMLMap } from "yaml";
import type { Position } from "../errors.js";
import { yaml } from "./yaml-library.js";

export type YamlPath = readonly (string | number)[];

/**
 * A parsed deal file that can answer "where is this?" for any path into it. Positions come from the yaml
 * Document's node ranges and a LineCounter, never from searching the text.
 */
export class SourceDocument {
  readonly #lines: string[];

  constructor(
    readonly file: string,
    readonly text: string,
    readonly doc: Document,
    readonly lineCounter: LineCounter,
  ) {
    this.#lines = text.split(/\r?\n/);
  }

  /** How many lines the file has. */
  get lineCount(): number {
    return this.#lines.length;
  }

  /** The text of a 1-based line, without its line break. */
  line(n: number): string {
    return this.#lines[n - 1] ?? "";
  }

  positionOfOffset(offset: number, end?: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    const lineText = this.line(line);
    const available = Math.max(1, lineText.length - (col - 1));
    const length = end === undefined ? 1 : Math.max(1, Math.min(end - offset, available));
    return { line, column: col, length };
  }

  /** The value node at `path`, or the nearest existing ancestor when the path does not exist. */
  nodeAt(path: YamlPath): Node | null {
    let node: unknown = this.doc.contents;
    for (const key of path) {
      const next = childOf(node, key);
      if (next === undefined) return (node as Node | null) ?? null;
      node = next.value;
    }
    return (node as Node | null) ?? null;
  }

  /** Position of the value at `path` (the nearest existing ancestor if it is missing). */
  valueAt(path: YamlPath): Position {
    for (let depth = path.length; depth >= 0; depth--) {
      const prefix = path.slice(0, depth);
      const pair = depth > 0 ? this.#pairAt(prefix) : undefined;
      const node = depth === 0 ? this.doc.contents : pair ? pair.value : this.#itemAt(prefix);
      const range = (node as Node | null | undefined)?.range;
      if (range) return this.positionOfOffset(range[0], range[1]);
      // `owner:` with nothing after it: the value has no range, point at the key instead.
      if (pair && yaml().isScalar(pair.key) && pair.key.range) {
        return this.positionOfOffset(pair.key.range[0], pair.key.range[1]);
      }
    }
    return { line: 1, column: 1 };
  }

  /** Position of the key of the last path element (for a list item: the item itself). */
  keyAt(path: YamlPath): Position {
    const pair = this.#pairAt(path);
    if (pair && yaml().isScalar(pair.key) && pair.key.range) {
      return this.positionOfOffset(pair.key.range[0], pair.key.range[1]);
    }
    return this.valueAt(path);
  }

  /** Whether the value at `path` is a plain (unquoted) scalar, and its source text. */
  plainScalarSource(path: YamlPath): string | undefined {
    const node = this.nodeAt(path);
    if (!yaml().isScalar(node) || node.type !== "PLAIN" || !node.range) return undefined;
    const source = this.text.slice(node.range[0], node.range[1]);
    return source;
  }

  #pairAt(path: YamlPath): Pair | undefined {
    if (path.length === 0) return undefined;
    const parent = this.#containerAt(path.slice(0, -1));
    const key = path.at(-1);
    if (!yaml().isMap(parent)) return undefined;
    return pairsOf(parent).get(String(key));
  }

  #itemAt(path: YamlPath): unknown {
    if (path.length === 0) return this.doc.contents;
    const parent = this.#containerAt(path.slice(0, -1));
    const key = path.at(-1);
    if (yaml().isSeq(parent) && typeof key === "number") return parent.items[key];
    return undefined;
  }

  #containerAt(path: YamlPath): unknown {
    let node: unknown = this.doc.contents;
    for (const key of path) {
      const next = childOf(node, key);
      if (next === undefined) return undefined;
      node = next.value;
    }
    return node;
  }
}

function childOf(node: unknown, key: string | number): { value: unknown } | undefined {
  if (yaml().isMap(node)) {
    const pair = pairsOf(node).get(String(key));
    return pair ? { value: pair.value } : undefined;
  }
  if (yaml().isSeq(node) && typeof key === "number") {
    return key < node.items.length ? { value: node.items[key] } : undefined;
  }
  return undefined;
}

/**
 * A mapping's pairs by key text (the first of duplicates, as a search from the top would find), built once per
 * mapping: a file of 20 000 unknown keys asks for 20 000 positions, and a search per position was quadratic.
 */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const text = keyText(pair.key);
      if (text !== undefined && !index.has(text)) index.set(text, pair);
    }
    pairIndex.set(map, index);
  }
  return index;
}

function keyText(key: unknown): string | undefined {
  if (yaml().isScalar(key)) return String(key.value);
  return undefined;
}
