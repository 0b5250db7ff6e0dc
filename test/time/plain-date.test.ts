// Date logic is table-driven and runs under several TZ values (see vitest.config.ts): a plain date must
// never shift by a day because of the machine's time zone.
import { describe, expect, it } from "vitest";
import { formatDate, formatWeekday } from "../../src/time/format-date.js";
import {
  addDays,
  daysBetween,
  daysInMonth,
  isPlainTime,
  isTimeZone,
  type PlainDate,
  parsePlainDate,
  todayIn,
  weekday,
} from "../../src/time/plain-date.js";

const d = (text: string) => text as PlainDate;

describe("parsePlainDate", () => {
  it.each([
    ["2026-11-20", "2026-11-20"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["2026-12-31", "2026-12-31"],
    ["2026-02-29", undefined],
    ["1900-02-29", undefined],
    ["2026-02-30", undefined],
    ["2026-04-31", undefined],
    ["2026-13-01", undefined],
    ["2026-00-10", undefined],
    ["2026-01-00", undefined],
    ["20.11.2026", undefined],
    ["2026-1-5", undefined],
    ["2026-11-20T10:00", undefined],
    [" 2026-11-20", undefined],
  ])("%s → %s", (text, expected) => {
    expect(parsePlainDate(text)).toBe(expected);
  });
});

describe("isPlainTime", () => {
  it.each([
    ["00:00", true],
    ["09:05", true],
    ["23:59", true],
    ["24:00", false],
    ["25:00", false],
    ["9:05", false],
    ["09:5", false],
    ["12:60", false],
    ["12.30", false],
  ])("%s → %s", (text, expected) => {
    expect(isPlainTime(text)).toBe(expected);
  });
});

describe("date arithmetic", () => {
  it.each([
    ["2026-11-20", 1, "2026-11-21"],
    ["2026-11-30", 1, "2026-12-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2026-03-29", 1, "2026-03-30"], // DST starts in Europe on 2026-03-29
    ["2026-10-25", 1, "2026-10-26"], // DST ends in Europe on 2026-10-25
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-11-20", 14, "2026-12-04"],
  ])("%s + %i = %s", (date, days, expected) => {
    expect(addDays(d(date), days)).toBe(expected);
  });

  it.each([
    ["2026-11-20", "2026-11-23", 3],
    ["2026-11-23", "2026-11-20", -3],
    ["2026-03-28", "2026-03-30", 2],
    ["2026-10-24", "2026-10-26", 2],
    ["2026-12-31", "2027-01-01", 1],
  ])("%s → %s is %i days", (a, b, days) => {
    expect(daysBetween(d(a), d(b))).toBe(days);
  });

  it.each([
    [2026, 2, 28],
    [2024, 2, 29],
    [2100, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])("%i-%i has %i days", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    ["2026-11-23", 1],
    ["2026-11-22", 7],
    ["2026-11-20", 5],
    ["1970-01-01", 4],
  ])("weekday of %s is %i", (date, expected) => {
    expect(weekday(d(date))).toBe(expected);
  });
});

describe("todayIn", () => {
  // 2026-11-22T23:30Z is already Monday the 23rd in Berlin, still Sunday in Los Angeles.
  const instant = new Date(Date.UTC(2026, 10, 22, 23, 30));
  it.each([
    ["Europe/Berlin", "2026-11-23"],
    ["UTC", "2026-11-22"],
    ["America/Los_Angeles", "2026-11-22"],
    ["Pacific/Kiritimati", "2026-11-23"],
  ])("in %s it is %s", (zone, expected) => {
    expect(todayIn(zone, instant)).toBe(expected);
  });

  it("knows real zones and rejects made-up ones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Europe/Musterstadt")).toBe(false);
  });
});

describe("formatDate", () => {
  it.each([
    ["2026-11-27", "de", "27.11.2026"],
    ["2026-01-05", "de", "05.01.2026"],
    ["2026-11-27", "en", "27 Nov 2026"],
    ["2027-01-01", "en", "1 Jan 2027"],
  ] as const)("%s in %s is %s", (date, language, expected) => {
    expect(formatDate(d(date), language)).toBe(expected);
  });

  it.each([
    ["2026-11-23", "de", "Mo"],
    ["2026-11-22", "de", "So"],
    ["2026-11-23", "en", "Mon"],
  ] as const)("weekday of %s in %s is %s", (date, language, expected) => {
    expect(formatWeekday(d(date), language)).toBe(expected);
  });
});
