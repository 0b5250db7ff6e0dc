// A cache CI can share (contract v3, PROTOKOLL_CACHE_KEY): two runners with different HOMEs (so different
// machine keys), the second a fresh copy of the repository at another path with the first one's cache folder
// restored — as the CI templates restore it, without the last site — share the cache under one key: one changed
// deal prints one PDF, and the unchanged outputs are written from the cache's copies. Under another key, or
// without one (a fork's pull request, where CI secrets are absent), the restored cache is trusted for nothing:
// every PDF is printed again.
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

const SLUGS = ["anna", "bernd", "clara", "dieter"];

async function team() {
  const repo = await dealsDir(
    Object.fromEntries(SLUGS.map((slug) => [`${slug}.yaml`, deal().replace("Testdeal", `Deal ${slug}`)])),
  );
  const work = tempDir("protokoll-shared-cache-");
  /** A CI run: a copy of the repository at `name`, a HOME of its own, the templates' cache folder. */
  const runner = (name: string, key: string | undefined, restoreFrom?: string) => {
    const cwd = path.join(work, name);
    cpSync(repo, cwd, { recursive: true });
    // The cache folder only: a site restored from a cache would be output this build did not write.
    if (restoreFrom) cpSync(path.join(restoreFrom, ".protokoll-cache"), path.join(cwd, ".protokoll-cache"), { recursive: true });
    const home = mkdtempSync(path.join(work, "home-"));
    const env = {
      HOME: home,
      XDG_CACHE_HOME: path.join(home, ".cache"),
      PROTOKOLL_CACHE_DIR: ".protokoll-cache",
      PROTOKOLL_CACHE_KEY: key,
    };
    const build = async () => {
      const result = await runCli(["build", "--today", "2026-11-23"], { cwd, env });
      expect(result.code, result.stderr).toBe(0);
      return result.stdout + result.stderr;
    };
    const change = (slug: string) => {
      const file = path.join(cwd, "deals", `${slug}.yaml`);
      writeFileSync(file, readFileSync(file, "utf8").replace(`Deal ${slug}`, `Deal ${slug}, geändert`));
    };
    return { cwd, build, change };
  };
  return { runner };
}

/** A file of deal `slug`'s folder in the site built in `cwd` (its PDF unless `name` says otherwise). */
function pdfOf(cwd: string, slug: string, name = `${slug}.pdf`): string {
  return path.join(cwd, "_site", "deals", slug, name);
}

describe("a cache shared by CI runners through PROTOKOLL_CACHE_KEY", () => {
  it("two builds with different HOMEs and one key share the cache: one change prints one PDF", async () => {
    const { runner } = await team();
    const main = runner("main", "the team's CI secret");
    expect(await main.build()).toContain(`PDFs: ${SLUGS.length} printed`);
    const pr = runner("pull-request", "the team's CI secret", main.cwd);
    pr.change("bernd");
    const output = await pr.build();
    expect(output).toContain(`PDFs: 1 printed, ${SLUGS.length - 1} unchanged`);
    // The unchanged deals' files came from the cache folder's copies, byte for byte what the main run wrote.
    for (const slug of SLUGS.filter((s) => s !== "bernd"))
      for (const file of [`${slug}.pdf`, `${slug}.eml`, "index.html"])
        expect(readFileSync(pdfOf(pr.cwd, slug, file)).equals(readFileSync(pdfOf(main.cwd, slug, file))), file).toBe(true);
  }, 120_000);

  it("a copy in the restored cache that does not hold the recorded bytes is never written out: that PDF is printed again", async () => {
    const { runner } = await team();
    const main = runner("main", "the team's CI secret");
    await main.build();
    // Someone who could write the cache swaps the copy of anna's PDF for a PDF of their own.
    const bytes = readFileSync(pdfOf(main.cwd, "anna"));
    const copy = (await readdir(path.join(main.cwd, ".protokoll-cache"), { recursive: true })).find((file) =>
      file.endsWith(createHash("sha256").update(bytes).digest("hex")),
    );
    expect(copy).toBeDefined();
    writeFileSync(path.join(main.cwd, ".protokoll-cache", copy as string), readFileSync(pdfOf(main.cwd, "bernd")));
    const pr = runner("pull-request", "the team's CI secret", main.cwd);
    expect(await pr.build()).toContain(`PDFs: 1 printed, ${SLUGS.length - 1} unchanged`);
    expect(readFileSync(pdfOf(pr.cwd, "anna")).equals(bytes)).toBe(true);
  }, 120_000);

  it.each([
    ["another key", "someone else's secret"],
    ["no key (a fork's pull request)", undefined],
  ])(
    "with %s the restored cache is trusted for nothing: every PDF is printed",
    async (_, key) => {
      const { runner } = await team();
      const main = runner("main", "the team's CI secret");
      await main.build();
      const stranger = runner("stranger", key, main.cwd);
      stranger.change("bernd");
      expect(await stranger.build()).toContain(`PDFs: ${SLUGS.length} printed`);
    },
    120_000,
  );
});
