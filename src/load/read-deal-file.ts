import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { type Finding, finding } from "../errors.js";
import { phrase } from "../i18n/translate.js";
import { slugify } from "../util/slug.js";
import { decodeUtf8 } from "./decode-utf8.js";
import type { DealFileEntry } from "./find-deal-files.js";
import { parseYaml } from "./parse-yaml.js";
import type { SourceDocument } from "./source-document.js";

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

export interface LoadedFile {
  entry: DealFileEntry;
  source?: SourceDocument;
  data?: unknown;
  /** The data was recovered from a file with syntax errors: validate it for more findings, never build it. */
  partial?: boolean;
  findings: Finding[];
}

/**
 * Reads one deal file: size cap before reading, strict UTF-8, strict YAML. Never throws for anything the
 * file's author can cause; the problems come back as findings.
 */
export async function readDealFile(entry: DealFileEntry, maxBytes: number): Promise<LoadedFile> {
  const { file } = entry;
  const findings: Finding[] = slugFindings(entry);
  if (entry.refused) {
    const refusal = finding(
      "invalid-filename",
      file,
      { line: 1, column: 1 },
      phrase(`file.refused.${entry.refused.kind}`),
      phrase(`file.refused.${entry.refused.kind}Hint`),
    );
    // A folder link's name is not a file name: only its refusal is worth saying.
    return { entry, findings: entry.refused.folder ? [refusal] : [...findings, refusal] };
  }

  const bytes = await readCapped(entry.absolute, maxBytes);
  if (bytes === "too-large") return { entry, findings: [...findings, tooLargeFinding(file, maxBytes)] };
  if (bytes === "special") return readDealFile({ ...entry, refused: { folder: false, kind: "special" } }, maxBytes);

  return parseDealBytes(entry, bytes, findings);
}

/**
 * Decodes and parses a deal file's bytes, wherever they came from (the disk, or a git revision for `diff`).
 * `findings` may already hold problems of the file name.
 */
export function parseDealBytes(entry: DealFileEntry, bytes: Uint8Array, findings: Finding[] = []): LoadedFile {
  const { file } = entry;
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    findings.push(
      finding(
        "invalid-yaml",
        file,
        { line: decoded.line, column: decoded.column },
        phrase("file.notUtf8", { byte: decoded.offset + 1 }),
        phrase("file.notUtf8Hint"),
      ),
    );
    return { entry, findings };
  }

  const parsed = parseYaml(file, decoded.text);
  findings.push(...parsed.findings);
  const result: LoadedFile = { entry, findings };
  if (parsed.source) result.source = parsed.source;
  if (parsed.data !== undefined) {
    result.data = parsed.data;
    if (parsed.partial) result.partial = true;
  }
  return result;
}

/** `invalid-filename` when the file name is not a slug: it becomes the URL of the deal's page. */
export function slugFindings(entry: DealFileEntry): Finding[] {
  if (SLUG_PATTERN.test(entry.slug)) return [];
  return [
    finding(
      "invalid-filename",
      entry.file,
      { line: 1, column: 1 },
      phrase("file.badSlug", { slug: entry.slug }),
      phrase("file.badSlugHint", { suggestion: suggestSlug(entry.slug) }),
    ),
  ];
}

/** A deal file over the size limit: not read, not parsed — on disk or at a git revision alike. */
export function tooLargeFinding(file: string, maxBytes: number): Finding {
  return finding(
    "invalid-yaml",
    file,
    { line: 1, column: 1 },
    phrase("file.tooLarge", { kib: Math.round(maxBytes / 1024) }),
    phrase("file.tooLargeHint"),
  );
}

/**
 * A file's bytes, or "too-large" when it has more than `maxBytes` (not read then), or "special" when it is not a
 * regular file (any more: the listing refuses those, but a file can be swapped for a pipe after it). Read with
 * synchronous calls: deal files are small and a build reads thousands, and each asynchronous call is a round
 * trip through libuv's four-thread pool (a thousand files took five times as long that way). Opened without
 * blocking, so that a pipe cannot hang the build where no signal reaches it.
 */
export async function readCapped(absolute: string, maxBytes: number): Promise<Uint8Array | "too-large" | "special"> {
  const fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return "special";
    const { size } = info;
    if (size > maxBytes) return "too-large";
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const bytesRead = readSync(fd, buffer, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The file name (without extension) a deal titled `name` should have. */
export function suggestSlug(name: string): string {
  return slugify(name, 80, "deal");
}
