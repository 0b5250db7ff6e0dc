// Every temporary folder a test makes, made here and removed after its test file (test/setup/remove-temp-dirs.ts),
// so a run of the suite leaves the temp folder as it found it; test/global-setup.ts checks that it did.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const made = new Set<string>();

/** A new empty folder `<tmp>/<prefix>XXXXXX`, removed after the test file that made it. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder `tempDir` made so far (for a test that must clean up before its file ends). */
export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  made.clear();
}
