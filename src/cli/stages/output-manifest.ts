import { type BigIntStats, lstatSync, mkdtempSync, readFileSync, rmdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { inOut } from "../../util/output-layout.js";
import { sha256 } from "../../util/sha256.js";
import { removeShardFiles, type Shard, shardFileName, shardFiles } from "../../util/shard.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";
import { type Entry, sameEntry, sealEntries, verify } from "./manifest-entries.js";
import { OutputStore } from "./output-store.js";

export const OUTPUT_MANIFEST_FILE = "outputs.json";

/**
 * A file as the file system sees it: size, inode, modification and status-change time (nanoseconds). The
 * status-change time (ctime) is the kernel's: every write, rename or `touch` sets it to now, and no program can
 * set it back. A build records a file's fingerprint only when it has just read the file and found the recorded
 * bytes — never for a file it wrote or merely listed — so a file whose fingerprint is the same later has not
 * been changed since it was verified. A file system counts time in steps (nanoseconds to seconds): a change in
 * the same step as the look would keep the fingerprint. So a fingerprint is recorded only for a file whose ctime
 * is older than the build's clock ({@link OutputManifest.open}: the ctime of a folder the build makes in the
 * output folder before it looks at any file), which the same file system's clock stamped; a file changed later gets a later ctime. A newer
 * file is read and hashed again next time.
 */
function fingerprint(info: BigIntStats): string {
  return `${info.size}:${info.ino}:${info.mtimeNs}:${info.ctimeNs}`;
}

/** The folder whose ctime is the build's clock: made in the output folder and removed at once. */
const CLOCK_PREFIX = ".protokoll-clock-";

/**
 * How a file is named in the manifest: a layout path under the output folder, or `#state/<name>` for a file in
 * the output folder's state folder (the calendar parts), which lives in the cache folder.
 */
const STATE_PREFIX = "#state/";

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
  readonly #stateDir: string;
  readonly #secret: Buffer;
  /** A copy of each file vouched for: what a fresh output folder is written from (src/cli/stages/output-store.ts). */
  readonly #store: OutputStore;
  /** A shard's build (`build --shard`) saves to the shard's own file, holding only what it wrote. */
  readonly #shard: Shard | undefined;
  /** Whether shards' manifests were read in: a whole build takes them into its own and removes them. */
  readonly #fromShards: boolean;
  readonly #previous: Map<string, Entry>;
  readonly #next = new Map<string, Entry>();
  #seenFiles: Map<string, { hash: string; seen: string }> | undefined;
  #changed = false;
  /** This build's clock (ns): a file last changed before it may be vouched for by its fingerprint. */
  readonly #clock: bigint;
  /** Why the manifest on disk was not used, when there was one. */
  readonly ignored: string | undefined;
  reused = 0;

  private constructor(
    outDir: string,
    stateDir: string,
    secret: Buffer,
    previous: Map<string, Entry>,
    clock: bigint,
    shards: { shard: Shard | undefined; read: boolean },
    ignored?: string,
  ) {
    this.#outDir = outDir;
    this.#stateDir = stateDir;
    this.#secret = secret;
    this.#store = new OutputStore(stateDir);
    this.#shard = shards.shard;
    this.#fromShards = shards.read;
    this.#previous = previous;
    this.#clock = clock;
    this.ignored = ignored;
  }

  /**
   * Opens the manifest of output folder `outDir`, kept in its state folder `stateDir` (src/util/cache-folder.ts),
   * with the manifests shards left beside it; `shard`: this build is one (`build --shard`).
   */
  static async open(outDir: string, stateDir: string, secret: Buffer, shard?: Shard): Promise<OutputManifest> {
    const file = path.join(stateDir, OUTPUT_MANIFEST_FILE);
    // The build's clock, from the output folder's own file system (the lock is held): a folder made before any
    // file is looked at, and removed at once, so a file whose ctime is older was last changed before this build
    // looked. Nothing of it stays in the output folder.
    let clock = 0n;
    try {
      const clockDir = mkdtempSync(path.join(outDir, CLOCK_PREFIX));
      try {
        clock = lstatSync(clockDir, { bigint: true }).ctimeNs;
      } finally {
        rmdirSync(clockDir);
      }
    } catch {
      // No clock, no fingerprints: every file is read and hashed.
    }
    // The shards' manifests (their folders copied into one), each sealed on its own: a shard's entries over the
    // older ones.
    const fromShards = await shardFiles(stateDir, OUTPUT_MANIFEST_FILE);
    const entries = new Map<string, Entry>();
    let ignored: string | undefined;
    for (const source of [file, ...fromShards]) {
      const text = await readFile(source, "utf8").catch(() => undefined);
      if (text === undefined) continue;
      const verified = verify(text, secret);
      ignored ??= verified.ignored;
      for (const [name, entry] of verified.entries) entries.set(name, entry);
    }
    return new OutputManifest(outDir, stateDir, secret, entries, clock, { shard, read: fromShards.length > 0 }, ignored);
  }

  /** The absolute path of a file as the manifest names it. */
  #pathOf(name: string): string {
    return name.startsWith(STATE_PREFIX) ? path.join(this.#stateDir, name.slice(STATE_PREFIX.length)) : inOut(this.#outDir, name);
  }

  /** How the manifest names the file at absolute path `file`. */
  #nameOf(file: string): string {
    const inState = path.relative(this.#stateDir, file);
    if (!inState.startsWith("..") && !path.isAbsolute(inState)) return STATE_PREFIX + inState.split(path.sep).join("/");
    return path.relative(this.#outDir, file).split(path.sep).join("/");
  }

  /**
   * The files (absolute paths) of output `name` when the last build made it from inputs with this `key` and
   * each file still holds what it wrote; else undefined. A reused entry is kept for the next build.
   *
   * `also` gives a second, dearer key, e.g. a hash of the view a page is rendered from where `key` hashes what
   * the view is made of: when `key` differs from the last build's (a new configuration), the entry is reused
   * all the same if its second key is the same — what changed did not reach the output — and is kept under the
   * new `key`. A cheap key for the common case, and no output made again that would come out the same.
   */
  async reuse(name: string, key: string, also?: () => string): Promise<string[] | undefined> {
    const files = await this.reuseHashes(name, key, undefined, also);
    return files && [...files.keys()];
  }

  /**
   * {@link reuse}, with the SHA-256 each file was verified to hold (absolute path → hash). `accept` decides on
   * those whether the entry is reused (kept for the next build) after all.
   */
  async reuseHashes(
    name: string,
    key: string,
    accept: (files: ReadonlyMap<string, string>) => boolean = () => true,
    also?: () => string,
  ): Promise<Map<string, string> | undefined> {
    const entry = this.#previous.get(name);
    if (!entry) return undefined;
    if (entry.key !== key && (also === undefined || entry.also === undefined || entry.also !== also())) return undefined;
    // With synchronous calls: the whole site's entry holds every page, and a thousand small reads through
    // libuv's thread pool took several times as long as in one go.
    const seen: Record<string, string> = {};
    for (const [file, hash] of Object.entries(entry.files)) {
      const known = intact(this.#pathOf(file), hash, entry.seen?.[file] ?? this.#seenAs(file, hash), this.#clock);
      if (known === undefined) {
        // Missing or changed: written again from the store's copy of the recorded bytes, when it has one.
        if (file.startsWith(STATE_PREFIX) || !(await this.#store.restore(this.#pathOf(file), hash))) return undefined;
        continue;
      }
      if (!file.startsWith(STATE_PREFIX)) this.#store.keep(this.#pathOf(file), hash);
      if (known) {
        seen[file] = known;
        // Shared with the other entries that hold the file (a page's own, the whole site's).
        this.#seen().set(file, { hash, seen: known });
      }
    }
    const files = new Map(Object.entries(entry.files).map(([file, hash]) => [this.#pathOf(file), hash]));
    if (!accept(files)) return undefined;
    this.#put(name, { key, ...(entry.also === undefined ? {} : { also: entry.also }), files: entry.files, seen });
    this.reused++;
    return files;
  }

  /**
   * Records what output `name` wrote from inputs with `key` (and `also`, see {@link reuse}): absolute path →
   * the bytes' SHA-256.
   */
  record(name: string, key: string, files: ReadonlyMap<string, string>, also?: string): void {
    const relative: Record<string, string> = {};
    const seen: Record<string, string> = {};
    for (const [file, hash] of files) {
      const layout = this.#nameOf(file);
      relative[layout] = hash;
      if (!layout.startsWith(STATE_PREFIX)) this.#store.keep(file, hash);
      // A file left alone with the bytes it had keeps the fingerprint it was verified with (the next build
      // compares it with the file's, which any change alters); a file written now has none until it is verified.
      const known = this.#seenAs(layout, hash);
      if (known) seen[layout] = known;
    }
    this.#put(name, { key, ...(also === undefined ? {} : { also }), files: relative, seen });
  }

  /** The fingerprint the last build recorded for `file` (layout path) holding the bytes with SHA-256 `hash`. */
  #seenAs(file: string, hash: string): string | undefined {
    const known = this.#seen().get(file);
    return known?.hash === hash ? known.seen : undefined;
  }

  /** Every file's fingerprint the last build recorded (in any entry), with the hash it was recorded for. */
  #seen(): Map<string, { hash: string; seen: string }> {
    if (!this.#seenFiles) {
      this.#seenFiles = new Map();
      for (const entry of this.#previous.values()) {
        for (const [file, seen] of Object.entries(entry.seen ?? {})) {
          const hash = entry.files[file];
          if (hash !== undefined) this.#seenFiles.set(file, { hash, seen });
        }
      }
    }
    return this.#seenFiles;
  }

  /** Keeps no entry `name` for the next build after all (one {@link reuse} kept, whose file this build folded into its own). */
  forget(name: string): void {
    if (this.#next.delete(name)) this.#changed = true;
  }

  /** Keeps for the next build, unverified, the last build's entries whose names start with one of `prefixes`. */
  keepAll(...prefixes: string[]): void {
    for (const [name, entry] of this.#previous) {
      if (!prefixes.some((p) => name.startsWith(p))) continue;
      const seen: Record<string, string> = {};
      for (const [file, hash] of Object.entries(entry.files)) {
        const known = entry.seen?.[file] ?? this.#seenAs(file, hash);
        if (known) seen[file] = known;
      }
      this.#put(name, { ...entry, seen });
    }
  }

  /**
   * The hashes of files this build wrote or verified, from its own entries (so no file is read again): the
   * union of several entries becomes one.
   */
  async hashes(files: Iterable<string>): Promise<Map<string, string>> {
    const known = new Map<string, string>();
    for (const entry of this.#next.values())
      for (const [file, hash] of Object.entries(entry.files)) known.set(this.#pathOf(file), hash);
    const result = new Map<string, string>();
    for (const file of files) {
      const hash = known.get(file) ?? sha256(await readFile(file));
      result.set(file, hash);
    }
    return result;
  }

  /** Keeps `entry` for the next build, noting whether it differs from the last build's. */
  #put(name: string, entry: Entry): void {
    this.#next.set(name, entry);
    if (!this.#changed && !sameEntry(this.#previous.get(name), entry)) this.#changed = true;
  }

  /** Writes the entries of this build (recorded or reused); the rest are gone. */
  async save(): Promise<void> {
    // Every entry the last build's, none gone: the file would come out the same.
    const same = !this.#changed && this.#next.size === this.#previous.size && !this.#shard && !this.#fromShards;
    if (same && [...this.#previous.keys()].every((name) => this.#next.has(name))) return;
    const name = shardFileName(OUTPUT_MANIFEST_FILE, this.#shard);
    await writeFileAtomic(path.join(this.#stateDir, name), sealEntries(this.#next, this.#secret));
    // A shard's entries are its slice's only: the store is pruned by a whole build.
    if (this.#shard) return;
    if (this.#fromShards) await removeShardFiles(this.#stateDir, OUTPUT_MANIFEST_FILE);
    const used = new Set<string>();
    for (const entry of this.#next.values())
      for (const [file, hash] of Object.entries(entry.files)) if (!file.startsWith(STATE_PREFIX)) used.add(hash);
    this.#store.prune(used);
  }
}

/**
 * Whether `file` is a regular file whose bytes have the SHA-256 `hash`: undefined when not; else its
 * fingerprint to record, empty when its ctime is not older than this build's `clock`. When `seen` is a
 * fingerprint a build recorded after verifying those bytes and the file's is the same, it is not read again.
 */
function intact(file: string, hash: string, seen: string | undefined, clock: bigint): string | undefined {
  try {
    const info = lstatSync(file, { bigint: true });
    if (!info.isFile()) return undefined;
    const current = fingerprint(info);
    if (seen === current) return current;
    if (sha256(readFileSync(file)) !== hash) return undefined;
    return info.ctimeNs < clock ? current : "";
  } catch {
    return undefined;
  }
}
