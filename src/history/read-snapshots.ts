import type { Config } from "../config/load-config.js";
import { runInWorkers, workerCount } from "../util/worker-pool.js";
import { type PastVersion, type PastVersionRead, readPastVersion, unreadPastVersion } from "./read-past-version.js";
import { blobSizes, streamBlobs } from "./stream-blobs.js";

/**
 * Past versions held at once to be parsed in worker threads: beyond this (a history of many large versions),
 * each version is parsed in this thread as it streams in, and dropped.
 */
const WORKER_BYTES = 64 * 1024 * 1024;

/** A blob to read: the file it is a version of, and whether only its owners are kept (older than the window). */
export interface WantedVersion {
  file: string;
  ownersOnly: boolean;
}

/**
 * What is kept of the blobs `wanted` (src/history/read-past-version.ts), from one `git cat-file --batch`: sizes
 * are asked first (`--batch-check`) and a version over `maxBytes` (or missing) is never read — it is not a deal
 * at that time (`null`, or no owners). Parsing the versions is most of a history's cost (a YAML parse each, 3 000
 * for 20 commits of 200 deals): with enough of them they are parsed in worker threads, on every core
 * (src/history/snapshot-worker.ts), as the analysis parses the deal files — by the same function, so either way
 * gives the same snapshots (last contact included) and owners.
 */
export async function readSnapshots(
  wanted: ReadonlyMap<string, WantedVersion>,
  cwd: string,
  maxBytes: number,
  config: Config,
): Promise<Map<string, PastVersionRead>> {
  const ids = [...wanted.keys()];
  const read = new Map<string, PastVersionRead>(ids.map((blob) => [blob, unreadPastVersion(wanted.get(blob)?.ownersOnly)]));
  const sizes = await blobSizes(ids, cwd);
  const small = ids.filter((blob) => (sizes.get(blob) ?? Number.POSITIVE_INFINITY) <= maxBytes);
  const bytes = small.reduce((sum, blob) => sum + (sizes.get(blob) ?? 0), 0);
  const threads = bytes <= WORKER_BYTES ? workerCount(small.length) : 0;
  const versionOf = (blob: string, content: Uint8Array): PastVersion => {
    const { file, ownersOnly } = wanted.get(blob) as WantedVersion;
    return ownersOnly ? { file, bytes: content, ownersOnly } : { file, bytes: content };
  };
  if (threads > 0) {
    const items: PastVersion[] = [];
    const blobs: string[] = [];
    await streamBlobs(small, cwd, maxBytes, (blob, content) => {
      if (!content) return;
      blobs.push(blob);
      items.push(versionOf(blob, content));
    });
    const made = await runInWorkers<PastVersion, PastVersionRead>(
      new URL("./snapshot-worker.js", import.meta.url),
      { cwd, config },
      items,
      threads,
    );
    for (let i = 0; i < blobs.length; i++) {
      const item = items[i] as PastVersion;
      read.set(blobs[i] as string, made ? (made[i] ?? unreadPastVersion(item.ownersOnly)) : readPastVersion(item, cwd, config));
    }
    return read;
  }
  await streamBlobs(small, cwd, maxBytes, (blob, content) => {
    if (content) read.set(blob, readPastVersion(versionOf(blob, content), cwd, config));
  });
  return read;
}
