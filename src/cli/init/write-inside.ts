import { constants } from "node:fs";
import { lstat, mkdir, open } from "node:fs/promises";
import path from "node:path";

/** What became of one file `init` wanted to write. */
export type WriteOutcome =
  | { kind: "created" }
  | { kind: "exists" }
  /** `link` (relative to the target, `/`-separated) is a symbolic link on the way: nothing written through it. */
  | { kind: "link"; link: string };

/**
 * The first component of `relative` below `root` that is a symbolic link, if any (`.github` for
 * `.github/workflows/protokoll.yml` when `.github` links elsewhere). Checked with `lstat` per component, so a
 * link is seen as a link, never followed; components that do not exist yet end the walk.
 */
export async function linkOnTheWay(root: string, relative: string): Promise<string | undefined> {
  const parts = relative.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const stats = await lstat(path.join(root, ...parts.slice(0, i))).catch(() => undefined);
    if (!stats) return undefined;
    if (stats.isSymbolicLink()) return parts.slice(0, i).join("/");
  }
  return undefined;
}

/**
 * Writes `text` to `relative` below `root` only if nothing is there yet, and never through a link: a link as
 * a folder on the way, or as the file itself, is left alone and named. Folders are made one at a time, each
 * checked again after it is made; the file is opened with O_EXCL | O_NOFOLLOW, so a link or file that appears
 * in between is not written through either.
 */
export async function writeNewInside(root: string, relative: string, text: string): Promise<WriteOutcome> {
  const parts = relative.split("/");
  for (let i = 1; i < parts.length; i++) {
    const folder = path.join(root, ...parts.slice(0, i));
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
    const stats = await lstat(folder);
    if (stats.isSymbolicLink()) return { kind: "link", link: parts.slice(0, i).join("/") };
    if (!stats.isDirectory()) return { kind: "exists" };
  }
  const file = path.join(root, ...parts);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, flags, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const stats = await lstat(file).catch(() => undefined);
    return stats?.isSymbolicLink() ? { kind: "link", link: relative } : { kind: "exists" };
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return { kind: "created" };
}
