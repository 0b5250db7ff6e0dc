import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";

export interface DealFileEntry {
  /** Path as shown to the user: relative to the working directory, with forward slashes. */
  file: string;
  /** Absolute path on disk. */
  absolute: string;
  /** File name without `.yaml` / `.yml`. */
  slug: string;
  /** Set when the entry must not be read (e.g. a symlink pointing out of the deals folder). */
  refused?: string;
}

const DEAL_EXTENSION = /\.ya?ml$/i;

/**
 * Lists `<deals>/**\/*.yaml|yml`, sorted by path so every build sees the same order. Symlinks are followed only
 * when they stay inside the deals folder: a pull request must not make the build read files elsewhere.
 */
export async function findDealFiles(dealsDir: string, cwd = process.cwd()): Promise<DealFileEntry[]> {
  const root = path.resolve(cwd, dealsDir);
  const realRoot = await realpath(root);
  const entries: DealFileEntry[] = [];

  async function walk(dir: string, depth: number): Promise<void> {
    if (depth > 8) return;
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const absolute = path.join(dir, name);
      const info = await lstat(absolute);
      let refused: string | undefined;
      let isDir = info.isDirectory();
      let isFile = info.isFile();
      if (info.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => undefined);
        if (!target || !isInside(realRoot, target)) {
          refused = "it is a symbolic link that points outside the deals folder";
        } else {
          const targetInfo = await stat(target);
          isDir = targetInfo.isDirectory();
          isFile = targetInfo.isFile();
        }
      }
      if (isDir && !refused) {
        await walk(absolute, depth + 1);
        continue;
      }
      if (!DEAL_EXTENSION.test(name) || (!isFile && !refused)) continue;
      const entry: DealFileEntry = {
        file: toDisplayPath(absolute, cwd),
        absolute,
        slug: name.replace(DEAL_EXTENSION, ""),
      };
      if (refused) entry.refused = refused;
      entries.push(entry);
    }
  }

  await walk(root, 0);
  return entries;
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

export function toDisplayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join("/");
}
