// Regression: a browser that never answers (hung, or a wrong binary that just sleeps) hung the build forever.
import { execFileSync } from "node:child_process";
import { chmod, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

function processesRunning(marker: string): string[] {
  try {
    return execFileSync("pgrep", ["-f", marker], { encoding: "utf8" }).split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

describe("a browser that never answers", () => {
  it("stops the build within the time limit with a clear error (exit 2) and leaves no process behind", async () => {
    const cwd = await dealsDir({ "echt.yaml": deal() });
    const marker = `${4000 + Math.floor(Math.random() * 1000)}.5`;
    const fake = path.join(cwd, "fake-chrome");
    await writeFile(fake, `#!/bin/sh\nexec sleep ${marker}\n`);
    await chmod(fake, 0o755);
    const started = performance.now();
    const result = await runCli(["build", "--today", "2026-11-23"], {
      cwd,
      env: { PUPPETEER_EXECUTABLE_PATH: fake, PROTOKOLL_BROWSER_TIMEOUT_MS: "2000" },
    });
    const seconds = (performance.now() - started) / 1000;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/did not answer within 2 s of starting; it was stopped/);
    expect(result.stderr).toMatch(/PROTOKOLL_BROWSER_TIMEOUT_MS/);
    // Generous: the limit is 2 s, plus the build around it on a shared machine; it used to be forever.
    expect(seconds).toBeLessThan(30);
    expect(processesRunning(`sleep ${marker}`)).toEqual([]);
    // The rest of the build is still there.
    expect(result.stderr).toMatch(/Built 1 deal/);
  }, 60_000);
});
