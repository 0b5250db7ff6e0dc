// Outside git the calendars count SEQUENCE in the working tree alone. That history was made anew on every
// read of `calendarHistory` — once per deal in the invitation stage, each time over every deal — so a cold
// build of 1000 deals outside git spent about a minute there (the same deals in git: under 2 s). It is made once.
import { describe, expect, it } from "vitest";
import { BuildRun } from "../../src/cli/stages/build-run.js";
import { analyseFiles, deal } from "../helpers/analyse.js";

const settings = {
  language: "de",
  outDir: "/nowhere/_site",
  stateDir: "/nowhere/state",
  pdf: false,
  concurrency: 1,
  audience: "team",
} as const;

describe("calendar history outside git", () => {
  it("is made once per build, not once per deal", async () => {
    const run = new BuildRun({ ...settings }, () => {});
    run.analysis = await analyseFiles({ "a.yaml": deal(), "b.yaml": deal() });
    run.setCommittedHistory(undefined);
    const first = run.calendarHistory;
    expect(first?.files.get("deals/a.yaml")?.map((v) => v.workingTree)).toEqual([true]);
    expect(first?.files.get("deals/b.yaml")).toHaveLength(1);
    expect(run.calendarHistory).toBe(first);
    // Outside git there is no site history: trends and "Verlauf" need a commit.
    expect(run.history).toBeUndefined();
  });
});
