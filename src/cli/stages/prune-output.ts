import { type Dirent, readdirSync } from "node:fs";
import { open, readdir } from "node:fs/promises";
import path from "node:path";
import { removeGuarded } from "../../util/output-guard.js";
import { DEALS_OUT, inOut, LEGACY_STATE_DIR } from "../../util/output-layout.js";

/** Our own pages say so in their head (templates/_includes/base.njk); nothing else is ever removed. */
const GENERATOR_MARK = '<meta name="generator" content="protokoll">';

export async function isOurPage(file: string): Promise<boolean> {
  const handle = await open(file, "r").catch(() => undefined);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString("utf8").includes(GENERATOR_MARK);
  } finally {
    await handle.close();
  }
}

/**
 * Pages an earlier build wrote that this one did not (an owner without actions now, a finding fixed) go —
 * only pages protokoll generated; a hand-written page in the output folder stays. So do folders that this
 * emptied.
 */
export async function removeStalePages(outDir: string, written: ReadonlySet<string>): Promise<void> {
  const entries = readdirOrNone(outDir, true);
  const emptied = new Set<string>();
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !entry.name.endsWith(".html") || written.has(file) || !(await isOurPage(file))) continue;
    await removeGuarded(file);
    emptied.add(entry.parentPath);
  }
  await removeEmptyFolders(emptied, outDir);
}

/**
 * A deal deleted since the last build leaves nothing behind: the page and the files `dealFiles` names in its
 * folder under deals/ go, and the folder when nothing else is in it. So do temporary files a killed build left
 * (every file is written to a temporary file and renamed, never truncated in place). Files protokoll did not
 * write are never touched.
 */
export async function removeStaleDeals(
  outDir: string,
  slugs: ReadonlySet<string>,
  dealFiles: (slug: string) => string[],
): Promise<void> {
  const dealsOut = inOut(outDir, DEALS_OUT);
  const existing = readdirOrNone(dealsOut, false);
  const emptied = new Set<string>();
  for (const entry of existing) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dealsOut, entry.name);
    const stale = !slugs.has(entry.name);
    const ours = new Set(dealFiles(entry.name));
    for (const file of readdirSync(folder)) {
      const full = path.join(folder, file);
      const remove = file.endsWith(".tmp") || (stale && (ours.has(file) || (file === "index.html" && (await isOurPage(full)))));
      if (remove) await removeGuarded(full);
    }
    if (stale) emptied.add(folder);
  }
  await removeEmptyFolders(emptied, outDir);
}

/**
 * `<out>/.protokoll/`, where builds before contract v3 kept their caches (the analysis with every internal note):
 * removed, never read. A link there goes as a link; what it points to is not touched.
 */
export async function removeLegacyState(outDir: string): Promise<void> {
  await removeGuarded(path.join(outDir, LEGACY_STATE_DIR), { recursive: true });
}

/** Removes `files` (layout paths) and, in every deal folder, the files `dealFiles` names. */
export async function removeFiles(
  outDir: string,
  files: readonly string[],
  dealFiles: (slug: string) => string[],
): Promise<void> {
  for (const file of files) await removeGuarded(inOut(outDir, file));
  for (const entry of readdirOrNone(inOut(outDir, DEALS_OUT), false)) {
    if (!entry.isDirectory()) continue;
    for (const name of dealFiles(entry.name)) await removeGuarded(path.join(outDir, DEALS_OUT, entry.name, name));
  }
}

/**
 * The entries of `dir` (none when it is missing), read with synchronous calls: a build walks a thousand deal
 * folders, and each asynchronous call is a round trip through libuv's thread pool.
 */
function readdirOrNone(dir: string, recursive: boolean): Dirent[] {
  try {
    return readdirSync(dir, { recursive, withFileTypes: true });
  } catch {
    return [];
  }
}

/** Removes each folder that is now empty, and its parents up to (not including) `root`. */
async function removeEmptyFolders(folders: Iterable<string>, root: string): Promise<void> {
  const sorted = [...folders].sort((a, b) => b.length - a.length);
  for (let dir of sorted) {
    while (dir.startsWith(root + path.sep)) {
      if ((await readdir(dir).catch(() => ["?"])).length > 0) break;
      await removeGuarded(dir, { recursive: true });
      dir = path.dirname(dir);
    }
  }
}
