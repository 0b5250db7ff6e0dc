import { type Config, DEFAULT_CONFIG } from "../config/load-config.js";
import { git } from "../load/git.js";
import type { Deal } from "../model/deal.js";
import { addDays, type PlainDate, todayIn } from "../time/plain-date.js";
import { CACHE_FORMAT, cacheKey, cachePath, readCache, writeCache } from "./cache-history.js";
import { versionsOf } from "./list-versions.js";
import { indexOwners, type OwnerIndex, ownerKeysOf } from "./owner-first-seen.js";
import { blobsOnDisk, probeRepository, type RepositoryProbe } from "./probe-repository.js";
import { type LogEntry, readLog } from "./read-log.js";
import { readSnapshots, type WantedVersion } from "./read-snapshots.js";
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
  /**
   * Who first owned an action when, over every listed version (older than the window too): the owners'
   * first-seen for the owner directory (src/history/owner-first-seen.ts).
   */
  owners?: OwnerIndex;
}

export interface HistoryOptions {
  dealsDir: string;
  cwd: string;
  timeZone: string;
  today: PlainDate;
  maxFileBytes: number;
  /** Part of the cache key: a new tool version reads every version anew. */
  toolVersion: string;
  /**
   * Who is on our side (the sender, our company), for each version's last contact (a client-side action done is
   * contact, ours is not); default: the default configuration. Part of the cache key.
   */
  config?: Config;
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
  const { files, older, cut } = versionsOf(log, since);
  const snapshots = new Map<string, Snapshot | null>();
  // The owners of versions older than the window: read once for the owners' first-seen, kept as owner keys only.
  const oldOwners = new Map<string, string[]>();
  const onDisk = options.fromWorkingTree && !options.revision ? await onDiskBlobs(options) : new Set<string>();
  const asked = new Set<string>();
  for (const list of files.values())
    for (const v of list) {
      if (!v.blob || snapshots.has(v.blob)) continue;
      const hit = cached?.snapshots[v.blob];
      if (hit !== undefined) snapshots.set(v.blob, hit);
      else if (onDisk.has(v.blob)) continue;
      else if (!asked.has(v.blob)) {
        asked.add(v.blob);
      }
    }
  const forOwners = new Set<string>();
  for (const list of older.values())
    for (const v of list) {
      if (!v.blob || snapshots.has(v.blob) || oldOwners.has(v.blob) || asked.has(v.blob)) continue;
      const hit = cached?.owners[v.blob] ?? cached?.snapshots[v.blob];
      if (hit !== undefined) oldOwners.set(v.blob, Array.isArray(hit) ? hit : ownerKeysOf(hit));
      else {
        asked.add(v.blob);
        forOwners.add(v.blob);
      }
    }
  if (asked.size > 0) {
    if (state === "hit") state = "partial";
    // A blob both in the window and older is read once, as a snapshot (`forOwners` holds only the others).
    const wanted = new Map<string, WantedVersion>();
    for (const lists of [older, files])
      for (const [file, list] of lists)
        for (const v of list) if (v.blob && asked.has(v.blob)) wanted.set(v.blob, { file, ownersOnly: forOwners.has(v.blob) });
    const config = options.config ?? DEFAULT_CONFIG;
    for (const [blob, read] of await readSnapshots(wanted, cwd, options.maxFileBytes, config)) {
      if (Array.isArray(read)) oldOwners.set(blob, read);
      else snapshots.set(blob, read);
    }
  }
  const keysOf = (blob: string) => {
    const known = oldOwners.get(blob);
    if (known) return known;
    return snapshots.has(blob) ? ownerKeysOf(snapshots.get(blob)) : undefined;
  };
  const owners = indexOwners([...older, ...files], keysOf);
  if (cacheFile && options.secret && options.writeCache !== false && !options.revision && state !== "hit") {
    const kept: Record<string, Snapshot | null> = Object.create(null);
    for (const [blob, snapshot] of snapshots) kept[blob] = snapshot;
    const keptOwners: Record<string, string[]> = Object.create(null);
    for (const [blob, keys] of oldOwners) if (!snapshots.has(blob)) keptOwners[blob] = keys;
    await writeCache(cacheFile, { format: CACHE_FORMAT, key, head, log, snapshots: kept, owners: keptOwners }, options.secret);
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
  return {
    head,
    since,
    files: result,
    cache: state,
    shallow,
    cut: { ...cut, commitCap: log.length >= maxCommits },
    owners,
  };
}

/** The first day of the history's window: `weeks` (default 52) before today. */
export function windowStart(options: Pick<HistoryOptions, "today" | "weeks">): PlainDate {
  return addDays(options.today, -7 * (options.weeks ?? HORIZON.weeks));
}

/** {@link HistoryOptions.onDisk}, or asked of git now. */
function onDiskBlobs(options: HistoryOptions): Promise<ReadonlySet<string>> {
  return options.onDisk ?? blobsOnDisk(options.dealsDir, options.cwd);
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
export function withWorkingTree(history: History | undefined, deals: readonly Deal[], today: PlainDate, config: Config): History {
  const files = new Map(history?.files ?? []);
  const byFile = new Map(deals.map((deal) => [deal.file, deal]));
  // Committed versions that are the file on disk take their snapshot from its analysis (new lists and versions:
  // what was computed over the committed lists stays as it was). A file on disk that is not a valid deal: null.
  for (const [file, list] of files) {
    if (!list.some((v) => v.snapshot === undefined)) continue;
    const deal = byFile.get(file);
    const snapshot: Snapshot | null = deal ? snapshotOf(deal, config) : null;
    files.set(
      file,
      list.map((v) => (v.snapshot === undefined ? { ...v, snapshot } : v)),
    );
  }
  for (const deal of deals) {
    const snapshot = snapshotOf(deal, config);
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

function sameState(a: Snapshot, b: Snapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
