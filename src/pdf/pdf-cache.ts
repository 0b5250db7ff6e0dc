import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../util/write-file-atomic.js";

/** Where the build keeps what it knows about earlier runs, inside the output folder. */
export const CACHE_DIR = ".protokoll";
const MANIFEST = "pdf-cache.json";

/** slug → hash of what its PDF was printed from. */
export type PdfManifest = Record<string, string>;

/**
 * Hash of everything a PDF's bytes depend on: the print HTML (which inlines styles, fonts and logo) and the
 * tool version. The compact variant comes from the same inputs, so it needs no hash of its own.
 */
export function printHash(html: string, version: string): string {
  return createHash("sha256").update(version).update("\0").update(html).digest("hex");
}

export async function readManifest(outDir: string): Promise<PdfManifest> {
  try {
    const parsed = JSON.parse(await readFile(path.join(outDir, CACHE_DIR, MANIFEST), "utf8")) as unknown;
    return parsed && typeof parsed === "object" ? (Object.assign(Object.create(null), parsed) as PdfManifest) : {};
  } catch {
    return {};
  }
}

export async function writeManifest(outDir: string, manifest: PdfManifest): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  await writeFileAtomic(path.join(outDir, CACHE_DIR, MANIFEST), `${JSON.stringify(sorted, null, 2)}\n`);
}
