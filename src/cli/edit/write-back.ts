// Writes new values into a deal file the way a careful colleague would: only the text of the nodes that changed.
import type { LineCounter, Node, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { yaml } from "../../load/yaml-library.js";
import { keptItems, movedOrigins, reordered } from "./moved-items.js";
import { isEmpty, isPlainObject, same, toJs, withoutEmpty } from "./plain-values.js";
import { fallback, readsBackAs, verified } from "./whole-document.js";
import { blockText, flowText, type Plain, scalarText } from "./yaml-text.js";

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The file's text with `next` as its data, changing only the text of nodes whose values differ: comments, key
 * order, quoting, blank lines and line endings of everything else stay as they were, and `next` equal to the
 * file's data gives the very same text. New keys go after the key before them in `next`'s order.
 *
 * The result is parsed again and must read back as `next`; if the careful edit cannot say it (a shape this
 * module does not edit in place), the document is changed through the yaml library's Document API instead, which
 * keeps the comments but may re-indent. Throws if neither reads back as `next`.
 */
export function writeBack(text: string, next: Record<string, Plain>): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { schema: "core", version: "1.2", uniqueKeys: false, lineCounter });
  const root = doc.contents;
  if (!yaml().isMap(root) || root.flow) return verified(fallback(doc, next), next);
  const editor = new Editor(text, eol, lineCounter);
  editor.map(root, next, false);
  const written = editor.result();
  return readsBackAs(written, next) ? written : verified(fallback(doc, next), next);
}

class Editor {
  readonly #edits: Edit[] = [];

  constructor(
    readonly text: string,
    readonly eol: string,
    readonly lines: LineCounter,
  ) {}

  result(): string {
    return applied(this.text, this.#edits, 0);
  }

  /** The text from `start` to `end` with this editor's edits, if they are all inside it. */
  within(start: number, end: number): string | undefined {
    if (this.#edits.some((edit) => edit.start < start || edit.end > end)) return undefined;
    return applied(this.text.slice(start, end), this.#edits, start);
  }

  #column(offset: number): number {
    return this.lines.linePos(offset).col - 1;
  }

  #lineStart(offset: number): number {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }

  /** The offset after the line break of the line `offset` is on (or right after a line break already). */
  #lineEnd(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === "\n") return offset;
    const newline = this.text.indexOf("\n", offset);
    return newline === -1 ? this.text.length : newline + 1;
  }

  /** Inserts whole lines at `offset` (a line start, or the end of a file without a final line break). */
  #insertLines(offset: number, lines: string): void {
    const needsBreak = offset === this.text.length && offset > 0 && !this.text.endsWith("\n");
    this.#edits.push({ start: offset, end: offset, text: needsBreak ? this.eol + lines : lines + this.eol });
  }

  map(node: YAMLMap, next: Record<string, Plain>, inFlow: boolean): void {
    if (node.flow || inFlow) {
      this.#replace(node, next, inFlow, 0);
      return;
    }
    const column = this.#column(node.range?.[0] ?? 0);
    const pairs = node.items as Pair<Scalar, Node | null>[];
    const keyOf = (pair: Pair<Scalar, Node | null>) => String(pair.key?.value);
    const kept = pairs.filter((pair) => keyOf(pair) in next || isEmpty(withoutEmpty(toJs(pair.value))));
    if (kept.length === 0 && pairs.length > 0) {
      this.#replace(node, next, false, column);
      return;
    }
    for (const pair of pairs) {
      const key = keyOf(pair);
      if (!(key in next)) {
        if (!isEmpty(withoutEmpty(toJs(pair.value)))) this.#deletePair(pair, pairs);
        continue;
      }
      this.value(pair.value, next[key] as Plain, false, column + 2, pair);
    }
    const present = new Set(pairs.map(keyOf));
    const order = Object.keys(next);
    order.forEach((key, index) => {
      if (present.has(key)) return;
      const before = order
        .slice(0, index)
        .reverse()
        .find((k) => present.has(k));
      const text = blockText({ [key]: next[key] as Plain }, column, this.eol, "entry");
      if (before === undefined) {
        const first = pairs[0] as Pair<Scalar, Node | null>;
        const at = first.key.range?.[0] ?? 0;
        this.#edits.push({ start: at, end: at, text: text + this.eol + " ".repeat(column) });
      } else {
        const pair = pairs.find((p) => keyOf(p) === before) as Pair<Scalar, Node | null>;
        this.#insertLines(this.#lineEnd(pairEnd(pair)), " ".repeat(column) + text);
      }
    });
  }

  #deletePair(pair: Pair<Scalar, Node | null>, pairs: Pair<Scalar, Node | null>[]): void {
    const start = pair.key.range?.[0] ?? 0;
    const lineStart = this.#lineStart(start);
    if (/^[ ]*$/.test(this.text.slice(lineStart, start))) {
      this.#edits.push({ start: lineStart, end: this.#lineEnd(pairEnd(pair)), text: "" });
      return;
    }
    // The first key of a list item (`- task: …`): the next key moves up behind the dash.
    const following = pairs[pairs.indexOf(pair) + 1];
    const end = following?.key.range?.[0] ?? this.#lineEnd(pairEnd(pair));
    this.#edits.push({ start, end, text: "" });
  }

  seq(node: YAMLSeq, next: Plain[], inFlow: boolean): void {
    if (node.flow || inFlow) {
      this.#replace(node, next, inFlow, 0);
      return;
    }
    const column = this.#column(node.range?.[0] ?? 0);
    const items = node.items as (Node | null)[];
    if (this.#moved(items, next, column)) return;
    const kept = keptItems(items, next);
    if (kept) {
      // Entries removed from the middle (done actions after `advance`, "Entfernen" in the form): their lines go,
      // and the entries after them stay as they are, comments included.
      items.forEach((item, i) => {
        if (kept.has(i) || !item?.range) return;
        const dash = this.#lineStart(this.text.lastIndexOf("-", item.range[0]));
        // To the end of the entry's own lines: a comment line below it belongs to the entry after it.
        this.#edits.push({ start: dash, end: this.#lineEnd(item.range[1]), text: "" });
      });
      return;
    }
    const shared = Math.min(items.length, next.length);
    for (let i = 0; i < shared; i++) this.value(items[i] ?? null, next[i] as Plain, false, column + 2, undefined);
    if (next.length > items.length) {
      const last = items.at(-1);
      if (!last?.range) {
        this.#replace(node, next, false, column);
        return;
      }
      const added = next.slice(items.length).map((item) => " ".repeat(column) + blockText(item, column, this.eol, "item"));
      this.#insertLines(this.#lineEnd(last.range[2]), added.join(this.eol));
    } else if (next.length < items.length) {
      const first = items[next.length];
      const last = items.at(-1);
      if (!first?.range || !last?.range) {
        this.#replace(node, next, false, column);
        return;
      }
      const dash = this.text.lastIndexOf("-", first.range[0]);
      this.#edits.push({ start: this.#lineStart(dash), end: this.#lineEnd(last.range[2]), text: "" });
    }
  }

  /** Entries that moved: the list's lines in the new order, an entry edited (if at all) within its own lines. */
  #moved(items: (Node | null)[], next: Plain[], column: number): boolean {
    const origins = movedOrigins(items.map(toJs), next);
    if (!origins || items.some((item) => !item?.range)) return false;
    const entries = items.map((item) => {
      const [start = 0, end = 0] = item?.range ?? [];
      const dash = this.text.lastIndexOf("-", start);
      return {
        dash: this.#lineStart(dash),
        end: this.#lineEnd(end),
        alone: /^ *$/.test(this.text.slice(this.#lineStart(dash), dash)),
      };
    });
    if (entries.some((entry) => !entry.alone)) return false;
    const edit = reordered({ text: this.text, eol: this.eol, entries }, next.length, origins, (j, chunk) => {
      if (!chunk) return " ".repeat(column) + blockText(next[j] as Plain, column, this.eol, "item");
      const sub = new Editor(this.text, this.eol, this.lines);
      sub.value(items[origins[j] as number] ?? null, next[j] as Plain, false, column + 2, undefined);
      return sub.within(chunk.start, chunk.end);
    });
    if (edit) this.#edits.push(edit);
    return edit !== undefined;
  }

  /** The value of a mapping entry or list item: left alone when equal, edited in place, or replaced. */
  value(node: Node | null, next: Plain, inFlow: boolean, indent: number, pair: Pair | undefined): void {
    if (same(toJs(node), next)) return;
    if (yaml().isMap(node) && isPlainObject(next)) {
      this.map(node, next as Record<string, Plain>, inFlow);
      return;
    }
    if (yaml().isSeq(node) && Array.isArray(next)) {
      this.seq(node, next, inFlow);
      return;
    }
    if (yaml().isScalar(node) && node.range && !isPlainObject(next) && !Array.isArray(next)) {
      const [start, end] = node.range;
      let text = scalarText(next, node.type, inFlow, indent, this.eol);
      // `owner:` with nothing after it: the value needs a space behind the colon.
      if (start === end && this.text[start - 1] === ":") text = ` ${text}`;
      const wasBlock = this.text[end - 1] === "\n";
      const isBlock = text.endsWith(this.eol) && text.startsWith("|");
      if (isBlock && !wasBlock) {
        // A comment after the old value would land inside the block: quote instead.
        if (this.text.slice(end, this.#lineEnd(end)).trim() !== "")
          text = scalarText(next, "QUOTE_DOUBLE", true, indent, this.eol);
        else this.#edits.push({ start, end: this.#lineEnd(end), text });
      }
      if (!isBlock || wasBlock) this.#edits.push({ start, end, text: wasBlock && !isBlock ? text + this.eol : text });
      return;
    }
    if (yaml().isScalar(node) && node.range && isPlainObject(next) && !inFlow && /- +$/.test(this.text.slice(0, node.range[0]))) {
      // A list item's line becoming a mapping (`- Risiko` → `- text: Risiko` / `internal: true`): behind the dash.
      const [start, end] = node.range;
      const text = blockText(next, this.#column(start), this.eol, "entry");
      this.#edits.push({ start, end, text: this.text[end - 1] === "\n" ? text + this.eol : text });
      return;
    }
    if (node?.range) {
      this.#replace(node, next, inFlow, indent - 2);
      return;
    }
    // `key:` with nothing after it: the value goes behind the colon.
    const key = (pair?.key as Node | undefined)?.range;
    if (!key) throw new Error("A value without a place in the file.");
    const colon = this.text.indexOf(":", key[1]);
    this.#edits.push({ start: colon + 1, end: colon + 1, text: this.#after(next, inFlow, indent) });
  }

  /** Text after `key:` for a new value: ` value`, or the block on the lines below. */
  #after(next: Plain, inFlow: boolean, indent: number): string {
    if (inFlow) return ` ${flowText(next)}`;
    if (isPlainObject(next) || Array.isArray(next)) {
      const kind = Array.isArray(next) ? "item" : "entry";
      const lines = Array.isArray(next)
        ? next.map((item) => " ".repeat(indent) + blockText(item, indent, this.eol, kind))
        : Object.entries(next).map(([k, v]) => " ".repeat(indent) + blockText({ [k]: v }, indent, this.eol, kind));
      return this.eol + lines.join(this.eol);
    }
    const text = scalarText(next, undefined, false, indent, this.eol);
    return ` ${text.endsWith(this.eol) ? text.slice(0, -this.eol.length) : text}`;
  }

  /** The whole node rewritten: a collection whose shape changed, a flow collection, a scalar now a list. */
  #replace(node: Node, next: Plain, inFlow: boolean, column: number): void {
    const [start, end] = node.range ?? [0, 0];
    const wasBlock = this.text[end - 1] === "\n";
    const block = !inFlow && (isPlainObject(next) || Array.isArray(next)) && !(yaml().isCollection(node) && node.flow);
    if (!block) {
      const text =
        isPlainObject(next) || Array.isArray(next) ? flowText(next) : scalarText(next, undefined, inFlow, column + 2, this.eol);
      this.#edits.push({ start, end, text: wasBlock && !text.endsWith(this.eol) ? text + this.eol : text });
      return;
    }
    const body = this.#after(next, false, column + (yaml().isCollection(node) ? 0 : 2));
    if (yaml().isCollection(node) && !node.flow) {
      // A block collection starts at its first key or dash, already indented.
      this.#edits.push({ start, end: this.#lineEnd(end - 1), text: `${body.slice(this.eol.length).trimStart()}${this.eol}` });
      return;
    }
    // A scalar or `[]` behind `key:`: the block goes on the lines below, and the space before the old value goes.
    let from = start;
    while (from > 0 && this.text[from - 1] === " ") from--;
    this.#edits.push({ start: from, end: wasBlock ? end - 1 : end, text: body });
  }
}

/**
 * `text` with `edits` made (offsets counted from `offset`), from the end backwards: of two insertions at one place,
 * the one made first ends up first.
 */
function applied(text: string, edits: readonly Edit[], offset: number): string {
  let out = text;
  const order = edits.map((edit, index) => ({ edit, index }));
  order.sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index);
  for (const { edit } of order) out = out.slice(0, edit.start - offset) + edit.text + out.slice(edit.end - offset);
  return out;
}

function pairEnd(pair: Pair<Scalar, Node | null>): number {
  return pair.value?.range?.[2] ?? pair.key.range?.[2] ?? 0;
}
