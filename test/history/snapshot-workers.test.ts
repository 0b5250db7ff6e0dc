// A cold build of 1000 deals with 20 commits of 200 deals each spent most of its extra time over the same deals
// outside git parsing 3 000 past versions in the main thread, one after the other (issue 32's bench). They are
// parsed in worker threads when there are many: the history they give must be the one the main thread gives.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
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
});
