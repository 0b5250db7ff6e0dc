import { createHash } from "node:crypto";

/** SHA-256 of text (as UTF-8) or bytes, as hex: the one content hash every cache and check of the build uses. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
