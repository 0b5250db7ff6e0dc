// Without a commit (outside git, or in a repository before its first commit) the site has no history, and the
// calendars count the working tree as the first version: SEQUENCE 1. Counting days to the deal's "Stand" instead
// (the fallback at a past revision, ~2500) made SEQUENCE fall to 1 at the first commit, and calendar clients
// ignore an update whose SEQUENCE is lower than the one they have (found in review): it must never fall.
import { readFile } from "node:fs/promises";
import path from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { dealsDir } from "../helpers/analyse.js";
import { gitRepo } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const withNext = (updated: string, time: string) =>
  [
    "title: Liefervertrag",
    "customer: Beta AG",
    "meeting:",
    "  date: 2026-11-20",
    `updated: ${updated}`,
    "actions:",
    "  - task: Angebot schicken",
    "    owner: Anna Schulz",
    "    due: 2026-12-04",
    "next_meeting:",
    "  date: 2026-12-10",
    `  time: "${time}"`,
    "",
  ].join("\n");

async function sequences(cwd: string): Promise<number[]> {
  const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
  expect(result.code).toBe(0);
  const text = await readFile(path.join(cwd, "_site", "deals", "beta", "beta.ics"), "utf8");
  return new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents("vevent")
    .map((event) => Number(event.getFirstPropertyValue("sequence")));
}

describe("calendar SEQUENCE without commits", () => {
  it("is 1 outside git: the working tree is the first version", async () => {
    const cwd = await dealsDir({ "beta.yaml": withNext("2026-11-21", "10:00") });
    const first = await sequences(cwd);
    expect(first.length).toBeGreaterThan(0);
    expect(new Set(first)).toEqual(new Set([1]));
  });

  it("never falls from before the first commit to after it, and rises with each change", async () => {
    const repo = await gitRepo();
    await repo.write("deals/beta.yaml", withNext("2026-11-21", "10:00"));
    const steps = [await sequences(repo.dir)];
    // The first commit: the file's first version, as the working tree was before.
    repo.commit("beta");
    steps.push(await sequences(repo.dir));
    // The meeting moved, not yet committed: one more change; then committed, the file's second commit.
    await repo.write("deals/beta.yaml", withNext("2026-11-24", "14:00"));
    steps.push(await sequences(repo.dir));
    repo.commit("beta moved");
    steps.push(await sequences(repo.dir));
    const next = steps.map((events) => Math.max(...events));
    expect(next).toEqual([1, 1, 2, 2]);
  });
});
