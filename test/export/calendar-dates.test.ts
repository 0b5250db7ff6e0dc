// Regression: the calendar wrote DTSTART:19010101T231500Z for a meeting in year 0001 and DTEND:+0100000101…
// for 9999. For every allowed date — both ends of the range, leap days, the days summer time starts and ends —
// and in several configured zones, the .ics is read back by ical.js and gives the instant the wall clock means.
// (Expected instants computed independently with Python's zoneinfo.) Runs under several process time zones.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { dealCalendar } from "../../src/export/calendar.js";
import type { Deal } from "../../src/model/deal.js";
import { analyseFiles, deal } from "../helpers/analyse.js";

async function dealFrom(zone: string, ...lines: string[]): Promise<Deal> {
  const analysis = await analyseFiles({ "termin.yaml": deal(...lines) }, { config: { timeZone: zone } });
  const result = analysis.deals[0];
  if (!result?.deal) throw new Error(JSON.stringify(result?.findings));
  return result.deal;
}

function meeting(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const next = calendar
    .getAllSubcomponents("vevent")
    .find((v) => String(v.getFirstPropertyValue("uid")).endsWith("-next@protokoll"));
  if (!next) throw new Error(`no next meeting in\n${text}`);
  return next;
}

const stampLine = (text: string, name: string) => text.split("\r\n").find((l) => l.startsWith(name)) ?? "";

describe("calendar times over the whole date range", () => {
  it.each([
    ["Europe/Berlin", "1900-01-01", "10:00", 60, "19000101T090000Z", "19000101T100000Z"],
    ["Europe/Berlin", "1900-01-01", "00:15", 30, "18991231T231500Z", "18991231T234500Z"],
    ["Europe/Berlin", "2999-12-31", "23:30", 1440, "29991231T223000Z", "30000101T223000Z"],
    ["Europe/Berlin", "2999-07-01", "12:00", 60, "29990701T100000Z", "29990701T110000Z"],
    ["Europe/Berlin", "2000-02-29", "09:00", 60, "20000229T080000Z", "20000229T090000Z"],
    ["Europe/Berlin", "2096-02-29", "12:00", 45, "20960229T110000Z", "20960229T114500Z"],
    ["Europe/Berlin", "2026-03-29", "02:30", 60, "20260329T013000Z", "20260329T023000Z"], // skipped hour → 03:30
    ["Europe/Berlin", "2026-10-25", "02:30", 60, "20261025T003000Z", "20261025T013000Z"], // repeated → first
    ["America/New_York", "1900-01-01", "10:00", 60, "19000101T150000Z", "19000101T160000Z"],
    ["Pacific/Kiritimati", "1900-01-01", "10:00", 60, "19000101T202920Z", "19000101T212920Z"], // local mean time
    ["Pacific/Kiritimati", "2999-12-31", "23:30", 60, "29991231T093000Z", "29991231T103000Z"],
  ])("%s %s %s (%i min) is %s to %s", async (zone, date, time, minutes, start, end) => {
    const d = await dealFrom(zone, "next_meeting:", `  date: ${date}`, `  time: "${time}"`, `  duration: ${minutes}`);
    const text = dealCalendar(d, zone);
    expect(stampLine(text, "DTSTART:")).toBe(`DTSTART:${start}`);
    expect(stampLine(text, "DTEND:")).toBe(`DTEND:${end}`);
    const event = new ICAL.Event(meeting(text));
    expect(event.startDate.toJSDate().getTime()).toBe(
      Date.parse(
        `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6, 11)}:${start.slice(11, 13)}:${start.slice(13, 15)}Z`,
      ),
    );
    expect(event.endDate.compare(event.startDate)).toBe(1);
  });

  it.each([
    ["1900-01-01", "19000101", "19000102"],
    ["2000-02-29", "20000229", "20000301"],
    ["2999-12-31", "29991231", "30000101"],
  ])("an all-day meeting on %s runs from %s to %s", async (date, start, end) => {
    const d = await dealFrom("Europe/Berlin", "next_meeting:", `  date: ${date}`);
    const text = dealCalendar(d, "Europe/Berlin");
    expect(stampLine(text, "DTSTART;VALUE=DATE:")).toBe(`DTSTART;VALUE=DATE:${start}`);
    expect(stampLine(text, "DTEND;VALUE=DATE:")).toBe(`DTEND;VALUE=DATE:${end}`);
    const event = new ICAL.Event(meeting(text));
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe(`${date}`);
  });

  it("writes every DATE-TIME with a four-digit year and no sign, at both ends of the range", async () => {
    for (const [date, time] of [
      ["1900-01-01", "00:00"],
      ["2999-12-31", "23:59"],
    ]) {
      const d = await dealFrom("Pacific/Kiritimati", "next_meeting:", `  date: ${date}`, `  time: "${time}"`, "  duration: 1440");
      const text = dealCalendar(d, "Pacific/Kiritimati");
      for (const line of text.split("\r\n").filter((l) => /^(DTSTART|DTEND|DTSTAMP)/.test(l))) {
        expect(line).toMatch(/^[A-Z;=]+:\d{8}(T\d{6}Z)?$/);
      }
    }
  });
});
