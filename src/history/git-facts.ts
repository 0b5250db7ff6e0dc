import type { GitFacts } from "../model/deal.js";
import type { History, Version } from "./read-history.js";
import { dueMoves } from "./weekly-measures.js";

/** What the history says of one deal file: its last commit, and how often each action's due date moved later. */
export interface DealGitFacts extends GitFacts {
  /** Per action ({@link actionKey}): due dates moved later within the history's horizon, renames followed. */
  pushedBack: Record<string, number>;
}

/**
 * The git facts of every deal file, from the one bounded history pass (src/history/read-history.ts): no second
 * reading of the log or the blobs. Empty outside git.
 */
export function gitFactsOf(history: History | undefined): Map<string, DealGitFacts> {
  const facts = new Map<string, DealGitFacts>();
  for (const [file, versions] of history?.files ?? []) {
    const last = versions.at(-1);
    if (!last?.commit) continue;
    facts.set(file, {
      date: last.date,
      shortHash: last.commit.slice(0, 7),
      hash: last.commit,
      pushedBack: pushedBack(file, versions),
    });
  }
  return facts;
}

/** For each action key, how often its due date moved to a later date from one version to the next. */
export function pushedBack(file: string, versions: readonly Version[]): Record<string, number> {
  const counts: Record<string, number> = Object.create(null);
  for (const move of dueMoves(file, versions)) counts[move.key] = (counts[move.key] ?? 0) + 1;
  return counts;
}
