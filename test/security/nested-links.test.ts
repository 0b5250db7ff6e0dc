// Regression: a symbolic link placed at `_site/owners/<slug>` (also `review/<week>`, `status/active`,
// `findings/<code>`) made the build overwrite `index.html` and create `calendar.ics` in the folder it pointed
// to. Every write and delete under --out now refuses a path with a link on its way
// (src/util/output-guard.ts), says which and why, and the build still writes the rest.
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deal } from "../helpers/analyse.js";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** A deal with an owner, a finding (`missing-due`) and a commit, so owner, finding, status and review pages exist. */
async function repository() {
  const repo = await gitRepo();
  made.push(repo.dir);
  await repo.write(
    "deals/anna.yaml",
    deal("actions:", "  - task: Angebot schicken", "    owner: Anna Schulz", "next_meeting:", "  date: 2026-12-02"),
  );
  repo.commit("Anna");
  return repo.dir;
}

/** A folder outside the output, with a file of its own in it. */
async function victim(): Promise<string> {
  const dir = tempDir("protokoll-victim-");
  made.push(dir);
  await writeFile(path.join(dir, "index.html"), "MINE");
  return dir;
}

describe("a symbolic link below the output folder", () => {
  it.each([
    ["owners/anna-schulz", "index.html"],
    ["review/2026-W48", "index.html"],
    ["status/active", "index.html"],
    ["findings/missing-due", "index.html"],
  ])("at %s: nothing is written or removed through it, it is named, and the rest is built", async (at, page) => {
    const cwd = await repository();
    const cache = tempDir("protokoll-cache-");
    made.push(cache);
    const env = { PROTOKOLL_CACHE_DIR: cache };
    const build = () => runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd, env });
    // A first build makes every page (so the link replaces a folder that the build knows).
    expect((await build()).code).toBe(0);
    const out = path.join(cwd, "_site");
    expect(readFileSync(path.join(out, at, page), "utf8")).toContain("protokoll");
    await rm(path.join(out, at), { recursive: true });
    const target = await victim();
    await mkdir(path.dirname(path.join(out, at)), { recursive: true });
    await symlink(target, path.join(out, at));

    const result = await build();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`_site/${at}/${page}: not written – _site/${at} is a symbolic link`);
    expect(result.stderr).toContain(`rm _site/${at}`);
    // The folder it points to is as it was: no page overwritten, no calendar created, nothing removed.
    expect(readdirSync(target)).toEqual(["index.html"]);
    expect(readFileSync(path.join(target, "index.html"), "utf8")).toBe("MINE");
    // Everything else is written.
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("Testdeal");
    expect(readFileSync(path.join(out, "deals", "anna", "index.html"), "utf8")).toContain("Angebot schicken");
    expect(readFileSync(path.join(out, "report.json"), "utf8")).toContain("missing-due");
  });

  it("at a deal file's folder's parent is refused before anything is written (the earlier guard still holds)", async () => {
    const cwd = await repository();
    const target = await victim();
    await mkdir(path.join(cwd, "_site"), { recursive: true });
    await symlink(target, path.join(cwd, "_site", "deals"));
    const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
    expect(result.code).toBe(2);
    expect(readdirSync(target)).toEqual(["index.html"]);
  });

  it("a link as the file itself is replaced as a link, and what it points to is untouched", async () => {
    const cwd = await repository();
    const cache = tempDir("protokoll-cache-");
    made.push(cache);
    const env = { PROTOKOLL_CACHE_DIR: cache };
    expect((await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd, env })).code).toBe(0);
    const target = await victim();
    const page = path.join(cwd, "_site", "owners", "anna-schulz", "index.html");
    await rm(page);
    await symlink(path.join(target, "index.html"), page);
    const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd, env });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(target, "index.html"), "utf8")).toBe("MINE");
    expect(readFileSync(page, "utf8")).toContain("Anna Schulz");
  });
});
