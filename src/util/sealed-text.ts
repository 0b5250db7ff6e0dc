// A cache file's text with an HMAC under the cache key (src/util/machine-key.ts) on its last line: a file that
// anyone without the key wrote or changed — a restored CI cache, a planted folder — is read as no file at all.
import { createHmac, timingSafeEqual } from "node:crypto";

const MARK = "\nprotokoll-mac ";

/**
 * `body` with its MAC for `purpose` (the kind of file: a sealed file of one kind is never taken for another)
 * appended as a last line.
 */
export function sealText(body: string, purpose: string, secret: Buffer): string {
  return `${body}${MARK}${macOf(body, purpose, secret).toString("hex")}\n`;
}

/** The body of a sealed `text` when its MAC for `purpose` holds under `secret`; else undefined. */
export function unsealText(text: string, purpose: string, secret: Buffer): string | undefined {
  const at = text.lastIndexOf(MARK);
  if (at < 0) return undefined;
  const body = text.slice(0, at);
  const given = Buffer.from(text.slice(at + MARK.length).trim(), "hex");
  const expected = macOf(body, purpose, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? body : undefined;
}

function macOf(body: string, purpose: string, secret: Buffer): Buffer {
  return createHmac("sha256", secret).update(`${purpose}\0`).update(body).digest();
}
