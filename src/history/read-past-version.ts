// One past version of a deal file as the history pass keeps it, made the same way in a worker thread
// (src/history/snapshot-worker.ts) and in the main thread (src/history/read-snapshots.ts).
import type { Config } from "../config/load-config.js";
import { ownerKeysOf } from "./owner-first-seen.js";
import { type Snapshot, snapshotEntry, snapshotOfBytes } from "./snapshot.js";

/** A past version to read: the file it is a version of (relative to the repository), and its bytes. */
export interface PastVersion {
  file: string;
  bytes: Uint8Array;
  /** A version older than the window: only its owners are kept, for the owners' first-seen. */
  ownersOnly?: boolean;
}

/**
 * What is kept of a past version: its snapshot (`null`: not a valid deal then), with the timeline's last contact
 * as `config` tells our side from the client's; or, for a version older than the window, only its owner keys
 * (src/history/owner-first-seen.ts).
 */
export type PastVersionRead = Snapshot | null | string[];

export function readPastVersion(version: PastVersion, cwd: string, config: Config): PastVersionRead {
  const snapshot = snapshotOfBytes(snapshotEntry(version.file, cwd), version.bytes, config);
  return version.ownersOnly ? ownerKeysOf(snapshot) : snapshot;
}

/** What is kept of a past version that is not read: over the size cap, or gone from the object store. */
export const unreadPastVersion = (ownersOnly: boolean | undefined): PastVersionRead => (ownersOnly ? [] : null);
