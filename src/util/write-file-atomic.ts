import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { lstat, mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { mayTouch } from "./output-guard.js";
import { onInterrupt } from "./shutdown.js";

/**
 * Writes a file so that readers see the old content or the new, never a half-written file: write to a
 * temporary file beside it, then rename over the target (atomic on one file system). An interrupted build
 * removes the temporary file. `data` may come in pieces (strings written as UTF-8, and bytes, in order), so a
 * large file need not be joined in memory first.
 *
 * A regular file that already holds exactly these bytes is left alone: a rebuild writes only what changed (an
 * unchanged page keeps its inode and modification time, and a watching browser or rsync sees nothing new).
 *
 * Content given whole (a page, a calendar, a mail draft: small files, thousands per build) is written with
 * synchronous calls: each asynchronous call is a round trip through libuv's four-thread pool, and a thousand
 * pages' check, write and rename took several times as long that way as in one go. A signal is handled only
 * between synchronous calls, so no temporary file of this path outlives an interrupted build; one a killed
 * build leaves is removed by the next (src/cli/stages/prune-output.ts).
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  // Under a guarded output folder, never through a link (src/util/output-guard.ts): refused, noted, not written.
  if (!mayTouch(target, "write")) return;
  if (typeof data === "string" || data instanceof Uint8Array) return writeWholeSync(target, data);
  // Pieces that come to less than WHOLE_BYTES are written whole (an owner's calendar feed); only a large file
  // (a site's feed, the analysis cache) is streamed.
  const pieces = data[Symbol.iterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < WHOLE_BYTES) {
    const next = pieces.next();
    if (next.done) return writeWholeSync(target, Buffer.concat(head, size));
    const bytes = asBuffer(next.value);
    head.push(bytes);
    size += bytes.byteLength;
  }
  await writeStreamed(
    target,
    (function* () {
      yield* head;
      for (let next = pieces.next(); !next.done; next = pieces.next()) yield next.value;
    })(),
  );
}

/** Up to this many bytes, content that comes in pieces is joined and written whole. */
const WHOLE_BYTES = 1 << 20;

function asBuffer(piece: string | Uint8Array): Buffer {
  return typeof piece === "string" ? Buffer.from(piece, "utf8") : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
}

/** {@link writeFileAtomic} for content in pieces: written as it comes, compared with the file once written. */
async function writeStreamed(target: string, data: Iterable<string | Uint8Array>): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const forget = onInterrupt(() => rmSync(temporary, { force: true }));
  try {
    await writeFile(temporary, coalesced(data));
    // Content that came in pieces is compared once written, piece by piece from both files (never read whole):
    // the same bytes leave the file as it was.
    if (await sameFile(target, temporary)) {
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

/** Bytes gathered before a write: a feed comes in thousands of small pieces, and each write is a round trip. */
const WRITE_BYTES = 1 << 16;

/** `pieces` as buffers of about {@link WRITE_BYTES} (a larger piece passes whole). */
function* coalesced(pieces: Iterable<string | Uint8Array>): Generator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  for (const piece of pieces) {
    const bytes = asBuffer(piece);
    parts.push(bytes);
    size += bytes.byteLength;
    if (size >= WRITE_BYTES) {
      yield Buffer.concat(parts, size);
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(parts, size);
}

/** {@link writeFileAtomic} for content given whole. */
function writeWholeSync(target: string, data: string | Uint8Array): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  if (holds(target, bytes)) return;
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    try {
      writeFileSync(temporary, bytes);
    } catch (error) {
      // The folder is made only when it is missing: asking first for every one of a site's files cost a cold
      // build of 1000 deals 150 ms.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(temporary, bytes);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Whether `target` is a regular file with exactly `bytes` (the size is compared first). */
function holds(target: string, bytes: Uint8Array): boolean {
  try {
    const info = lstatSync(target);
    if (!info.isFile() || info.size !== bytes.byteLength) return false;
    return Buffer.compare(readFileSync(target), bytes) === 0;
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
