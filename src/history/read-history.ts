import path from "node:path";
import { DEAL_EXTENSION, type DealFileEntry } from "../load/find-deal-files.js";
import { git } from "../load/git.js";
import type { Deal } from "../model/deal.js";
import { addDays, type PlainDate, todayIn } from "../time/plain-date.js";
import { CACHE_FORMAT, cacheKey, cachePath, readCache, writeCache } from "./cache-history.js";
import { type LogEntry, readLog } from "./read-log.js";
import { type Snapshot, snapshotOf, snapshotOfBytes } from "./snapshot.js";
import { streamBlobs } from "./stream-blobs.js";

/** One version of a deal file: the commit that wrote it, when, and what it said (`null`: not a valid deal). */
export interface Version {
  commit: string;
  /** Commit time, seconds since the epoch. */
  time: number;
  /** The commit's date in the configured zone. */
  date: PlainDate;
  /** How many commits (within the log cap) changed this file up to and including this one: never falls. */
  ordinal: number;
  snapshot: Snapshot | null;
  /** The version is the uncommitted working tree, not a commit. */
  workingTree?: boolean;
}

/** Every deal file's versions, oldest first, keyed by its path as the rest of protokoll shows it. */
export interface History {
  head: string;
  /** The oldest day whose versions were read (the window start), for saying what the numbers cover. */
  since: PlainDate;
  files: Map<string, Version[]>;
  /** The pass read the log from the cache (`"hit"`), only new blobs (`"partial"`), or everything (`"cold"`). */
  cache: "hit" | "partial" | "cold" | "none";
}

export interface HistoryOptions {
  dealsDir: string;
  cwd: string;
  timeZone: string;
  today: PlainDate;
  maxFileBytes: number;
  /** Part of the cache key: a new tool version reads every version anew. */
  toolVersion: string;
  /** Weeks of history read (default 52). */
  weeks?: number;
  /** At most this many commits are listed (default 20 000). */
  maxCommits?: number;
  /** Where the cache lives (default: the cache folder, src/history/cache-history.ts). `false`: no cache. */
  cacheDir?: string | false;
}

/**
 * The deals' git history in one bounded pass: one `git log --raw` of the first-parent line (the history the
 * main branch saw; a cap on commits) for which blob each commit gave each deal file, then one streaming
 * `git cat-file --batch` for the blobs of the window (the last 52 weeks, plus the version in force when the
 * window opens) that the cache does not hold yet. A blob over the size cap is skipped while streaming, never
 * held. Snapshots are cached by blob id in the git directory, so an unchanged history costs one `rev-parse`,
 * and a new commit costs the blobs it added. Outside git the result is `undefined`.
 */
export async function readHistory(options: HistoryOptions): Promise<History | undefined> {
  const { cwd } = options;
  const head = await git(["rev-parse", "--verify", "--quiet", "HEAD"], cwd)
    .then((s) => s.trim())
    .catch(() => "");
  if (!head) return undefined;
  const cacheFile = options.cacheDir === false ? undefined : await cachePath(options);
  const key = cacheKey(options);
  const cached = cacheFile ? await readCache(cacheFile, key) : undefined;

  let log: LogEntry[];
  let state: History["cache"] = cacheFile ? "cold" : "none";
  if (cached && cached.head === head) {
    log = cached.log;
    state = "hit";
  } else {
    log = await readLog(options);
  }

  const since = addDays(options.today, -7 * (options.weeks ?? 52));
  const sinceSeconds = Date.parse(`${since}T00:00:00Z`) / 1000 - 86_400; // a day's slack for the zone
  const files = new Map<string, { commit: string; time: number; ordinal: number; blob: string }[]>();
  // The log is newest first; versions are built oldest first, with the ordinal counted over all listed commits.
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i] as LogEntry;
    for (const [file, blob] of entry.changes) {
      const list = files.get(file) ?? [];
      list.push({ commit: entry.commit, time: entry.time, ordinal: list.length + 1, blob });
      files.set(file, list);
    }
  }
  // Only the window's versions, and the one in force when it opens, are read.
  const wanted = new Set<string>();
  for (const [file, list] of files) {
    const firstInWindow = list.findIndex((v) => v.time >= sinceSeconds);
    const from = firstInWindow === -1 ? list.length - 1 : Math.max(0, firstInWindow - 1);
    const kept = list.slice(from);
    files.set(file, kept);
    for (const v of kept) if (v.blob) wanted.add(v.blob);
  }
  const snapshots = new Map<string, Snapshot | null>();
  const missing: string[] = [];
  for (const blob of wanted) {
    const hit = cached?.snapshots[blob];
    if (hit !== undefined) snapshots.set(blob, hit);
    else missing.push(blob);
  }
  if (missing.length > 0) {
    if (state === "hit") state = "partial";
    const fileOf = new Map<string, string>();
    for (const [file, list] of files) for (const v of list) if (v.blob) fileOf.set(v.blob, file);
    await streamBlobs(missing, cwd, options.maxFileBytes, (blob, bytes) => {
      const file = fileOf.get(blob) as string;
      snapshots.set(blob, bytes ? snapshotOfBytes(entryFor(file, cwd), bytes) : null);
    });
  } else if (state === "cold" && cached) {
    state = "partial";
  }
  if (cacheFile && (state !== "hit" || missing.length > 0)) {
    await writeCache(cacheFile, { format: CACHE_FORMAT, key, head, log, snapshots: Object.fromEntries(snapshots) });
  }

  // One date per commit, not per version: a commit that touches 1 000 deals has one date (and Intl is slow).
  const dates = new Map<number, PlainDate>();
  const dateOf = (time: number) => {
    let date = dates.get(time);
    if (!date) {
      date = todayIn(options.timeZone, new Date(time * 1000));
      dates.set(time, date);
    }
    return date;
  };
  const result = new Map<string, Version[]>();
  for (const [file, list] of files) {
    result.set(
      file,
      list.map((v) => ({
        commit: v.commit,
        time: v.time,
        date: dateOf(v.time),
        ordinal: v.ordinal,
        snapshot: v.blob ? (snapshots.get(v.blob) ?? null) : null,
      })),
    );
  }
  return { head, since, files: result, cache: state };
}

/**
 * Adds the working tree as the newest version of each deal whose modelled state differs from its last commit
 * (an edit not yet committed is a change too: calendars see it, the review counts it), dated today.
 */
export function withWorkingTree(history: History | undefined, deals: readonly Deal[], today: PlainDate): History {
  const files = new Map(history?.files ?? []);
  for (const deal of deals) {
    const snapshot = snapshotOf(deal);
    snapshot.updated = deal.asOf;
    const list = [...(files.get(deal.file) ?? [])];
    const last = list.at(-1);
    if (last?.snapshot && sameState(last.snapshot, snapshot)) continue;
    list.push({
      commit: "",
      time: Math.max(last?.time ?? 0, Date.parse(`${today}T12:00:00Z`) / 1000),
      date: last && last.date > today ? last.date : today,
      ordinal: (last?.ordinal ?? 0) + 1,
      snapshot,
      workingTree: true,
    });
    files.set(deal.file, list);
  }
  return { head: history?.head ?? "", since: history?.since ?? today, files, cache: history?.cache ?? "none" };
}

/** Equal apart from `updated`, which the working tree fills from the commit date. */
function sameState(a: Snapshot, b: Snapshot): boolean {
  const { updated: _a, ...x } = a;
  const { updated: _b, ...y } = b;
  return JSON.stringify(x) === JSON.stringify(y);
}

function entryFor(file: string, cwd: string): DealFileEntry {
  return { file, absolute: path.join(cwd, file), slug: path.posix.basename(file).replace(DEAL_EXTENSION, "") };
}
