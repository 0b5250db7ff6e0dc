import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";

/** The environment variable with the key of a cache shared between machines (a CI secret, contract v3). */
export const CACHE_KEY_ENV = "PROTOKOLL_CACHE_KEY";

/**
 * The secret every cache is trusted under: a cache is used only with a MAC made with it, because the cache
 * folder may come from anywhere (a restored CI cache, a folder committed in `node_modules`, another machine's
 * copy). `PROTOKOLL_CACHE_KEY` when it is set (its SHA-256: two CI runs with the same secret share a cache);
 * else this machine's own key, `~/.cache/protokoll/cache-key` (32 random bytes), never in a project's folder.
 * (Whoever can write this user's cache folder can replace the key, as they could the browser Puppeteer finds
 * there: a CI job that restores that whole folder should set `PROTOKOLL_CACHE_KEY` instead.)
 * `create`: make one when there is none (a build); without it (`check`, which writes nothing) no key means no
 * cache.
 */
export async function machineKey(create: boolean, env: NodeJS.ProcessEnv = process.env): Promise<Buffer | undefined> {
  const shared = env[CACHE_KEY_ENV];
  if (shared) return createHash("sha256").update("protokoll-cache-key\0").update(shared).digest();
  const file = path.join(userCacheDir(env), "cache-key");
  const read = async () => {
    try {
      const key = Buffer.from((await readFile(file, "utf8")).trim(), "hex");
      return key.length === 32 ? key : undefined;
    } catch {
      return undefined;
    }
  };
  const existing = await read();
  if (existing || !create) return existing;
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    // `wx`: two builds starting at once must not both write one; the loser reads the winner's.
    await writeFile(file, `${key.toString("hex")}\n`, { flag: "wx", mode: 0o600 });
    return key;
  } catch {
    return read();
  }
}

/** `~/.cache/protokoll` (or under `XDG_CACHE_HOME`): this user's, never the repository's or the output folder's. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(env.HOME || homedir(), ".cache"), "protokoll");
}
