// The analysis cache: an unchanged deal is read from it, a changed deal, another "today" or another configuration
// is analysed anew, and a cache file that is corrupted, forged or from another machine is never believed.
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Config, DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { ANALYSIS_CACHE_FILE, AnalysisCache, CACHE_PIECE_BYTES, cacheFilePieces } from "../../src/pipeline/analysis-cache.js";
import { analyse, resultDigests } from "../../src/pipeline.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { deal, dealsDir } from "../helpers/analyse.js";
import { tempDir } from "../helpers/temp-dir.js";

const machine = async () => ({ XDG_CACHE_HOME: tempDir("protokoll-key-") });

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

  it("gives a result the same digest from the cache as when analysed, whatever bytes it was made from", async () => {
    const cwd = await dealsDir(files());
    const cacheDir = path.join(cwd, "_site", ".protokoll");
    const env = await machine();
    const first = await run(cwd, cacheDir, env);
    const second = await run(cwd, cacheDir, env);
    expect(second.cache.hits).toBe(3);
    expect(resultDigests(second.analysis)).toEqual(resultDigests(first.analysis));
    // A comment changes the bytes (a miss) but not the result: the same digest, so no output is made again.
    const a = files()["a.yaml"];
    await writeFile(path.join(cwd, "deals", "a.yaml"), `${a}# intern: Budget erst ab Q2\n`);
    const commented = await run(cwd, cacheDir, env);
    expect([commented.cache.hits, commented.cache.misses]).toEqual([2, 1]);
    expect(resultDigests(commented.analysis)).toEqual(resultDigests(first.analysis));
    // Another day is another digest for every deal, even where the result reads the same.
    const later = await run(cwd, cacheDir, env, "2026-11-24");
    const before = resultDigests(first.analysis);
    expect(resultDigests(later.analysis).filter((digest) => before.includes(digest))).toEqual([]);
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
    const file = path.join(cacheDir, ANALYSIS_CACHE_FILE);
    // Cut off in the middle of an entry (a full disk, a killed copy): the MAC at the end is missing.
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const broken = await run(cwd, cacheDir, env);
    expect(broken.cache.ignored).toBe("no MAC");
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
    const lines = (await readFile(file, "utf8")).split("\n");
    // Whoever can write the output folder rewrites every entry to "valid, no findings", keeping the old MAC…
    const forgedLines = lines.map((line) => {
      const entry = /^("[0-9a-f]{64}":)(.*?)(,?)$/.exec(line);
      if (!entry) return line;
      const value = JSON.parse(entry[2] as string) as { findings: unknown[] };
      value.findings = [];
      return `${entry[1]}${JSON.stringify(value)}${entry[3]}`;
    });
    expect(forgedLines).not.toEqual(lines);
    await writeFile(file, forgedLines.join("\n"));
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

  it("ignores the cache file of an older protokoll (one JSON string as its body) and writes one of this schema", async () => {
    const cwd = await dealsDir(files());
    const cacheDir = path.join(cwd, "_site", ".protokoll");
    const env = await machine();
    await run(cwd, cacheDir, env);
    const file = path.join(cacheDir, ANALYSIS_CACHE_FILE);
    await writeFile(file, `${JSON.stringify({ format: "protokoll-analysis-cache", schema: 1, mac: "00", body: "{}" })}\n`);
    const old = await run(cwd, cacheDir, env);
    expect(old.cache.ignored).toBe("another schema");
    expect([old.cache.hits, old.cache.misses]).toEqual([0, 3]);
    expect(old.analysis).toEqual(old.fresh);
    expect((await run(cwd, cacheDir, env)).cache.hits).toBe(3);
  });

  it("writes the cache file in pieces of bounded size (never as one string), as one JSON object its MAC verifies", async () => {
    const secret = Buffer.alloc(32, 7);
    const entry = (i: number) => Buffer.from(JSON.stringify({ slug: `deal-${i}`, text: "Grüße „Müller“ ".repeat(400) }));
    const entries = Array.from({ length: 400 }, (_, i) => [i.toString(16).padStart(64, "0"), entry(i)] as const);
    const largest = Math.max(...entries.map(([, json]) => json.length)) + 70;
    const pieces = [...cacheFilePieces(entries, secret)];
    const total = pieces.reduce((n, piece) => n + piece.length, 0);
    expect(total).toBeGreaterThan(3 * CACHE_PIECE_BYTES);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(CACHE_PIECE_BYTES + largest);
    const file = JSON.parse(Buffer.concat(pieces).toString("utf8")) as { entries: Record<string, unknown>; mac: string };
    expect(Object.keys(file.entries)).toEqual(entries.map(([key]) => key));
    const [key, json] = entries[5] as (typeof entries)[number];
    expect(file.entries[key]).toEqual(JSON.parse(json.toString("utf8")));
  });

  it("lets go of every entry once saved: the analysis alone holds the results", async () => {
    const cwd = await dealsDir(files());
    const cacheDir = path.join(cwd, "_site", ".protokoll");
    const { cache } = await run(cwd, cacheDir, await machine());
    expect(() => cache.get("0".repeat(64))).toThrow(/saved/);
    await expect(cache.save()).rejects.toThrow(/saved/);
  });

  it("leaves an unchanged cache file alone (compared piece by piece), and rewrites one whose entries changed", async () => {
    const cwd = await dealsDir(files());
    const cacheDir = path.join(cwd, "_site", ".protokoll");
    const env = await machine();
    const file = path.join(cacheDir, ANALYSIS_CACHE_FILE);
    await run(cwd, cacheDir, env);
    const first = await stat(file);
    await run(cwd, cacheDir, env);
    expect((await stat(file)).ino).toBe(first.ino);
    await writeFile(path.join(cwd, "deals", "b.yaml"), deal().replace("Testdeal", "Umbenannt"));
    await run(cwd, cacheDir, env);
    expect((await stat(file)).ino).not.toBe(first.ino);
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
