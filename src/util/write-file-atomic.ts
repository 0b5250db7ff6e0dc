import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { lstat, mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { onInterrupt } from "./shutdown.js";

/**
 * Writes a file so that readers see the old content or the new, never a half-written file: write to a
 * temporary file beside it, then rename over the target (atomic on one file system). An interrupted build
 * removes the temporary file. `data` may come in pieces (strings written as UTF-8, and bytes, in order), so a
 * large file need not be joined in memory first.
 *
 * A regular file that already holds exactly these bytes is left alone: a rebuild writes only what changed (an
 * unchanged page keeps its inode and modification time, and a watching browser or rsync sees nothing new).
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  if ((typeof data === "string" || data instanceof Uint8Array) && (await holds(target, data))) return;
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const forget = onInterrupt(() => rmSync(temporary, { force: true }));
  try {
    await writeFile(temporary, data);
    // Content that came in pieces is compared once written, piece by piece from both files (never read whole):
    // the same bytes leave the file as it was.
    if (typeof data !== "string" && !(data instanceof Uint8Array) && (await sameFile(target, temporary))) {
      await rm(temporary, { force: true });
      return;
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    forget();
  }
}

/** Whether `target` is a regular file with exactly the bytes of `data` (the size is compared first). */
async function holds(target: string, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  try {
    const info = await lstat(target);
    if (!info.isFile() || info.size !== bytes.byteLength) return false;
    return Buffer.compare(await readFile(target), bytes) === 0;
  } catch {
    return false;
  }
}

/** Bytes compared at a time by `sameFile`. */
const COMPARE_BYTES = 1 << 20;

/** Whether `target` is a regular file with exactly the bytes of the file `written`, read a megabyte at a time. */
async function sameFile(target: string, written: string): Promise<boolean> {
  try {
    const info = await lstat(target);
    const size = (await lstat(written)).size;
    if (!info.isFile() || info.size !== size) return false;
    const a = await open(target, "r");
    try {
      const b = await open(written, "r");
      try {
        const one = Buffer.allocUnsafe(Math.min(COMPARE_BYTES, size));
        const other = Buffer.allocUnsafe(one.length);
        for (let position = 0; position < size; position += one.length) {
          const length = Math.min(one.length, size - position);
          const [x, y] = await Promise.all([a.read(one, 0, length, position), b.read(other, 0, length, position)]);
          if (x.bytesRead !== length || y.bytesRead !== length || one.compare(other, 0, length, 0, length) !== 0) return false;
        }
        return true;
      } finally {
        await b.close();
      }
    } finally {
      await a.close();
    }
  } catch {
    return false;
  }
}
