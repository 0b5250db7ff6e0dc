// The analysis cache: a deal file's bytes (with everything else its analysis depends on) → its analysis, kept in
// <out>/.protokoll/ between builds, so an unchanged deal is not parsed, validated and modelled again.
import { createHash, createHmac, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import type { Finding } from "../errors.js";
import type { DealFileEntry } from "../load/find-deal-files.js";
import type { DealResult } from "../pipeline.js";
import { STATE_DIR } from "../util/output-layout.js";
import { writeFileAtomic } from "../util/write-file-atomic.js";

/** Bumped whenever the shape of a cached analysis changes: entries of another schema are never read. */
export const ANALYSIS_CACHE_SCHEMA = 1;
const FORMAT = "protokoll-analysis-cache";
export const ANALYSIS_CACHE_FILE = "analysis-cache.json";
/** The folder inside the output folder where a build keeps what it knows about earlier runs. */
export const OUTPUT_CACHE_DIR = STATE_DIR;

/** What every entry's key depends on besides the file itself. */
export interface CacheContext {
  /** The tool version: a new protokoll analyses anew. */
  version: string;
  /** The configuration as loaded (thresholds, time zone, vague-owner words, … all change findings). */
  config: unknown;
  /** Findings depend on today (overdue, late, past meetings): it is part of the key of every analysis. */
  today: string;
}

/**
 * A cache file is trusted only when it carries a valid HMAC made with this machine's own key (kept outside the
 * output folder, in the user's cache folder). The output folder may come from anywhere — a committed `_site/`,
 * an artifact of another machine, a pull request — and a forged entry would otherwise let a broken deal pass
 * `check`. A file that fails any test (format, schema, MAC, JSON) is ignored and written anew.
 */
export class AnalysisCache {
  readonly #file: string;
  readonly #secret: Buffer;
  readonly #context: string;
  readonly #known: Map<string, string>;
  readonly #used = new Map<string, string>();
  /** Why the file on disk was not used, when it existed and was not. */
  readonly ignored: string | undefined;
  hits = 0;
  misses = 0;

  private constructor(file: string, secret: Buffer, context: string, known: Map<string, string>, ignored?: string) {
    this.#file = file;
    this.#secret = secret;
    this.#context = context;
    this.#known = known;
    this.ignored = ignored;
  }

  /**
   * Opens the cache in `dir` (`<out>/.protokoll`). `create`: make this machine's key when there is none (a
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
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      return new AnalysisCache(file, secret, contextHash, new Map());
    }
    const { entries, ignored } = verify(text, secret);
    return new AnalysisCache(file, secret, contextHash, entries, ignored);
  }

  /** The key of one file's analysis: its bytes, its name, its duplicate-slug finding, its git facts, the context. */
  key(entry: DealFileEntry, bytes: Uint8Array, duplicate: Finding | undefined, git: unknown): string {
    return createHash("sha256")
      .update(JSON.stringify([this.#context, entry.file, entry.slug, duplicate ?? null, git ?? null]))
      .update("\0")
      .update(bytes)
      .digest("hex");
  }

  /** A fresh copy of the cached analysis (callers add PDF findings to theirs), or undefined. */
  get(key: string): DealResult | undefined {
    const json = this.#known.get(key);
    if (json === undefined) {
      this.misses++;
      return undefined;
    }
    const result = parseResult(json);
    if (!result) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.#used.set(key, json);
    return result;
  }

  /** Records a result as analysed now (serialised at once: later changes to it are not cached). */
  set(key: string, result: DealResult): void {
    this.#used.set(key, JSON.stringify(result));
  }

  /** Writes the entries used in this run (only those: the file never grows with old versions). */
  async save(): Promise<void> {
    const entries = [...this.#used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const body = JSON.stringify(Object.fromEntries(entries));
    const mac = createHmac("sha256", this.#secret).update(body).digest("hex");
    await writeFileAtomic(this.#file, `${JSON.stringify({ format: FORMAT, schema: ANALYSIS_CACHE_SCHEMA, mac, body })}\n`);
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function verify(text: string, secret: Buffer): { entries: Map<string, string>; ignored?: string } {
  const none = (ignored: string) => ({ entries: new Map<string, string>(), ignored });
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch {
    return none("not JSON");
  }
  if (!outer || typeof outer !== "object") return none("not an object");
  const { format, schema, mac, body } = outer as Record<string, unknown>;
  if (format !== FORMAT) return none("another format");
  if (schema !== ANALYSIS_CACHE_SCHEMA) return none("another schema");
  if (typeof mac !== "string" || typeof body !== "string") return none("no MAC");
  const expected = createHmac("sha256", secret).update(body).digest("hex");
  if (mac.length !== expected.length || mac !== expected) return none("MAC does not match (another machine, or changed)");
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const entries = new Map<string, string>();
    for (const [key, value] of Object.entries(parsed)) if (typeof value === "string") entries.set(key, value);
    return { entries };
  } catch {
    return none("body not JSON");
  }
}

/** The shape every cached result must have; anything else is a miss. */
function parseResult(json: string): DealResult | undefined {
  try {
    const value = JSON.parse(json) as DealResult;
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

/** This machine's cache key: `$XDG_CACHE_HOME/protokoll/cache-key` (else `~/.cache/…`), 32 random bytes. */
async function machineKey(create: boolean, env: NodeJS.ProcessEnv): Promise<Buffer | undefined> {
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || homedir(), ".cache");
  const file = path.join(base, "protokoll", "cache-key");
  try {
    const key = Buffer.from((await readFile(file, "utf8")).trim(), "hex");
    if (key.length === 32) return key;
  } catch {
    // none yet
  }
  if (!create) return undefined;
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    // `wx`: two builds starting at once must not both write one; the loser reads the winner's.
    await writeFile(file, `${key.toString("hex")}\n`, { flag: "wx", mode: 0o600 });
    return key;
  } catch {
    try {
      const key = Buffer.from((await readFile(file, "utf8")).trim(), "hex");
      return key.length === 32 ? key : undefined;
    } catch {
      return undefined;
    }
  }
}
