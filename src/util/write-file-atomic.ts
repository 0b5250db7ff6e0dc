import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { onInterrupt } from "./shutdown.js";

/**
 * Writes a file so that readers see the old content or the new, never a half-written file: write to a
 * temporary file beside it, then rename over the target (atomic on one file system). An interrupted build
 * removes the temporary file. `data` may come in pieces (strings written as UTF-8, in order), so a large
 * file need not be joined in memory first.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const forget = onInterrupt(() => rmSync(temporary, { force: true }));
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    forget();
  }
}
