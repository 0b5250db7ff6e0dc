// Without a commit (outside git, or in a repository before its first commit) there is no history to count
// changes in. The build still made a "history" of the working tree alone, one version per deal, and every
// calendar event got SEQUENCE 1 for good: a moved meeting looked to calendar clients like the same revision.
// Without commits SEQUENCE is the number of days from 2020-01-01 to the deal's "Stand", as documented.
import { readFile, writeFile } from "node:fs/promises";
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

/** Days from 2020-01-01 to `date`. */
const daysSince2020 = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.parse("2020-01-01T00:00:00Z")) / 86_400_000;

async function sequences(cwd: string): Promise<number[]> {
  const result = await runCli(["build", "--no-pdf", "--today", "2026-11-23"], { cwd });
  expect(result.code).toBe(0);
  const text = await readFile(path.join(cwd, "_site", "deals", "beta", "beta.ics"), "utf8");
  return new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents("vevent")
    .map((event) => Number(event.getFirstPropertyValue("sequence")));
}

describe("calendar SEQUENCE without commits", () => {
  it("counts the days to the deal's Stand outside git, and rises with a later Stand", async () => {
    const cwd = await dealsDir({ "beta.yaml": withNext("2026-11-21", "10:00") });
    const first = await sequences(cwd);
    expect(first.length).toBeGreaterThan(0);
    for (const sequence of first) expect(sequence).toBe(daysSince2020("2026-11-21"));
    await writeFile(path.join(cwd, "deals", "beta.yaml"), withNext("2026-11-24", "14:00"));
    for (const sequence of await sequences(cwd)) expect(sequence).toBe(daysSince2020("2026-11-24"));
  });

  it("does the same in a repository before its first commit", async () => {
    const repo = await gitRepo();
    await repo.write("deals/beta.yaml", withNext("2026-11-21", "10:00"));
    for (const sequence of await sequences(repo.dir)) expect(sequence).toBe(daysSince2020("2026-11-21"));
    // After the first commit, the history counts: the file's first commit.
    repo.commit("beta");
    for (const sequence of await sequences(repo.dir)) expect(sequence).toBe(1);
  });
});
