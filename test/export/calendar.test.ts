// Calendar files checked with an independent parser (ical.js). Runs under several TZ values: the start of an
// appointment in Europe/Berlin must not depend on the machine's zone.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { dealCalendar, feedCalendar } from "../../src/export/calendar.js";
import type { Deal } from "../../src/model/deal.js";
import { analyseFiles, deal } from "../helpers/analyse.js";

async function dealFrom(...lines: string[]): Promise<Deal> {
  const analysis = await analyseFiles({ "termin.yaml": deal(...lines) });
  const result = analysis.deals[0];
  if (!result?.deal) throw new Error(JSON.stringify(result?.findings));
  return result.deal;
}

function events(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("dealCalendar", () => {
  it.each([
    ["2026-12-01", "09:00", "2026-12-01T08:00:00.000Z"], // winter, UTC+1
    ["2026-07-01", "09:00", "2026-07-01T07:00:00.000Z"], // summer, UTC+2
    ["2026-03-29", "01:30", "2026-03-29T00:30:00.000Z"], // before the switch on the day summer time starts
    ["2026-03-29", "03:30", "2026-03-29T01:30:00.000Z"], // after it
    ["2026-03-29", "02:30", "2026-03-29T01:30:00.000Z"], // skipped hour: taken as 03:30, like calendars do
    ["2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"], // repeated hour: the first one (summer time)
  ])("puts a meeting on %s at %s in Europe/Berlin at %s", async (date, time, instant) => {
    const d = await dealFrom("next_meeting:", `  date: ${date}`, `  time: "${time}"`, "  duration: 45", "  place: Raum 2");
    const [event] = events(dealCalendar(d, "Europe/Berlin"));
    expect(event?.startDate.toJSDate().toISOString()).toBe(instant);
    expect(event?.endDate.toJSDate().getTime()).toBe(Date.parse(instant) + 45 * 60_000);
    expect(event?.location).toBe("Raum 2");
    expect(event?.summary).toBe("Test GmbH: Testdeal");
  });

  it("adds each open deadline as an all-day event, and nothing for done or undated actions", async () => {
    const d = await dealFrom(
      "actions:",
      "  - id: plan",
      "    task: Plan schicken",
      "    owner: Anna Schulz",
      "    due: 2026-11-27",
      "  - task: Ohne Datum",
      "  - task: Erledigt",
      "    due: 2026-11-25",
      "    status: done",
    );
    const all = events(dealCalendar(d, "Europe/Berlin"));
    expect(all).toHaveLength(1);
    const [deadline] = all;
    expect(deadline?.startDate.isDate).toBe(true);
    expect(deadline?.startDate.toString()).toBe("2026-11-27");
    expect(deadline?.summary).toBe("Frist: Plan schicken (Anna Schulz)");
    expect(deadline?.uid).toBe("termin-action-plan@protokoll");
  });

  it("is reproducible: stable UIDs and DTSTAMP, SEQUENCE rising with a later Stand", async () => {
    const earlier = await dealFrom("updated: 2026-11-20", "next_meeting:", "  date: 2026-12-01", '  time: "09:00"');
    const later = await dealFrom("updated: 2026-11-24", "next_meeting:", "  date: 2026-12-03", '  time: "09:00"');
    expect(dealCalendar(earlier, "Europe/Berlin")).toBe(dealCalendar(earlier, "Europe/Berlin"));
    const [a] = events(dealCalendar(earlier, "Europe/Berlin"));
    const [b] = events(dealCalendar(later, "Europe/Berlin"));
    expect(a?.uid).toBe(b?.uid);
    expect(b?.sequence).toBeGreaterThan(a?.sequence ?? Number.POSITIVE_INFINITY);
    expect(dealCalendar(earlier, "Europe/Berlin")).toContain("DTSTAMP:20261120T000000Z");
  });

  it("keeps CRLF line ends, folds at 75 octets, and lets no newline inject a property", async () => {
    const d = await dealFrom(
      "next_meeting:",
      "  date: 2026-12-01",
      '  time: "09:00"',
      `  place: "Raum 2\\nATTENDEE:mailto:evil@example.com\\r\\nX-INJECTED:1"`,
      "actions:",
      `  - task: "${"Überlange Aufgabe mit Umlauten äöüß und Gedankenstrichen – ".repeat(4)}"`,
      "    due: 2026-11-30",
    );
    const text = dealCalendar(d, "Europe/Berlin");
    expect(text.endsWith("\r\n") || text.endsWith("END:VCALENDAR")).toBe(true);
    const lines = text.split("\r\n");
    expect(lines.every((l) => !l.includes("\n") && !l.includes("\r"))).toBe(true);
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    expect(lines.filter((l) => /^(ATTENDEE|X-INJECTED)/.test(l))).toEqual([]);
    const [event] = events(text);
    expect(event?.location).toBe("Raum 2 ATTENDEE:mailto:evil@example.com X-INJECTED:1");
  });

  it("never carries anything from internal", async () => {
    const d = await dealFrom(
      "next_meeting:",
      "  date: 2026-12-01",
      "actions:",
      "  - task: Plan",
      "    due: 2026-11-30",
      "internal:",
      "  notes: CANARY-ICS",
      "  signals: [CANARY-ICS]",
    );
    expect(dealCalendar(d, "Europe/Berlin")).not.toContain("CANARY");
    expect(feedCalendar([d], "Europe/Berlin", "Feed")).not.toContain("CANARY");
  });

  it("gives two deadlines with the same task two UIDs, and keeps control characters out", async () => {
    const d = await dealFrom(
      "actions:",
      "  - task: Anrufen",
      "    owner: Anna Schulz",
      "    due: 2026-12-01",
      "  - task: Anrufen",
      "    owner: Jonas Keller",
      "    due: 2026-12-02",
      "  - task: Bell and escape",
      "    owner: Anna Schulz",
      "    due: 2026-12-03",
    );
    // A deal file with control characters is an `invalid-field` error now; the calendar sink still strips them
    // from whatever model reaches it (defence in depth), so the model is given them directly.
    (d.actions[2] as { task: string }).task = "Bell\u0007 and escape\u001b[31m";
    const text = dealCalendar(d, "Europe/Berlin");
    const uids = events(text).map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids.filter((u) => u.includes("-action-"))).toHaveLength(3);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(text).toContain("Bell and escape[31m");
  });
});
