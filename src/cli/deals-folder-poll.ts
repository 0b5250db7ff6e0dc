// A second pair of eyes beside `serve`'s file watcher: Node's recursive fs.watch on Linux can miss an event (a
// write and a removal of the same file within milliseconds), and a missed one left a deleted deal on the
// index until the next save. Polling the folder's listing once a second makes a missed event cost a second.
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { DEAL_EXTENSION } from "../load/find-deal-files.js";

/** How the deal files of a folder looked at the last look: absolute path → size, inode, modification time. */
export class DealsFolderPoll {
  readonly #dir: string;
  #last: Map<string, string>;

  constructor(dir: string) {
    this.#dir = path.resolve(dir);
    this.#last = this.#look();
  }

  /** Whether a deal file was added, changed or removed since the last {@link changes}. */
  pending(): boolean {
    return differences(this.#last, this.#look()).length > 0;
  }

  /** The deal files added, changed or removed since the last call (absolute paths); the look is remembered. */
  changes(): string[] {
    const now = this.#look();
    const changed = differences(this.#last, now);
    this.#last = now;
    return changed;
  }

  /** A listing and a stat per file, no contents: a thousand deals take a few milliseconds. */
  #look(): Map<string, string> {
    const files = new Map<string, string>();
    let entries: string[];
    try {
      entries = readdirSync(this.#dir, { recursive: true, encoding: "utf8" });
    } catch {
      return files;
    }
    for (const name of entries) {
      if (!DEAL_EXTENSION.test(name)) continue;
      const file = path.join(this.#dir, name);
      try {
        const info = lstatSync(file);
        files.set(file, `${info.size}:${info.ino}:${info.mtimeMs}`);
      } catch {
        // Gone between the listing and the look: it is not there.
      }
    }
    return files;
  }
}

function differences(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const changed = [...after].filter(([file, seen]) => before.get(file) !== seen).map(([file]) => file);
  for (const file of before.keys()) if (!after.has(file)) changed.push(file);
  return changed;
}
