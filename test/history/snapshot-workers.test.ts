// A cold build of 1000 deals with 20 commits of 200 deals each spent most of its extra time over the same deals
// outside git parsing 3 000 past versions in the main thread, one after the other (issue 32's bench). They are
// parsed in worker threads when there are many: the history they give must be the one the main thread gives —
// each version's last contact (which the configuration decides) and the owners of versions older than the
// window included (one function makes them either way, src/history/read-past-version.ts).
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Config, DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { ownerKey } from "../../src/model/owner-directory.js";
import type { PlainDate } from "../../src/time/plain-date.js";
import { ROOT, runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { TODAY, twelveWeekRepo } from "../helpers/twelve-weeks.js";

describe("past versions parsed in worker threads", () => {
  it("give the weekly review and the findings the main thread gives", async () => {
    const { dir } = await twelveWeekRepo();
    const run = (workers: string, ...args: string[]) =>
      runCli(args, {
        cwd: dir,
        // Forced either way (few versions would stay in the main thread), each with an empty cache: read cold.
        env: { PROTOKOLL_WORKERS: workers, PROTOKOLL_TODAY: TODAY, PROTOKOLL_CACHE_DIR: tempDir("protokoll-cache-") },
      });
    for (const args of [
      ["review", "--format", "markdown"],
      ["check", "--format", "json"],
    ]) {
      const inThreads = await run("2", ...args);
      const inMain = await run("0", ...args);
      expect(inThreads.stderr).toBe("");
      expect(inThreads.code).toBe(inMain.code);
      expect(inThreads.stdout).toBe(inMain.stdout);
      expect(inThreads.stdout.length).toBeGreaterThan(100);
    }
  });

  it("give each version the same last contact, under the configuration's sides, and the same owners' first-seen", async () => {
    const { dir } = await twelveWeekRepo();
    // The compiled reader (a worker thread cannot run the TypeScript sources): the one a spawned CLI runs.
    const compiled = new URL("dist/history/read-history.js", `file://${ROOT}`).href;
    expect(existsSync(new URL("dist/history/snapshot-worker.js", `file://${ROOT}`))).toBe(true);
    const { readHistory } = (await import(compiled)) as typeof import("../../src/history/read-history.js");
    // Anna Schulz is the sender: her actions done are ours, no contact — only the configuration says so.
    const config: Config = { ...DEFAULT_CONFIG, sender: { name: "Anna Schulz" } };
    const read = async (workers: string, withConfig = config) => {
      const before = process.env.PROTOKOLL_WORKERS;
      process.env.PROTOKOLL_WORKERS = workers;
      try {
        return await readHistory({
          dealsDir: "deals",
          cwd: dir,
          timeZone: "Europe/Berlin",
          today: TODAY as PlainDate,
          maxFileBytes: 256 * 1024,
          toolVersion: "test",
          config: withConfig,
          // Four weeks: the versions before 2026-11-02 are older than the window, read for their owners only.
          weeks: 4,
          cacheDir: false,
        });
      } finally {
        if (before === undefined) delete process.env.PROTOKOLL_WORKERS;
        else process.env.PROTOKOLL_WORKERS = before;
      }
    };
    const inThreads = await read("2");
    const inMain = await read("0");
    const contacts = (history: typeof inMain) =>
      [...(history?.files ?? [])].map(([file, versions]) => [file, versions.map((v) => v.snapshot?.contact)]);
    expect(inThreads?.files).toEqual(inMain?.files);
    expect(contacts(inThreads)).toEqual(contacts(inMain));
    // The configuration reached the threads: without a sender, Anna's contract drafted on 11-24 is a contact.
    const beta = (history: typeof inMain) => history?.files.get("deals/beta.yaml")?.at(-1)?.snapshot?.contact;
    expect(beta(inThreads)).toBe("2026-11-16");
    expect(beta(await read("2", DEFAULT_CONFIG))).toBe("2026-11-24");
    // Owners of versions older than the window count, read in the threads as in the main thread: Ben Wolf was
    // first seen in alpha's first meeting, seven weeks before the window.
    expect(inThreads?.cut?.versions).toBeGreaterThan(0);
    expect(inThreads?.owners).toEqual(inMain?.owners);
    const first = inMain?.owners?.seen.get(ownerKey("Ben Wolf"));
    expect(first?.time).toBe(Date.parse("2026-09-07T12:00:00Z") / 1000);
  });
});
