import path from "node:path";
import { buildStateDir } from "../../src/util/cache-folder.js";
import { CLI_CACHE_DIR } from "./run-cli.js";

/**
 * The state folder (lock, manifests, caches) of a build into `out`, run with `XDG_CACHE_HOME=xdg` in a project
 * without `node_modules`: the cache folder is then the user's, `<xdg>/protokoll` (src/util/cache-folder.ts).
 */
export function stateDirUnder(xdg: string, out: string): string {
  return buildStateDir(path.join(xdg, "protokoll"), out);
}

/**
 * The state folder of a build into `<cwd>/<out>` spawned by `runCli` (or with its environment) without a cache
 * folder of its own: in the runs' cache folder.
 */
export function stateDirOf(cwd: string, out = "_site"): string {
  return buildStateDir(CLI_CACHE_DIR, path.join(cwd, out));
}
