// `check` over an unchanged history of 5 000 commits took twice as long as over one commit (issue 32's bench): it
// read and verified the whole history cache, and asked git six times. After a build, it asks git a constant
// number of times — one rev-parse (head, shallow, git folder), one ls-files, and the report's --show-toplevel —
// however long the history, and says what a check without any cache says.
import { execFileSync } from "node:child_process";
import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";
import { datedRepo, TODAY, twelveWeekRepo } from "../helpers/twelve-weeks.js";

/** A `git` first on PATH that writes each call's arguments to a log, then runs the real one. */
async function countingGit(): Promise<{ env: Record<string, string>; calls: () => Promise<string[]> }> {
  const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  const bin = tempDir("protokoll-git-shim-");
  const log = path.join(bin, "calls.log");
  await writeFile(path.join(bin, "git"), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${log}"\nexec "${real}" "$@"\n`);
  await chmod(path.join(bin, "git"), 0o755);
  await writeFile(log, "");
  return {
    env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, PROTOKOLL_TODAY: TODAY },
    calls: async () => {
      const lines = (await readFile(log, "utf8")).split("\n").filter(Boolean);
      await writeFile(log, "");
      return lines;
    },
  };
}

/** The git calls of `check` after a build, and its report, with a cache folder of its own. */
async function checkAfterBuild(dir: string) {
  const git = await countingGit();
  const env = { ...git.env, PROTOKOLL_CACHE_DIR: tempDir("protokoll-cache-") };
  expect((await runCli(["build", "--no-pdf"], { cwd: dir, env })).code).toBe(0);
  await git.calls();
  const checked = await runCli(["check", "--format", "json"], { cwd: dir, env });
  const calls = await git.calls();
  // Without any cache, as in a fresh CI job: the history is read, and must say the same.
  const fresh = await runCli(["check", "--format", "json"], {
    cwd: dir,
    env: { ...env, PROTOKOLL_CACHE_DIR: tempDir("protokoll-cache-") },
  });
  expect(checked.stdout).toBe(fresh.stdout);
  return { calls, report: JSON.parse(checked.stdout) };
}

describe("check after a build, over an unchanged history", () => {
  it("asks git as often over twelve commits as over one, three times at most, and reports what a cold check does", async () => {
    const long = await twelveWeekRepo();
    // The contract, moved three times, is open again and moved a fourth time: due-pushed-often, from git alone.
    const beta = path.join(long.dir, "deals", "beta.yaml");
    const text = await readFile(beta, "utf8");
    const reopened = text.replace("due: 2026-11-20\n    status: done\n    done_on: 2026-11-24", "due: 2026-12-11");
    expect(reopened).not.toBe(text);
    await writeFile(beta, reopened);
    long.commit("beta: contract later again", "2026-11-26");
    const short = await datedRepo();
    for (const name of ["alpha.yaml", "beta.yaml"])
      await short.write(`deals/${name}`, await readFile(path.join(long.dir, "deals", name), "utf8"));
    short.commit("both deals", "2026-11-25");

    const overLong = await checkAfterBuild(long.dir);
    const overShort = await checkAfterBuild(short.dir);
    expect(overLong.calls.length).toBeLessThanOrEqual(3);
    expect(overLong.calls.map((c) => c.split(" ")[0])).toEqual(overShort.calls.map((c) => c.split(" ")[0]));
    // Not the log, not the blobs, not the ancestry: nothing that grows with the history.
    expect(overLong.calls.join("\n")).not.toMatch(/^(log|cat-file|merge-base|diff-files)/m);
    // The facts came from the history all the same.
    const codes = (report: { deals: { findings: { code: string }[] }[] }) =>
      report.deals.flatMap((d) => d.findings.map((f) => f.code));
    expect(codes(overLong.report)).toContain("due-pushed-often");
    expect(codes(overShort.report)).not.toContain("due-pushed-often");
  });
});
