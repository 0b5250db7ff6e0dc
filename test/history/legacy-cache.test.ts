// Before the history cache moved to the cache folder (sealed with a MAC), it was `.git/protokoll/history.json`:
// every team's git folder kept that file, unsealed, after the update (one was found in the team's own .git). A
// build removes it — only that file, only when it is the old cache, never through a link — and `check`, which
// writes nothing, leaves it.
import { lstat, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { readHistoryFacts } from "../../src/history/history-facts.js";
import { removeLegacyHistoryCache } from "../../src/history/legacy-cache.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { gitRepo } from "../helpers/git-repo.js";
import { tempDir } from "../helpers/temp-dir.js";

const OLD = '{"format":1,"key":"k","head":"h","log":[],"snapshots":{}}';
let dir: string;
let gitDir: string;

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );
const pass = (write: boolean) =>
  readHistoryFacts({
    dealsDir: "deals",
    cwd: dir,
    timeZone: "Europe/Berlin",
    today: "2026-11-23" as PlainDate,
    maxFileBytes: 256 * 1024,
    toolVersion: "test",
    cacheDir: tempDir("protokoll-cache-"),
    secret: Buffer.alloc(32, 7),
    fromWorkingTree: true,
    writeCache: write,
    needHistory: write,
  });

beforeEach(async () => {
  const repo = await gitRepo();
  await repo.write("deals/beta.yaml", "title: Beta\ncustomer: Beta AG\nmeeting:\n  date: 2026-11-20\n");
  repo.commit("beta");
  dir = repo.dir;
  gitDir = path.join(dir, ".git");
  await mkdir(path.join(gitDir, "protokoll"));
});

describe("the history cache an earlier version left in .git/protokoll/", () => {
  it("is removed by a build, with its folder; check leaves it", async () => {
    const file = path.join(gitDir, "protokoll", "history.json");
    await writeFile(file, OLD);
    await pass(false);
    expect(await readFile(file, "utf8")).toBe(OLD);
    await pass(true);
    expect(await exists(file)).toBe(false);
    expect(await exists(path.join(gitDir, "protokoll"))).toBe(false);
    // Gone, it stays gone: the next build finds nothing to do.
    expect(await removeLegacyHistoryCache(gitDir)).toBe(false);
  });

  it("keeps the folder when something else is in it, and anything that is not the old cache", async () => {
    const file = path.join(gitDir, "protokoll", "history.json");
    await writeFile(path.join(gitDir, "protokoll", "notes.txt"), "mine");
    await writeFile(file, '{"format":2,"key":"not ours"}');
    await pass(true);
    expect(await exists(file)).toBe(true);
    await writeFile(file, OLD);
    await pass(true);
    expect(await exists(file)).toBe(false);
    expect(await readFile(path.join(gitDir, "protokoll", "notes.txt"), "utf8")).toBe("mine");
  });

  it("never follows a link: neither a linked history.json nor a linked protokoll folder is touched", async () => {
    const elsewhere = tempDir("protokoll-elsewhere-");
    const target = path.join(elsewhere, "history.json");
    await writeFile(target, OLD);
    await symlink(target, path.join(gitDir, "protokoll", "history.json"));
    expect(await removeLegacyHistoryCache(gitDir)).toBe(false);
    expect((await lstat(path.join(gitDir, "protokoll", "history.json"))).isSymbolicLink()).toBe(true);
    expect(await readFile(target, "utf8")).toBe(OLD);

    const other = tempDir("protokoll-other-git-");
    await symlink(elsewhere, path.join(other, "protokoll"));
    expect(await removeLegacyHistoryCache(other)).toBe(false);
    expect(await readFile(target, "utf8")).toBe(OLD);
  });
});
