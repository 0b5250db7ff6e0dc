import { runInWorkers, workerCount } from "../util/worker-pool.js";
import { type Snapshot, snapshotEntry, snapshotOfBytes } from "./snapshot.js";
import { blobSizes, streamBlobs } from "./stream-blobs.js";

/**
 * Past versions held at once to be parsed in worker threads: beyond this (a history of many large versions),
 * each version is parsed in this thread as it streams in, and dropped.
 */
const WORKER_BYTES = 64 * 1024 * 1024;

/**
 * The snapshots of the blobs `wanted` (blob id → the file it is a version of), from one `git cat-file --batch`:
 * sizes are asked first (`--batch-check`) and a version over `maxBytes` (or missing) is never read — it is not a
 * deal at that time (`null`). Parsing the versions is most of a history's cost (a YAML parse each, 3 000 for 20
 * commits of 200 deals): with enough of them they are parsed in worker threads, on every core
 * (src/history/snapshot-worker.ts), as the analysis parses the deal files.
 */
export async function readSnapshots(
  wanted: ReadonlyMap<string, string>,
  cwd: string,
  maxBytes: number,
): Promise<Map<string, Snapshot | null>> {
  const ids = [...wanted.keys()];
  const snapshots = new Map<string, Snapshot | null>(ids.map((blob) => [blob, null]));
  const sizes = await blobSizes(ids, cwd);
  const small = ids.filter((blob) => (sizes.get(blob) ?? Number.POSITIVE_INFINITY) <= maxBytes);
  const bytes = small.reduce((sum, blob) => sum + (sizes.get(blob) ?? 0), 0);
  const threads = bytes <= WORKER_BYTES ? workerCount(small.length) : 0;
  if (threads > 0) {
    const items: { file: string; bytes: Uint8Array }[] = [];
    const blobs: string[] = [];
    await streamBlobs(small, cwd, maxBytes, (blob, content) => {
      if (!content) return;
      blobs.push(blob);
      items.push({ file: wanted.get(blob) as string, bytes: content });
    });
    const made = await runInWorkers<{ file: string; bytes: Uint8Array }, Snapshot | null>(
      new URL("./snapshot-worker.js", import.meta.url),
      { cwd },
      items,
      threads,
    );
    for (let i = 0; i < blobs.length; i++) {
      const item = items[i] as { file: string; bytes: Uint8Array };
      snapshots.set(blobs[i] as string, made ? (made[i] ?? null) : snapshotOfBytes(snapshotEntry(item.file, cwd), item.bytes));
    }
    return snapshots;
  }
  await streamBlobs(small, cwd, maxBytes, (blob, content) => {
    const file = wanted.get(blob) as string;
    snapshots.set(blob, content ? snapshotOfBytes(snapshotEntry(file, cwd), content) : null);
  });
  return snapshots;
}
