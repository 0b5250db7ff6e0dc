import path from "node:path";
import { buildStateDir, cacheFolder } from "../../src/util/cache-folder.js";

/**
 * The state folder (lock, manifests, caches) of a build into `out`, run with `XDG_CACHE_HOME=xdg` in a project
 * without `node_modules`: the cache folder is then the user's, `<xdg>/protokoll` (src/util/cache-folder.ts).
 */
export function stateDirUnder(xdg: string, out: string): string {
  return buildStateDir(path.join(xdg, "protokoll"), out);
}

/**
 * The state folder of a build into `<cwd>/<out>` spawned with this process's environment (as `runCli` does):
 * in the cache folder that the build itself finds from `cwd`.
 */
export function stateDirOf(cwd: string, out = "_site"): string {
  return buildStateDir(cacheFolder(process.env, cwd), path.join(cwd, out));
}
