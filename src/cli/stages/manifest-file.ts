import { createHmac, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { removeShardFiles, type Shard, shardFileName, shardFiles } from "../../util/shard.js";
import { writeFileAtomic } from "../../util/write-file-atomic.js";

/**
 * The output manifest as a file (src/cli/stages/output-manifest.ts): its entries as JSON with an HMAC made with
 * the cache key, so that a manifest planted beside the outputs, which could vouch for a forged page, is ignored
 * like a corrupted one.
 */
const FORMAT = "protokoll-outputs";
const SCHEMA = 2;
export const OUTPUT_MANIFEST_FILE = "outputs.json";

/**
 * One cached output: the key of its inputs, each file it wrote (layout path → SHA-256 of its bytes), and, for
 * a file whose bytes a build has verified, how the file system saw it then ({@link fingerprint}).
 */
export interface Entry {
  key: string;
  /**
   * A second key, of what the output is made of rather than what it is made from: checked when `key` is not
   * this build's (see {@link OutputManifest.reuse}).
   */
  also?: string;
  files: Record<string, string>;
  seen?: Record<string, string>;
}

/**
 * The entries of the manifest in `dir` and of the manifests shards wrote beside it (`build --shard`, their
 * folders copied into one), each checked with its own MAC, a shard's entries over the older ones. `ignored`:
 * why a file there was not used; `fromShards`: whether shards' files were there.
 */
export async function readManifestFiles(
  dir: string,
  secret: Buffer,
): Promise<{ entries: Map<string, Entry>; ignored?: string; fromShards: boolean }> {
  const shards = await shardFiles(dir, OUTPUT_MANIFEST_FILE);
  const entries = new Map<string, Entry>();
  let ignored: string | undefined;
  for (const source of [path.join(dir, OUTPUT_MANIFEST_FILE), ...shards]) {
    let text: string;
    try {
      text = await readFile(source, "utf8");
    } catch {
      continue;
    }
    const verified = verify(text, secret);
    ignored ??= verified.ignored;
    for (const [name, entry] of verified.entries) entries.set(name, entry);
  }
  return { entries, fromShards: shards.length > 0, ...(ignored === undefined ? {} : { ignored }) };
}

/**
 * Writes `entries` to the manifest in `dir`, or to a shard's own file; a whole build that read the shards'
 * files has taken in their entries and removes them.
 */
export async function writeManifestFile(
  dir: string,
  secret: Buffer,
  entries: ReadonlyMap<string, Entry>,
  shard: Shard | undefined,
  fromShards: boolean,
): Promise<void> {
  // Sorted, so that a build which changed nothing writes the same bytes (and leaves the file alone).
  const body = JSON.stringify(Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  const mac = createHmac("sha256", secret).update(body).digest("hex");
  await writeFileAtomic(
    path.join(dir, shardFileName(OUTPUT_MANIFEST_FILE, shard)),
    JSON.stringify({ format: FORMAT, schema: SCHEMA, mac, body }),
  );
  if (!shard && fromShards) await removeShardFiles(dir, OUTPUT_MANIFEST_FILE);
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
      const seen = entry?.seen === undefined || (entry.seen !== null && typeof entry.seen === "object");
      const also = entry?.also === undefined || typeof entry.also === "string";
      if (typeof entry?.key === "string" && also && entry.files && typeof entry.files === "object" && seen)
        entries.set(name, entry);
    }
    return { entries };
  } catch {
    return none("unreadable body");
  }
}
