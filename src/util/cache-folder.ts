// Where the build keeps its caches and its lock (contract v3): never under the output folder, which is the site
// and may be published as it is.
import { lstatSync, statSync } from "node:fs";
import path from "node:path";
import { userCacheDir } from "./machine-key.js";
import { sha256 } from "./sha256.js";

/** The environment variable that names the cache folder (`--cache-dir` sets it for the run, src/cli/main.ts). */
export const CACHE_DIR_ENV = "PROTOKOLL_CACHE_DIR";

/**
 * The cache folder: `PROTOKOLL_CACHE_DIR` (which `--cache-dir` sets), else `node_modules/.cache/protokoll` of the
 * project (the nearest folder from `cwd` up that has a `node_modules` folder), else this user's cache folder
 * (`~/.cache/protokoll`). A `.cache` or `protokoll` in `node_modules` that is a symbolic link (a repository can
 * commit one) is not used: the user's folder is. What is in the folder is trusted only with a MAC made with
 * this machine's key (src/util/machine-key.ts), which is never kept there.
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const named = env[CACHE_DIR_ENV];
  if (named) return path.resolve(cwd, named);
  return projectCache(cwd) ?? userCacheDir(env);
}

function projectCache(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const modules = path.join(dir, "node_modules");
    if (isDirectory(modules)) {
      const cache = path.join(modules, ".cache");
      const own = path.join(cache, "protokoll");
      return isLink(cache) || isLink(own) ? undefined : own;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The folder of one output folder's state — its lock, the manifest of what the last build wrote there, the PDF
 * cache, the calendar parts, the analysis cache — inside the cache folder: `builds/<name>-<hash of its path
 * from the cache folder>`. `check` reads the analysis cache of `_site`'s. From the cache folder, not absolute:
 * a project's own cache folder (`.protokoll-cache`, `node_modules/.cache/protokoll`) restored into a clone at
 * another path (CI runners, the shards' jobs) still names the same state for the same `--out`, while output
 * folders of different projects sharing one cache folder stay apart.
 */
export function buildStateDir(cacheDir: string, outDir: string): string {
  const absolute = path.resolve(outDir);
  const name =
    path
      .basename(absolute)
      .replace(/[^A-Za-z0-9_-]+/g, "-")
      .slice(0, 40) || "out";
  const fromCache = path.relative(path.resolve(cacheDir), absolute).split(path.sep).join("/");
  return path.join(cacheDir, "builds", `${name}-${sha256(fromCache).slice(0, 16)}`);
}

/** Whether `child` is `parent` or inside it (both absolute). */
export function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
