import { type PlainDate, utcMillis } from "./plain-date.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `zone` at `instant`, read as if it were UTC (ms). */
function wallClock(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return utcMillis(parts.year ?? 0, parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/** The zone's offset from UTC in minutes at an instant (epoch ms). */
export function offsetMinutes(instant: number, zone: string): number {
  return Math.round((wallClock(instant, zone) - instant) / 60_000);
}

/**
 * Every instant (epoch ms) at which the clocks in `zone` show `date` `time`. Usually one; none in the hour
 * skipped when summer time starts (2026-03-29 02:30 in Berlin), two in the hour repeated when it ends
 * (2026-10-25 02:30), earliest first. Independent of the process time zone.
 */
export function instantsOf(date: PlainDate, time: string, zone: string): number[] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [h, min] = time.split(":").map(Number) as [number, number];
  const local = utcMillis(y, m, d, h, min);
  const day = 86_400_000;
  const offsets = new Set([wallClock(local - day, zone) - (local - day), wallClock(local + day, zone) - (local + day)]);
  return [...offsets]
    .map((offset) => local - offset)
    .filter((instant) => wallClock(instant, zone) === local)
    .sort((a, b) => a - b);
}
