import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type History, readHistory } from "../../src/history/read-history.js";
import { weeklyMeasures, weeklyMeasuresByOwner } from "../../src/history/weekly-measures.js";
import { type IsoWeek, weeksEndingWith } from "../../src/time/iso-week.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { sealText } from "../../src/util/sealed-text.js";
import { tempDir } from "../helpers/temp-dir.js";
import { TODAY, twelveWeekRepo } from "../helpers/twelve-weeks.js";

const today = TODAY as PlainDate;
let dir: string;
let history: History;

const secret = Buffer.alloc(32, 7);

async function read(cacheDir: string | false = false, key: Buffer = secret) {
  const h = await readHistory({
    dealsDir: "deals",
    cwd: dir,
    timeZone: "Europe/Berlin",
    today,
    maxFileBytes: 256 * 1024,
    toolVersion: "test",
    cacheDir,
    secret: key,
  });
  if (!h) throw new Error("no history");
  return h;
}

beforeAll(async () => {
  dir = (await twelveWeekRepo()).dir;
  history = await read();
});

// Worked out by hand from the commits in test/helpers/twelve-weeks.ts (see the comments there and below).
// week, due, kept on time, on-time rate, done on time, done late, open, overdue, moved, next set, next missing
const TEAM: [string, number, number, number | null, number, number, number, number, number, number, number][] = [
  ["2026-W37", 1, 1, 1, 1, 0, 1, 0, 0, 1, 0], // a1 done 10.09. before its 11.09.
  ["2026-W38", 0, 0, null, 0, 0, 1, 0, 1, 1, 0], // a2 18.09. → 25.09.; next meeting 21.09. still ahead on Monday
  ["2026-W39", 0, 0, null, 0, 0, 1, 0, 1, 0, 1], // a2 25.09. → 02.10.; the appointment of 21.09. has passed
  ["2026-W40", 1, 0, 0, 0, 0, 1, 1, 0, 0, 1], // a2 due 02.10., still open
  ["2026-W41", 0, 0, null, 0, 0, 1, 1, 0, 0, 1],
  ["2026-W42", 1, 0, 0, 0, 0, 4, 2, 0, 1, 1], // beta: b1 due 16.10. open; a2 and b1 overdue
  ["2026-W43", 1, 1, 1, 1, 2, 1, 0, 0, 1, 1], // b2 on time; a2 and b1 done late
  ["2026-W44", 1, 0, 0, 0, 0, 1, 1, 0, 0, 2], // b3 due 30.10. open
  ["2026-W45", 0, 0, null, 0, 0, 1, 0, 2, 0, 2], // two moves of b3 on one day
  ["2026-W46", 1, 0, 0, 0, 0, 1, 1, 0, 0, 2], // b3 due 13.11. open
  ["2026-W47", 1, 0, 0, 0, 0, 1, 1, 1, 1, 1], // b3 13.11. → 20.11., open; beta's next meeting 03.12.
  ["2026-W48", 0, 0, null, 0, 1, 1, 0, 0, 1, 1], // b3 done late; b4 added
];

const ANNA: [string, number, number, number, number, number][] = [
  // week, due, kept, done late, overdue, moved
  ["2026-W37", 1, 1, 0, 0, 0],
  ["2026-W38", 0, 0, 0, 0, 0],
  ["2026-W42", 1, 0, 0, 1, 0],
  ["2026-W43", 0, 0, 1, 0, 0],
  ["2026-W45", 0, 0, 0, 0, 2],
  ["2026-W47", 1, 0, 0, 1, 1],
  ["2026-W48", 0, 0, 1, 0, 0],
];
const BEN: [string, number, number, number, number, number][] = [
  ["2026-W38", 0, 0, 0, 0, 1],
  ["2026-W39", 0, 0, 0, 0, 1],
  ["2026-W40", 1, 0, 0, 1, 0],
  ["2026-W43", 1, 1, 1, 0, 0],
  ["2026-W45", 0, 0, 0, 0, 0],
];

describe("weekly measures from a scripted 12-week history", () => {
  it.each(TEAM)("team %s", (week, due, kept, rate, doneOnTime, doneLate, open, overdue, moved, nextSet, nextMissing) => {
    const [row] = weeklyMeasures(history, [week as IsoWeek], today);
    expect(row).toEqual({
      week,
      due,
      keptOnTime: kept,
      onTimeRate: rate,
      doneOnTime,
      doneLate,
      open,
      overdue,
      moved,
      nextSet,
      nextMissing,
    });
  });

  it.each(ANNA)("Anna Schulz %s", (week, due, kept, doneLate, overdue, moved) => {
    const [row] = weeklyMeasures(history, [week as IsoWeek], today, { owner: "anna  schulz" });
    expect({ due: row?.due, kept: row?.keptOnTime, doneLate: row?.doneLate, overdue: row?.overdue, moved: row?.moved }).toEqual({
      due,
      kept,
      doneLate,
      overdue,
      moved,
    });
  });

  it.each(BEN)("Ben Wolf %s", (week, due, kept, doneLate, overdue, moved) => {
    const [row] = weeklyMeasures(history, [week as IsoWeek], today, { owner: "Ben Wolf" });
    expect({ due: row?.due, kept: row?.keptOnTime, doneLate: row?.doneLate, overdue: row?.overdue, moved: row?.moved }).toEqual({
      due,
      kept,
      doneLate,
      overdue,
      moved,
    });
  });

  it("the twelve weeks in one call equal the rows one by one", () => {
    const weeks = weeksEndingWith("2026-W48" as IsoWeek, 12);
    expect(weeklyMeasures(history, weeks, today).map((r) => [r.week, r.due, r.keptOnTime, r.overdue, r.moved])).toEqual(
      TEAM.map((r) => [r[0], r[1], r[2], r[7], r[8]]),
    );
  });

  // The owner pages once scanned every deal's history per owner (owners × deals × weeks: 94 of 141 s of a build
  // of 1 000 deals in git); one pass now counts every owner's rows, and each equals that owner's week alone.
  it("one pass over twelve weeks gives the team's and every owner's rows, each as the week alone gives it", () => {
    const weeks = weeksEndingWith("2026-W48" as IsoWeek, 12);
    const all = weeklyMeasuresByOwner(history, weeks, today);
    expect(all.team).toEqual(weeks.map((week) => weeklyMeasures(history, [week], today)[0]));
    expect([...all.owners.keys()].sort()).toEqual(["anna schulz", "ben wolf"]);
    for (const [owner, rows] of all.owners)
      expect(rows).toEqual(weeks.map((week) => weeklyMeasures(history, [week], today, { owner })[0]));
    expect(all.owners.get("ben wolf")?.map((r) => r.moved)).toEqual([0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("is absent outside git", async () => {
    const plain = tempDir("protokoll-nogit-");
    expect(
      await readHistory({
        dealsDir: "deals",
        cwd: plain,
        timeZone: "UTC",
        today,
        maxFileBytes: 1000,
        toolVersion: "t",
        cacheDir: false,
      }),
    ).toBeUndefined();
  });

  it("a second pass over an unchanged history comes from the cache, with the same versions", async () => {
    const cacheDir = tempDir("protokoll-cache-");
    const cold = await read(cacheDir);
    const warm = await read(cacheDir);
    expect(cold.cache).toBe("cold");
    expect(warm.cache).toBe("hit");
    expect([...warm.files]).toEqual([...cold.files]);
    expect([...warm.files]).toEqual([...history.files]);
  });

  it("a corrupted or foreign cache is ignored, never trusted", async () => {
    const cacheDir = tempDir("protokoll-cache-");
    await read(cacheDir);
    const file = path.join(cacheDir, "history.json");
    const text = await readFile(file, "utf8");
    const at = text.lastIndexOf("\nprotokoll-mac ");
    const good = JSON.parse(text.slice(0, at));
    // Written back with a valid MAC, so the shape checks are what refuses it.
    const signed = (data: unknown) => sealText(JSON.stringify(data), "protokoll-history-cache", secret);
    // A snapshot with a forged shape (a task that is an object) makes the whole file worthless.
    const forged = structuredClone(good);
    const first = Object.keys(forged.snapshots).find((k) => forged.snapshots[k]);
    forged.snapshots[first as string].actions[0].task = { toString: "x" };
    await writeFile(file, signed(forged));
    const afterForged = await read(cacheDir);
    expect(afterForged.cache).toBe("cold");
    expect([...afterForged.files]).toEqual([...history.files]);
    await writeFile(file, "{ not json");
    expect((await read(cacheDir)).cache).toBe("cold");
    await writeFile(file, signed({ ...good, key: "another tool" }));
    expect((await read(cacheDir)).cache).toBe("cold");
    expect(text.slice(at)).toMatch(/^\nprotokoll-mac [0-9a-f]{64}\n$/);
  });

  // Every check and build re-read the whole log (5 000 commits: 3.2–3.6 s each run): only unseen commits are read.
  it("after a new commit, the pass reads only the commits since the cached head, and sees what a cold pass sees", async () => {
    const { dir: repoDir } = await twelveWeekRepo();
    const cacheDir = tempDir("protokoll-cache-");
    const options = {
      dealsDir: "deals",
      cwd: repoDir,
      timeZone: "Europe/Berlin",
      today,
      maxFileBytes: 256 * 1024,
      toolVersion: "test",
      cacheDir,
      secret,
    };
    const first = await readHistory(options);
    const file = [...(first?.files.keys() ?? [])][0] as string;
    const text = await readFile(path.join(repoDir, file), "utf8");
    await writeFile(path.join(repoDir, file), text.replace(/title: (.*)/, "title: $1 (neu)"));
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
        cwd: repoDir,
        env: { ...process.env, GIT_COMMITTER_DATE: "2026-11-22T10:00:00Z", GIT_AUTHOR_DATE: "2026-11-22T10:00:00Z" },
      });
    git("commit", "-qam", "title");
    const warm = await readHistory(options);
    const cold = await readHistory({ ...options, cacheDir: false });
    expect(warm?.cache).toBe("partial");
    expect([...(warm?.files ?? [])]).toEqual([...(cold?.files ?? [])]);
    expect(warm?.files.get(file)?.at(-1)?.snapshot?.title).toMatch(/\(neu\)$/);
    expect((await readHistory(options))?.cache).toBe("hit");
    await rm(repoDir, { recursive: true, force: true });
  });

  it("the horizon: versions before the window are cut, and the pass says how many", async () => {
    const late = "2027-12-31" as PlainDate;
    const h = await readHistory({
      dealsDir: "deals",
      cwd: dir,
      timeZone: "Europe/Berlin",
      today: late,
      maxFileBytes: 256 * 1024,
      toolVersion: "test",
      cacheDir: false,
    });
    // Every commit is more than 52 weeks before: each file keeps the one version in force when the window opens.
    for (const versions of h?.files.values() ?? []) expect(versions.length).toBe(1);
    const all = [...history.files.values()].reduce((n, v) => n + v.length, 0);
    expect(h?.cut).toEqual({ versions: all - (h?.files.size ?? 0), commitCap: false });
    expect(h?.since).toBe("2027-01-01");
  });

  // `.git/protokoll/history.json` had no MAC: 500 appended fake commits of the deal made its SEQUENCE 502.
  it("a tampered history cache is ignored: fake commits appended without the key's MAC do not raise SEQUENCE", async () => {
    const cacheDir = tempDir("protokoll-cache-");
    const cold = await read(cacheDir);
    const file = path.join(cacheDir, "history.json");
    const text = await readFile(file, "utf8");
    const data = JSON.parse(text.slice(0, text.lastIndexOf("\nprotokoll-mac ")));
    const [file0, blob] = data.log[0].changes[0];
    const fakes = Array.from({ length: 500 }, (_, i) => ({
      commit: (i + 1).toString(16).padStart(40, "f"),
      time: data.log[0].time + 1,
      changes: [[file0, blob]],
    }));
    data.log = [...fakes, ...data.log];
    const body = JSON.stringify(data);
    // The old MAC over the new body, and a MAC made with another key: both refused.
    await writeFile(file, `${body}${text.slice(text.lastIndexOf("\nprotokoll-mac "))}`);
    const tampered = await read(cacheDir);
    expect(tampered.cache).toBe("cold");
    expect(tampered.files.get(file0)?.at(-1)?.ordinal).toBe(cold.files.get(file0)?.at(-1)?.ordinal);
    await writeFile(file, sealText(body, "protokoll-history-cache", Buffer.alloc(32, 9)));
    expect((await read(cacheDir)).cache).toBe("cold");
    // Read under another key, the cache is not trusted either.
    expect((await read(cacheDir, Buffer.alloc(32, 9))).cache).toBe("cold");
  });

  it("a history cache with a forged version and the old MAC, or sealed with another key, is not read", async () => {
    // The history cache had no MAC: a restored cache could rewrite what a deal said in a past week.
    const cacheDir = tempDir("protokoll-cache-");
    await read(cacheDir);
    const file = path.join(cacheDir, "history.json");
    const text = await readFile(file, "utf8");
    const at = text.lastIndexOf("\nprotokoll-mac ");
    const good = JSON.parse(text.slice(0, at));
    const forged = structuredClone(good);
    const first = Object.keys(forged.snapshots).find((k) => forged.snapshots[k]) as string;
    forged.snapshots[first].title = "Gefälschter Titel";
    await writeFile(file, JSON.stringify(forged) + text.slice(at));
    const afterForged = await read(cacheDir);
    expect(afterForged.cache).toBe("cold");
    expect(JSON.stringify([...afterForged.files])).not.toContain("Gefälschter Titel");
    // The same file, sealed under another key (PROTOKOLL_CACHE_KEY of another CI): not read either.
    const other = Buffer.alloc(32, 9);
    await writeFile(file, sealText(JSON.stringify(forged), "protokoll-history-cache", other));
    expect((await read(cacheDir)).cache).toBe("cold");
    expect((await read(cacheDir)).cache).toBe("hit");
  });
});
