// `check` over an unchanged history of 5 000 commits took twice as long as over one commit (bench, issue 32): it
// read, verified and parsed the whole history cache (9 MB: every version of every deal) to compute a few facts
// per deal. It now reads the facts the last build left beside that cache — only when they were made for this
// head, window, zone and working tree, only under the cache key's MAC, and checked field by field.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { type Config, DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { gitFactsOf } from "../../src/history/git-facts.js";
import { readHistoryFacts } from "../../src/history/history-facts.js";
import { readHistory } from "../../src/history/read-history.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { sealText } from "../../src/util/sealed-text.js";
import { tempDir } from "../helpers/temp-dir.js";
import { TODAY, twelveWeekRepo } from "../helpers/twelve-weeks.js";

const secret = Buffer.alloc(32, 7);
let dir: string;
let cacheDir: string;
let repo: Awaited<ReturnType<typeof twelveWeekRepo>>;

const options = (extra: { today?: string; key?: Buffer } = {}) => ({
  dealsDir: "deals",
  cwd: dir,
  timeZone: "Europe/Berlin",
  today: (extra.today ?? TODAY) as PlainDate,
  maxFileBytes: 256 * 1024,
  toolVersion: "test",
  cacheDir,
  secret: extra.key ?? secret,
  fromWorkingTree: true,
});
/** What `build` does: the whole history, caches written. */
const build = (extra = {}) => readHistoryFacts({ ...options(extra), needHistory: true });
/** What `check` does: only the facts, nothing written. */
const check = (extra = {}) => readHistoryFacts({ ...options(extra), needHistory: false, writeCache: false });
/** The facts of a cold pass without any cache. */
const cold = async (extra = {}) => gitFactsOf(await readHistory({ ...options(extra), cacheDir: false }));

const FACTS_FILE = "history.facts.json";
const MARK = "\nprotokoll-mac ";

beforeEach(async () => {
  repo = await twelveWeekRepo();
  dir = repo.dir;
  cacheDir = tempDir("protokoll-cache-");
});

describe("check over an unchanged history", () => {
  it("takes the facts the build left, without the history cache, and they are a cold pass's facts", async () => {
    const built = await build();
    expect(built?.history).toBeDefined();
    // Without the history cache at all: the facts file alone answers.
    await rm(path.join(cacheDir, "history.json"));
    const checked = await check();
    expect(checked?.history).toBeUndefined();
    expect(checked?.head).toBe(built?.head);
    expect([...(checked?.facts ?? [])]).toEqual([...(await cold())]);
    expect(checked?.facts.get("deals/beta.yaml")?.pushedBack).toEqual(built?.facts.get("deals/beta.yaml")?.pushedBack);
    // "Vertrag entwerfen" moved from 10-30 to 11-06, 11-13 and 11-20.
    expect(Object.values(checked?.facts.get("deals/beta.yaml")?.pushedBack ?? {})).toEqual([3]);
  });

  it("reads the history when the facts are of another window, working tree or head", async () => {
    await build();
    // Another day: another window.
    const later = await check({ today: "2027-06-01" });
    expect(later?.history).toBeDefined();
    expect([...(later?.facts ?? [])]).toEqual([...(await cold({ today: "2027-06-01" }))]);
    // A deal edited on disk and not committed: its newest version is no longer the file on disk.
    const file = path.join(dir, "deals", "beta.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("Liefervertrag Beta", "Liefervertrag Beta (neu)"));
    const edited = await check();
    expect(edited?.history).toBeDefined();
    expect([...(edited?.facts ?? [])]).toEqual([...(await cold())]);
    await writeFile(file, text);
    expect((await check())?.history).toBeUndefined();
    // A new commit: another head.
    await writeFile(file, text.replace("Liefervertrag Beta", "Liefervertrag Beta (neu)"));
    repo.commit("beta: new title", "2026-11-27");
    const committed = await check();
    expect(committed?.history).toBeDefined();
    expect(committed?.facts.get("deals/beta.yaml")?.date).toBe("2026-11-27");
    expect([...(committed?.facts ?? [])]).toEqual([...(await cold())]);
  });

  it("reads the history when the facts were made under another configuration (a version's last contact is its)", async () => {
    await build();
    // Anna Schulz as the sender: her actions done are ours, so every snapshot's last contact may differ.
    const config: Config = { ...DEFAULT_CONFIG, sender: { name: "Anna Schulz" } };
    const other = await readHistoryFacts({ ...options(), config, needHistory: false, writeCache: false });
    expect(other?.history).toBeDefined();
    expect([...(other?.facts ?? [])]).toEqual([...(await cold())]);
    // A build under that configuration leaves facts for it, and then only for it.
    await readHistoryFacts({ ...options(), config, needHistory: true });
    expect((await readHistoryFacts({ ...options(), config, needHistory: false, writeCache: false }))?.history).toBeUndefined();
    expect((await check())?.history).toBeDefined();
  });

  it("ignores facts that were changed, forged in shape, or sealed under another key", async () => {
    const built = await build();
    const file = path.join(cacheDir, FACTS_FILE);
    const text = await readFile(file, "utf8");
    const at = text.lastIndexOf(MARK);
    const data = JSON.parse(text.slice(0, at));
    const forged = structuredClone(data);
    const beta = forged.facts.find((row: [string, unknown]) => row[0] === "deals/beta.yaml")[1];
    for (const key of Object.keys(beta.pushedBack)) beta.pushedBack[key] = 99;
    const expectRead = async () => {
      const checked = await check();
      expect(checked?.history).toBeDefined();
      expect([...(checked?.facts ?? [])]).toEqual([...(built?.facts ?? [])]);
    };
    // The old MAC over a changed body.
    await writeFile(file, JSON.stringify(forged) + text.slice(at));
    await expectRead();
    // Sealed with another key (another machine's, or another CI's PROTOKOLL_CACHE_KEY).
    await writeFile(file, sealText(JSON.stringify(forged), "protokoll-history-facts", Buffer.alloc(32, 9)));
    await expectRead();
    // A valid MAC, but a fact of the wrong shape: the whole file is worthless.
    const shaped = structuredClone(data);
    shaped.facts[0][1].pushedBack = { x: "99" };
    await writeFile(file, sealText(JSON.stringify(shaped), "protokoll-history-facts", secret));
    await expectRead();
    // The history cache's own seal is not a facts file's.
    await writeFile(file, sealText(JSON.stringify(data), "protokoll-history-cache", secret));
    await expectRead();
  });

  it("keys the author's action ids without a prototype: an id 'constructor' is not found on Object", async () => {
    await build();
    const checked = await check();
    for (const facts of checked?.facts.values() ?? []) {
      expect(Object.getPrototypeOf(facts.pushedBack)).toBeNull();
      expect(facts.pushedBack.constructor).toBeUndefined();
    }
  });
});
