import { createHash } from "node:crypto";

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
