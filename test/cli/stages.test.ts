// The commands as data: one loop runs the stages in order, skips those whose `when` says no, times each, and
// `protokoll build` / `check` are exactly their stage lists.
import { describe, expect, it } from "vitest";
import { BUILD_STAGES } from "../../src/cli/stages/build-stages.js";
import { CHECK_STAGES } from "../../src/cli/stages/check-stages.js";
import { OUTPUTS } from "../../src/cli/stages/outputs.js";
import { runStages, type StageTiming } from "../../src/cli/stages/run-stages.js";
import { deal, dealsDir } from "../helpers/analyse.js";
import { runCli } from "../helpers/run-cli.js";

describe("runStages", () => {
  it("runs the stages in order over one context, skips the ones not wanted, and times each that ran", async () => {
    const seen: string[] = [];
    const timings: StageTiming[] = [];
    const stages = ["a", "b", "c"].map((name) => ({
      name,
      when: () => name !== "b",
      run: async (context: string[]) => void context.push(name),
    }));
    await runStages(stages, seen, (t) => timings.push(t));
    expect(seen).toEqual(["a", "c"]);
    expect(timings.map((t) => t.name)).toEqual(["a", "c"]);
    for (const t of timings) expect(t.milliseconds).toBeGreaterThanOrEqual(0);
  });

  it("stops at the first stage that throws: nothing after it runs", async () => {
    const seen: string[] = [];
    const stages = [
      { name: "a", run: () => void seen.push("a") },
      {
        name: "b",
        run: () => {
          throw new Error("b broke");
        },
      },
      { name: "c", run: () => void seen.push("c") },
    ];
    await expect(runStages(stages, null, () => undefined)).rejects.toThrow("b broke");
    expect(seen).toEqual(["a"]);
  });
});

describe("the stage lists", () => {
  it("build: analyse, lock, prune, history, every output in registry order, clean, summary", () => {
    expect(BUILD_STAGES.map((s) => s.name)).toEqual([
      "analyse",
      "lock",
      "prune",
      "history",
      ...OUTPUTS.map((o) => o.name),
      "clean",
      "remember",
      "summary",
    ]);
    expect(OUTPUTS.map((o) => o.name)).toEqual(["pdf", "site", "calendar", "invitation", "mail", "follow-up", "report"]);
  });

  it("check: analyse, report", () => {
    expect(CHECK_STAGES.map((s) => s.name)).toEqual(["analyse", "report"]);
  });

  it("a client build runs no team-only output, and a build without PDFs no print stage", async () => {
    const cwd = await dealsDir({ "a.yaml": deal() });
    const env = { PROTOKOLL_TIMINGS: "1", PROTOKOLL_TODAY: "2026-11-23" };
    const client = await runCli(["build", "--no-pdf", "--audience", "client"], { cwd, env });
    expect(client.code, client.stderr).toBe(0);
    const ran = [...client.stderr.matchAll(/^protokoll: (\S+) \d+ ms \(peak \d+ MB\)$/gm)].map((m) => m[1]);
    expect(ran).toEqual(["analyse", "lock", "prune", "history", "site", "calendar", "clean", "remember", "summary"]);
    const check = await runCli(["check"], { cwd, env });
    expect([...check.stderr.matchAll(/^protokoll: (\S+) \d+ ms \(peak \d+ MB\)$/gm)].map((m) => m[1])).toEqual([
      "analyse",
      "report",
    ]);
  });
});
