import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sealText, unsealText } from "../util/sealed-text.js";
import { sha256 } from "../util/sha256.js";
import { removeShardFiles, type Shard, shardFileName, shardFiles } from "../util/shard.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";

/** The PDF cache's file, in the output folder's state folder (src/util/cache-folder.ts). */
export const PDF_CACHE_FILE = "pdf-cache.json";
/** What the file's MAC is for (src/util/sealed-text.ts). */
const PURPOSE = "protokoll-pdf-cache";

/**
 * slug → `<hash of what its PDF was printed from>:<hash of the PDF bytes written>[:overflow]`. The second hash
 * is what lets the cache vouch for a file: a PDF is "unchanged" only when the file on disk has exactly the
 * bytes this manifest recorded (an interrupted build may have replaced it with another deal version's PDF).
 * Entries of older versions without it are never trusted.
 */
export type PdfManifest = Record<string, string>;

export interface ManifestEntry {
  hash: string;
  /** SHA-256 of the PDF file as written. */
  pdf: string;
  overflow: boolean;
}

export function decodeManifest(manifest: PdfManifest): Record<string, ManifestEntry> {
  const result: Record<string, ManifestEntry> = Object.create(null);
  for (const [slug, value] of Object.entries(manifest)) {
    if (typeof value !== "string") continue;
    const [hash, pdf, flag] = value.split(":");
    if (hash && pdf && /^[0-9a-f]{64}$/.test(pdf)) result[slug] = { hash, pdf, overflow: flag === "overflow" };
  }
  return result;
}

export function encodeManifest(entries: Record<string, ManifestEntry>): PdfManifest {
  const result: PdfManifest = {};
  for (const [slug, entry] of Object.entries(entries))
    result[slug] = `${entry.hash}:${entry.pdf}${entry.overflow ? ":overflow" : ""}`;
  return result;
}

/** SHA-256 of a file's bytes. */
export function bytesHash(bytes: Uint8Array): string {
  return sha256(bytes);
}

/** Whether `file` exists and holds exactly the bytes with hash `expected`. */
export async function fileHasHash(file: string, expected: string): Promise<boolean> {
  try {
    return bytesHash(await readFile(file)) === expected;
  } catch {
    return false;
  }
}

/**
 * Hash of everything a PDF's bytes depend on: the print HTML (which inlines styles, fonts and logo) and the
 * tool version. The compact variant comes from the same inputs, so it needs no hash of its own.
 */
export function printHash(html: string, version: string): string {
  return createHash("sha256").update(version).update("\0").update(html).digest("hex");
}

/**
 * The PDF cache, when its MAC holds under the cache key `secret` (src/util/machine-key.ts); else empty. Without
 * the MAC, a PDF swapped for a forged one with its hash written in here was "unchanged" and went out attached to
 * the recap mail. With the files shards wrote beside it (`build --shard`, their folders copied into one), each
 * sealed on its own, a shard's entries over the older ones.
 */
export async function readManifest(stateDir: string, secret: Buffer | undefined): Promise<PdfManifest> {
  const result: PdfManifest = Object.create(null);
  if (!secret) return result;
  for (const file of [path.join(stateDir, PDF_CACHE_FILE), ...(await shardFiles(stateDir, PDF_CACHE_FILE))]) {
    try {
      const body = unsealText(await readFile(file, "utf8"), PURPOSE, secret);
      if (body === undefined) continue;
      const parsed = JSON.parse(body) as unknown;
      if (parsed && typeof parsed === "object") Object.assign(result, parsed);
    } catch {
      // Missing or unreadable: no entries from it.
    }
  }
  return result;
}

/**
 * Writes the PDF cache sealed with `secret`; without a key, nothing (nothing could vouch for it). A shard writes
 * its own file; a whole build the one file, which takes in the shards'.
 */
export async function writeManifest(
  stateDir: string,
  secret: Buffer | undefined,
  manifest: PdfManifest,
  shard?: Shard,
): Promise<void> {
  if (!secret) return;
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  const file = path.join(stateDir, shardFileName(PDF_CACHE_FILE, shard));
  await writeFileAtomic(file, sealText(JSON.stringify(sorted, null, 2), PURPOSE, secret));
  if (!shard) await removeShardFiles(stateDir, PDF_CACHE_FILE);
}
