// Regression: years 0001 and 9999 were accepted. Date.UTC reads the years 0–99 as 1900–1999, so a deal dated
// 0001-01-01 counted "45982 days" from 1901, and the calendar wrote 19010101 and +01000001. Dates are now
// 1900-01-01 … 2999-12-31, and day arithmetic is exact across the whole range, under every process time zone.
import { describe, expect, it } from "vitest";
import {
  addDays,
  DATE_RANGE,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isCalendarDate,
  type PlainDate,
  parsePlainDate,
  utcMillis,
  weekday,
} from "../../src/time/plain-date.js";

const d = (text: string) => text as PlainDate;

describe("the accepted range of dates", () => {
  it("is 1900-01-01 to 2999-12-31", () => {
    expect(DATE_RANGE).toEqual({ min: "1900-01-01", max: "2999-12-31" });
  });

  it.each([
    ["1900-01-01", true],
    ["2999-12-31", true],
    ["2000-02-29", true], // divisible by 400: a leap year
    ["2096-02-29", true],
    ["2400-02-29", true],
    ["1899-12-31", false],
    ["3000-01-01", false],
    ["0001-01-01", false],
    ["9999-12-31", false],
    ["0000-01-01", false],
    ["1900-02-29", false], // divisible by 100, not 400: no leap day
    ["2100-02-29", false],
    ["2999-02-29", false],
  ])("parsePlainDate(%s) accepts it: %s", (text, accepted) => {
    expect(parsePlainDate(text)).toBe(accepted ? text : undefined);
  });

  it.each([
    ["0001-01-01", true],
    ["9999-12-31", true],
    ["1900-02-29", false],
    ["2026-13-01", false],
  ])("isCalendarDate(%s) is %s, whatever the range", (text, real) => {
    expect(isCalendarDate(text)).toBe(real);
  });
});

describe("day arithmetic over the whole range", () => {
  it.each([
    // day numbers and ISO weekdays checked against Python's datetime
    ["1900-01-01", -25567, 1],
    ["1970-01-01", 0, 4],
    ["2000-02-29", 11016, 2],
    ["2999-12-31", 376199, 2],
  ])("%s is day %i, weekday %i", (date, day, iso) => {
    expect(dayNumber(d(date))).toBe(day);
    expect(fromDayNumber(day)).toBe(date);
    expect(weekday(d(date))).toBe(iso);
  });

  it.each([
    ["1900-02-28", 1, "1900-03-01"],
    ["2000-02-28", 1, "2000-02-29"],
    ["2999-12-31", 1, "3000-01-01"],
    ["1900-01-01", -1, "1899-12-31"],
    ["2096-02-29", 365, "2097-02-28"],
  ])("%s plus %i days is %s", (date, days, result) => {
    expect(addDays(d(date), days)).toBe(result);
  });

  it("counts the days between the ends of the range exactly", () => {
    expect(daysBetween(d("1900-01-01"), d("2999-12-31"))).toBe(376199 + 25567);
  });

  it("reads the years below 100 as themselves, not as 19xx", () => {
    expect(new Date(utcMillis(1, 1, 1)).getUTCFullYear()).toBe(1);
    expect(new Date(utcMillis(99, 12, 31, 23, 59)).toISOString()).toBe("0099-12-31T23:59:00.000Z");
  });
});
