// `build --shard i/n` (contract v3): each shard writes the deal folders of its slice — PDF, page, calendar,
// invitation, mail drafts — and nothing that lists other deals; the shards' output and cache folders copied into
// one (`cp -r a/. merged/`) are the state of a full build — the build over them prints nothing, writes no deal's
// file again, and every file is byte-identical to an unsharded build's. As in CI, every job is a copy of the
// repository at a path of its own, with the cache folder of the templates (`.protokoll-cache`) and one key.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inShard, parseShard } from "../../src/util/shard.js";
import { deal, dealsDir } from "../helpers/analyse.js";
import { gitRepo } from "../helpers/git-repo.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const SLUGS = ["anna", "bernd", "clara", "dieter", "emil", "frieda", "gustav"];

/** CI jobs over the repository in `repo`: each a copy of it at `name`, with a HOME of its own and the shared key. */
function jobsOf(repo: string) {
  const work = tempDir("protokoll-shards-");
  const job = (name: string) => {
    const cwd = path.join(work, name);
    cpSync(repo, cwd, { recursive: true });
    const env = {
      XDG_CACHE_HOME: mkdtempSync(path.join(work, "home-")),
      PROTOKOLL_CACHE_DIR: ".protokoll-cache",
      PROTOKOLL_CACHE_KEY: "the team's CI secret",
      // Names each PDF printed, page rendered and deal whose calendar events were made.
      PROTOKOLL_TIMINGS: "1",
    };
    const build = (...args: string[]) => runCli(["build", "--today", "2026-11-23", ...args], { cwd, env });
    return { cwd, build };
  };
  return { work, job };
}

async function sevenDeals() {
  const files = Object.fromEntries(SLUGS.map((slug) => [`${slug}.yaml`, deal().replace("Testdeal", `Deal ${slug}`)]));
  return jobsOf(await dealsDir(files));
}

async function pdfs(outDir: string): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && entry.name.endsWith(".pdf"))
      result.set(entry.name, await readFile(path.join(entry.parentPath, entry.name)));
  return result;
}

/** Every file under `dir`, by its path from `dir` ("/"-separated), with its bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result.set(path.relative(dir, file).split(path.sep).join("/"), await readFile(file));
  }
  return new Map([...result].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The inode of every file in the deals' folders: a file written again (atomically, by rename) gets a new one. */
async function dealInodes(outDir: string): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const file of (await tree(outDir)).keys())
    if (file.startsWith("deals/")) result.set(file, (await stat(path.join(outDir, file))).ino);
  return result;
}

/** A deal whose invited next meeting was then called off: its folder holds a `-cancel.ics` (contract v3). */
const CALLED_OFF = [
  "title: Termin abgesagt",
  "customer: Beispiel AG",
  "meeting:",
  "  date: 2026-11-18",
  "participants:",
  "  - name: Eva Beispiel",
  "    email: eva@beispiel.example",
  "protocol_sent: 2026-11-19",
  "actions:",
  "  - task: Angebot schicken",
  "    owner: Eva Beispiel",
  "    due: 2026-11-30",
];
const NEXT = ["next_meeting:", "  date: 2026-12-02", '  time: "10:00"', "  duration: 30"];

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
      // Only its slice's PDFs, and no page that lists deals (test below: what else a shard writes).
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

  it("shards write the whole deal folders of their slice and nothing that lists deals; merged, they are a full build's output, and the build over them writes no deal file again", async () => {
    // The example deals (recap mails, invitations, a follow-up draft, owners, history) and a deal whose invited
    // meeting was called off, in git as a team keeps them.
    const repo = await gitRepo();
    for (const file of await readdir(path.join(ROOT, "deals")))
      await repo.write(`deals/${file}`, await readFile(path.join(ROOT, "deals", file), "utf8"));
    await repo.write("deals/termin-abgesagt.yaml", `${[...CALLED_OFF, ...NEXT].join("\n")}\n`);
    repo.commit("Protokolle");
    await repo.write("deals/termin-abgesagt.yaml", `${CALLED_OFF.join("\n")}\n`);
    repo.commit("Termin abgesagt");
    const { work, job } = jobsOf(repo.dir);

    const whole = job("whole");
    const full = await whole.build();
    expect(full.code, full.stderr).toBe(0);
    const expected = await tree(path.join(whole.cwd, "_site"));
    const folders = new Map<string, string[]>();
    for (const file of expected.keys()) {
      const [top, slug, name] = file.split("/");
      if (top === "deals" && slug && name) folders.set(slug, [...(folders.get(slug) ?? []), name]);
    }
    // Every kind of file a deal folder holds is there to be sharded.
    const names = [...folders.values()].flat();
    for (const end of ["/index.html", ".pdf", ".ics", ".eml", "-invite.ics", "-cancel.ics", "-follow-up.eml"])
      expect(
        names.some((name) => `/${name}`.endsWith(end)),
        end,
      ).toBe(true);

    const shards = [1, 2, 3].map((index) => ({ index, total: 3 }));
    for (const shard of shards) {
      const own = job(`shard-${shard.index}`);
      const result = await own.build("--shard", `${shard.index}/3`);
      expect(result.code, result.stderr).toBe(0);
      const wrote = await tree(path.join(own.cwd, "_site"));
      const slice = [...folders.keys()].filter((slug) => inShard(slug, shard));
      // Its slice's deal folders, each whole and as the unsharded build wrote it; besides them only the fonts
      // its pages use: no index, owner or filter page, no feed, no report.json.
      const inFolders = [...wrote.keys()].filter((file) => file.startsWith("deals/"));
      expect(inFolders.sort()).toEqual(
        slice.flatMap((slug) => (folders.get(slug) ?? []).map((name) => `deals/${slug}/${name}`)).sort(),
      );
      for (const file of inFolders) expect(wrote.get(file)?.equals(expected.get(file) as Buffer), file).toBe(true);
      expect([...wrote.keys()].filter((file) => !file.startsWith("deals/") && !file.startsWith("assets/fonts/"))).toEqual([]);
    }

    // What the merge job of the CI templates does: every shard's folders into one.
    const merged = job("merged");
    for (const { index } of shards) execFileSync("cp", ["-r", `shard-${index}/.`, "merged/"], { cwd: work });
    const before = await dealInodes(path.join(merged.cwd, "_site"));
    expect(before.size).toBe([...folders.values()].flat().length);
    const final = await merged.build();
    expect(final.code, final.stderr).toBe(0);
    const log = final.stdout + final.stderr;
    expect(log).toContain(`PDFs: 0 printed, ${folders.size} unchanged, no browser started`);
    // No deal page rendered, no deal's calendar events made again, no file of a deal folder written again.
    expect(log).not.toMatch(/rendered deals\//);
    expect(log).not.toContain("protokoll: calendar events ");
    expect(await dealInodes(path.join(merged.cwd, "_site"))).toEqual(before);
    // Every file of the site — deal folders, overview pages, feeds, report.json — byte for byte the unsharded one.
    const got = await tree(path.join(merged.cwd, "_site"));
    expect([...got.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect(got.get(file)?.equals(bytes), file).toBe(true);
    const state = await readdir(path.join(merged.cwd, ".protokoll-cache"), { recursive: true });
    expect(state.filter((name) => name.includes(".shard-"))).toEqual([]);
  }, 240_000);

  it("refuses a --shard that is not a slice i of n, saying how to write one", async () => {
    const { job } = await sevenDeals();
    const result = await job("bad").build("--shard", "5/4");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("`--shard 5/4` is not a slice i of n.");
    expect(result.stderr).toContain("`--shard <i>/<n>` with 1 ≤ i ≤ n ≤ 256");
  });
});
