// Contract v3: the build's caches and lock live outside `--out` — in `node_modules/.cache/protokoll` of the
// project, else the user's cache folder, or where `--cache-dir` / PROTOKOLL_CACHE_DIR says — and are trusted only
// under this machine's key or PROTOKOLL_CACHE_KEY. Before, `_site/.protokoll/` held the analysis cache with every
// internal note, and a client folder copied to a web server published it.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildStateDir } from "../../src/util/cache-folder.js";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const TODAY = ["--today", "2026-11-23"];
const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function temp(prefix: string): Promise<string> {
  const dir = tempDir(prefix);
  made.push(dir);
  return dir;
}

async function project() {
  const cwd = await dealsDir({ "anna.yaml": deal("internal:", "  notes: Kanarienvogel-Notiz") });
  made.push(cwd);
  const home = await temp("protokoll-home-");
  const build = (args: string[] = [], env: Record<string, string> = {}) =>
    runCli(["build", "--no-pdf", ...TODAY, ...args], { cwd, env: { XDG_CACHE_HOME: home, ...env } });
  return { cwd, home, build, out: path.join(cwd, "_site") };
}

/** Every file under `dir`, hidden ones too, relative. */
function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

const pages = (stderr: string) => /Pages: (\d+) rendered, (\d+) unchanged/.exec(stderr)?.slice(1).map(Number);

describe("the cache folder", () => {
  it("is outside the output folder: the site holds no hidden file, the state is in the user's cache folder", async () => {
    const { build, home, out } = await project();
    const result = await build();
    expect(result.code, result.stderr).toBe(0);
    expect(everyFile(out).filter((file) => file.split(path.sep).some((part) => part.startsWith(".")))).toEqual([]);
    const state = buildStateDir(path.join(home, "protokoll"), out);
    // `files/`: the copies of the outputs, which a fresh output folder (a CI runner) is written from.
    expect(readdirSync(state).sort()).toEqual(["analysis-cache.json", "calendar-parts.jsonl", "files", "outputs.json"]);
    // The lock is gone once the build is done.
    expect(existsSync(path.join(state, "build.lock"))).toBe(false);
  });

  it("is node_modules/.cache/protokoll of a project that has node_modules", async () => {
    const { build, cwd, home, out } = await project();
    await mkdir(path.join(cwd, "node_modules"));
    expect((await build()).code).toBe(0);
    const state = buildStateDir(path.join(cwd, "node_modules", ".cache", "protokoll"), out);
    expect(existsSync(path.join(state, "outputs.json"))).toBe(true);
    expect(existsSync(path.join(home, "protokoll", "builds"))).toBe(false);
  });

  it("is not a link committed at node_modules/.cache/protokoll: the user's cache folder is used", async () => {
    const { build, cwd, home, out } = await project();
    const elsewhere = await temp("protokoll-elsewhere-");
    await mkdir(path.join(cwd, "node_modules", ".cache"), { recursive: true });
    await symlink(elsewhere, path.join(cwd, "node_modules", ".cache", "protokoll"));
    expect((await build()).code).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(path.join(buildStateDir(path.join(home, "protokoll"), out), "outputs.json"))).toBe(true);
  });

  it("is where --cache-dir says, which wins over PROTOKOLL_CACHE_DIR", async () => {
    const { build, out } = await project();
    const flag = await temp("protokoll-flag-");
    const env = await temp("protokoll-env-");
    expect((await build(["--cache-dir", flag], { PROTOKOLL_CACHE_DIR: env })).code).toBe(0);
    expect(existsSync(path.join(buildStateDir(flag, out), "outputs.json"))).toBe(true);
    expect(readdirSync(env)).toEqual([]);
    expect((await build([], { PROTOKOLL_CACHE_DIR: env })).code).toBe(0);
    expect(existsSync(path.join(buildStateDir(env, out), "outputs.json"))).toBe(true);
  });

  it("is refused inside the output folder, where it would be published", async () => {
    const { build, out } = await project();
    const result = await build(["--cache-dir", path.join(out, "cache")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is inside the output");
    expect(result.stderr).toContain("--cache-dir");
    expect(existsSync(out)).toBe(false);
  });

  it("is named in the help of build, check, serve and review", async () => {
    for (const command of ["build", "check", "serve", "review"]) {
      const help = await runCli([command, "--help"]);
      expect(help.stdout, command).toContain("--cache-dir");
    }
  });
});

describe("the cache key", () => {
  it("PROTOKOLL_CACHE_KEY lets two machines share a cache; another key or none trusts nothing of it", async () => {
    const { build } = await project();
    const cache = await temp("protokoll-shared-");
    const machine = async () => ({ XDG_CACHE_HOME: await temp("protokoll-machine-"), PROTOKOLL_CACHE_DIR: cache });
    const first = await build([], { ...(await machine()), PROTOKOLL_CACHE_KEY: "ci-secret-1" });
    expect(first.code, first.stderr).toBe(0);
    const rendered = pages(first.stderr)?.[0];
    expect(rendered).toBeGreaterThan(0);
    // Another machine with the same secret reuses every page.
    const shared = await build([], { ...(await machine()), PROTOKOLL_CACHE_KEY: "ci-secret-1" });
    expect(pages(shared.stderr)).toEqual([0, rendered]);
    // Another secret, or a machine's own key: the cache vouches for nothing, every page is made again.
    const other = await build([], { ...(await machine()), PROTOKOLL_CACHE_KEY: "ci-secret-2" });
    expect(pages(other.stderr)?.[0]).toBe(rendered);
    await writeFile(path.join(cache, "unused"), "");
    const own = await build([], await machine());
    expect(pages(own.stderr)?.[0]).toBe(rendered);
  });
});

describe("an old _site/.protokoll/", () => {
  it("is removed by the next build and never trusted", async () => {
    const { build, out } = await project();
    expect((await build()).code).toBe(0);
    // What a build before contract v3 left, or anyone planted: a manifest, a lock, a cache with internal notes.
    await mkdir(path.join(out, ".protokoll"), { recursive: true });
    await writeFile(path.join(out, ".protokoll", "outputs.json"), '{"format":"protokoll-outputs"}');
    await writeFile(path.join(out, ".protokoll", "build.lock"), String(process.pid));
    await writeFile(path.join(out, ".protokoll", "analysis-cache.json"), "Kanarienvogel-Notiz");
    const again = await build(["--audience", "client"]);
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(path.join(out, ".protokoll"))).toBe(false);
  });

  it("as a link: the link goes, what it points to stays", async () => {
    const { build, out } = await project();
    const elsewhere = await temp("protokoll-target-");
    await writeFile(path.join(elsewhere, "keep.txt"), "mine");
    await mkdir(out, { recursive: true });
    await symlink(elsewhere, path.join(out, ".protokoll"));
    expect((await build()).code).toBe(0);
    expect(existsSync(path.join(out, ".protokoll"))).toBe(false);
    expect(readdirSync(elsewhere)).toEqual(["keep.txt"]);
  });
});
