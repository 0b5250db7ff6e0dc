// The analysis cache: a deal file's bytes (with everything else its analysis depends on) → its analysis, kept in
// the output folder's state folder (src/util/cache-folder.ts) between builds, so an unchanged deal is not parsed, validated and modelled again.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Finding } from "../errors.js";
import type { DealFileEntry } from "../load/find-deal-files.js";
import type { DealResult } from "../pipeline.js";
import { machineKey } from "../util/machine-key.js";
import { sha256 } from "../util/sha256.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";

/** Bumped whenever the shape of a cached analysis or of the file changes: entries of another schema are never read. */
export const ANALYSIS_CACHE_SCHEMA = 2;
const FORMAT = "protokoll-analysis-cache";
export const ANALYSIS_CACHE_FILE = "analysis-cache.json";
/** The cache file is written in pieces of about this many bytes (an entry is never split): never all at once. */
export const CACHE_PIECE_BYTES = 1 << 20;

/** What every entry's key depends on besides the file itself. */
export interface CacheContext {
  /** The tool version and a fingerprint of its code (src/util/code-fingerprint.ts): a changed protokoll analyses anew. */
  version: string;
  /** The configuration as loaded (thresholds, time zone, vague-owner words, … all change findings). */
  config: unknown;
  /** Findings depend on today (overdue, late, past meetings): it is part of the key of every analysis. */
  today: string;
}

/** Where analyse() looks up and keeps results by the key of what each was made from. */
export interface ResultStore {
  key(entry: DealFileEntry, bytes: Uint8Array, duplicate: Finding | undefined, git: unknown): string;
  /** The result filed under `key`, with its {@link resultDigest}. */
  get(key: string): Digested | undefined;
  /** Files a result under `key`; returns its {@link resultDigest} where the store keeps results. */
  set(key: string, result: DealResult): string | undefined;
  /** The hash of what every key depends on besides the file (see {@link keyingStore}). */
  readonly context?: string;
}

/** A result and its digest. */
export interface Digested {
  result: DealResult;
  digest: string;
}

/**
 * The digest of a result as the cache keeps it (its JSON) in a context: what the outputs made from one deal are
 * keyed by. Unlike the key of the file it was made from, it stays the same when an edit leaves the result as
 * it was — a comment, a blank line, quotes — so such an edit rebuilds nothing. A digest changes whenever the
 * key's context (tool, configuration, today) does.
 */
export function resultDigest(context: string, json: Uint8Array | string): string {
  return createHash("sha256").update(context).update("\0").update(json).digest("hex");
}

/**
 * The key of one file's analysis: its bytes, its name, its duplicate-slug finding, its git facts, and `context`
 * (the schema, the tool and its code, the configuration, today).
 */
export function analysisKey(
  context: string,
  entry: DealFileEntry,
  bytes: Uint8Array,
  duplicate: Finding | undefined,
  git: unknown,
): string {
  return createHash("sha256")
    .update(JSON.stringify([context, entry.file, entry.slug, duplicate ?? null, git ?? null]))
    .update("\0")
    .update(bytes)
    .digest("hex");
}

/**
 * A store that keeps nothing and only keys: a worker thread analyses with it, so that each result comes back with
 * the key of the bytes the worker read itself (a file saved while the build runs is not filed under the key of
 * the bytes the main thread read before).
 */
export function keyingStore(context: string): ResultStore {
  return {
    context,
    key: (entry, bytes, duplicate, git) => analysisKey(context, entry, bytes, duplicate, git),
    get: () => undefined,
    // The thread that keeps the result (and serialises it) makes its digest.
    set: () => undefined,
  };
}

/**
 * A cache file is trusted only when it carries a valid HMAC made with this machine's own key (kept outside the
 * output folder, in the user's cache folder). The output folder may come from anywhere — a committed `_site/`,
 * an artifact of another machine, a pull request — and a forged entry would otherwise let a broken deal pass
 * `check`. A file that fails any test (format, schema, MAC, shape) is ignored and written anew.
 *
 * The file is one JSON object with one entry a line, the MAC last, over every byte before it:
 *
 *     {"format":"protokoll-analysis-cache","schema":2,"entries":{
 *     "<key>":<analysis as JSON>,
 *     "<key>":<analysis as JSON>
 *     },"mac":"<HMAC-SHA256, hex>"}
 *
 * so it is written and MACed in pieces as it goes, and read as one buffer whose entries are parsed only when a
 * deal asks for theirs. At 10 000 deals the entries are some 50 MB: they are held as UTF-8 bytes (never as one
 * string, never as parsed objects beside the analysis), and released once the file is saved.
 */
export class AnalysisCache implements ResultStore {
  readonly #file: string;
  readonly #secret: Buffer;
  readonly #context: string;
  /** The entries of the file on disk, as slices of the one buffer it was read into. */
  #known: Map<string, Buffer>;
  /** The entries of this run: those read from the file and those analysed now, as the bytes to write. */
  #used = new Map<string, Buffer>();
  #saved = false;
  /** Results {@link set} in this run. */
  #fresh = 0;
  /** Why the file on disk was not used, when it existed and was not. */
  readonly ignored: string | undefined;
  hits = 0;
  misses = 0;

  private constructor(file: string, secret: Buffer, context: string, known: Map<string, Buffer>, ignored?: string) {
    this.#file = file;
    this.#secret = secret;
    this.#context = context;
    this.#known = known;
    this.ignored = ignored;
  }

  /**
   * Opens the cache in `dir` (the output folder's state folder, src/util/cache-folder.ts). `create`: make this machine's key when there is none (a
   * build); without it (`check`, which writes nothing) no key means no cache. Undefined when there is no usable key.
   */
  static async open(
    dir: string,
    context: CacheContext,
    options: { create: boolean; env?: NodeJS.ProcessEnv },
  ): Promise<AnalysisCache | undefined> {
    const secret = await machineKey(options.create, options.env ?? process.env);
    if (!secret) return undefined;
    const file = path.join(dir, ANALYSIS_CACHE_FILE);
    const contextHash = sha256(JSON.stringify([ANALYSIS_CACHE_SCHEMA, context.version, context.today, context.config]));
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return new AnalysisCache(file, secret, contextHash, new Map());
    }
    const { entries, ignored } = verify(bytes, secret);
    return new AnalysisCache(file, secret, contextHash, entries, ignored);
  }

  get context(): string {
    return this.#context;
  }

  /** The key of one file's analysis ({@link analysisKey}). */
  key(entry: DealFileEntry, bytes: Uint8Array, duplicate: Finding | undefined, git: unknown): string {
    return analysisKey(this.#context, entry, bytes, duplicate, git);
  }

  /** A fresh copy of the cached analysis (callers add PDF findings to theirs) and its digest, or undefined. */
  get(key: string): Digested | undefined {
    this.#notSaved();
    const json = this.#known.get(key);
    const result = json === undefined ? undefined : parseResult(json);
    if (json === undefined || result === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.#used.set(key, json);
    return { result, digest: resultDigest(this.#context, json) };
  }

  /** Records a result as analysed now (serialised at once: later changes to it are not cached); its digest. */
  set(key: string, result: DealResult): string {
    this.#notSaved();
    this.#fresh++;
    const json = Buffer.from(JSON.stringify(result));
    this.#used.set(key, json);
    return resultDigest(this.#context, json);
  }

  /**
   * Writes the entries used in this run (only those: the file never grows with old versions), in pieces, then
   * lets go of every entry it held: the cache is done for this run, and only the analysis keeps its results.
   */
  async save(): Promise<void> {
    this.#notSaved();
    this.#saved = true;
    // Every entry on disk used and none added: the file would come out byte for byte the same.
    const same = this.ignored === undefined && this.#fresh === 0 && this.#used.size === this.#known.size;
    const entries = [...this.#used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.#known = new Map();
    this.#used = new Map();
    if (same) return;
    await writeFileAtomic(this.#file, cacheFilePieces(entries, this.#secret));
  }

  #notSaved(): void {
    if (this.#saved) throw new Error("the analysis cache was saved: it is not used again in the same run");
  }
}

/**
 * The cache file's bytes for `entries` (sorted keys → analyses as JSON), in pieces of about CACHE_PIECE_BYTES,
 * the MAC computed on the way and written last.
 */
export function* cacheFilePieces(entries: Iterable<readonly [string, Uint8Array]>, secret: Buffer): Generator<Buffer> {
  const mac = createHmac("sha256", secret);
  let parts: Uint8Array[] = [];
  let size = 0;
  const add = (part: Uint8Array) => {
    parts.push(part);
    size += part.byteLength;
  };
  const piece = () => {
    const bytes = Buffer.concat(parts, size);
    parts = [];
    size = 0;
    mac.update(bytes);
    return bytes;
  };
  add(Buffer.from(HEADER));
  let first = true;
  for (const [key, json] of entries) {
    if (!KEY.test(key)) throw new Error(`not an analysis cache key: ${key}`);
    add(Buffer.from(`${first ? "" : ",\n"}"${key}":`));
    add(json);
    first = false;
    if (size >= CACHE_PIECE_BYTES) yield piece();
  }
  if (!first) add(NEWLINE);
  yield piece();
  yield Buffer.from(`},"mac":"${mac.digest("hex")}"}\n`);
}

const HEADER = `{"format":"${FORMAT}","schema":${ANALYSIS_CACHE_SCHEMA},"entries":{\n`;
const NEWLINE = Buffer.from("\n");
const KEY = /^[0-9a-f]{64}$/;
const TRAILER = /^\},"mac":"([0-9a-f]{64})"\}$/;
const LF = 0x0a;

function verify(bytes: Buffer, secret: Buffer): { entries: Map<string, Buffer>; ignored?: string } {
  const none = (ignored: string) => ({ entries: new Map<string, Buffer>(), ignored });
  // The start says whose file this is (an older protokoll wrote one JSON object with the MAC first).
  const start = /^\{"format":"([^"\\]*)","schema":(\d+),/.exec(bytes.toString("utf8", 0, 200));
  if (!start || start[1] !== FORMAT) return none("another format");
  if (Number(start[2]) !== ANALYSIS_CACHE_SCHEMA) return none("another schema");
  if (bytes.subarray(0, HEADER.length).toString("utf8") !== HEADER) return none("another format");
  // The last line carries the MAC over every byte before it; nothing is read before it verifies.
  if (bytes.length < HEADER.length + 1 || bytes[bytes.length - 1] !== LF) return none("no MAC");
  const last = bytes.lastIndexOf(LF, bytes.length - 2) + 1;
  const trailer = TRAILER.exec(bytes.toString("latin1", last, bytes.length - 1));
  if (last < HEADER.length || !trailer) return none("no MAC");
  const expected = createHmac("sha256", secret).update(bytes.subarray(0, last)).digest();
  const mac = Buffer.from(trailer[1] as string, "hex");
  if (!timingSafeEqual(mac, expected)) return none("MAC does not match (another machine, or changed)");
  const entries = new Map<string, Buffer>();
  for (let at = HEADER.length; at < last; ) {
    const end = bytes.indexOf(LF, at);
    const line = bytes.subarray(at, end);
    at = end + 1;
    const json = line.subarray(67, line[line.length - 1] === 0x2c ? line.length - 1 : line.length);
    const key = line.toString("latin1", 1, 65);
    if (line[0] !== 0x22 || !KEY.test(key) || line.toString("latin1", 65, 67) !== '":' || json.length === 0) {
      return none("entries not readable");
    }
    entries.set(key, json);
  }
  return { entries };
}

/** The shape every cached result must have; anything else is a miss. */
function parseResult(json: Buffer): DealResult | undefined {
  try {
    const value = JSON.parse(json.toString("utf8")) as DealResult;
    const ok =
      value &&
      typeof value.slug === "string" &&
      typeof value.file === "string" &&
      Array.isArray(value.findings) &&
      typeof value.lines === "object" &&
      typeof value.titleAt === "object";
    return ok ? value : undefined;
  } catch {
    return undefined;
  }
}
