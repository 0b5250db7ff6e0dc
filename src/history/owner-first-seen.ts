import type { Deal } from "../model/deal.js";
import { type OwnerSeen, ownerKey } from "../model/owner-directory.js";
import type { ListedVersion } from "./list-versions.js";
import type { History } from "./read-history.js";
import type { Snapshot } from "./snapshot.js";

/** The most owner names one version counts (the cache keeps this many per old version at most). */
export const OWNERS_PER_VERSION = 500;

/**
 * What the history pass knows of who owned actions when: per owner key ({@link ownerKey}), the oldest committed
 * version in which the name owns an action (any status) in any deal file; and per deal file, the oldest
 * committed version whose blob is the file on disk, which the pass did not read (its owners are the working
 * tree's, see {@link ownersFirstSeen}).
 */
export interface OwnerIndex {
  seen: Map<string, OwnerSeen>;
  onDisk: Map<string, OwnerSeen>;
}

/** The owner keys of a version: its actions' owners, any status, each once, at most {@link OWNERS_PER_VERSION}. */
export function ownerKeysOf(snapshot: Snapshot | null | undefined): string[] {
  const keys = new Set<string>();
  for (const action of snapshot?.actions ?? []) {
    if (keys.size >= OWNERS_PER_VERSION) break;
    if (action.owner) keys.add(ownerKey(action.owner));
  }
  return [...keys];
}

const earlier = (a: OwnerSeen | undefined, b: OwnerSeen) => (a === undefined || b.order < a.order ? b : a);

/**
 * The {@link OwnerIndex} of every listed version (older than the window and in it): `keysOf` gives a blob's
 * owner keys, or undefined for a blob that is the file on disk and was not read.
 */
export function indexOwners(
  lists: Iterable<[string, readonly ListedVersion[]]>,
  keysOf: (blob: string) => readonly string[] | undefined,
): OwnerIndex {
  const index: OwnerIndex = { seen: new Map(), onDisk: new Map() };
  for (const [file, versions] of lists) {
    for (const v of versions) {
      if (!v.blob) continue;
      const at: OwnerSeen = { order: v.order, commit: v.commit, time: v.time };
      const keys = keysOf(v.blob);
      if (keys === undefined) index.onDisk.set(file, earlier(index.onDisk.get(file), at));
      else for (const key of keys) index.seen.set(key, earlier(index.seen.get(key), at));
    }
  }
  return index;
}

/**
 * When each owner name was first seen owning an action in a committed deal file (the first-parent line, within
 * the history's commit cap), for the owner directory (src/model/owner-directory.ts): the plain slug of names
 * that slugify alike goes to the one seen first. A committed version that is the file on disk takes its owners
 * from `deals` (the analysis of the working tree). A name only in the working tree, or outside git, has none.
 */
export function ownersFirstSeen(history: History | undefined, deals: readonly Deal[]): Map<string, OwnerSeen> {
  const seen = new Map(history?.owners?.seen ?? []);
  const onDisk = history?.owners?.onDisk;
  if (onDisk && onDisk.size > 0) {
    for (const deal of deals) {
      const at = onDisk.get(deal.file);
      if (!at) continue;
      for (const action of deal.actions) {
        if (action.owner) seen.set(ownerKey(action.owner), earlier(seen.get(ownerKey(action.owner)), at));
      }
    }
  }
  return seen;
}
