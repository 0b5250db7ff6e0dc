import { git } from "../load/git.js";
import type { Deal } from "../model/deal.js";
import { addDays, type PlainDate, todayIn } from "../time/plain-date.js";
import { CACHE_FORMAT, cacheKey, cachePath, readCache, writeCache } from "./cache-history.js";
import { blobsOnDisk, probeRepository, type RepositoryProbe } from "./probe-repository.js";
import { type LogEntry, readLog } from "./read-log.js";
import { readSnapshots } from "./read-snapshots.js";
import { type Snapshot, snapshotOf } from "./snapshot.js";

/** One version of a deal file: the commit that wrote it, when, and what it said (`null`: not a valid deal). */
export interface Version {
  commit: string;
  /** Commit time, seconds since the epoch. */
  time: number;
  /** The commit's date in the configured zone. */
  date: PlainDate;
  /** How many commits (within the log cap) changed this file up to and including this one: never falls. */
  ordinal: number;
  /**
   * `undefined` only until the working tree is added ({@link withWorkingTree}): a version whose blob is the file
   * as it is on disk is not read from git — the analysis of the working tree gives its snapshot.
   */
  snapshot: Snapshot | null | undefined;
  /** The version is the uncommitted working tree, not a commit. */
  workingTree?: boolean;
}

/** Every deal file's versions, oldest first, keyed by its path as the rest of protokoll shows it. */
export interface History {
  head: string;
  /** The oldest day whose versions were read (the window start), for saying what the numbers cover. */
  since: PlainDate;
  files: Map<string, Version[]>;
  /** The pass read the log from the cache (`"hit"`), only new commits or blobs (`"partial"`), or everything (`"cold"`). */
  cache: "hit" | "partial" | "cold" | "none";
  /** The clone is shallow: the history before its cut is unknown (SEQUENCE, `due-pushed-often`, trends rest on it). */
  shallow?: boolean;
  /** What the horizon left out: versions older than the window, and whether the commit cap was reached. */
  cut?: { versions: number; commitCap: boolean };
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
  /** The key the cache's MAC is made with (the machine's, or `PROTOKOLL_CACHE_KEY`): without one, no cache. */
  secret?: Buffer;
  /** Whether the pass may write the cache (`check` only reads it). Default true. */
  writeCache?: boolean;
  /** The commit to look from (`build --at`, `diff`); default HEAD. The log is then not cached. */
  revision?: string;
  /**
   * Versions whose blob is the file as it is on disk are not read (their snapshot stays undefined until
   * {@link withWorkingTree} gives it from the analysis of the working tree): at one commit, nothing is parsed twice.
   */
  fromWorkingTree?: boolean;
  /** What `git rev-parse` said, when it was asked before (in parallel with loading the configuration). */
  probe?: Promise<RepositoryProbe | undefined>;
  /** The blob ids of the deal files on disk as committed ({@link blobsOnDisk}), when asked before. */
  onDisk?: Promise<ReadonlySet<string>>;
}

/** The default horizon: the last 52 weeks, and at most 20 000 commits of the first-parent line. */
export const HORIZON = { weeks: 52, commits: 20_000 } as const;

/**
 * The deals' git history in one bounded, incremental pass: the log of the first-parent line (renames followed,
 * see read-log.ts) is read only for commits the cache has not seen (`<cached head>..HEAD`); the blobs of the
 * window (the last 52 weeks, plus the version in force when the window opens) that the cache does not hold are
 * sized first (`git cat-file --batch-check`) and only those within the size cap are read, streamed. Snapshots
 * are cached by blob id under a MAC, so an unchanged history costs a `rev-parse` and one file read. Outside git
 * the result is `undefined`.
 */
export async function readHistory(options: HistoryOptions): Promise<History | undefined> {
  const { cwd } = options;
  const probe = await (options.probe ?? probeRepository(cwd, options.revision));
  if (!probe) return undefined;
  const { head, shallow } = probe;
  const maxCommits = options.maxCommits ?? HORIZON.commits;
  const cacheFile = options.cacheDir === false || !options.secret ? undefined : await cachePath(options, probe.commonDir);
  const key = cacheKey(options);
  const cached = cacheFile ? await readCache(cacheFile, key, options.secret) : undefined;
  const request = { dealsDir: options.dealsDir, cwd, revision: head, maxCommits };

  let log: LogEntry[];
  let state: History["cache"] = cacheFile ? "cold" : "none";
  if (cached && cached.head === head) {
    log = cached.log;
    state = "hit";
  } else if (cached && (await isAncestor(cached.head, head, cwd))) {
    // Only the commits since the cached head are read; the rest of the log is the cache's.
    log = [...(await readLog({ ...request, since: cached.head })), ...cached.log].slice(0, maxCommits);
    state = "partial";
  } else {
    log = await readLog(request);
  }

  const since = windowStart(options);
  const { files, cut } = versionsOf(log, since);
  const snapshots = new Map<string, Snapshot | null>();
  const onDisk = options.fromWorkingTree && !options.revision ? await onDiskBlobs(options) : new Set<string>();
  const missing: string[] = [];
  const asked = new Set<string>();
  for (const list of files.values())
    for (const v of list) {
      if (!v.blob || snapshots.has(v.blob)) continue;
      const hit = cached?.snapshots[v.blob];
      if (hit !== undefined) snapshots.set(v.blob, hit);
      else if (onDisk.has(v.blob)) continue;
      else if (!asked.has(v.blob)) {
        asked.add(v.blob);
        missing.push(v.blob);
      }
    }
  if (missing.length > 0) {
    if (state === "hit") state = "partial";
    const wanted = new Map<string, string>();
    for (const [file, list] of files) for (const v of list) if (v.blob && asked.has(v.blob)) wanted.set(v.blob, file);
    for (const [blob, snapshot] of await readSnapshots(wanted, cwd, options.maxFileBytes)) snapshots.set(blob, snapshot);
  }
  if (cacheFile && options.secret && options.writeCache !== false && !options.revision && state !== "hit") {
    const kept: Record<string, Snapshot | null> = Object.create(null);
    for (const [blob, snapshot] of snapshots) kept[blob] = snapshot;
    await writeCache(cacheFile, { format: CACHE_FORMAT, key, head, log, snapshots: kept }, options.secret);
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
        snapshot: !v.blob ? null : snapshots.has(v.blob) ? (snapshots.get(v.blob) ?? null) : undefined,
      })),
    );
  }
  return { head, since, files: result, cache: state, shallow, cut: { ...cut, commitCap: log.length >= maxCommits } };
}

/** The first day of the history's window: `weeks` (default 52) before today. */
export function windowStart(options: Pick<HistoryOptions, "today" | "weeks">): PlainDate {
  return addDays(options.today, -7 * (options.weeks ?? HORIZON.weeks));
}

/** {@link HistoryOptions.onDisk}, or asked of git now. */
function onDiskBlobs(options: HistoryOptions): Promise<ReadonlySet<string>> {
  return options.onDisk ?? blobsOnDisk(options.dealsDir, options.cwd);
}

interface ListedVersion {
  commit: string;
  time: number;
  ordinal: number;
  blob: string;
}

/**
 * Each file's versions in the window, oldest first. A rename carries the file's versions to its new path, so
 * the ordinal (SEQUENCE) counts on and due dates moved before the move still count. The ordinal counts every
 * listed commit of the file, so the window's cut never lowers it.
 */
function versionsOf(
  log: readonly LogEntry[],
  since: PlainDate,
): { files: Map<string, ListedVersion[]>; cut: { versions: number } } {
  const sinceSeconds = Date.parse(`${since}T00:00:00Z`) / 1000 - 86_400; // a day's slack for the zone
  const files = new Map<string, ListedVersion[]>();
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i] as LogEntry;
    for (const [file, blob, from] of entry.changes) {
      let list = files.get(file);
      if (from !== undefined && from !== file) {
        list = files.get(from) ?? list;
        files.delete(from);
      }
      list ??= [];
      list.push({ commit: entry.commit, time: entry.time, ordinal: (list.at(-1)?.ordinal ?? 0) + 1, blob });
      files.set(file, list);
    }
  }
  let versions = 0;
  for (const [file, list] of files) {
    const firstInWindow = list.findIndex((v) => v.time >= sinceSeconds);
    const from = firstInWindow === -1 ? list.length - 1 : Math.max(0, firstInWindow - 1);
    versions += from;
    if (from > 0) files.set(file, list.slice(from));
  }
  return { files, cut: { versions } };
}

async function isAncestor(ancestor: string, commit: string, cwd: string): Promise<boolean> {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(ancestor)) return false;
  return git(["merge-base", "--is-ancestor", ancestor, commit], cwd).then(
    () => true,
    () => false,
  );
}

/**
 * Adds the working tree as the newest version of each deal whose modelled state differs from its last commit
 * (an edit not yet committed is a change too: calendars see it, the review counts it), dated today.
 */
export function withWorkingTree(history: History | undefined, deals: readonly Deal[], today: PlainDate): History {
  const files = new Map(history?.files ?? []);
  const byFile = new Map(deals.map((deal) => [deal.file, deal]));
  // Committed versions that are the file on disk take their snapshot from its analysis (new lists and versions:
  // what was computed over the committed lists stays as it was). A file on disk that is not a valid deal: null.
  for (const [file, list] of files) {
    if (!list.some((v) => v.snapshot === undefined)) continue;
    const deal = byFile.get(file);
    let snapshot: Snapshot | null = null;
    if (deal) {
      snapshot = snapshotOf(deal);
      if (deal.updated) snapshot.updated = deal.updated;
    }
    files.set(
      file,
      list.map((v) => (v.snapshot === undefined ? { ...v, snapshot } : v)),
    );
  }
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
  return { ...history, head: history?.head ?? "", since: history?.since ?? today, files, cache: history?.cache ?? "none" };
}

/** Equal apart from `updated`, which the working tree fills from the commit date. */
function sameState(a: Snapshot, b: Snapshot): boolean {
  const { updated: _a, ...x } = a;
  const { updated: _b, ...y } = b;
  return JSON.stringify(x) === JSON.stringify(y);
}
