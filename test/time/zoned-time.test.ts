import { describe, expect, it } from "vitest";
import type { PlainDate } from "../../src/time/plain-date.js";
import { instantsOf } from "../../src/time/zoned-time.js";

const iso = (instants: number[]) => instants.map((t) => new Date(t).toISOString());

describe("instantsOf", () => {
  it.each([
    ["2026-11-20", "10:00", "Europe/Berlin", ["2026-11-20T09:00:00.000Z"]],
    ["2026-07-01", "10:00", "Europe/Berlin", ["2026-07-01T08:00:00.000Z"]],
    ["2026-03-29", "01:59", "Europe/Berlin", ["2026-03-29T00:59:00.000Z"]],
    ["2026-03-29", "02:30", "Europe/Berlin", []],
    ["2026-03-29", "03:00", "Europe/Berlin", ["2026-03-29T01:00:00.000Z"]],
    ["2026-10-25", "02:30", "Europe/Berlin", ["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]],
    ["2026-10-25", "03:00", "Europe/Berlin", ["2026-10-25T02:00:00.000Z"]],
    ["2026-03-08", "02:30", "America/New_York", []],
    ["2026-11-20", "00:00", "Pacific/Kiritimati", ["2026-11-19T10:00:00.000Z"]],
    ["2026-11-20", "23:59", "UTC", ["2026-11-20T23:59:00.000Z"]],
  ])("%s %s in %s", (date, time, zone, expected) => {
    expect(iso(instantsOf(date as PlainDate, time, zone))).toEqual(expected);
  });
});
