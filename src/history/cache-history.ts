import { createHash } from "node:crypto";
import { mkdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_CONFIG } from "../config/load-config.js";
import { DEAL_EXTENSION } from "../load/find-deal-files.js";
import { cacheFolder } from "../util/cache-folder.js";
import { sealText, unsealText } from "../util/sealed-text.js";
import { sha256 } from "../util/sha256.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";
import { OWNERS_PER_VERSION } from "./owner-first-seen.js";
import type { HistoryOptions } from "./read-history.js";
import type { LogEntry } from "./read-log.js";
import { isSnapshot, type Snapshot, snapshotConfigKey } from "./snapshot.js";

// 3: the owners of versions older than the window. 4: a snapshot's `contact` is the timeline's last contact
// (no `updated`, no commit date).
export const CACHE_FORMAT = 4;
/** What the MAC of the file is for (src/util/sealed-text.ts). */
const PURPOSE = "protokoll-history-cache";

export interface CacheFile {
  format: number;
  key: string;
  head: string;
  log: LogEntry[];
  snapshots: Record<string, Snapshot | null>;
  /** Per blob of a version older than the window: the owner keys of its actions (src/history/owner-first-seen.ts). */
  owners: Record<string, string[]>;
}

export function cacheKey(options: HistoryOptions): string {
  return createHash("sha256")
    .update(
      JSON.stringify([
        CACHE_FORMAT,
        options.toolVersion,
        options.dealsDir,
        options.maxFileBytes,
        options.maxCommits ?? 20_000,
        snapshotConfigKey(options.config ?? DEFAULT_CONFIG),
      ]),
    )
    .digest("hex");
}

/**
 * `history.json` in `options.cacheDir`; by default one file per repository (by its git folder, `commonDir`) in the
 * cache folder (src/util/cache-folder.ts). Never in the repository: a checkout may come with anything in it.
 */
export async function cachePath(options: HistoryOptions, commonDir: string): Promise<string> {
  if (typeof options.cacheDir === "string") return path.join(options.cacheDir, "history.json");
  const repository = await realpath(commonDir).catch(() => commonDir);
  return path.join(cacheFolder(process.env, options.cwd), "history", `${sha256(repository).slice(0, 32)}.json`);
}

/**
 * The cache is untrusted input (a cache folder may come from anywhere, e.g. a CI cache): it is trusted only with the
 * MAC made under this machine's key (or `PROTOKOLL_CACHE_KEY`, src/util/sealed-text.ts), and anything of another
 * format, key or shape is ignored, never half used. Without a key there is no cache.
 */
export async function readCache(file: string, key: string, secret: Buffer | undefined): Promise<CacheFile | undefined> {
  if (!secret) return undefined;
  try {
    const body = unsealText(await readFile(file, "utf8"), PURPOSE, secret);
    if (!body) return undefined;
    const data = JSON.parse(body) as Partial<CacheFile>;
    if (data.format !== CACHE_FORMAT || data.key !== key || typeof data.head !== "string") return undefined;
    if (!Array.isArray(data.log) || !data.snapshots || typeof data.snapshots !== "object") return undefined;
    for (const entry of data.log) {
      if (!entry || typeof entry.commit !== "string" || !Number.isFinite(entry.time) || !Array.isArray(entry.changes))
        return undefined;
      for (const change of entry.changes) {
        if (!Array.isArray(change) || typeof change[0] !== "string" || typeof change[1] !== "string") return undefined;
        if (!DEAL_EXTENSION.test(change[0]) || !/^([0-9a-f]{40}|[0-9a-f]{64}|)$/.test(change[1])) return undefined;
        if (change.length > 3 || (change.length === 3 && typeof change[2] !== "string")) return undefined;
      }
    }
    const snapshots: Record<string, Snapshot | null> = Object.create(null);
    for (const [blob, snapshot] of Object.entries(data.snapshots)) {
      if (snapshot !== null && !isSnapshot(snapshot)) return undefined;
      snapshots[blob] = snapshot;
    }
    const owners: Record<string, string[]> = Object.create(null);
    if (!data.owners || typeof data.owners !== "object" || Array.isArray(data.owners)) return undefined;
    for (const [blob, keys] of Object.entries(data.owners)) {
      if (!Array.isArray(keys) || keys.length > OWNERS_PER_VERSION || !keys.every((k) => typeof k === "string")) return undefined;
      owners[blob] = keys;
    }
    return { format: CACHE_FORMAT, key, head: data.head, log: data.log, snapshots, owners };
  } catch {
    return undefined;
  }
}

/** Writes the cache, sealed with the cache key. */
export async function writeCache(file: string, data: CacheFile, secret: Buffer): Promise<void> {
  await writeCacheText(file, sealText(JSON.stringify(data), PURPOSE, secret));
}

/** Writes a sealed cache file, whole or not at all. */
export async function writeCacheText(file: string, text: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, text);
  } catch {
    // A read-only checkout simply has no cache.
  }
}
