import { addDays, dayNumber, type PlainDate, weekday } from "./plain-date.js";

/** An ISO 8601 week, `2026-W48`. Weeks start on Monday; week 1 holds the year's first Thursday. */
export type IsoWeek = string & { readonly __isoWeek: unique symbol };

const WEEK_SHAPE = /^(\d{4})-W(\d{2})$/;

/** The ISO week that contains `date`. */
export function isoWeekOf(date: PlainDate): IsoWeek {
  const thursday = addDays(date, 4 - weekday(date));
  const year = Number(thursday.slice(0, 4));
  const first = dayNumber(`${year}-01-01` as PlainDate);
  const week = Math.floor((dayNumber(thursday) - first) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}` as IsoWeek;
}

/** The Monday of an ISO week. */
export function weekStart(week: IsoWeek): PlainDate {
  const match = WEEK_SHAPE.exec(week);
  if (!match) throw new RangeError(`Not an ISO week: ${week}`);
  const y = Number(match[1]);
  const w = Number(match[2]);
  const jan4 = `${y}-01-04` as PlainDate;
  const mondayOfWeek1 = addDays(jan4, 1 - weekday(jan4));
  return addDays(mondayOfWeek1, (w - 1) * 7);
}

/** The Sunday of an ISO week. */
export function weekEnd(week: IsoWeek): PlainDate {
  return addDays(weekStart(week), 6);
}

/** `text` as an ISO week if it is one that exists (2026 has 53, 2025 has 52), else undefined. */
export function parseIsoWeek(text: string): IsoWeek | undefined {
  const match = WEEK_SHAPE.exec(text);
  if (!match) return undefined;
  const week = Number(match[2]);
  if (week < 1 || week > 53) return undefined;
  const candidate = text as IsoWeek;
  return isoWeekOf(weekStart(candidate)) === candidate ? candidate : undefined;
}

/** The week `n` weeks after `week` (negative: before). */
export function addWeeks(week: IsoWeek, n: number): IsoWeek {
  return isoWeekOf(addDays(weekStart(week), n * 7));
}

/** The `count` weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: IsoWeek, count: number): IsoWeek[] {
  return Array.from({ length: count }, (_, i) => addWeeks(last, i - count + 1));
}

/** Whether `date` falls in `week`. */
export function inWeek(date: PlainDate, week: IsoWeek): boolean {
  return date >= weekStart(week) && date <= weekEnd(week);
}
