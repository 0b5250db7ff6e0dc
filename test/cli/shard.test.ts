// `build --shard i/n` (contract v3): each shard prints the PDFs of its slice only; the shards' output and cache
// folders copied into one (`cp -r a/. merged/`) are the state of a full build — the build over them prints
// nothing, and every PDF is byte-identical to an unsharded build's. As in CI, every job is a copy of the
// repository at a path of its own, with the cache folder of the templates (`.protokoll-cache`) and one key.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inShard, parseShard } from "../../src/util/shard.js";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

const SLUGS = ["anna", "bernd", "clara", "dieter", "emil", "frieda", "gustav"];

/** The repository, and a CI job: a copy of it at `name`, with a HOME of its own and the shared key. */
async function sevenDeals() {
  const files = Object.fromEntries(SLUGS.map((slug) => [`${slug}.yaml`, deal().replace("Testdeal", `Deal ${slug}`)]));
  const repo = await dealsDir(files);
  const work = mkdtempSync(path.join(tmpdir(), "protokoll-shards-"));
  made.push(repo, work);
  const job = (name: string) => {
    const cwd = path.join(work, name);
    cpSync(repo, cwd, { recursive: true });
    const env = {
      XDG_CACHE_HOME: mkdtempSync(path.join(work, "home-")),
      PROTOKOLL_CACHE_DIR: ".protokoll-cache",
      PROTOKOLL_CACHE_KEY: "the team's CI secret",
    };
    const build = (...args: string[]) => runCli(["build", "--today", "2026-11-23", ...args], { cwd, env });
    return { cwd, build };
  };
  return { work, job };
}

async function pdfs(outDir: string): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && entry.name.endsWith(".pdf"))
      result.set(entry.name, await readFile(path.join(entry.parentPath, entry.name)));
  return result;
}

describe("build --shard", () => {
  it("slices the deals by a stable hash of the slug: every deal in exactly one slice, the same on every call", () => {
    const shards = [1, 2, 3].map((index) => ({ index, total: 3 }));
    for (const slug of SLUGS) expect(shards.filter((shard) => inShard(slug, shard))).toHaveLength(1);
    // Fixed by the slug alone (SHA-256), whatever else is in the repository.
    expect(SLUGS.filter((slug) => inShard(slug, { index: 1, total: 3 }))).toEqual(["emil", "frieda", "gustav"]);
    expect(parseShard("2/4")).toEqual({ index: 2, total: 4 });
    for (const bad of ["0/4", "5/4", "1/0", "a/b", "2", "2/4/6", "-1/4", "1/999"]) expect(parseShard(bad)).toBeUndefined();
  });

  it("shards merged by copying their folders give byte-identical PDFs and a final build that prints nothing", async () => {
    const { work, job } = await sevenDeals();
    const whole = job("whole");
    expect((await whole.build()).code).toBe(0);
    const expected = await pdfs(path.join(whole.cwd, "_site"));
    expect(expected.size).toBe(SLUGS.length);

    const printedBy: string[][] = [];
    for (const index of [1, 2, 3]) {
      const shard = job(`shard-${index}`);
      const result = await shard.build("--shard", `${index}/3`);
      expect(result.code, result.stderr).toBe(0);
      const own = [...(await pdfs(path.join(shard.cwd, "_site"))).keys()].sort();
      // Only its slice's PDFs, and no page: the pages need every deal.
      expect(own).toEqual(SLUGS.filter((slug) => inShard(slug, { index, total: 3 })).map((slug) => `${slug}.pdf`));
      await expect(readFile(path.join(shard.cwd, "_site", "index.html"))).rejects.toThrow();
      printedBy.push(own);
    }
    expect(printedBy.flat().sort()).toEqual(SLUGS.map((slug) => `${slug}.pdf`));

    // What the merge job of the CI templates does: every shard's folders into one.
    const merged = job("merged");
    for (const index of [1, 2, 3]) execFileSync("cp", ["-r", `shard-${index}/.`, "merged/"], { cwd: work });
    const final = await merged.build();
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout + final.stderr).toContain(`PDFs: 0 printed, ${SLUGS.length} unchanged`);
    expect(final.stdout + final.stderr).toContain("no browser started");
    const got = await pdfs(path.join(merged.cwd, "_site"));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, bytes] of expected) expect(got.get(name)?.equals(bytes), name).toBe(true);
    await expect(readFile(path.join(merged.cwd, "_site", "index.html"), "utf8")).resolves.toContain("Deal anna");

    // The merged build took the shards' state files into its own: none is left for the next build.
    const state = await readdir(path.join(merged.cwd, ".protokoll-cache"), { recursive: true });
    expect(state.filter((name) => name.includes(".shard-"))).toEqual([]);
    const again = await merged.build();
    expect(again.stdout + again.stderr).toContain(`PDFs: 0 printed, ${SLUGS.length} unchanged`);
  }, 180_000);

  it("refuses a --shard that is not a slice i of n, saying how to write one", async () => {
    const { job } = await sevenDeals();
    const result = await job("bad").build("--shard", "5/4");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("`--shard 5/4` is not a slice i of n.");
    expect(result.stderr).toContain("`--shard <i>/<n>` with 1 ≤ i ≤ n ≤ 256");
  });
});
