/**
 * Errors that mean "the output cannot be written at all" rather than "this one file failed": the disk or
 * the quota is full, or the file system is read-only. Every later write would fail the same way, so the build
 * stops and says so once. Looks through `cause` chains (a wrapped Eleventy error, for one).
 */
const CODES = new Set(["ENOSPC", "EDQUOT", "EROFS"]);

export function diskFullCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === "string" && CODES.has(code)) return code;
    const next =
      (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
    current = next;
  }
  return undefined;
}

export function isDiskFull(error: unknown): boolean {
  return diskFullCode(error) !== undefined;
}
