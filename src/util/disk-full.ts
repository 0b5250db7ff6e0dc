/**
 * Errors that mean "the output cannot be written at all" rather than "this one file failed": the disk or
 * the quota is full, or the file system is read-only. Every later write would fail the same way, so the build
 * stops and says so once. Looks through `cause` chains (a wrapped error, for one).
 */
const CODES = new Set(["ENOSPC", "EDQUOT", "EROFS"]);

export function diskFullError(error: unknown): NodeJS.ErrnoException | undefined {
  let current = error;
  for (let depth = 0; current && depth < 8; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === "string" && CODES.has(code)) return current as NodeJS.ErrnoException;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isDiskFull(error: unknown): boolean {
  return diskFullError(error) !== undefined;
}
