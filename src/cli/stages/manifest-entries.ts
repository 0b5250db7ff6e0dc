// The output manifest's file: its entries, sealed with an HMAC under the cache key (src/util/machine-key.ts), and
// read back only when the seal holds.
import { createHmac, timingSafeEqual } from "node:crypto";

const FORMAT = "protokoll-outputs";
const SCHEMA = 2;

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

/** The file's text for `entries` (sorted by name), with the HMAC of its body under `secret`. */
export function sealEntries(entries: Iterable<[string, Entry]>, secret: Buffer): string {
  // Sorted, so that a build which changed nothing writes the same bytes (and leaves the file alone).
  const body = JSON.stringify(Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  const mac = createHmac("sha256", secret).update(body).digest("hex");
  return JSON.stringify({ format: FORMAT, schema: SCHEMA, mac, body });
}

/** Whether two entries are the same. */
export function sameEntry(a: Entry | undefined, b: Entry): boolean {
  return (
    a !== undefined &&
    a.key === b.key &&
    a.also === b.also &&
    sameRecord(a.files, b.files) &&
    sameRecord(a.seen ?? {}, b.seen ?? {})
  );
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The entries of a manifest file's `text`, when its seal holds under `secret`; else none, and why. */
export function verify(text: string, secret: Buffer): { entries: Map<string, Entry>; ignored?: string } {
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
