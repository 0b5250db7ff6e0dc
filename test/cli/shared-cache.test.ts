// A cache CI can share (contract v3, PROTOKOLL_CACHE_KEY): two runners with different HOMEs (so different
// machine keys), the second a fresh copy of the repository at another path with the first one's output and cache
// folders restored — as the CI templates restore them — share the cache under one key: one changed deal prints
// one PDF. Under another key, or without one (a fork's pull request, where CI secrets are absent), the restored
// cache is trusted for nothing: every PDF is printed again.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

const SLUGS = ["anna", "bernd", "clara", "dieter"];

async function team() {
  const repo = await dealsDir(
    Object.fromEntries(SLUGS.map((slug) => [`${slug}.yaml`, deal().replace("Testdeal", `Deal ${slug}`)])),
  );
  const work = mkdtempSync(path.join(tmpdir(), "protokoll-shared-cache-"));
  made.push(repo, work);
  /** A CI run: a copy of the repository at `name`, a HOME of its own, the templates' cache folder. */
  const runner = (name: string, key: string | undefined, restoreFrom?: string) => {
    const cwd = path.join(work, name);
    cpSync(repo, cwd, { recursive: true });
    if (restoreFrom)
      for (const folder of [".protokoll-cache", "_site"])
        cpSync(path.join(restoreFrom, folder), path.join(cwd, folder), { recursive: true });
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

describe("a cache shared by CI runners through PROTOKOLL_CACHE_KEY", () => {
  it("two builds with different HOMEs and one key share the cache: one change prints one PDF", async () => {
    const { runner } = await team();
    const main = runner("main", "the team's CI secret");
    expect(await main.build()).toContain(`PDFs: ${SLUGS.length} printed`);
    const pr = runner("pull-request", "the team's CI secret", main.cwd);
    pr.change("bernd");
    const output = await pr.build();
    expect(output).toContain(`PDFs: 1 printed, ${SLUGS.length - 1} unchanged`);
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
