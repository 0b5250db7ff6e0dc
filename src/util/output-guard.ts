// Nothing is written or removed outside the output folder, at any depth: every write and delete under a guarded
// output folder passes here first. A symbolic link at `_site/owners/<slug>` once made the build overwrite
// `index.html` and create `calendar.ics` in the folder it pointed to.
import { lstatSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

/** A write or delete the guard refused: the file, and the component of its path that is a link. */
export interface Refusal {
  file: string;
  link: string;
  action: "write" | "remove";
}

interface Guard {
  root: string;
  /** Folders under the root found to be real folders (not links): not looked at again. */
  folders: Set<string>;
  refused: Refusal[];
}

const guards: Guard[] = [];

/**
 * Guards the output folder `outDir` (absolute) until the returned function is called, which gives what was
 * refused. The folder itself may be a link (`--out` is the user's choice); every folder below it on the way to a
 * file must be a real folder or not exist yet (then it is made as one). The file itself may be a link: it is
 * replaced or removed as a link (a rename or unlink never follows one), so nothing outside is touched.
 */
export function guardOutput(outDir: string): () => Refusal[] {
  const guard: Guard = { root: path.resolve(outDir), folders: new Set(), refused: [] };
  guards.push(guard);
  return () => {
    const at = guards.indexOf(guard);
    if (at >= 0) guards.splice(at, 1);
    return guard.refused;
  };
}

/**
 * Whether `file` (absolute) may be written (`write`) or removed (`remove`): false, and the refusal noted, when a
 * folder on its way below a guarded output folder is a symbolic link.
 * A file outside every guarded folder (a cache, a temporary folder) is not this guard's to judge.
 */
export function mayTouch(file: string, action: Refusal["action"]): boolean {
  const target = path.resolve(file);
  for (const guard of guards) {
    const relative = path.relative(guard.root, target);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) continue;
    const link = linkOnTheWay(guard, relative.split(path.sep).slice(0, -1));
    if (link !== undefined) {
      guard.refused.push({ file: target, link, action });
      return false;
    }
  }
  return true;
}

/** The first of the folders `parts` (relative to the guard's root, outermost first) that is not a real folder. */
function linkOnTheWay(guard: Guard, parts: readonly string[]): string | undefined {
  let current = guard.root;
  for (const part of parts) {
    current = path.join(current, part);
    if (guard.folders.has(current)) continue;
    let info: ReturnType<typeof lstatSync> | undefined;
    try {
      info = lstatSync(current);
    } catch {
      // Not there yet: it and what is below it will be made as real folders.
      return undefined;
    }
    if (info.isSymbolicLink()) return current;
    // A file in the way fails the write itself, with its own message.
    if (!info.isDirectory()) return undefined;
    guard.folders.add(current);
  }
  return undefined;
}

/**
 * Removes `file` (a folder too, with `recursive`) unless the guard refuses it ({@link mayTouch}); a file that is
 * not there is fine. A link is removed as a link.
 */
export async function removeGuarded(file: string, options: { recursive?: boolean } = {}): Promise<void> {
  if (!mayTouch(file, "remove")) return;
  await rm(file, { force: true, ...options });
}
