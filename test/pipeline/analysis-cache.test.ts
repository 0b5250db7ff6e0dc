// The analysis cache: an unchanged deal is read from it, a changed deal, another "today" or another configuration
// is analysed anew, and a cache file that is corrupted, forged or from another machine is never believed.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Config, DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { ANALYSIS_CACHE_FILE, AnalysisCache } from "../../src/pipeline/analysis-cache.js";
import { analyse } from "../../src/pipeline.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { deal, dealsDir } from "../helpers/analyse.js";

const machine = async () => ({ XDG_CACHE_HOME: await mkdtemp(path.join(tmpdir(), "protokoll-key-")) });

async function run(cwd: string, cacheDir: string, env: NodeJS.ProcessEnv, today = "2026-11-23", config: Config = DEFAULT_CONFIG) {
  const cache = await AnalysisCache.open(cacheDir, { version: "1.0.0", config, today }, { create: true, env });
  if (!cache) throw new Error("no cache key could be made");
  const analysis = await analyse({ dealsDir: "deals", cwd, today: today as PlainDate, config, cache });
  await cache.save();
  const fresh = await analyse({ dealsDir: "deals", cwd, today: today as PlainDate, config });
  return { cache, analysis, fresh };
}

const files = () => ({
  "a.yaml": deal("actions:", "  - task: Angebot schicken", "    owner: Anna Schulz", "    due: 2026-11-25"),
  "b.yaml": deal().replace("Testdeal", "Zweiter Deal"),
  "kaputt.yaml": "title: [kaputt\n",
});

describe("analysis cache", () => {
  it("gives the same analysis as no cache, and reads every unchanged deal from it", async () => {
    const cwd = await dealsDir(files());
    const cacheDir = path.join(cwd, "_site", ".protokoll");
    const env = await machine();
    const first = await run(cwd, cacheDir, env);
    expect(first.cache.hits).toBe(0);
    expect(first.cache.misses).toBe(3);
    expect(first.analysis).toEqual(first.fresh);

    const second = await run(cwd, cacheDir, env);
    expect(second.cache.hits).toBe(3);
    expect(second.cache.misses).toBe(0);
    expect(second.analysis).toEqual(second.fresh);
    expect(second.analysis.deals.find((d) => d.slug === "kaputt")?.findings.map((f) => f.code)).toContain("invalid-yaml");
  });

  it("analyses a changed deal anew and only that one", async () => {
    const cwd = await dealsDir(files());
    const cacheDir = path.join(cwd, "_site", ".protokoll");
    const env = await machine();
    await run(cwd, cacheDir, env);
    await writeFile(path.join(cwd, "deals", "b.yaml"), deal().replace("Testdeal", "Umbenannt"));
    const { cache, analysis, fresh } = await run(cwd, cacheDir, env);
    expect([cache.hits, cache.misses]).toEqual([2, 1]);
    expect(analysis.deals.find((d) => d.slug === "b")?.title).toBe("Umbenannt");
    expect(analysis).toEqual(fresh);
  });

  it("analyses every deal anew on another day or with another configuration (findings depend on both)", async () => {
    const cwd = await dealsDir(files());
    const cacheDir = path.join(cwd, "_site", ".protokoll");
    const env = await machine();
    await run(cwd, cacheDir, env);
    const later = await run(cwd, cacheDir, env, "2026-12-01");
    expect([later.cache.hits, later.cache.misses]).toEqual([0, 3]);
    // The action due on 25 Nov is overdue a week later: the cached "today" must not leak into this analysis.
    expect(later.analysis.deals.find((d) => d.slug === "a")?.findings.map((f) => f.code)).toContain("overdue");
    expect(later.analysis).toEqual(later.fresh);
    const config = { ...DEFAULT_CONFIG, vagueOwners: [...DEFAULT_CONFIG.vagueOwners, "anna schulz"] } as Config;
    const configured = await run(cwd, cacheDir, env, "2026-12-01", config);
    expect([configured.cache.hits, configured.cache.misses]).toEqual([0, 3]);
    expect(configured.analysis).toEqual(configured.fresh);
  });

  it("ignores a corrupted cache file and writes a good one", async () => {
    const cwd = await dealsDir(files());
    const cacheDir = path.join(cwd, "_site", ".protokoll");
    const env = await machine();
    await run(cwd, cacheDir, env);
    await writeFile(path.join(cacheDir, ANALYSIS_CACHE_FILE), '{"format":"protokoll-analysis-cache","schema":1,"mac":"00","bo');
    const broken = await run(cwd, cacheDir, env);
    expect(broken.cache.ignored).toBe("not JSON");
    expect([broken.cache.hits, broken.cache.misses]).toEqual([0, 3]);
    expect(broken.analysis).toEqual(broken.fresh);
    const again = await run(cwd, cacheDir, env);
    expect(again.cache.ignored).toBeUndefined();
    expect(again.cache.hits).toBe(3);
  });

  it("never believes a forged entry or a cache of another machine: the broken deal stays broken", async () => {
    const cwd = await dealsDir(files());
    const cacheDir = path.join(cwd, "_site", ".protokoll");
    const env = await machine();
    await run(cwd, cacheDir, env);
    const file = path.join(cacheDir, ANALYSIS_CACHE_FILE);
    const outer = JSON.parse(await readFile(file, "utf8")) as { body: string };
    // Whoever can write the output folder rewrites every entry to "valid, no findings", keeping the old MAC…
    const body = JSON.parse(outer.body) as Record<string, string>;
    for (const key of Object.keys(body)) {
      const entry = JSON.parse(body[key] as string) as { findings: unknown[] };
      entry.findings = [];
      body[key] = JSON.stringify(entry);
    }
    await writeFile(file, JSON.stringify({ ...outer, body: JSON.stringify(body) }));
    const forged = await run(cwd, cacheDir, env);
    expect(forged.cache.ignored).toMatch(/MAC/);
    expect(forged.cache.hits).toBe(0);
    expect(forged.analysis.deals.find((d) => d.slug === "kaputt")?.findings.map((f) => f.code)).toContain("invalid-yaml");

    // …or brings a cache made on another machine (another key): not one entry is used.
    const other = await run(cwd, cacheDir, await machine());
    expect(other.cache.ignored).toMatch(/MAC/);
    expect(other.cache.hits).toBe(0);
    expect(other.analysis).toEqual(other.fresh);
  });

  it("without a key of this machine, a read-only use (check) uses no cache at all", async () => {
    const cwd = await dealsDir(files());
    const env = await machine();
    const cache = await AnalysisCache.open(
      path.join(cwd, "_site", ".protokoll"),
      { version: "1", config: {}, today: "x" },
      { create: false, env },
    );
    expect(cache).toBeUndefined();
  });
});
