import { constants } from "node:fs";
import { lstat, open, rmdir, unlink } from "node:fs/promises";
import path from "node:path";

/** What every history cache of the first format began with (written into `.git/protokoll/` before contract v3). */
const LEGACY_START = '{"format":1,';

/**
 * Removes the history cache an earlier version wrote into the repository's git folder, `<git dir>/protokoll/
 * history.json` (the cache now lives in the cache folder, sealed: src/history/cache-history.ts), and then that
 * folder if it is left empty. Only that file, and only when it is what we wrote: `protokoll` a real folder,
 * `history.json` a regular file (neither a link: never followed) that begins as a first-format cache. Anything
 * else there is left alone. Once it is gone, this is one failed `lstat` per build.
 */
export async function removeLegacyHistoryCache(commonDir: string): Promise<boolean> {
  const folder = path.join(commonDir, "protokoll");
  const file = path.join(folder, "history.json");
  try {
    if (!(await lstat(folder)).isDirectory() || !(await lstat(file)).isFile()) return false;
    // O_NOFOLLOW: a link put in its place since the lstat is not opened.
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    let start: string;
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(LEGACY_START.length), 0, LEGACY_START.length, 0);
      start = buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
    if (start !== LEGACY_START) return false;
    // unlink never follows a link; rmdir only removes an empty folder.
    await unlink(file);
    await rmdir(folder).catch(() => {});
    return true;
  } catch {
    return false;
  }
}
