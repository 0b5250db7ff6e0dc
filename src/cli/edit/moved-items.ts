// Entries of a block list that moved ("Nach oben" in the form, or removed ones before them): whole entries move,
// with the comment lines above them, and nothing inside an entry that merely moved is written again.
import type { Node } from "yaml";
import { same, toJs } from "./plain-values.js";
import type { Plain } from "./yaml-text.js";

/**
 * Which old entry each new entry is, when the new list is the old one reordered: equal entries first, then the
 * others in order (an entry moved and edited), new ones at the end have none. Undefined when nothing moved
 * (the entries kept are in their old order), so the list is edited in place instead.
 */
export function movedOrigins(old: readonly unknown[], next: readonly Plain[]): (number | undefined)[] | undefined {
  const used = new Set<number>();
  const origins: (number | undefined)[] = next.map((item) => {
    const index = old.findIndex((candidate, i) => !used.has(i) && same(candidate, item));
    if (index === -1) return undefined;
    used.add(index);
    return index;
  });
  const left = old.map((_, i) => i).filter((i) => !used.has(i));
  origins.forEach((origin, j) => {
    if (origin === undefined && left.length > 0) origins[j] = left.shift();
  });
  const kept = origins.filter((o): o is number => o !== undefined);
  return kept.some((o, k) => k > 0 && o < (kept[k - 1] as number)) ? origins : undefined;
}

/** The text of a file and the places of a block list's entries in it. */
export interface ListText {
  text: string;
  eol: string;
  /** Offset of the line start of each entry's dash, and the end of its last line (after the line break). */
  entries: { dash: number; end: number }[];
}

/** Where an entry's lines start: the comment lines right above its dash belong to it. */
function leadOf(list: ListText, index: number): number {
  const { text, entries } = list;
  const floor = index === 0 ? 0 : (entries[index - 1] as { end: number }).end;
  let start = (entries[index] as { dash: number }).dash;
  while (start > floor) {
    const previous = text.lastIndexOf("\n", start - 2) + 1;
    if (previous < floor || !/^[ \t]*#/.test(text.slice(previous, start))) break;
    start = previous;
  }
  return start;
}

/**
 * The list's text with its entries in the new order: `piece(j)` is the text of the new entry j (its old lines,
 * edited or not, or a new entry's lines), each ending with a line break. Blank lines between entries stay where
 * they were. Returns the range the list had (from the first entry's comments to its last line) and the new text.
 */
export function reordered(
  list: ListText,
  count: number,
  origins: readonly (number | undefined)[],
  piece: (j: number, chunk: { start: number; end: number } | undefined) => string | undefined,
): { start: number; end: number; text: string } | undefined {
  const leads = list.entries.map((_, i) => leadOf(list, i));
  const chunks = list.entries.map((entry, i) => ({ start: leads[i] as number, end: entry.end }));
  const gaps = chunks.map((chunk, i) => (i === 0 ? "" : list.text.slice((chunks[i - 1] as { end: number }).end, chunk.start)));
  let out = "";
  for (let j = 0; j < count; j++) {
    const origin = origins[j];
    const text = piece(j, origin === undefined ? undefined : chunks[origin]);
    if (text === undefined) return undefined;
    out += (j > 0 ? (gaps[j] ?? "") : "") + (text.endsWith("\n") ? text : text + list.eol);
  }
  const start = chunks[0]?.start ?? 0;
  const end = chunks.at(-1)?.end ?? start;
  if (!list.text.slice(start, end).endsWith("\n")) out = out.slice(0, -list.eol.length);
  return { start, end, text: out };
}

/**
 * When `next` is the old list with some entries left out (in order, the rest unchanged), the indexes of the
 * entries kept; else undefined.
 */
export function keptItems(items: readonly (Node | null)[], next: readonly Plain[]): Set<number> | undefined {
  if (next.length >= items.length || next.length === 0) return undefined;
  const kept = new Set<number>();
  let j = 0;
  for (let i = 0; i < items.length && j < next.length; i++) {
    if (same(toJs(items[i]), next[j])) {
      kept.add(i);
      j++;
    }
  }
  return j === next.length ? kept : undefined;
}
