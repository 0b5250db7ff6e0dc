import type { PlainDate } from "../time/plain-date.js";
import type { LogEntry } from "./read-log.js";

/** One version of a deal file as the log names it, before its blob is read. */
export interface ListedVersion {
  commit: string;
  time: number;
  /** How many commits (within the log cap) changed this file up to and including this one. */
  ordinal: number;
  blob: string;
  /** The commit's place in the first-parent line as listed: 0 for the oldest commit of the log. */
  order: number;
}

/**
 * Each file's versions in the window, oldest first, and the versions older than the window (`older`, per file,
 * oldest first: only the owners' first-seen reads them, src/history/owner-first-seen.ts). A rename carries the
 * file's versions to its new path, so the ordinal (SEQUENCE) counts on and due dates moved before the move still
 * count. The ordinal counts every listed commit of the file, so the window's cut never lowers it.
 */
export function versionsOf(
  log: readonly LogEntry[],
  since: PlainDate,
): { files: Map<string, ListedVersion[]>; older: Map<string, ListedVersion[]>; cut: { versions: number } } {
  const sinceSeconds = Date.parse(`${since}T00:00:00Z`) / 1000 - 86_400; // a day's slack for the zone
  const files = new Map<string, ListedVersion[]>();
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i] as LogEntry;
    const order = log.length - 1 - i;
    for (const [file, blob, from] of entry.changes) {
      let list = files.get(file);
      if (from !== undefined && from !== file) {
        list = files.get(from) ?? list;
        files.delete(from);
      }
      list ??= [];
      list.push({ commit: entry.commit, time: entry.time, ordinal: (list.at(-1)?.ordinal ?? 0) + 1, blob, order });
      files.set(file, list);
    }
  }
  let versions = 0;
  const older = new Map<string, ListedVersion[]>();
  for (const [file, list] of files) {
    const firstInWindow = list.findIndex((v) => v.time >= sinceSeconds);
    const from = firstInWindow === -1 ? list.length - 1 : Math.max(0, firstInWindow - 1);
    versions += from;
    if (from > 0) {
      older.set(file, list.slice(0, from));
      files.set(file, list.slice(from));
    }
  }
  return { files, older, cut: { versions } };
}
