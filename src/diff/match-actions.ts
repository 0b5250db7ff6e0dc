import type { Action } from "../model/deal.js";

function words(text: string): Set<string> {
  return new Set(
    text
      .normalize("NFC")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );
}

/** Token overlap (Jaccard) of two task texts: 1 for the same words, 0 for none in common. */
export function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

export interface ActionPairs {
  pairs: [Action, Action][];
  removed: Action[];
  added: Action[];
}

/**
 * Pairs the actions of two versions of a deal so that reordering and rewording are not reported as delete and
 * add: first by `id`, then by identical task text, then by the most similar remaining task (at least half of
 * the words in common).
 */
export function matchActions(before: readonly Action[], after: readonly Action[], threshold = 0.5): ActionPairs {
  const left = new Set(before);
  const right = new Set(after);
  const pairs: [Action, Action][] = [];
  const take = (a: Action, b: Action) => {
    pairs.push([a, b]);
    left.delete(a);
    right.delete(b);
  };
  for (const a of before) {
    if (!a.id) continue;
    const b = [...right].find((x) => x.id === a.id);
    if (b) take(a, b);
  }
  const norm = (t: string) => t.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
  for (const a of [...left]) {
    const b = [...right].find((x) => !(a.id && x.id) && norm(x.task) === norm(a.task));
    if (b) take(a, b);
  }
  const candidates: [number, Action, Action][] = [];
  for (const a of left) for (const b of right) if (!(a.id && b.id)) candidates.push([similarity(a.task, b.task), a, b]);
  candidates.sort((p, q) => q[0] - p[0]);
  for (const [score, a, b] of candidates) {
    if (score < threshold) break;
    if (left.has(a) && right.has(b)) take(a, b);
  }
  return { pairs, removed: [...left], added: [...right] };
}
