// `build --shard i/n` (contract v3): each shard prints the PDFs of its slice only; the shards' folders copied
// into one (`cp -r a/. merged/`) are the state of a full build — the build over them prints nothing, and every
// PDF is byte-identical to an unsharded build's.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
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

async function sevenDeals() {
  const files = Object.fromEntries(SLUGS.map((slug) => [`${slug}.yaml`, deal().replace("Testdeal", `Deal ${slug}`)]));
  const cwd = await dealsDir(files);
  const key = await mkdtemp(path.join(tmpdir(), "protokoll-key-"));
  made.push(cwd, key);
  const build = (...args: string[]) => runCli(["build", "--today", "2026-11-23", ...args], { cwd, env: { XDG_CACHE_HOME: key } });
  return { cwd, build };
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
    expect(SLUGS.map((slug) => inShard(slug, { index: 1, total: 3 }))).toEqual(
      SLUGS.map((slug) => inShard(slug, { index: 1, total: 3 })),
    );
    expect(parseShard("2/4")).toEqual({ index: 2, total: 4 });
    for (const bad of ["0/4", "5/4", "1/0", "a/b", "2", "2/4/6", "-1/4", "1/999"]) expect(parseShard(bad)).toBeUndefined();
  });

  it("shards merged by copying their folders give byte-identical PDFs and a final build that prints nothing", async () => {
    const { cwd, build } = await sevenDeals();
    const whole = await build("--out", "whole");
    expect(whole.code).toBe(0);
    const expected = await pdfs(path.join(cwd, "whole"));
    expect(expected.size).toBe(SLUGS.length);

    const printedBy: string[][] = [];
    for (const index of [1, 2, 3]) {
      const shard = await build("--shard", `${index}/3`, "--out", `shard-${index}`);
      expect(shard.code, shard.stderr).toBe(0);
      const own = [...(await pdfs(path.join(cwd, `shard-${index}`))).keys()].sort();
      // Only its slice's PDFs, and no page: the pages need every deal.
      expect(own).toEqual(SLUGS.filter((slug) => inShard(slug, { index, total: 3 })).map((slug) => `${slug}.pdf`));
      await expect(readFile(path.join(cwd, `shard-${index}`, "index.html"))).rejects.toThrow();
      printedBy.push(own);
    }
    expect(printedBy.flat().sort()).toEqual(SLUGS.map((slug) => `${slug}.pdf`));

    // What the merge job of the CI templates does.
    const merged = path.join(cwd, "merged");
    await mkdir(merged);
    for (const index of [1, 2, 3]) execFileSync("cp", ["-r", `shard-${index}/.`, "merged/"], { cwd });
    const final = await build("--out", "merged");
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout + final.stderr).toContain(`PDFs: 0 printed, ${SLUGS.length} unchanged`);
    expect(final.stdout + final.stderr).toContain("no browser started");
    const got = await pdfs(merged);
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, bytes] of expected) expect(got.get(name)?.equals(bytes), name).toBe(true);
    await expect(readFile(path.join(merged, "index.html"), "utf8")).resolves.toContain("Deal anna");

    // The merged build folded the shards' state files into its own: the next build needs nothing of them.
    const state = await readdir(path.join(merged, ".protokoll"));
    expect(state.filter((name) => name.includes(".shard-"))).toEqual([]);
    const again = await build("--out", "merged");
    expect(again.stdout + again.stderr).toContain(`PDFs: 0 printed, ${SLUGS.length} unchanged`);
  }, 120_000);

  it("refuses a --shard that is not a slice i of n, saying how to write one", async () => {
    const { build } = await sevenDeals();
    const result = await build("--shard", "5/4");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("`--shard 5/4` is not a slice i of n.");
    expect(result.stderr).toContain("`--shard <i>/<n>` with 1 ≤ i ≤ n ≤ 256");
  });
});
