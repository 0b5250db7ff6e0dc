// serve's poll beside the watcher (src/cli/deals-folder-poll.ts): a deleted deal once stayed on the index
// because the recursive watcher missed its removal. The poll reports what changed since the last update.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DealsFolderPoll } from "../../src/cli/deals-folder-poll.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("DealsFolderPoll", () => {
  it("reports deal files added, changed and removed since the last look, and nothing else", async () => {
    const dir = tempDir("protokoll-poll-");
    await mkdir(path.join(dir, "2026"));
    await writeFile(path.join(dir, "anna.yaml"), "title: A\n");
    await writeFile(path.join(dir, "2026", "bernd.yml"), "title: B\n");
    await writeFile(path.join(dir, "notes.txt"), "not a deal");
    const poll = new DealsFolderPoll(dir);
    expect(poll.pending()).toBe(false);
    expect(poll.changes()).toEqual([]);

    await writeFile(path.join(dir, "anna.yaml"), "title: Anna, longer\n");
    await writeFile(path.join(dir, "carla.yaml"), "title: C\n");
    await rm(path.join(dir, "2026", "bernd.yml"));
    await writeFile(path.join(dir, "notes.txt"), "still not a deal");
    // Asking whether something is pending does not use it up; the changes are reported once.
    expect(poll.pending()).toBe(true);
    expect(poll.pending()).toBe(true);
    expect(poll.changes().sort()).toEqual(
      [path.join(dir, "2026", "bernd.yml"), path.join(dir, "anna.yaml"), path.join(dir, "carla.yaml")].sort(),
    );
    expect(poll.pending()).toBe(false);
    expect(poll.changes()).toEqual([]);
  });

  it("sees no deal files in a folder that is gone, and the files again when it is back", async () => {
    const dir = tempDir("protokoll-poll-");
    await writeFile(path.join(dir, "anna.yaml"), "title: A\n");
    const poll = new DealsFolderPoll(dir);
    await rm(dir, { recursive: true });
    expect(poll.changes()).toEqual([path.join(dir, "anna.yaml")]);
    await mkdir(dir);
    await writeFile(path.join(dir, "anna.yaml"), "title: A\n");
    expect(poll.changes()).toEqual([path.join(dir, "anna.yaml")]);
  });
});
