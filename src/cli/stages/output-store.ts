import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { sha256 } from "../../util/sha256.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";

/** The store's folder in the output folder's state folder (src/util/cache-folder.ts). */
export const OUTPUT_STORE_DIR = "files";

const HASH = /^[0-9a-f]{64}$/;

/**
 * A copy of every output file the output manifest vouches for, named by the SHA-256 of its bytes, in the output
 * folder's state folder (in CI: the cache folder the templates restore). A build whose output folder lost a file
 * (a fresh CI runner restores the cache folder, never the last site) writes the file again from here instead of
 * rendering or printing it: every file in the output folder is one this build wrote, and a PDF unchanged since
 * the last run is not printed again. A copy is used only when its bytes have the hash the sealed manifest
 * recorded, so a copy planted or damaged in the cache is ignored (and removed), never written out.
 */
export class OutputStore {
  readonly #dir: string;

  constructor(stateDir: string) {
    this.#dir = path.join(stateDir, OUTPUT_STORE_DIR);
  }

  #pathOf(hash: string): string {
    return path.join(this.#dir, hash);
  }

  /**
   * Keeps a copy of `file`, which holds the bytes with SHA-256 `hash` (just written, or just verified): a hard
   * link where the file system allows one (no bytes copied), else a copy. Once per hash.
   */
  keep(file: string, hash: string): void {
    if (!HASH.test(hash)) return;
    const target = this.#pathOf(hash);
    try {
      statSync(target);
      return;
    } catch {
      // Not kept yet.
    }
    const part = `${target}.${process.pid}.part`;
    try {
      mkdirSync(this.#dir, { recursive: true });
      try {
        linkSync(file, part);
      } catch {
        copyFileSync(file, part);
      }
      renameSync(part, target);
    } catch {
      // No copy: a build that misses the file makes it again.
      rmSync(part, { force: true });
    }
  }

  /** Writes `file` from the copy of the bytes with SHA-256 `hash`: whether there was one that holds them. */
  async restore(file: string, hash: string): Promise<boolean> {
    if (!HASH.test(hash)) return false;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.#pathOf(hash));
    } catch {
      return false;
    }
    if (sha256(bytes) !== hash) {
      rmSync(this.#pathOf(hash), { force: true });
      return false;
    }
    await writeFileAtomic(file, bytes);
    return true;
  }

  /** Removes every copy whose hash is not in `used`: the files of outputs no build vouches for any more. */
  prune(used: ReadonlySet<string>): void {
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return;
    }
    for (const name of names) if (!used.has(name)) rmSync(path.join(this.#dir, name), { force: true });
  }
}
