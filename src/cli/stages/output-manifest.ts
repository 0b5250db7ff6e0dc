import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { inOut, STATE_DIR } from "../../util/output-layout.js";
import { sha256 } from "../../util/sha256.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";

const FORMAT = "protokoll-outputs";
const SCHEMA = 1;
export const OUTPUT_MANIFEST_FILE = "outputs.json";

/** One cached output: the key of its inputs, and each file it wrote (layout path → SHA-256 of its bytes). */
interface Entry {
  key: string;
  files: Record<string, string>;
}

/**
 * SHA-256 of `parts` as JSON, without ever holding the whole JSON: arrays and objects above `depth` are serialised
 * element by element (10 000 deals as one string would be a few hundred megabytes at the peak), everything
 * deeper with one JSON.stringify each (element by element all the way down is slower than the strings cost).
 * Equal values give equal hashes; the framing keeps `[["a"],"b"]` and `[["a","b"]]` apart.
 */
export function jsonHash(parts: readonly unknown[], depth = 2): string {
  const hash = createHash("sha256");
  const feed = (value: unknown, level: number): void => {
    if (level < depth && Array.isArray(value)) {
      hash.update(`[${value.length}`);
      for (const item of value) feed(item, level + 1);
      hash.update("]");
    } else if (level < depth && value !== null && typeof value === "object" && !(value instanceof Map)) {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      hash.update(`{${entries.length}`);
      for (const [key, v] of entries) {
        hash.update(`${JSON.stringify(key)}:`);
        feed(v, level + 1);
      }
      hash.update("}");
    } else {
      const text = JSON.stringify(value) ?? "undefined";
      hash.update(`${text.length}:`).update(text);
    }
  };
  feed(parts, 0);
  return hash.digest("hex");
}

/**
 * What the last build wrote, so that the next one can leave alone what would come out the same: per output (or
 * per page), the key of everything it was made from and the hash of every file it wrote. An entry is reused
 * only when its key is this build's and every one of its files still holds exactly the recorded bytes — the
 * manifest never vouches for a file it has not just verified. The file carries an HMAC made with this machine's
 * key (src/util/machine-key.ts): a manifest planted in the output folder, which could vouch for a forged page,
 * is ignored like a corrupted one, and the build renders everything.
 */
export class OutputManifest {
  readonly #outDir: string;
  readonly #secret: Buffer;
  readonly #previous: Map<string, Entry>;
  readonly #next = new Map<string, Entry>();
  /** Why the manifest on disk was not used, when there was one. */
  readonly ignored: string | undefined;
  reused = 0;

  private constructor(outDir: string, secret: Buffer, previous: Map<string, Entry>, ignored?: string) {
    this.#outDir = outDir;
    this.#secret = secret;
    this.#previous = previous;
    this.ignored = ignored;
  }

  static async open(outDir: string, secret: Buffer): Promise<OutputManifest> {
    let text: string;
    try {
      text = await readFile(path.join(outDir, STATE_DIR, OUTPUT_MANIFEST_FILE), "utf8");
    } catch {
      return new OutputManifest(outDir, secret, new Map());
    }
    const { entries, ignored } = verify(text, secret);
    return new OutputManifest(outDir, secret, entries, ignored);
  }

  /**
   * The files (absolute paths) of output `name` when the last build made it from inputs with this `key` and
   * each file still holds what it wrote; else undefined. A reused entry is kept for the next build.
   */
  async reuse(name: string, key: string): Promise<string[] | undefined> {
    const entry = this.#previous.get(name);
    if (!entry || entry.key !== key) return undefined;
    // Read with synchronous calls: the whole site's entry holds every page, and a thousand small reads through
    // libuv's thread pool took several times as long as in one go.
    for (const [file, hash] of Object.entries(entry.files)) if (!holdsHash(inOut(this.#outDir, file), hash)) return undefined;
    this.#next.set(name, entry);
    this.reused++;
    return Object.keys(entry.files).map((file) => inOut(this.#outDir, file));
  }

  /** Records what output `name` wrote from inputs with `key`: absolute path → the bytes' SHA-256. */
  record(name: string, key: string, files: ReadonlyMap<string, string>): void {
    const relative: Record<string, string> = {};
    for (const [file, hash] of files) relative[path.relative(this.#outDir, file).split(path.sep).join("/")] = hash;
    this.#next.set(name, { key, files: relative });
  }

  /** Keeps for the next build, unverified, the last build's entries whose names start with one of `prefixes`. */
  keepAll(...prefixes: string[]): void {
    for (const [name, entry] of this.#previous) if (prefixes.some((p) => name.startsWith(p))) this.#next.set(name, entry);
  }

  /**
   * The hashes of files this build wrote or verified, from its own entries (so no file is read again): the
   * union of several entries becomes one.
   */
  async hashes(files: Iterable<string>): Promise<Map<string, string>> {
    const known = new Map<string, string>();
    for (const entry of this.#next.values())
      for (const [file, hash] of Object.entries(entry.files)) known.set(inOut(this.#outDir, file), hash);
    const result = new Map<string, string>();
    for (const file of files) {
      const hash = known.get(file) ?? sha256(await readFile(file));
      result.set(file, hash);
    }
    return result;
  }

  /** Writes the entries of this build (recorded or reused); the rest are gone. */
  async save(): Promise<void> {
    // Sorted, so that a build which changed nothing writes the same bytes (and leaves the file alone).
    const body = JSON.stringify(Object.fromEntries([...this.#next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
    const mac = createHmac("sha256", this.#secret).update(body).digest("hex");
    await writeFileAtomic(
      path.join(this.#outDir, STATE_DIR, OUTPUT_MANIFEST_FILE),
      JSON.stringify({ format: FORMAT, schema: SCHEMA, mac, body }),
    );
  }
}

/** Whether `file` is a regular file whose bytes have the SHA-256 `hash`. */
function holdsHash(file: string, hash: string): boolean {
  try {
    return lstatSync(file).isFile() && sha256(readFileSync(file)) === hash;
  } catch {
    return false;
  }
}

function verify(text: string, secret: Buffer): { entries: Map<string, Entry>; ignored?: string } {
  const none = (ignored: string) => ({ entries: new Map<string, Entry>(), ignored });
  let outer: { format?: unknown; schema?: unknown; mac?: unknown; body?: unknown };
  try {
    outer = JSON.parse(text);
  } catch {
    return none("not JSON");
  }
  if (outer?.format !== FORMAT || outer.schema !== SCHEMA) return none("another format");
  if (typeof outer.mac !== "string" || typeof outer.body !== "string") return none("incomplete");
  const expected = createHmac("sha256", secret).update(outer.body).digest();
  const given = Buffer.from(outer.mac, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return none("not made on this machine");
  try {
    const body = JSON.parse(outer.body) as Record<string, Entry>;
    const entries = new Map<string, Entry>();
    for (const [name, entry] of Object.entries(body)) {
      if (typeof entry?.key === "string" && entry.files && typeof entry.files === "object") entries.set(name, entry);
    }
    return { entries };
  } catch {
    return none("unreadable body");
  }
}
