import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/load-config.js";
import { dealCalendar } from "../../src/export/calendar.js";
import { calendarPart } from "../../src/export/write-calendars.js";
import { ownerKey } from "../../src/model/owner-directory.js";
import { analyseFiles } from "../helpers/analyse.js";
import { pythonIcs } from "../helpers/python-parsers.js";

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const file = (status: string, updated = "2026-11-21") =>
  [
    "title: Liefervertrag",
    "customer: Beta AG",
    `status: ${status}`,
    ...(status === "lost" ? ["lost_reason: Preis"] : []),
    "meeting:",
    "  date: 2026-11-20",
    `updated: ${updated}`,
    "communication:",
    "  rhythm:",
    "    weekday: tuesday",
    '    time: "09:00"',
    "    duration: 20",
    "  review: 2026-12-18",
    "actions:",
    "  - task: Angebot schicken",
    "    owner: Anna Schulz",
    "    due: 2026-12-04",
    "",
  ].join("\n");

async function calendarOf(status: string, updated?: string) {
  const analysis = await analyseFiles({ "beta.yaml": file(status, updated) });
  const deal = analysis.deals[0]?.deal;
  if (!deal) throw new Error("no deal");
  const part = calendarPart(deal, DEFAULT_CONFIG);
  const text = dealCalendar(deal, DEFAULT_CONFIG.timeZone, part.events);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = Object.fromEntries(
    calendar.getAllSubcomponents("vevent").map((e) => [String(e.getFirstPropertyValue("uid")), new ICAL.Event(e)]),
  );
  return { text, part, events };
}

describe("the communication in the calendar", () => {
  it("puts the review on its day and the rhythm every Tuesday at 09:00, in summer time too", async () => {
    const { text, part, events } = await calendarOf("active");
    const review = events["beta-review@protokoll"];
    expect(review?.startDate.toString()).toBe("2026-12-18");
    expect(review?.summary).toBe("Review: Beta AG: Liefervertrag");
    const rhythm = events["beta-rhythm@protokoll"] as ICAL.Event;
    expect(rhythm.isRecurring()).toBe(true);
    const it = rhythm.iterator();
    const starts = Array.from({ length: 3 }, () => it.next()?.toString());
    expect(starts).toEqual(["2026-11-24T09:00:00", "2026-12-01T09:00:00", "2026-12-08T09:00:00"]);
    // Floating: still 09:00 after the clocks change (a UTC start would move to 10:00 in summer).
    let later = it.next();
    while (later && later.toString() < "2027-04-01") later = it.next();
    expect(later?.toString()).toBe("2027-04-06T09:00:00");
    expect(rhythm.duration.toSeconds()).toBe(20 * 60);

    const dir = await mkdtemp(path.join(tmpdir(), "protokoll-rhythm-"));
    folders.push(dir);
    await writeFile(path.join(dir, "beta.ics"), text);
    const [py] = pythonIcs<{ error: string | null; events: { uid: string }[] }[]>(path.join(dir, "beta.ics"));
    if (!py) throw new Error("icalendar read nothing");
    expect(py.error).toBeNull();
    expect(py.events.map((e: { uid: string }) => e.uid)).toEqual([
      "beta-review@protokoll",
      "beta-rhythm@protokoll",
      expect.stringMatching(/^beta-action-/),
    ]);

    // The owner's feed: the review (their deal's appointment) and their deadline, not the rhythm.
    const owner = part.owners.find(([key]) => key === ownerKey("Anna Schulz"))?.[1] ?? [];
    const uids = owner.map((n) => /UID:(\S+)/.exec(part.events[n] as string)?.[1]);
    expect(uids).toEqual(["beta-review@protokoll", expect.stringMatching(/^beta-action-/)]);
  });

  it("ends the rhythm on the Stand of a closed deal and drops the review", async () => {
    const { events } = await calendarOf("won", "2026-12-10");
    expect(events["beta-review@protokoll"]).toBeUndefined();
    const rhythm = events["beta-rhythm@protokoll"] as ICAL.Event;
    const it = rhythm.iterator();
    const starts: string[] = [];
    for (let next = it.next(); next; next = it.next()) starts.push(next.toString());
    expect(starts).toEqual(["2026-11-24T09:00:00", "2026-12-01T09:00:00", "2026-12-08T09:00:00"]);
  });

  it("has no rhythm event for a deal closed before its first occurrence", async () => {
    expect((await calendarOf("lost", "2026-11-21")).events["beta-rhythm@protokoll"]).toBeUndefined();
  });
});
