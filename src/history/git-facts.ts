import type { GitFacts, Redated } from "../model/deal.js";
import type { History, Version } from "./read-history.js";
import { dueMoves } from "./weekly-measures.js";

/** What the history says of one deal file: its last commit, and how often each action's due date moved later. */
export interface DealGitFacts extends GitFacts {
  /** Per action ({@link actionKey}): due dates moved later within the history's horizon, renames followed. */
  pushedBack: Record<string, number>;
  /**
   * When the newest commit's version is the file on disk (not read from git, see `fromWorkingTree`): the due
   * dates of the version before it, per action key. A later due date in the file is one more move.
   */
  dueBefore?: Record<string, string>;
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
    const fact: DealGitFacts = {
      date: last.date,
      shortHash: last.commit.slice(0, 7),
      hash: last.commit,
      pushedBack: pushedBack(file, versions),
    };
    const redated = redatedDeadlines(file, versions);
    if (redated.length > 0) fact.redated = redated;
    if (last.snapshot === undefined) {
      const before = versions.findLast((v) => v.snapshot)?.snapshot;
      const dues = (before?.actions ?? []).flatMap((a) => (a.due ? [[a.key, a.due]] : []));
      // Keyed by action keys (an `id` is the author's text): no prototype to find "constructor" in.
      fact.dueBefore = Object.assign(Object.create(null), Object.fromEntries(dues));
    }
    facts.set(file, fact);
  }
  return facts;
}

/** For each action key, how often its due date moved to a later date from one version to the next. */
export function pushedBack(file: string, versions: readonly Version[]): Record<string, number> {
  const counts: Record<string, number> = Object.create(null);
  for (const move of dueMoves(file, versions)) counts[move.key] = (counts[move.key] ?? 0) + 1;
  return counts;
}

/**
 * The due dates moved later by a commit made after the old date had passed: deadlines missed, as git remembers
 * them (`deadlines-missed`). A move made in time is a plan changing, not a miss.
 */
export function redatedDeadlines(file: string, versions: readonly Version[]): Redated[] {
  return dueMoves(file, versions)
    .filter((move) => move.date > move.from)
    .map((move) => {
      const redated: Redated = { key: move.key, task: move.task, from: move.from, to: move.to, on: move.date };
      if (move.owner) redated.owner = move.owner;
      return redated;
    });
}
