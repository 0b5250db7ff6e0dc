// Per-owner calendar feeds, built by the real CLI in a real git repository, read by two independent parsers
// (ical.js and ts-ics); SEQUENCE comes from the git history and rises for two changes on one day.
import { readFile } from "node:fs/promises";
import path from "node:path";
import ICAL from "ical.js";
import { convertIcsCalendar } from "ts-ics";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { TODAY, twelveWeekRepo } from "../helpers/twelve-weeks.js";

let repo: Awaited<ReturnType<typeof twelveWeekRepo>>;

async function buildAndRead(file: string): Promise<string> {
  const result = await runCli(["build", "--no-pdf", "--today", TODAY, "--out", "_site"], { cwd: repo.dir });
  expect(result.stderr).toContain("Built 2 deals");
  return readFile(path.join(repo.dir, "_site", file), "utf8");
}

function icalEvents(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

const sequenceOf = (text: string, uid: string) =>
  icalEvents(text)
    .find((e) => e.uid === uid)
    ?.component.getFirstPropertyValue("sequence");

beforeAll(async () => {
  repo = await twelveWeekRepo();
});

describe("owners/<slug>/calendar.ics", () => {
  it("holds the owner's open deadlines and the next meeting of their deal, valid for ical.js and ts-ics", async () => {
    const text = await buildAndRead("owners/anna-schulz/calendar.ics");
    const events = icalEvents(text);
    expect(events.map((e) => [e.uid, e.startDate.toString()])).toEqual([
      ["beta-next@protokoll", expect.stringMatching(/^2026-12-03T/)],
      [expect.stringMatching(/^beta-action-[0-9a-f]{12}@protokoll$/), "2026-12-04"],
    ]);
    const parsed = convertIcsCalendar(undefined, text);
    expect(parsed.events?.map((e) => e.summary)).toEqual([
      "Beta AG: Liefervertrag Beta",
      "Frist: Unterschrift einholen (Anna Schulz)",
    ]);
    expect(parsed.events?.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    // Ben has no open action left: no feed for him.
    await expect(readFile(path.join(repo.dir, "_site", "owners", "ben-wolf", "calendar.ics"), "utf8")).rejects.toThrow();
    // The owner page links its feed.
    const page = await readFile(path.join(repo.dir, "_site", "owners", "anna-schulz", "index.html"), "utf8");
    expect(page).toContain('href="calendar.ics"');
  });

  it("SEQUENCE is the number of the last commit that changed the event, and rises for two changes on one day", async () => {
    const before = await buildAndRead("owners/anna-schulz/calendar.ics");
    const deadline = icalEvents(before).find((e) => e.uid.startsWith("beta-action-"))?.uid as string;
    // beta.yaml has 7 commits; b4 came in with the 7th (which also changed the next-meeting event: it lists the
    // open actions).
    expect(sequenceOf(before, deadline)).toBe(7);
    expect(sequenceOf(before, "beta-next@protokoll")).toBe(7);
    const file = path.join(repo.dir, "deals", "beta.yaml");
    const text = await readFile(file, "utf8");
    await repo.write("deals/beta.yaml", text.replace("due: 2026-12-04", "due: 2026-12-07"));
    repo.commit("b4 later", "2026-11-27T09:00:00Z");
    const first = await buildAndRead("owners/anna-schulz/calendar.ics");
    await repo.write("deals/beta.yaml", text.replace("due: 2026-12-04", "due: 2026-12-08"));
    repo.commit("b4 later again, same day", "2026-11-27T16:00:00Z");
    const second = await buildAndRead("owners/anna-schulz/calendar.ics");
    expect(sequenceOf(first, deadline)).toBe(8);
    expect(sequenceOf(second, deadline)).toBe(9);
    // The deal's own .ics and the team feed carry the same SEQUENCE.
    const own = await readFile(path.join(repo.dir, "_site", "deals", "beta", "beta.ics"), "utf8");
    const team = await readFile(path.join(repo.dir, "_site", "calendar.ics"), "utf8");
    expect(sequenceOf(own, deadline)).toBe(9);
    expect(sequenceOf(team, deadline)).toBe(9);
    // An uncommitted edit is one more change.
    await repo.write("deals/beta.yaml", text.replace("due: 2026-12-04", "due: 2026-12-09"));
    expect(sequenceOf(await buildAndRead("calendar.ics"), deadline)).toBe(10);
  });
});
