import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";

/**
 * This machine's secret for the build's caches (`~/.cache/protokoll/cache-key`, 32 random bytes): a cache in
 * the output folder is trusted only with a MAC made with it, because the output folder may come from anywhere
 * (a committed `_site/`, another machine's artifact, a pull request). `create`: make one when there is none (a
 * build); without it (`check`, which writes nothing) no key means no cache.
 */
export async function machineKey(create: boolean, env: NodeJS.ProcessEnv = process.env): Promise<Buffer | undefined> {
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
